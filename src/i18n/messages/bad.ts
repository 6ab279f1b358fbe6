import type { MessageTable } from '../types.js';

/**
 * Bad input (fixtures/bad/): damage that leaves a file readable but some values lost or
 * misplaced (duplicate headers, merged input cells, pasted lines, ragged lines, dates typed as
 * figures), files too large to read safely, and the options that set those limits.
 */
export const badMessages: MessageTable = {
  W_DUPLICATE_HEADER: {
    vi: 'Tiêu đề "{header}" chỉ cùng một loại dữ liệu với tiêu đề "{first}" ở cột {firstColumn}: chỉ đọc cột đầu tiên, bỏ qua cột này. Hãy xóa hoặc đổi tên một trong hai cột',
    en: 'The header "{header}" names the same data as "{first}" in column {firstColumn}: only the first column is read and this one is ignored. Delete or rename one of the two',
  },
  W_MERGED_INPUT: {
    vi: 'Các ô {range} bị gộp (merge) qua nhiều ô nhập số liệu ({columns}): chỉ ô {cell} giữ giá trị, các ô còn lại được đọc là trống. Hãy bỏ gộp ô (Unmerge) và nhập giá trị cho từng ô',
    en: 'Cells {range} are merged across several input cells ({columns}): only {cell} keeps a value and the others read as empty. Unmerge them and give each cell its own value',
  },
  E_DATE_NOT_NUMBER: {
    vi: 'Chỉ số {indicator}, {field}: "{value}" là ngày tháng hoặc giờ, không phải số. Có thể Excel đã tự đổi số vừa nhập thành ngày tháng: hãy định dạng ô là Số (Number) rồi nhập lại số liệu',
    en: 'Indicator {indicator}, {field}: "{value}" is a date or a time, not a number. Excel may have turned the figure into a date as it was typed: format the cell as Number and type the figure again',
  },
  E_CSV_MIXED_DELIMITER: {
    vi: 'Dòng này dùng dấu "{delimiter}" để phân cách, khác với dòng tiêu đề, nên không tách được thành các cột và đã bị bỏ qua; có lẽ dòng được dán từ một tệp khác. Hãy viết lại dòng với cùng dấu phân cách như dòng tiêu đề',
    en: 'This line is separated by "{delimiter}", unlike the header line, so it cannot be split into columns and was skipped; perhaps it was pasted from another file. Write it with the same delimiter as the header',
  },
  W_CSV_RAGGED_ROW: {
    vi: 'Dòng này có {fields} trường trong khi dòng tiêu đề có {expected} cột: có thể thiếu hoặc thừa một dấu phân cách, làm giá trị nằm sai cột. Các giá trị vượt quá cột cuối của tiêu đề bị bỏ qua',
    en: 'This line has {fields} fields where the header has {expected} columns: a delimiter may be missing or extra, putting values under the wrong header. Values past the last header column are ignored',
  },
  W_CSV_INVALID_UTF8: {
    vi: 'Tệp được mã hóa UTF-8 nhưng có {count} chuỗi byte không hợp lệ (lần đầu ở dòng này), được đọc thành ký tự "�"; có thể tệp đã bị hỏng khi sao chép. Hãy kiểm tra nội dung dòng này, hoặc mở tệp gốc và lưu lại dưới dạng "CSV UTF-8"',
    en: 'The file is UTF-8 but holds {count} invalid byte sequence(s) (the first on this line), read as "�"; the file may have been damaged in a copy. Check the text of this line, or open the original and save it again as "CSV UTF-8"',
  },
  E_CSV_TOO_LARGE: {
    vi: 'Tệp CSV có hơn {max} dòng, quá lớn để đọc an toàn; không đọc tệp này. Hãy tách tệp hoặc xóa các dòng thừa',
    en: 'The CSV file has more than {max} rows, too many to read safely; it was not read. Split the file or delete stray rows',
  },
  OPT_MAX_FILE_MB: {
    vi: 'kích thước tối đa của một tệp đọc vào (Excel hoặc CSV), tính bằng MB, kiểm tra trước khi đọc (mặc định 50)',
    en: 'largest file read (workbook or CSV), in MB, checked before reading (default 50)',
  },
  OPT_MAX_INFLATED_MB: {
    vi: 'dung lượng tối đa sau khi giải nén của một tệp Excel, tính bằng MB, chống tệp "bom zip" (mặc định 300)',
    en: 'most a workbook may inflate to, in MB, against zip bombs (default 300)',
  },
  OPT_MAX_ROWS: {
    vi: 'số dòng tối đa được đọc trong một trang tính Excel (mặc định 100000)',
    en: 'highest row read in a workbook sheet (default 100000)',
  },
  E_LIMIT_OPTION: {
    vi: 'Giá trị "{value}" của {option} không hợp lệ: cần một số dương',
    en: 'Option {option} does not take "{value}": expected a positive number',
  },
  E_LIMIT_OPTION_INTEGER: {
    vi: 'Giá trị "{value}" của {option} không hợp lệ: cần một số nguyên dương',
    en: 'Option {option} does not take "{value}": expected a positive whole number',
  },
};

import type { MessageTable } from '../types.js';

/**
 * Hostile or damaged input (issue 9): zip containers that lie, files that are not regular files,
 * cells longer than Excel allows, findings past the per-file cap, and failures the CLI caught.
 */
export const hostileMessages: MessageTable = {
  E_INPUT_NOT_FILE: {
    vi: 'Không đọc mục này vì nó không phải là một tệp thông thường ({kind}): có thể là đường ống có tên (named pipe), thiết bị như /dev/zero, socket, hoặc liên kết tượng trưng (symlink) trỏ tới chỗ không tồn tại hay tạo thành vòng lặp. Các tệp khác vẫn được đọc. Hãy thay mục này bằng chính tệp bài nộp',
    en: 'Not read, as it is not a regular file ({kind}): a named pipe, a device such as /dev/zero, a socket, or a symbolic link that leads nowhere or in a loop. The other files are read. Put the submission file itself in its place',
  },
  W_CSV_CELL_TOO_LONG: {
    vi: 'Ô này dài {length} ký tự, vượt giới hạn {max} ký tự của một ô Excel: chỉ đọc {max} ký tự đầu. Hãy kiểm tra ô này, có thể thiếu dấu ngoặc kép đóng hoặc dữ liệu bị dán nhầm',
    en: 'This cell holds {length} characters, more than the {max} an Excel cell can: only the first {max} are read. Check the cell: a closing quote may be missing, or data pasted by mistake',
  },
  E_FW_TOO_DEEP: {
    vi: 'Bộ chỉ số lồng quá sâu: chỉ cho phép tối đa {max} cấp chỉ số (chỉ số chính là cấp 1)',
    en: 'The framework nests too deep: at most {max} levels of indicators are allowed (main indicators are level 1)',
  },
  E_FW_TOO_MANY_NODES: {
    vi: 'Bộ chỉ số có quá nhiều chỉ số: tối đa {max} chỉ số ở mọi cấp cộng lại',
    en: 'The framework has too many indicators: at most {max} at all levels together',
  },
  W_FINDINGS_CAPPED: {
    vi: 'Tệp này còn {omitted} vấn đề khác không được liệt kê (tối đa {max} vấn đề cho mỗi tệp, lỗi được liệt kê trước). Hãy sửa các vấn đề đã nêu rồi chạy lại',
    en: '{omitted} more findings in this file are not listed (at most {max} a file, errors first). Fix those shown and run again',
  },
  E_FILE_FAILED: {
    vi: 'dti không đọc được tệp này vì một lỗi không lường trước ({detail}); tệp bị bỏ qua, các tệp khác vẫn được xử lý. Hãy kiểm tra tệp, và báo lỗi cho nhóm phát triển dti kèm tệp nếu tệp có vẻ bình thường',
    en: 'dti could not read this file because of an unforeseen failure ({detail}); the file was left out and the others were processed. Check the file, and report it to the dti developers with the file if it looks right',
  },
  E_ZIP_DIRECTORY: {
    vi: 'Tệp Excel bị hỏng: mục lục của gói zip (ở cuối tệp) không khớp với nội dung tệp, có thể tệp bị cắt hoặc bị sửa. Hãy lấy lại tệp gốc',
    en: 'The workbook is damaged: the zip directory (at the end of the file) does not fit the file, perhaps cut short or tampered with. Get the original file again',
  },
  E_ZIP_ENTRY_COUNT: {
    vi: 'Tệp Excel bị hỏng: mục lục của gói zip khai báo {declared} phần, nhưng chỉ đủ chỗ cho nhiều nhất {room} phần. Hãy lấy lại tệp gốc',
    en: 'The workbook is damaged: the zip directory declares {declared} entries but has room for at most {room}. Get the original file again',
  },
  E_ZIP_ENTRY_OUTSIDE: {
    vi: 'Tệp Excel bị hỏng: phần "{part}" được khai báo nằm ngoài phạm vi tệp. Hãy lấy lại tệp gốc',
    en: 'The workbook is damaged: the part "{part}" is declared where the file holds no such data. Get the original file again',
  },
  E_ZIP_SIZE_MISMATCH: {
    vi: 'Tệp Excel bị hỏng hoặc bị làm giả: phần "{part}" khai báo {declared} byte khi giải nén nhưng dữ liệu không đúng kích thước đó; không đọc tệp này. Hãy lấy lại tệp gốc',
    en: 'The workbook is damaged or forged: the part "{part}" declares {declared} bytes uncompressed but its data does not have that size; the file was not read. Get the original file again',
  },
  E_ZIP_INFLATE: {
    vi: 'Tệp Excel bị hỏng: không giải nén được phần "{part}". Hãy lấy lại tệp gốc',
    en: 'The workbook is damaged: the part "{part}" cannot be inflated. Get the original file again',
  },
  E_ZIP_CRC: {
    vi: 'Tệp Excel bị hỏng: mã kiểm tra CRC-32 của phần "{part}" không khớp với dữ liệu, nên các giá trị trong đó có thể đã bị thay đổi; không đọc tệp này. Hãy lấy lại tệp gốc',
    en: 'The workbook is damaged: the CRC-32 checksum of the part "{part}" does not match its data, so values in it may have changed; the file was not read. Get the original file again',
  },
  E_ZIP_METHOD: {
    vi: 'Tệp Excel dùng cách nén không được hỗ trợ (phương thức {method}) cho phần "{part}". Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)"',
    en: 'The workbook compresses the part "{part}" with an unsupported method ({method}). Open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  E_ZIP_NAME_CLASH: {
    vi: 'Tệp Excel không hợp lệ: hai phần "{other}" và "{part}" chỉ khác nhau ở chữ hoa, chữ thường, nên Excel có thể hiển thị một phần còn dti đọc phần kia; không đọc tệp này. Hãy mở tệp bằng Excel và lưu lại',
    en: 'The workbook is invalid: the parts "{other}" and "{part}" differ only in case, so Excel could show one while dti reads the other; the file was not read. Open it in Excel and save it again',
  },
};

import type { MessageTable } from '../types.js';

/** Reading CSV files (src/sheets/csv.ts): encodings, quotes, byte order marks, files that are not text. */
export const sheetMessages: MessageTable = {
  I_CSV_ENCODING: {
    vi: 'Tệp không được mã hóa theo UTF-8 nên đã được đọc theo bảng mã {encoding}. Nếu chữ tiếng Việt hiển thị sai, hãy mở tệp bằng Excel và lưu lại dưới dạng "CSV UTF-8"',
    en: 'The file is not in UTF-8, so it was read as {encoding}. If Vietnamese text looks wrong, open the file in Excel and save it again as "CSV UTF-8"',
  },
  E_CSV_QUOTES: {
    vi: 'Dấu ngoặc kép (") mở đầu ô này không có dấu đóng, nên từ đây đến hết tệp không tách được thành dòng và cột. Hãy thêm dấu " đóng ô, hoặc viết dấu " nằm trong nội dung ô thành hai dấu ""',
    en: 'The double quote (") that opens this field is never closed, so the file cannot be split into rows and columns from here to the end. Add the closing ", or write a " that belongs to the text as ""',
  },
  W_CSV_STRAY_BOM: {
    vi: 'Dòng này chứa ký tự đánh dấu thứ tự byte (BOM, U+FEFF) ở giữa tệp, thường do ghép nhiều tệp CSV với nhau; ký tự này đã được bỏ qua',
    en: 'This line holds a byte order mark (BOM, U+FEFF) in the middle of the file, usually left by joining several CSV files; it was ignored',
  },
  E_CSV_EMPTY: {
    vi: 'Tệp CSV trống: không có ô nào chứa dữ liệu',
    en: 'The CSV file is empty: no cell holds any data',
  },
  E_CSV_BINARY: {
    vi: 'Tệp không phải văn bản CSV mà là dữ liệu nhị phân (dấu hiệu: {format}), có thể là tệp Excel, PDF hoặc tệp nén bị đặt tên .csv. Hãy đặt lại đúng phần mở rộng (ví dụ .xlsx), hoặc mở tệp gốc và lưu lại dưới dạng "CSV UTF-8"',
    en: 'The file is not CSV text but binary data (signature: {format}), perhaps an Excel, PDF or zip file named .csv. Give it its right extension (such as .xlsx), or open the original and save it as "CSV UTF-8"',
  },
  E_CSV_MALFORMED: {
    vi: 'Không tách được tệp CSV thành dòng và cột: {detail}',
    en: 'The CSV file cannot be split into rows and columns: {detail}',
  },
};

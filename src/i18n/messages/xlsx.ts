import type { MessageTable } from '../types.js';

/** Reading .xlsx workbooks (src/sheets/xlsx/): files that cannot be read as a workbook. */
export const xlsxMessages: MessageTable = {
  E_XLSX_NOT_WORKBOOK: {
    vi: 'Tệp không phải là bảng tính Excel (.xlsx): không phải gói zip, hoặc trong gói không có xl/workbook.xml. Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)"',
    en: 'The file is not an Excel workbook (.xlsx): it is not a zip package, or the package holds no xl/workbook.xml. Open it in Excel and save it as "Excel Workbook (.xlsx)"',
  },
  E_XLSX_ENCRYPTED: {
    vi: 'Tệp Excel được bảo vệ bằng mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại',
    en: 'The workbook is password-protected and cannot be read. Remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save it again',
  },
  E_XLS_OLD_FORMAT: {
    vi: 'Tệp ở định dạng Excel cũ (.xls, Excel 97–2003), dti không đọc được. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx, hoặc chạy: libreoffice --headless --convert-to xlsx tệp.xls',
    en: 'The file is in the old Excel format (.xls, Excel 97–2003), which dti does not read. Open it in Excel and save it as .xlsx, or run: libreoffice --headless --convert-to xlsx file.xls',
  },
  E_XLSX_CORRUPT: {
    vi: 'Tệp Excel bị hỏng hoặc không đầy đủ (có thể tải về hoặc sao chép chưa xong): {detail}. Hãy lấy lại tệp gốc',
    en: 'The workbook is damaged or incomplete (perhaps a download or copy that did not finish): {detail}. Get the original file again',
  },
  E_XLSX_EMPTY: {
    vi: 'Bảng tính không có trang tính nào chứa dữ liệu',
    en: 'The workbook has no sheet holding any data',
  },
  E_XLSX_TOO_LARGE: {
    vi: 'Tệp quá lớn để đọc an toàn: {limit} là {value}, vượt giới hạn {max}. Hãy tách tệp, xóa các dòng thừa, hoặc nếu tệp đáng tin cậy thì nâng giới hạn bằng --max-rows, --max-inflated-mb hoặc --max-file-mb',
    en: 'The file is too large to read safely: {limit} is {value}, above the limit of {max}. Split the file, delete stray rows, or, if the file is trusted, raise the limit with --max-rows, --max-inflated-mb or --max-file-mb',
  },
};

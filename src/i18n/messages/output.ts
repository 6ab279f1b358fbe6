import type { MessageTable } from '../types.js';

/** Writing outputs: files dti did not write, inputs, the rank folder's lock and swap, CSV styles. */
export const outputMessages: MessageTable = {
  OPT_FORCE: {
    vi: 'ghi cả khi tệp kết quả đã có hoặc thư mục kết quả chứa tệp không do dti ghi (các tệp đó được giữ lại); không bao giờ ghi đè tệp đầu vào',
    en: 'write even when the output file exists or the output folder holds files dti did not write (those are kept); inputs are never overwritten',
  },
  E_OUT_EXISTS: {
    vi: '{file} đã có; dti không ghi đè tệp mà nó không chắc đã tự ghi. Chọn tên khác hoặc thêm --force để thay tệp này',
    en: '{file} already exists; dti does not overwrite a file it cannot tell it wrote. Choose another name, or add --force to replace it',
  },
  E_OUT_FOREIGN: {
    vi: 'Thư mục kết quả có {file} không do dti ghi (hoặc đã bị sửa sau khi ghi); {count} tệp như vậy. Chọn thư mục khác hoặc thêm --force (các tệp đó được giữ lại)',
    en: 'The output folder holds {file}, which dti did not write (or which was changed since); {count} such files. Choose another folder, or add --force (those files are kept)',
  },
  E_OUT_HOLDS_INPUT: {
    vi: 'Thư mục kết quả {folder} chứa tệp đầu vào {file}; dti không bao giờ ghi đè đầu vào, kể cả với --force. Chọn thư mục khác',
    en: 'The output folder {folder} holds the input {file}; dti never overwrites inputs, not even with --force. Choose another folder',
  },
  E_OUT_LOCKED: {
    vi: 'Một lần chạy dti khác (tiến trình {pid}) đang ghi vào {folder}; hãy chờ nó xong. Nếu tiến trình đó không còn, xoá {lock}',
    en: 'Another dti run (process {pid}) is writing to {folder}; wait for it to finish. If that process is gone, delete {lock}',
  },
  E_OUT_NOT_FOLDER: { vi: '{path} đã có và không phải thư mục; --out cần một thư mục', en: '{path} exists and is not a folder; --out needs a folder' },
  E_OUT_NAME_UNSAFE: {
    vi: 'Không đặt được tên tệp "{name}" (không được chứa / \\ : * ? " < > | hay ký tự điều khiển, không bắt đầu bằng dấu chấm hay ~$, không là tên dành riêng của Windows như CON, NUL, COM1, không kết thúc bằng dấu chấm hay khoảng trắng, tối đa 255 byte UTF-8); chưa ghi tệp nào',
    en: 'Cannot name a file "{name}" (no / \\ : * ? " < > | or control characters, no leading dot or ~$, not a reserved Windows name such as CON, NUL, COM1, no dot or space at the end, at most 255 bytes of UTF-8); nothing was written',
  },
  E_OUT_NAME_CLASH: {
    vi: 'Tên tệp "{name}" trùng với một tệp khác khi không phân biệt chữ hoa, chữ thường (Windows, macOS coi là một tệp); chưa ghi tệp nào',
    en: 'File name "{name}" is the same as another one when case is ignored (one file on Windows and macOS); nothing was written',
  },
  I_OUT_RESTORED: {
    vi: 'Một lần chạy trước bị dừng giữa chừng khi thay {folder}; đã khôi phục bộ kết quả trước đó rồi mới ghi',
    en: 'A previous run was stopped while replacing {folder}; its previous outputs were restored before writing',
  },
  I_OUT_STALE_LOCK: {
    vi: 'Khoá của lần chạy đã dừng (tiến trình {pid}) trên {folder} đã được gỡ',
    en: 'The lock left on {folder} by a stopped run (process {pid}) was taken over',
  },
  E_TEMP_FOLDER: {
    vi: 'Không dùng được thư mục tạm {folder} ({reason}), nơi dti để tạm các bài nộp khi chấm một đợt; chưa ghi tệp kết quả nào. Hãy giải phóng chỗ trống, hoặc chọn thư mục tạm khác bằng biến môi trường TMPDIR',
    en: 'Could not use the temporary folder {folder} ({reason}), where dti keeps submissions aside while scoring a batch; no output was written. Free some space, or choose another temporary folder with the TMPDIR environment variable',
  },
  E_OUT_FOLDER: {
    vi: 'Không tạo được thư mục {folder} ({reason}); chưa ghi tệp nào. Hãy chọn thư mục khác cho --out',
    en: 'Could not make the folder {folder} ({reason}); nothing was written. Choose another folder for --out',
  },
  OUT_REASON_ENOENT: { vi: 'thư mục chứa nó không có hoặc không cho tạo mục mới', en: 'its folder does not exist or takes no new entries' },
  OUT_REASON_EEXIST: { vi: 'đã có một tệp cùng tên', en: 'a file of that name exists' },
  OUT_REASON_ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' },
  OUT_REASON_EDQUOT: { vi: 'đã hết hạn mức dung lượng', en: 'the disk quota is used up' },
  OUT_REASON_EACCES: { vi: 'không có quyền ghi', en: 'permission denied' },
  OUT_REASON_EPERM: { vi: 'không được phép', en: 'operation not permitted' },
  OUT_REASON_EROFS: { vi: 'ổ đĩa chỉ đọc', en: 'the file system is read-only' },
  OUT_REASON_ENOTDIR: { vi: 'một phần của đường dẫn không phải thư mục', en: 'part of the path is not a folder' },
  OUT_REASON_EISDIR: { vi: 'đó là một thư mục', en: 'it is a folder' },
  OUT_REASON_EBUSY: { vi: 'tệp đang được mở ở chương trình khác', en: 'the file is in use by another program' },
  OUT_REASON_ENAMETOOLONG: { vi: 'tên quá dài', en: 'the name is too long' },
  OUT_REASON_EMFILE: { vi: 'mở quá nhiều tệp', en: 'too many open files' },
  OPT_CSV_STYLE: {
    vi: 'kiểu CSV: excel (mặc định; có BOM, tiêu đề theo ngôn ngữ, dấu ; và dấu thập phân phẩy với vi, dấu , với en) hoặc plain (cho máy: không BOM, dấu phẩy, dấu thập phân chấm, tiêu đề tiếng Anh cố định)',
    en: 'CSV style: excel (default; BOM, headers in the chosen language, ";" and decimal comma under vi, "," under en) or plain (for programs: no BOM, comma, decimal point, fixed English headers)',
  },
  E_CSV_STYLE_OPTION: { vi: 'Kiểu CSV "{value}" không hỗ trợ: dùng excel hoặc plain', en: 'CSV style "{value}" is not supported: use excel or plain' },
  CSV_GROUP: { vi: 'Nhóm', en: 'Group' },
  CSV_RANK: { vi: 'Xếp hạng', en: 'Rank' },
  CSV_AGENCY_CODE: { vi: 'Mã đơn vị', en: 'Agency code' },
  CSV_AGENCY_NAME: { vi: 'Tên đơn vị', en: 'Agency name' },
  CSV_POINTS: { vi: 'Điểm', en: 'Points' },
  CSV_MAX_POINTS: { vi: 'Điểm tối đa', en: 'Maximum points' },
  CSV_INDEX: { vi: 'Chỉ số DTI', en: 'DTI index' },
  CSV_CLASS: { vi: 'Xếp loại', en: 'Class' },
  CSV_INDEX_OF: { vi: 'Chỉ số {code}', en: 'Index {code}' },
  CSV_RANK_OF: { vi: 'Hạng {code}', en: 'Rank {code}' },
};

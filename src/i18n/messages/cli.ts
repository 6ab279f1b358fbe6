import type { MessageTable } from '../types.js';

/** The command line: help texts, usage errors, summaries. */
export const cliMessages: MessageTable = {
  CLI_DESCRIPTION: {
    vi: 'Tính Bộ chỉ số chuyển đổi số (DTI) từ bảng tính của các đơn vị: đọc, kiểm tra, chấm điểm, xếp hạng',
    en: "Compute Vietnam's Digital Transformation Index (DTI) from agency spreadsheets: read, validate, score, rank",
  },
  OPT_LANG: { vi: 'ngôn ngữ thông báo và báo cáo: vi hoặc en (mặc định vi, hoặc biến DTI_LANG)', en: 'language of messages and reports: vi or en (default vi, or DTI_LANG)' },
  OPT_COLOR: { vi: 'luôn tô màu (mặc định: chỉ khi xuất ra terminal và NO_COLOR không đặt)', en: 'always colour (default: only on a terminal, and not when NO_COLOR is set)' },
  OPT_NO_COLOR: { vi: 'không tô màu', en: 'never colour' },
  OPT_QUIET: { vi: 'không in thông báo chẩn đoán, chỉ in dữ liệu', en: 'print no diagnostics, only data' },
  OPT_FRAMEWORK: { vi: 'bộ chỉ số: mã có sẵn (xem "dti framework list") hoặc đường dẫn tệp .yaml/.json', en: 'framework: a bundled id (see "dti framework list") or a .yaml/.json file' },
  OPT_OUT: { vi: 'ghi kết quả vào tệp (.json, .csv, .xlsx)', en: 'write results to a file (.json, .csv, .xlsx)' },
  OPT_FORMAT_SCORE: { vi: 'định dạng in ra: table, json hoặc csv', en: 'what to print: table, json or csv' },
  OPT_FORMAT_SHOW: { vi: 'định dạng: text hoặc json (bộ chỉ số chuẩn hoá)', en: 'format: text or json (the normalised framework)' },
  OPT_GROUP: { vi: 'chỉ in/ghi nhóm này (mã nhóm)', en: 'print and write only this group (group id)' },
  OPT_SHEET: { vi: 'tên trang tính cần đọc trong tệp Excel', en: 'name of the sheet to read in workbooks' },
  CMD_SCORE: { vi: 'chấm điểm và xếp hạng các bản tự đánh giá (tệp hoặc thư mục .csv, .xlsx)', en: 'score and rank submissions (.csv, .xlsx files or folders)' },
  ARG_PATHS: { vi: 'tệp hoặc thư mục bản tự đánh giá', en: 'submission files or folders' },
  CMD_FRAMEWORK: { vi: 'xem các bộ chỉ số', en: 'inspect frameworks' },
  CMD_FRAMEWORK_LIST: { vi: 'liệt kê các bộ chỉ số có sẵn', en: 'list the bundled frameworks' },
  CMD_FRAMEWORK_SHOW: { vi: 'in cây chỉ số của một bộ chỉ số (mã có sẵn hoặc tệp)', en: 'print a framework tree (bundled id or file)' },
  ARG_FRAMEWORK: { vi: 'mã bộ chỉ số có sẵn hoặc đường dẫn tệp', en: 'bundled framework id or file path' },
  E_USAGE: { vi: 'Lỗi cú pháp lệnh: {detail}', en: 'Usage error: {detail}' },
  E_LANG: { vi: 'Ngôn ngữ "{lang}" không hỗ trợ: dùng vi hoặc en', en: 'Language "{lang}" is not supported: use vi or en' },
  E_INPUT_NOT_FOUND: { vi: 'Không tìm thấy tệp hoặc thư mục: {path}', en: 'No such file or folder: {path}' },
  E_NO_INPUT_FILES: { vi: 'Không có tệp .csv hoặc .xlsx nào trong: {paths}', en: 'No .csv or .xlsx file in: {paths}' },
  E_OUT_IS_INPUT: { vi: 'Tệp kết quả {file} trùng với một tệp đầu vào; hãy chọn tên khác', en: 'Output file {file} is one of the inputs; choose another name' },
  E_OUT_FORMAT: { vi: 'Không ghi được định dạng "{ext}": dùng .json, .csv hoặc .xlsx', en: 'Cannot write "{ext}" files: use .json, .csv or .xlsx' },
  E_OUTPUT_WRITE: { vi: 'Không ghi được {file} ({reason}); không có tệp nào bị ghi dở', en: 'Could not write {file} ({reason}); nothing was left half-written' },
  E_UNKNOWN_GROUP_OPTION: { vi: 'Nhóm "{group}" không có trong bộ chỉ số (các nhóm: {groups})', en: 'Group "{group}" is not in the framework (groups: {groups})' },
  E_FORMAT_OPTION: { vi: 'Định dạng "{format}" không hỗ trợ: dùng {allowed}', en: 'Format "{format}" is not supported: use {allowed}' },
  E_INTERNAL: {
    vi: 'Lỗi nội bộ của dti (không phải lỗi dữ liệu của bạn): {detail}. Vui lòng báo lỗi kèm lệnh đã chạy.',
    en: 'Internal dti error (not a problem with your data): {detail}. Please report it with the command you ran.',
  },
  SUMMARY: {
    vi: '{agencies} đơn vị từ {files} tệp; {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú',
    en: '{agencies} agencies from {files} files; {errors} errors, {warnings} warnings, {infos} notes',
  },
  MORE_ISSUES: { vi: '… và {count} vấn đề khác (xem đầy đủ với --format json hoặc --out)', en: '… and {count} more issues (see them all with --format json or --out)' },
  WROTE: { vi: 'Đã ghi {file}', en: 'Wrote {file}' },
};

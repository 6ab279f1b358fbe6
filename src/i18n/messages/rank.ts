import type { MessageTable } from '../types.js';

/** `dti rank`: the yearly batch ranking. */
export const rankMessages: MessageTable = {
  CMD_RANK: {
    vi: 'xếp hạng cả năm: đọc mọi bản nộp trong thư mục, áp dụng kết quả thẩm định, so sánh với năm trước, ghi bảng xếp hạng, results.json, CSV từng nhóm, summary.md và báo cáo report.html',
    en: 'the yearly ranking: read every submission in the folders, apply the appraisal, compare with last year, write the ranked workbook, results.json, a CSV per group, summary.md and report.html',
  },
  OPT_OUT_FOLDER: { vi: 'thư mục kết quả (tạo nếu chưa có)', en: 'output folder (created if absent)' },
  OPT_PREVIOUS: { vi: 'kết quả năm trước: results.json hoặc bảng xếp hạng .xlsx', en: "last year's results: results.json or the ranked .xlsx workbook" },
  OPT_UNITS_MAP: {
    vi: 'bảng ghép đơn vị (CSV: mã mới, mã cũ; mỗi dòng một cặp) khi đơn vị sáp nhập hoặc chia tách',
    en: "units map (CSV: this year's code, last year's code; one pair a row) for merged or split units",
  },
  E_UNITS_MAP_WITHOUT_PREVIOUS: { vi: '--units-map chỉ dùng cùng --previous', en: '--units-map needs --previous' },
};

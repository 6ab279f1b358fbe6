import type { MessageTable } from '../types.js';

/**
 * Year-on-year comparison (src/compare), reading last year's results and a units map back,
 * and the Markdown summary (src/report/summary.ts).
 */
export const compareMessages: MessageTable = {
  // Matching this year's agencies with last year's.
  W_MATCHED_BY_NAME: {
    vi: 'Đơn vị {agency} ({name}) không có mã trùng với năm trước; đã đối chiếu theo tên với đơn vị {previous} ({previousName}). Hãy kiểm tra, hoặc khai báo cặp mã trong bảng chuyển đổi đơn vị',
    en: "Agency {agency} ({name}) has no code in last year's results; it was matched by name with {previous} ({previousName}). Check it, or declare the pair in a units map",
  },
  W_NAME_MATCH_AMBIGUOUS: {
    vi: 'Đơn vị {agency} ({name}): tên trùng với nhiều đơn vị của năm trước ({codes}); không đối chiếu được, coi là đơn vị mới',
    en: "Agency {agency} ({name}): the name fits several of last year's agencies ({codes}); not matched, treated as new",
  },
  I_UNITS_MERGED: {
    vi: 'Đơn vị {agency} được hợp nhất từ {codes}: chỉ số năm trước là trung bình cộng của các đơn vị cũ, {index}',
    en: "Agency {agency} merges {codes}: last year's index is the plain mean of the former units, {index}",
  },
  W_UNITS_MAP_UNKNOWN_CURRENT: {
    vi: 'Bảng chuyển đổi đơn vị có mã mới {agency}, nhưng năm nay không có đơn vị này',
    en: "The units map names {agency}, which is not among this year's agencies",
  },
  W_UNITS_MAP_UNKNOWN_PREVIOUS: {
    vi: 'Bảng chuyển đổi đơn vị: mã cũ {previous} (của đơn vị {agency}) không có trong kết quả năm trước',
    en: "Units map: last year's code {previous} (for {agency}) is not in last year's results",
  },
  W_PREVIOUS_YEAR_NOT_EARLIER: {
    vi: 'Kết quả đem so sánh là của năm {previous}, không phải một năm trước năm {current}',
    en: 'The results compared with are for {previous}, not a year before {current}',
  },
  I_FRAMEWORK_CHANGED: {
    vi: 'Bộ chỉ số đã thay đổi ({previous} → {current}): chỉ so sánh các chỉ số có ở cả hai năm. Chỉ số chính mới: {added}; chỉ số chính bỏ: {dropped}',
    en: 'The framework changed ({previous} → {current}): only indicators found in both years are compared. Main indicators added: {added}; dropped: {dropped}',
  },
  I_GROUP_GONE: {
    vi: 'Khối {group} của năm trước ({count} đơn vị: {codes}) không có trong kết quả năm nay: các đơn vị của khối không được so sánh',
    en: "Last year's block {group} ({count} units: {codes}) is not in this year's results: its units are not compared",
  },
  I_AGENCIES_GONE: {
    vi: '{count} đơn vị của năm trước không còn trong kết quả năm nay: {codes}',
    en: "{count} of last year's agencies are not in this year's results: {codes}",
  },

  // Reading last year's results.
  E_PREVIOUS_NOT_JSON: {
    vi: 'Tệp {file} không phải JSON hợp lệ: {detail}',
    en: 'The file {file} is not valid JSON: {detail}',
  },
  E_PREVIOUS_INVALID: {
    vi: 'Tệp {file} không phải tệp kết quả DTI (results.json do dti score --out ghi): {detail}',
    en: 'The file {file} is not a DTI results document (results.json written by dti score --out): {detail}',
  },
  E_PREVIOUS_FILE_TYPE: {
    vi: 'Không đọc được kết quả năm trước từ tệp "{ext}": cần results.json hoặc bảng xếp hạng .xlsx do dti ghi',
    en: 'Cannot read last year\'s results from "{ext}" files: expected results.json or a ranked .xlsx workbook written by dti',
  },
  E_PREVIOUS_NO_RANKING: {
    vi: 'Tệp {file} không có trang "{vi}" (hoặc "{en}") của bảng xếp hạng do dti ghi',
    en: 'The file {file} has no "{en}" (or "{vi}") sheet of a ranked workbook written by dti',
  },
  E_PREVIOUS_NO_AGENCIES: {
    vi: 'Trang xếp hạng của tệp {file} không có đơn vị nào đọc được',
    en: 'The ranking sheet of {file} has no agency that can be read',
  },
  W_PREVIOUS_BAD_VALUE: {
    vi: 'Đơn vị {agency}: không đọc được {column} "{value}"; bỏ qua dòng này',
    en: 'Agency {agency}: {column} "{value}" cannot be read; row skipped',
  },
  W_PREVIOUS_NO_METHOD: {
    vi: 'Tệp {file} không có trang "{sheet}": mã bộ chỉ số và số chữ số thập phân lấy theo mặc định, năm lấy từ tiêu đề',
    en: 'The file {file} has no "{sheet}" sheet: the framework id and decimals are defaults, the year comes from the title',
  },
  I_PREVIOUS_FROM_WORKBOOK: {
    vi: 'Kết quả năm trước đọc từ bảng xếp hạng {file}: chỉ có điểm, chỉ số và thứ hạng (không có chỉ số thành phần)',
    en: "Last year's results read from the ranked workbook {file}: points, indices and ranks only (no sub-indicators)",
  },

  // The units map.
  E_UNITS_MAP_NO_HEADER: {
    vi: 'Tệp {file} không có dòng tiêu đề với hai cột "Mã đơn vị mới" (current_code) và "Mã đơn vị cũ" (previous_code)',
    en: 'The file {file} has no header row with the columns current_code ("Mã đơn vị mới") and previous_code ("Mã đơn vị cũ")',
  },
  E_UNITS_MAP_CODE_MISSING: {
    vi: 'Dòng này thiếu mã ở cột "{column}"; bỏ qua',
    en: 'This row has no code in the "{column}" column; skipped',
  },
  W_UNITS_MAP_DUPLICATE: {
    vi: 'Cặp mã {current} ← {previous} đã có ở dòng {first}; bỏ qua',
    en: 'The pair {current} ← {previous} repeats row {first}; ignored',
  },
  W_UNITS_MAP_EMPTY: {
    vi: 'Tệp {file} không có cặp mã đơn vị nào',
    en: 'The file {file} holds no pair of codes',
  },

  // Labels.
  CMP_NEW: { vi: 'mới', en: 'new' },
  /** Written by src/report/workbook.ts on its method sheet, read back by src/compare/read-previous.ts. */
  WB_METHOD_GROUP_ID: { vi: 'Mã nhóm – {group}', en: 'Group id – {group}' },

  // The Markdown summary.
  SUMMARY_TITLE: {
    vi: 'Tóm tắt kết quả chỉ số chuyển đổi số (DTI) – {framework} – năm {year}',
    en: 'Digital Transformation Index (DTI) summary – {framework} – {year}',
  },
  SUMMARY_INTRO: {
    vi: 'Bộ chỉ số {id}, phiên bản {version}; {agencies} trong {groups}.',
    en: 'Framework {id}, version {version}; {agencies} in {groups}.',
  },
  SUMMARY_AGENCIES: { vi: '{count} đơn vị', en: '{count} agencies' },
  SUMMARY_AGENCIES_ONE: { vi: '{count} đơn vị', en: '{count} agency' },
  SUMMARY_GROUPS: { vi: '{count} nhóm', en: '{count} groups' },
  SUMMARY_GROUPS_ONE: { vi: '{count} nhóm', en: '{count} group' },
  SUMMARY_COMPARED: { vi: 'So sánh với kết quả năm {year}.', en: 'Compared with the results of {year}.' },
  SUMMARY_GROUP: { vi: 'Nhóm: {group} ({agencies})', en: 'Group: {group} ({agencies})' },
  SUMMARY_GROUP_NOT_RANKED: { vi: 'Nhóm này được đánh giá nhưng không xếp hạng.', en: 'This group is assessed but not ranked.' },
  SUMMARY_RANKING: { vi: 'Bảng xếp hạng', en: 'Ranking' },
  SUMMARY_OWN_MAX_NOTE: {
    vi: 'Các đơn vị được chấm trên điểm tối đa của riêng mình (chỉ số không áp dụng không tính): chỉ số DTI = điểm / điểm tối đa của đơn vị, xếp hạng theo chỉ số, không theo điểm.',
    en: 'Agencies are scored out of their own max (indicators that do not apply are left out): DTI index = points / the agency’s own max; ranks compare indices, not points.',
  },
  SUMMARY_NOT_APPLICABLE: { vi: 'Chỉ số không áp dụng', en: 'Indicators that did not apply' },
  SUMMARY_COL_PREV_INDEX: { vi: 'Chỉ số {year}', en: 'Index {year}' },
  SUMMARY_COL_PREV_RANK: { vi: 'Hạng {year}', en: 'Rank {year}' },
  SUMMARY_COL_INDEX_CHANGE: { vi: 'Tăng/giảm chỉ số', en: 'Index change' },
  SUMMARY_COL_RANK_CHANGE: { vi: 'Thay đổi hạng', en: 'Rank change' },
  SUMMARY_TOP: { vi: 'Ba đơn vị dẫn đầu', en: 'Top three' },
  SUMMARY_BOTTOM: { vi: 'Ba đơn vị cuối bảng', en: 'Bottom three' },
  SUMMARY_RANKED_LINE: { vi: '{agency}: hạng {rank}, chỉ số {index}', en: '{agency}: rank {rank}, index {index}' },
  SUMMARY_STRENGTHS: { vi: 'Chỉ số chính mạnh nhất và yếu nhất của từng đơn vị', en: 'Strongest and weakest main indicators of each agency' },
  SUMMARY_COL_STRONGEST: { vi: 'Mạnh nhất', en: 'Strongest' },
  SUMMARY_COL_WEAKEST: { vi: 'Yếu nhất', en: 'Weakest' },
  SUMMARY_GROUP_WEAK: {
    vi: 'Chỉ số chính nhóm còn yếu nhất (chỉ số trung bình thấp nhất)',
    en: 'Main indicators where the group is weakest (lowest mean index)',
  },
  SUMMARY_COL_INDICATOR: { vi: 'Chỉ số chính', en: 'Main indicator' },
  SUMMARY_COL_MEAN: { vi: 'Chỉ số trung bình', en: 'Mean index' },
  SUMMARY_MOVERS: { vi: 'Thay đổi thứ hạng lớn nhất', en: 'Biggest movers' },
  SUMMARY_MOVERS_UP: { vi: 'Tăng hạng', en: 'Up' },
  SUMMARY_MOVERS_DOWN: { vi: 'Giảm hạng', en: 'Down' },
  SUMMARY_MOVER_LINE: { vi: '{agency}: {change} (hạng {before} → {after})', en: '{agency}: {change} (rank {before} → {after})' },
  SUMMARY_NONE: { vi: 'không có', en: 'none' },
  SUMMARY_ADJUSTMENTS: { vi: 'Điều chỉnh của Hội đồng thẩm định', en: 'Appraisal council adjustments' },
  SUMMARY_COL_ADJUSTED: { vi: 'Số chỉ số được điều chỉnh', en: 'Indicators adjusted' },
  SUMMARY_COL_ADJUSTED_POINTS: { vi: 'Điểm tăng/giảm', en: 'Points changed' },
  SUMMARY_COL_LEAF: { vi: 'Chỉ số thành phần', en: 'Sub-indicator' },
  SUMMARY_COL_ADJUSTED_AGENCIES: { vi: 'Số đơn vị được điều chỉnh', en: 'Agencies adjusted' },
  SUMMARY_FRAMEWORK: { vi: 'Thay đổi bộ chỉ số so với năm {year}', en: 'Framework changes since {year}' },
  SUMMARY_FRAMEWORK_SAME: { vi: 'Bộ chỉ số không đổi ({id}).', en: 'The framework is unchanged ({id}).' },
  SUMMARY_FRAMEWORK_IDS: {
    vi: 'Năm {previousYear}: {previous}; năm {currentYear}: {current}. Chỉ so sánh các chỉ số có ở cả hai năm.',
    en: '{previousYear}: {previous}; {currentYear}: {current}. Only indicators found in both years are compared.',
  },
  SUMMARY_FRAMEWORK_SHARED: { vi: 'Chỉ số chính so sánh được: {codes}', en: 'Main indicators compared: {codes}' },
  SUMMARY_FRAMEWORK_ADDED: { vi: 'Chỉ số chính mới: {codes}', en: 'Main indicators added: {codes}' },
  SUMMARY_FRAMEWORK_DROPPED: { vi: 'Chỉ số chính bị bỏ: {codes}', en: 'Main indicators dropped: {codes}' },
  SUMMARY_FRAMEWORK_LEAVES_ADDED: { vi: 'Chỉ số thành phần mới: {codes}', en: 'Sub-indicators added: {codes}' },
  SUMMARY_FRAMEWORK_LEAVES_DROPPED: { vi: 'Chỉ số thành phần bị bỏ: {codes}', en: 'Sub-indicators dropped: {codes}' },
  SUMMARY_MERGES: { vi: 'Đơn vị hợp nhất', en: 'Merged units' },
  SUMMARY_MERGE_LINE: {
    vi: '{agency} ← {codes}: chỉ số năm trước {index} (trung bình cộng)',
    en: "{agency} ← {codes}: last year's index {index} (plain mean)",
  },
  SUMMARY_GONE_GROUPS: { vi: 'Khối đơn vị của năm trước không còn', en: "Last year's blocks that no longer exist" },
  SUMMARY_GONE_GROUP_LINE: {
    vi: '{group}: {count} đơn vị ({codes}). Bộ chỉ số năm {year} không còn khối này (ví dụ cấp huyện đã bãi bỏ từ 01/7/2025), nên các đơn vị của khối không được so sánh; đơn vị kế thừa được so sánh khi bảng chuyển đổi đơn vị nêu rõ',
    en: '{group}: {count} units ({codes}). The {year} framework no longer has this block (the district level, for one, was abolished on 1 July 2025), so its units are not compared; a successor unit is compared when the units map names it',
  },
  SUMMARY_GONE: { vi: 'Đơn vị của năm trước không còn trong danh sách', en: "Last year's agencies no longer listed" },
  SUMMARY_ISSUES: { vi: 'Vấn đề còn lại', en: 'Remaining issues' },
  SUMMARY_NO_ISSUES: { vi: 'Không còn vấn đề nào.', en: 'No issues left.' },
  SUMMARY_COL_COUNT: { vi: 'Số lượng', en: 'Count' },
  SUMMARY_ERRORS: { vi: 'Các lỗi', en: 'Errors' },
};

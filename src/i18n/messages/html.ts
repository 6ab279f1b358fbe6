import type { MessageTable } from '../types.js';

/** The visual report (report.html), the agency cards and rank robustness: `dti report`, `dti card`, `dti sensitivity`. */
export const htmlMessages: MessageTable = {
  // Commands and options.
  CMD_REPORT: {
    vi: 'báo cáo trực quan report.html từ kết quả đã lưu: biểu đồ xếp hạng, bản đồ nhiệt, độ vững của thứ hạng, phiếu kết quả từng đơn vị',
    en: 'the visual report.html from saved results: ranking charts, heatmap, rank robustness, a card per agency',
  },
  CMD_CARD: {
    vi: 'phiếu kết quả của một đơn vị (HTML): chỉ số, hạng, điểm bị mất, số điểm cần để lên hạng, điều chỉnh của Hội đồng',
    en: "an agency's report card (HTML): index, rank, points lost, points needed for the next rank, the council's adjustments",
  },
  CMD_SENSITIVITY: {
    vi: 'độ vững của thứ hạng: thay đổi trọng số chỉ số chính (Monte Carlo có seed) và bỏ từng điều chỉnh của Hội đồng thẩm định',
    en: "rank robustness: main-indicator weights varied (seeded Monte Carlo) and the appraisal council's adjustments reverted one at a time",
  },
  ARG_RESULTS: { vi: 'tệp results.json hoặc thư mục kết quả của "dti rank"', en: 'a results.json file, or a "dti rank" output folder' },
  OPT_OUT_HTML: { vi: 'tệp HTML cần ghi ("-" để in ra màn hình)', en: 'the HTML file to write ("-" for standard output)' },
  OPT_FRAMEWORK_RESULTS: {
    vi: 'bộ chỉ số (mã hoặc tệp) cho tên chỉ số, ngưỡng xếp loại và phạm vi xếp hạng; mặc định là bộ chỉ số ghi trong kết quả',
    en: 'framework (id or file) for indicator names, class thresholds and rank scope; by default the one named in the results',
  },
  OPT_RUNS: { vi: 'số lần chạy Monte Carlo (mặc định 1000)', en: 'Monte Carlo runs (default 1000)' },
  OPT_SEED: { vi: 'seed của bộ sinh số ngẫu nhiên (mặc định 1)', en: 'seed of the random generator (default 1)' },
  OPT_SPREAD: { vi: 'biên độ thay đổi trọng số: 0,2 là mỗi trọng số × từ 0,8 đến 1,2 (mặc định 0,2)', en: 'weight spread: 0.2 multiplies each weight by 0.8 to 1.2 (default 0.2)' },
  OPT_FORMAT_SENSITIVITY: { vi: 'định dạng: text hoặc json', en: 'format: text or json' },
  E_RUNS_OPTION: { vi: '--runs phải là số nguyên từ 1 đến 100000, không phải "{value}"', en: '--runs must be a whole number from 1 to 100000, not "{value}"' },
  E_SEED_OPTION: { vi: '--seed phải là số nguyên không âm, không phải "{value}"', en: '--seed must be a whole number ≥ 0, not "{value}"' },
  E_SPREAD_OPTION: { vi: '--spread phải là số từ 0 đến dưới 1 (ví dụ 0,2), không phải "{value}"', en: '--spread must be a number from 0 to below 1 (e.g. 0.2), not "{value}"' },
  E_OUTPUT_IS_INPUT: { vi: 'Không ghi đè tệp đầu vào {file}: chọn tệp kết quả khác', en: 'Will not overwrite the input {file}: choose another output file' },

  // The report.
  HTML_TITLE: { vi: 'Báo cáo kết quả {framework} năm {year}', en: '{framework}: results {year}' },
  HTML_CONTENTS: { vi: 'Nội dung', en: 'Contents' },
  HTML_INDICATORS: { vi: 'Chỉ số chính', en: 'Main indicators' },
  HTML_PILLARS: { vi: 'Trụ cột', en: 'Pillars' },
  HTML_DISTRIBUTION: { vi: 'Phân bố chỉ số', en: 'Distribution of the index' },
  HTML_MOVERS: { vi: 'Thay đổi thứ hạng so với năm {year}', en: 'Rank changes since {year}' },
  HTML_ADJUSTMENTS_NONE: { vi: 'Hội đồng thẩm định không điều chỉnh điểm nào.', en: 'The appraisal council adjusted no points.' },
  HTML_ROBUSTNESS: { vi: 'Độ vững của thứ hạng', en: 'Rank robustness' },
  HTML_CARDS: { vi: 'Phiếu kết quả từng đơn vị', en: 'Report card of each agency' },
  HTML_AGENCY_COUNT: { vi: 'Số đơn vị', en: 'Agencies' },
  HTML_CHART_RANKING: { vi: 'Biểu đồ xếp hạng: {group}', en: 'Ranking chart: {group}' },
  HTML_CHART_HEATMAP: { vi: 'Bản đồ nhiệt chỉ số chính: {group}', en: 'Main-indicator heatmap: {group}' },
  HTML_CHART_DISTRIBUTION: { vi: 'Phân bố chỉ số: {group}', en: 'Distribution of the index: {group}' },
  HTML_CHART_SENSITIVITY: { vi: 'Khoảng thứ hạng khi thay đổi trọng số: {group}', en: 'Rank intervals under varied weights: {group}' },
  HTML_CAPTION_RANKING: { vi: 'Chỉ số năm {year}; nền là các mức xếp loại.', en: 'Index {year}; the background shows the classes.' },
  HTML_CAPTION_RANKING_PREVIOUS: {
    vi: 'Chỉ số năm {year} (xanh) và năm {previous} (xám) của từng đơn vị; nền là các mức xếp loại.',
    en: 'Index {year} (blue) and {previous} (grey) of each agency; the background shows the classes.',
  },
  HTML_CAPTION_HEATMAP: { vi: 'Chỉ số của từng chỉ số chính; màu càng đậm, chỉ số càng cao.', en: 'Index of each main indicator; the darker, the higher.' },
  HTML_CAPTION_DISTRIBUTION: { vi: 'Số đơn vị theo từng khoảng chỉ số (rộng 0,05).', en: 'Agencies per band of the index (0.05 wide).' },
  HTML_CAPTION_SENSITIVITY: {
    vi: 'Thanh: khoảng 5–95 % của thứ hạng qua {runs} lần chạy; vòng tròn: hạng trung vị; hình thoi: hạng công bố.',
    en: 'Bar: the 5–95 % range of the rank over {runs} runs; ring: median rank; diamond: published rank.',
  },
  HTML_FOOTER: { vi: 'Lập bằng {tool}, bộ chỉ số {framework}.', en: 'Made with {tool}, framework {framework}.' },

  // Rank robustness.
  SENS_METHOD_WEIGHTS: {
    vi: 'Trọng số của mỗi chỉ số chính (điểm tối đa của nó) được nhân với một hệ số ngẫu nhiên đều trong khoảng {low}–{high} (±{spread} %), cùng một hệ số cho mọi đơn vị, rồi xếp hạng lại như bộ chỉ số quy định; lặp {runs} lần (seed {seed}). Với mỗi đơn vị: hạng trung vị và khoảng 5–95 % của thứ hạng.',
    en: "Each main indicator's weight (its max points) is multiplied by a factor drawn uniformly from {low}–{high} (±{spread} %), the same for every agency, and the ranks are recomputed as the framework ranks; {runs} runs (seed {seed}). For each agency: its median rank and the 5–95 % range of its rank.",
  },
  SENS_METHOD_ADJUSTMENTS: {
    vi: 'Mỗi quyết định điều chỉnh của Hội đồng thẩm định được bỏ riêng lẻ (chỉ số trở lại điểm tính theo số liệu của đơn vị) để xem quyết định nào làm thay đổi thứ hạng.',
    en: "Each of the appraisal council's decisions is reverted alone (the indicator gets back the points computed from the agency's inputs) to show which decisions changed a rank.",
  },
  SENS_MEDIAN: { vi: 'Hạng trung vị', en: 'Median rank' },
  SENS_INTERVAL: { vi: 'Khoảng 5–95 %', en: '5–95 % range' },
  SENS_RANGE: { vi: 'Cao nhất–thấp nhất', en: 'Best–worst' },
  SENS_PUBLISHED: { vi: 'Hạng công bố', en: 'Published rank' },
  SENS_ADJUSTMENTS: { vi: 'Bỏ từng điều chỉnh của Hội đồng thẩm định', en: "The council's adjustments reverted one at a time" },
  SENS_COL_MOVES: { vi: 'Thứ hạng thay đổi nếu bỏ điều chỉnh này', en: 'Ranks that change without this adjustment' },
  SENS_NO_MOVE: { vi: 'không thay đổi thứ hạng nào', en: 'no rank changes' },
  SENS_MOVE: { vi: '{agency}: hạng {rank} → {without}', en: '{agency}: rank {rank} → {without}' },
  SENS_TEXT_HEADER: { vi: 'Độ vững của thứ hạng: {runs} lần chạy, seed {seed}, trọng số ±{spread} %', en: 'Rank robustness: {runs} runs, seed {seed}, weights ±{spread} %' },
  SENS_TEXT_ADJUSTMENT: { vi: '{agency} {leaf} ({points} → {computed} điểm): {moves}', en: '{agency} {leaf} ({points} → {computed} points): {moves}' },

  // The card.
  CARD_TITLE: { vi: 'Phiếu kết quả chuyển đổi số năm {year}: {agency}', en: 'Digital transformation report card {year}: {agency}' },
  CARD_SINCE: { vi: 'So với năm {year}', en: 'Since {year}' },
  CARD_NEW: { vi: 'mới', en: 'new' },
  CARD_RANK_OF: { vi: '{rank}/{count}', en: '{rank} of {count}' },
  CARD_NEXT: { vi: 'Để lên hạng', en: 'To move up' },
  CARD_NEXT_RANK: { vi: 'Cần thêm {points} điểm để lên hạng {rank} (vượt {ahead}).', en: '{points} more points for rank {rank} (passing {ahead}).' },
  CARD_NEXT_RANK_OUT_OF_REACH: {
    vi: 'Cần thêm {points} điểm để lên hạng {rank} (vượt {ahead}): nhiều hơn số điểm còn có thể đạt.',
    en: '{points} more points for rank {rank} (passing {ahead}): more than the points still to gain.',
  },
  CARD_FIRST: { vi: 'Đơn vị đang đứng đầu.', en: 'The agency is first.' },
  CARD_NO_RANK: { vi: 'Đơn vị không được xếp hạng.', en: 'The agency is not ranked.' },
  CARD_NEXT_CLASS: { vi: 'Cần thêm {points} điểm để đạt mức {class} (chỉ số từ {min}).', en: '{points} more points for the class {class} (index from {min}).' },
  CARD_NEXT_CLASS_OUT_OF_REACH: {
    vi: 'Cần thêm {points} điểm để đạt mức {class} (chỉ số từ {min}): nhiều hơn số điểm còn có thể đạt.',
    en: '{points} more points for the class {class} (index from {min}): more than the points still to gain.',
  },
  CARD_TOP_CLASS: { vi: 'Đơn vị đạt mức cao nhất ({class}).', en: 'The agency holds the top class ({class}).' },
  CARD_INDICATORS: { vi: 'Chỉ số chính so với nhóm', en: 'Main indicators against the group' },
  CARD_MEDIAN: { vi: 'Trung vị nhóm', en: 'Group median' },
  CARD_BEST: { vi: 'Cao nhất nhóm', en: 'Group best' },
  CARD_LOST: { vi: 'Điểm bị mất theo từng chỉ số thành phần', en: 'Points lost, sub-indicator by sub-indicator' },
  CARD_LOST_NONE: { vi: 'Đơn vị đạt điểm tối đa ở mọi chỉ số.', en: 'The agency has full points on every indicator.' },
  CARD_COL_LOST: { vi: 'Điểm bị mất', en: 'Points lost' },
  CARD_COL_APPRAISED: { vi: 'Điểm thẩm định', en: 'Appraised points' },
  CARD_COL_REASON: { vi: 'Lý do', en: 'Reason' },
  CARD_COL_REVIEWER: { vi: 'Người thẩm định', en: 'Reviewer' },
  CARD_ADJUSTMENTS_NONE: { vi: 'Hội đồng thẩm định không điều chỉnh điểm của đơn vị.', en: "The appraisal council did not adjust the agency's points." },
  CARD_ISSUES: { vi: 'Vấn đề trong bản tự đánh giá', en: 'Issues found in the submission' },
  CARD_ISSUES_NONE: { vi: 'Không có vấn đề nào.', en: 'No issues.' },
  CARD_SUMMARY_HEADING: { vi: 'Phiếu kết quả (tóm tắt)', en: 'Report cards (brief)' },
  CARD_SUMMARY_NEXT_RANK: { vi: 'cần thêm {points} điểm để lên hạng {rank}', en: '{points} more points for rank {rank}' },
  CARD_SUMMARY_LINE_FULL: { vi: '{agency}: chỉ số {index}, hạng {rank}; đạt điểm tối đa ở mọi chỉ số', en: '{agency}: index {index}, rank {rank}; full points on every indicator' },
  CARD_SUMMARY_LINE: {
    vi: '{agency}: chỉ số {index}, hạng {rank}; mất nhiều điểm nhất ở {leaves}',
    en: '{agency}: index {index}, rank {rank}; most points lost on {leaves}',
  },
};

import type { MessageTable } from '../types.js';

/**
 * Submission templates (src/template/write.ts) and `dti template`: the workbook's titles,
 * instructions and input messages, the command's help, and the agency-list findings.
 * The form's column headers and identity labels are not here: they are the contract with the
 * reader (src/submission/columns.ts, metadata.ts) and stay Vietnamese in every language.
 */
export const templateMessages: MessageTable = {
  // The workbook.
  TPL_TITLE: { vi: 'BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM {year}', en: 'DIGITAL TRANSFORMATION INDEX (DTI) SELF-ASSESSMENT {year}' },
  TPL_SUBTITLE: { vi: '{framework} – phiên bản {version}', en: '{framework} – version {version}' },
  TPL_TOTAL: { vi: 'Tổng cộng', en: 'Total' },
  TPL_FOOTNOTE_EVIDENCE: {
    vi: '(*) Bắt buộc có tài liệu kiểm chứng. Chỉ nhập vào các ô nền vàng; điểm tự đánh giá được tính tự động.',
    en: '(*) Evidence required. Type only in the yellow cells; the self-score is computed as you type.',
  },
  TPL_RULE_SECTION: { vi: 'Tổng điểm các chỉ số thành phần', en: 'Sum of the sub-indicators' },
  TPL_RULE_INFORMATIONAL: { vi: 'Không tính điểm (chỉ để tham khảo)', en: 'Not scored (for information only)' },
  TPL_RULE_NA_ALLOWED: {
    vi: 'Nếu không áp dụng với đơn vị: ghi "{answer}" vào cột Giá trị và nêu lý do ở cột Giải trình (điểm để trống, không tính vào điểm tối đa của đơn vị).',
    en: 'If it does not apply to your agency: type "{answer}" in the Value column and give the reason in the Giải trình column (no points, and out of your maximum).',
  },
  TPL_RULE_EVIDENCE: { vi: '(*) Bắt buộc có tài liệu kiểm chứng.', en: '(*) Evidence required.' },
  TPL_RULE_EVIDENCE_ZERO: { vi: '(*) Bắt buộc có tài liệu kiểm chứng; thiếu tài liệu: 0 điểm.', en: '(*) Evidence required; without it: 0 points.' },
  TPL_RULE_ZERO_FULL: { vi: 'Mẫu số bằng 0 (không có việc phải làm): đủ điểm.', en: 'A denominator of 0 (nothing to do): full points.' },
  TPL_RULE_RATIO_INPUTS: { vi: 'Nhập tử số (a) và mẫu số (b), số nguyên không âm, a ≤ b.', en: 'Type the numerator (a) and denominator (b), whole numbers ≥ 0, a ≤ b.' },
  TPL_RULE_PERCENT_INPUT: { vi: 'Giá trị là tỷ lệ phần trăm, ghi số từ 0 đến 100 (65,8 nghĩa là 65,8%).', en: 'The value is a percentage: type a number from 0 to 100 (65.8 means 65.8 %).' },
  TPL_RULE_MANUAL_INPUT: { vi: 'Ghi điểm tự chấm vào cột Giá trị (0 đến {max}).', en: 'Type your points in the Value column (0 to {max}).' },
  TPL_RULE_RELATIVE_INPUT: {
    vi: 'Ghi giá trị vào cột Giá trị. Điểm chỉ tính được khi so với đơn vị cao nhất trong nhóm: ghi điểm ước tính vào cột Điểm tự đánh giá.',
    en: 'Type the value in the Value column. Points depend on the best agency in the group: type your own estimate in the self-score column.',
  },
  TPL_NOTE_RELATIVE: {
    vi: 'Điểm của chỉ số này bằng giá trị của đơn vị chia cho giá trị cao nhất trong nhóm, nhân điểm tối đa; chỉ xác định được khi tổng hợp tất cả đơn vị. Ô này là điểm ước tính của đơn vị (0 đến {max}).',
    en: "This indicator's points are the agency's value divided by the best value in its group, times the max points; they are known only when all agencies are compiled. This cell holds the agency's own estimate (0 to {max}).",
  },
  TPL_DV_TITLE: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  TPL_DV_WHOLE: { vi: 'Nhập số nguyên không âm (0, 1, 2, …).', en: 'Type a whole number ≥ 0 (0, 1, 2, …).' },
  TPL_DV_DECIMAL: { vi: 'Nhập số không âm.', en: 'Type a number ≥ 0.' },
  TPL_DV_PERCENT: { vi: 'Nhập số từ 0 đến 100 (tỷ lệ phần trăm).', en: 'Type a number from 0 to 100 (a percentage).' },
  TPL_DV_POINTS: { vi: 'Nhập điểm từ 0 đến {max}.', en: 'Type points from 0 to {max}.' },
  TPL_DV_BOOLEAN: { vi: 'Chọn "Có" hoặc "Không".', en: 'Choose "Có" (yes) or "Không" (no).' },
  TPL_DV_CHOICE: { vi: 'Chọn một mức trong danh sách.', en: 'Choose one level from the list.' },
  TPL_DV_OR_NA: { vi: 'Chỉ số này cũng nhận "{answer}".', en: 'This indicator also takes "{answer}" (not applicable).' },
  TPL_DV_NA_ONLY: { vi: 'Ô này chỉ nhận "{answer}"; ghi tử số và mẫu số ở hai cột bên phải.', en: 'This cell only takes "{answer}" (not applicable); type the numerator and denominator in the two columns to its right.' },
  TPL_DV_NA_TITLE: { vi: 'Có thể không áp dụng', en: 'May be not applicable' },
  TPL_DV_NA_PROMPT: {
    vi: 'Nếu chỉ số không áp dụng với đơn vị, ghi "{answer}" và nêu lý do ở cột Giải trình.',
    en: 'If the indicator does not apply to your agency, type "{answer}" and give the reason in the Giải trình (explanation) column.',
  },

  // The instructions sheet: Vietnamese always, English below it when the language is English.
  TPL_HELP_TITLE: { vi: 'HƯỚNG DẪN ĐIỀN BẢNG TỰ ĐÁNH GIÁ', en: 'HOW TO FILL IN THE SELF-ASSESSMENT' },
  TPL_HELP_FRAMEWORK: {
    vi: 'Bộ chỉ số: {framework} (mã {id}, phiên bản {version}). Nhóm đơn vị: {group}. Tổng điểm tối đa: {max}.',
    en: 'Framework: {framework} (id {id}, version {version}). Agency group: {group}. Maximum total: {max} points.',
  },
  TPL_HELP_WHERE: {
    vi: 'Điền vào trang tính "{sheet}". Chỉ các ô nền vàng được phép nhập; các ô khác đã được khoá để tránh sửa nhầm (không đặt mật khẩu).',
    en: 'Fill in the sheet "{sheet}". Only the yellow cells take input; the other cells are locked against accidental edits (no password).',
  },
  TPL_HELP_IDENTITY: {
    vi: 'Ghi Mã đơn vị, Tên đơn vị và Năm đánh giá vào ô bên phải mỗi nhãn ở đầu trang tính; không sửa ô Nhóm.',
    en: 'Write the agency code, agency name and assessment year in the cell to the right of each label at the top of the sheet; leave the group as it is.',
  },
  TPL_HELP_ROWS: {
    vi: 'Không thêm, xoá hoặc đổi thứ tự dòng, cột và không đổi tên trang tính: mỗi dòng được đọc theo Mã chỉ số.',
    en: 'Do not add, delete or reorder rows or columns, and do not rename the sheet: every row is read by its indicator code.',
  },
  TPL_HELP_COLUMNS: { vi: 'Ý nghĩa các cột:', en: 'What each column means:' },
  TPL_HELP_COL_CODE: { vi: '• Mã chỉ số: mã của chỉ số trong bộ chỉ số.', en: '• Mã chỉ số (indicator code): the code of the indicator in the framework.' },
  TPL_HELP_COL_NAME: { vi: '• Tên chỉ số: nội dung chỉ số; dòng chữ đậm là chỉ số chính hoặc nhóm chỉ số, dòng chữ xám không tính điểm.', en: '• Tên chỉ số (name): bold rows are main indicators or groups of indicators; grey rows are not scored.' },
  TPL_HELP_COL_MAX: { vi: '• Điểm tối đa: điểm tối đa của chỉ số đối với nhóm đơn vị này.', en: '• Điểm tối đa (max points): the most the indicator gives for this agency group.' },
  TPL_HELP_COL_RULE: { vi: '• Cách tính điểm: quy tắc chấm điểm và cách ghi số liệu.', en: '• Cách tính điểm (scoring rule): how points are computed and what to type.' },
  TPL_HELP_COL_VALUE: {
    vi: '• Giá trị: số liệu của đơn vị: Có/Không, một số, một mức chọn trong danh sách, hoặc điểm tự chấm với chỉ số do Hội đồng thẩm định chấm.',
    en: '• Giá trị (value): yes/no, a number, a level from the list, or your own points for indicators scored by the appraisal council.',
  },
  TPL_HELP_COL_RATIO: {
    vi: '• Tử số, Mẫu số: với chỉ số tính theo tỷ lệ, tử số (a) và mẫu số (b) là số nguyên không âm, tử số không lớn hơn mẫu số.',
    en: '• Tử số, Mẫu số (numerator, denominator): for ratio indicators, a and b as whole numbers ≥ 0, a no larger than b.',
  },
  TPL_HELP_COL_POINTS: {
    vi: '• Điểm tự đánh giá: tính tự động theo công thức khi nhập số liệu; dòng chỉ số chính cộng điểm các chỉ số thành phần. Với chỉ số so sánh với đơn vị cao nhất trong nhóm, đơn vị tự ghi điểm ước tính.',
    en: '• Điểm tự đánh giá (self-score): computed by formula as you type; main-indicator rows add up their sub-indicators. For indicators measured against the best agency in the group, type your own estimate.',
  },
  TPL_HELP_COL_EVIDENCE: {
    vi: '• Tài liệu kiểm chứng: số hiệu, ngày, trích yếu văn bản hoặc đường dẫn (link) tới tài liệu. Bắt buộc với chỉ số đánh dấu (*).',
    en: '• Tài liệu kiểm chứng (evidence): number, date and summary of the document, or a link to it. Required where marked (*).',
  },
  TPL_HELP_COL_NOTE: { vi: '• Giải trình: giải thích số liệu, nhất là khi thiếu tài liệu hoặc số liệu khác năm trước.', en: '• Giải trình (explanation): explain the figures, especially a missing document or a change from last year.' },
  TPL_HELP_YESNO: {
    vi: 'Có/Không: chọn "Có" hoặc "Không" trong danh sách; khi nhập tay cũng chấp nhận: có, c, x, yes, đạt, đã có, 1 và không, k, no, chưa, chưa có, 0.',
    en: 'Yes/no: choose "Có" (yes) or "Không" (no) from the list; typed by hand, these are also accepted: có, c, x, yes, đạt, đã có, 1 and không, k, no, chưa, chưa có, 0.',
  },
  TPL_HELP_NUMBERS: {
    vi: 'Số thập phân: dùng dấu phẩy (65,8) hoặc dấu chấm theo cài đặt của máy; tỷ lệ phần trăm ghi số từ 0 đến 100, không ghi dấu % (65,8 nghĩa là 65,8%).',
    en: 'Decimals: a decimal comma (65,8) or point, as your computer is set up; percentages are numbers from 0 to 100, without a % sign (65.8 means 65.8 %).',
  },
  TPL_HELP_EVIDENCE: {
    vi: 'Chỉ số đánh dấu (*) bắt buộc có tài liệu kiểm chứng; thiếu tài liệu, chỉ số có thể bị đánh dấu hoặc không được tính điểm theo quy định của bộ chỉ số.',
    en: 'Indicators marked (*) require evidence; without it, the indicator is flagged or scores nothing, as the framework says.',
  },
  TPL_HELP_OFFICIAL: {
    vi: 'Điểm tự đánh giá để đơn vị tham khảo; điểm chính thức do hệ thống tính từ số liệu và được Hội đồng thẩm định xem xét.',
    en: 'The self-score is for your reference; the official points are computed from your figures and reviewed by the appraisal council.',
  },

  // dti template
  CMD_TEMPLATE: {
    vi: 'tạo biểu mẫu tự đánh giá (.xlsx) cho một nhóm đơn vị, hoặc cho từng đơn vị trong danh sách',
    en: 'write self-assessment workbooks (.xlsx): one blank form for a group, or one per agency of a list',
  },
  OPT_TEMPLATE_AGENCIES: {
    vi: 'danh sách đơn vị (.csv hoặc .xlsx: mã, tên, nhóm[, đơn vị cấp trên]); tạo một tệp cho mỗi đơn vị',
    en: 'agency list (.csv or .xlsx: agency_code, agency_name, group[, parent]); one workbook per agency',
  },
  OPT_TEMPLATE_GROUP: {
    vi: 'nhóm đơn vị (mã nhóm); bắt buộc với biểu mẫu trống khi bộ chỉ số có nhiều nhóm, hoặc chỉ tạo cho đơn vị của nhóm này',
    en: 'agency group (id); required for a blank form when the framework has several groups, or only the agencies of this group',
  },
  OPT_TEMPLATE_YEAR: { vi: 'năm đánh giá ghi trên biểu mẫu (mặc định: năm của bộ chỉ số)', en: "assessment year written on the form (default: the framework's year)" },
  OPT_REVIEW_TEMPLATE_YEAR: { vi: 'năm đánh giá ghi trên bảng thẩm định (mặc định: năm ghi trong các bản nộp, nếu không có thì năm của bộ chỉ số)', en: "assessment year in the review workbook's title (default: the year the submissions give, else the framework's)" },
  OPT_TEMPLATE_OUT: {
    vi: 'tệp .xlsx (biểu mẫu trống) hoặc thư mục (với --agencies, tạo nếu chưa có)',
    en: 'an .xlsx file (blank form) or a folder (with --agencies; created if absent)',
  },
  TEMPLATE_SUMMARY: { vi: 'Đã tạo {count} biểu mẫu trong {dir}', en: 'Wrote {count} workbooks in {dir}' },
  E_TEMPLATE_GROUP_REQUIRED: {
    vi: 'Bộ chỉ số có nhiều nhóm đơn vị: hãy chọn một nhóm bằng --group (các nhóm: {groups})',
    en: 'The framework has several agency groups: choose one with --group (groups: {groups})',
  },
  E_TEMPLATE_OUT_XLSX: { vi: 'Biểu mẫu trống phải ghi vào một tệp .xlsx, không phải "{file}"', en: 'A blank form is written to an .xlsx file, not "{file}"' },
  E_TEMPLATE_OUT_NOT_FOLDER: {
    vi: 'Với --agencies, --out phải là một thư mục; "{path}" là một tệp',
    en: 'With --agencies, --out must be a folder; "{path}" is a file',
  },
  E_TEMPLATE_YEAR: { vi: 'Năm "{value}" không hợp lệ: cần một năm có 4 chữ số từ 2000 đến 2100', en: 'Year "{value}" is not valid: expected a 4-digit year from 2000 to 2100' },
  W_TEMPLATE_NO_AGENCY: { vi: 'Danh sách không có đơn vị nào: không tạo biểu mẫu nào', en: 'The list has no agency: no workbook written' },
  W_TEMPLATE_NO_AGENCY_IN_GROUP: {
    vi: 'Danh sách không có đơn vị nào thuộc nhóm {group}: không tạo biểu mẫu nào',
    en: 'The list has no agency of group {group}: no workbook written',
  },

  // The agency list (src/submission/agencies.ts).
  E_AGENCIES_NO_HEADER: {
    vi: 'Không tìm thấy dòng tiêu đề của danh sách đơn vị (cần cột agency_code hoặc "Mã đơn vị", và agency_name hoặc "Tên đơn vị")',
    en: 'No header row found in the agency list (expected agency_code or "Mã đơn vị", and agency_name or "Tên đơn vị")',
  },
  E_AGENCIES_CODE_MISSING: { vi: 'Dòng không có mã đơn vị', en: 'The row has no agency code' },
  E_AGENCIES_CODE_UNSAFE: {
    vi: 'Mã đơn vị "{agency}" không dùng được làm tên tệp (không được chứa / \\ : * ? " < > | hay ký tự điều khiển, không bắt đầu bằng dấu chấm hay ~$, không là tên dành riêng của Windows như CON, NUL, COM1, không kết thúc bằng dấu chấm hay khoảng trắng, tối đa 250 byte UTF-8)',
    en: 'Agency code "{agency}" cannot name a file (no / \\ : * ? " < > | or control characters, no leading dot or ~$, not a reserved Windows name such as CON, NUL, COM1, no dot or space at the end, at most 250 bytes of UTF-8)',
  },
  E_AGENCIES_DUPLICATE: {
    vi: 'Mã đơn vị "{agency}" lặp lại với thông tin khác (đã có ở {first}; không phân biệt chữ hoa, chữ thường vì mã là tên tệp)',
    en: 'Agency code "{agency}" appears again with other details (first at {first}; case does not count, as the code names a file)',
  },
  E_AGENCIES_UNKNOWN_TAG: {
    vi: 'Đơn vị {agency}: nhãn "{tag}" không có trong bộ chỉ số (các nhãn được khai báo: {tags})',
    en: 'Agency {agency}: tag "{tag}" is not declared by the framework (declared tags: {tags})',
  },
  W_AGENCIES_NAME_MISSING: { vi: 'Đơn vị {agency} không có tên: ô Tên đơn vị để trống', en: 'Agency {agency} has no name: the agency name cell is left blank' },
};

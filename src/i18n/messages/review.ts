import type { MessageTable } from '../types.js';

/**
 * The appraisal council's review: findings on review files (src/review/read.ts, check.ts), the
 * reviewers' workbook (src/report/review-template.ts), `dti review-template` and `dti score --review`,
 * and the appraisal columns of the ranked workbook.
 */
export const reviewMessages: MessageTable = {
  // Reading a review file.
  E_REVIEW_NO_HEADER: {
    vi: 'Không tìm thấy dòng tiêu đề của bảng thẩm định: cần các cột Mã đơn vị, Mã chỉ số và ít nhất một cột Điểm thẩm định, Giá trị điều chỉnh, Tử số hoặc Mẫu số',
    en: 'No header row of a review table found: it needs the columns agency code, indicator and at least one of approved points, corrected value, numerator or denominator',
  },
  E_REVIEW_AGENCY_MISSING: {
    vi: 'Dòng thẩm định chỉ số {indicator} có quyết định nhưng thiếu Mã đơn vị; dòng này không được áp dụng',
    en: 'The review row for indicator {indicator} has a decision but no agency code; the row is not applied',
  },
  E_REVIEW_INDICATOR_MISSING: {
    vi: 'Dòng thẩm định của đơn vị {agency} có quyết định nhưng thiếu Mã chỉ số; dòng này không được áp dụng',
    en: 'The review row for agency {agency} has a decision but no indicator code; the row is not applied',
  },
  E_REVIEW_CONFLICT: {
    vi: 'Đơn vị {agency}, chỉ số {indicator}: ghi cả Điểm thẩm định và số liệu điều chỉnh; chỉ ghi một trong hai (điểm được duyệt, hoặc số liệu để tính lại điểm). Dòng này không được áp dụng',
    en: 'Agency {agency}, indicator {indicator}: both approved points and corrected inputs are given; give one of them (the approved points, or the inputs to score again). The row is not applied',
  },
  W_REVIEW_NO_REASON: {
    vi: 'Đơn vị {agency}, chỉ số {indicator}: điều chỉnh không ghi lý do',
    en: 'Agency {agency}, indicator {indicator}: the adjustment gives no reason',
  },
  W_REVIEW_NO_DECISION: {
    vi: 'Đơn vị {agency}, chỉ số {indicator}: có lý do nhưng không có Điểm thẩm định hay số liệu điều chỉnh; giữ nguyên kết quả tự đánh giá',
    en: 'Agency {agency}, indicator {indicator}: a reason but no approved points or corrected inputs; the self-assessment stands',
  },

  // Checking adjustments against the submissions.
  E_REVIEW_UNKNOWN_AGENCY: {
    vi: 'Đơn vị "{agency}" (chỉ số {indicator}) không có trong các bản tự đánh giá đã đọc; điều chỉnh không được áp dụng',
    en: 'Agency "{agency}" (indicator {indicator}) is not among the submissions read; the adjustment is not applied',
  },
  E_REVIEW_UNKNOWN_INDICATOR: {
    vi: 'Đơn vị {agency}: "{indicator}" không phải là chỉ số thành phần được chấm điểm của nhóm {group} trong bộ chỉ số; điều chỉnh không được áp dụng',
    en: 'Agency {agency}: "{indicator}" is not a scored sub-indicator of group {group} in the framework; the adjustment is not applied',
  },
  E_REVIEW_DUPLICATE: {
    vi: 'Đơn vị {agency}, chỉ số {indicator} được thẩm định hai lần (lần đầu ở {first}); chỉ áp dụng lần đầu, bỏ qua lần này',
    en: 'Agency {agency}, indicator {indicator} is reviewed twice (first at {first}); only the first is applied, this one is ignored',
  },
  E_REVIEW_INPUT_UNUSED: {
    vi: 'Đơn vị {agency}, chỉ số {indicator}: quy tắc tính điểm ({rule}) không dùng {field} điều chỉnh này (chỉ số tính theo tỷ lệ dùng Tử số và Mẫu số; các chỉ số khác dùng Giá trị); điều chỉnh không được áp dụng',
    en: 'Agency {agency}, indicator {indicator}: the scoring rule ({rule}) does not read this corrected {field} (ratios read the numerator and denominator; other rules read the value); the adjustment is not applied',
  },

  // The commands.
  CMD_REVIEW_TEMPLATE: {
    vi: 'tạo bảng thẩm định (.xlsx) cho hội đồng thẩm định: mỗi đơn vị và chỉ số một dòng, kèm điểm tự chấm và điểm tính toán',
    en: "write the appraisal council's review workbook (.xlsx): a row per agency and indicator, with self-scored and computed points",
  },
  OPT_REVIEW_TEMPLATE_OUT: { vi: 'tệp bảng thẩm định cần ghi (.xlsx)', en: 'the review workbook to write (.xlsx)' },
  OPT_REVIEW: {
    vi: 'áp dụng kết quả thẩm định từ tệp (.xlsx, .csv): điểm được duyệt hoặc số liệu điều chỉnh, kèm lý do',
    en: 'apply the appraisal council’s decisions from a file (.xlsx, .csv): approved points or corrected inputs, with reasons',
  },
  E_REVIEW_TEMPLATE_OUT_XLSX: { vi: 'Bảng thẩm định được ghi ra tệp .xlsx: "{file}" không phải tên tệp .xlsx', en: 'The review workbook is written to an .xlsx file: "{file}" is not one' },
  REVIEW_TEMPLATE_SUMMARY: {
    vi: 'Bảng thẩm định: {rows} dòng cho {agencies} đơn vị',
    en: 'Review workbook: {rows} rows for {agencies} agencies',
  },
  REVIEW_APPLIED: {
    vi: 'Áp dụng {count} điều chỉnh của hội đồng thẩm định từ {file}',
    en: "Applied {count} of the appraisal council's adjustments from {file}",
  },

  // The reviewers' workbook. Headers are in the workbook's language; the reader knows both.
  REV_SHEET: { vi: 'Thẩm định', en: 'Review' },
  REV_SHEET_HELP: { vi: 'Hướng dẫn', en: 'Instructions' },
  REV_TITLE: {
    vi: 'BẢNG THẨM ĐỊNH KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM {year}',
    en: 'APPRAISAL OF THE DIGITAL TRANSFORMATION INDEX (DTI) SELF-ASSESSMENTS {year}',
  },
  REV_SUBTITLE: { vi: '{framework} – phiên bản {version}', en: '{framework} – version {version}' },
  REV_NOTE: {
    vi: 'Chỉ nhập vào các ô nền vàng. Để trống nếu giữ nguyên kết quả; ghi Điểm thẩm định, hoặc số liệu điều chỉnh để tính lại điểm, và Lý do điều chỉnh.',
    en: 'Type only in the yellow cells. Leave a row empty to keep its result; give the approved points, or corrected inputs to score again, and the reason.',
  },
  REV_COL_GROUP: { vi: 'Nhóm', en: 'Group' },
  REV_COL_AGENCY_CODE: { vi: 'Mã đơn vị', en: 'Agency code' },
  REV_COL_AGENCY_NAME: { vi: 'Tên đơn vị', en: 'Agency name' },
  REV_COL_INDICATOR: { vi: 'Mã chỉ số', en: 'Indicator code' },
  REV_COL_INDICATOR_NAME: { vi: 'Tên chỉ số', en: 'Indicator name' },
  REV_COL_MAX: { vi: 'Điểm tối đa', en: 'Max points' },
  REV_COL_INPUTS: { vi: 'Dữ liệu tự đánh giá', en: 'Agency inputs' },
  REV_COL_EVIDENCE: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  REV_COL_SELF: { vi: 'Điểm tự chấm', en: 'Self-scored points' },
  REV_COL_COMPUTED: { vi: 'Điểm tính toán', en: 'Computed points' },
  REV_COL_APPROVED: { vi: 'Điểm thẩm định', en: 'Approved points' },
  REV_COL_VALUE: { vi: 'Giá trị điều chỉnh', en: 'Corrected value' },
  REV_COL_NUMERATOR: { vi: 'Tử số điều chỉnh', en: 'Corrected numerator' },
  REV_COL_DENOMINATOR: { vi: 'Mẫu số điều chỉnh', en: 'Corrected denominator' },
  REV_COL_REASON: { vi: 'Lý do điều chỉnh', en: 'Reason' },
  REV_COL_REVIEWER: { vi: 'Người thẩm định', en: 'Reviewer' },
  REV_COL_NA_DECISION: { vi: 'Chấp nhận không áp dụng', en: 'N/A decision' },
  REV_NA_ACCEPT: { vi: 'Chấp nhận', en: 'Accept' },
  REV_NA_REJECT: { vi: 'Không chấp nhận', en: 'Reject' },
  REV_DV_NA: { vi: 'Chọn "{accept}" hoặc "{reject}".', en: 'Choose "{accept}" or "{reject}".' },

  REV_HELP_TITLE: { vi: 'HƯỚNG DẪN THẨM ĐỊNH', en: 'HOW TO RECORD THE APPRAISAL' },
  REV_HELP_FRAMEWORK: { vi: 'Bộ chỉ số: {framework} (mã {id}, phiên bản {version}).', en: 'Framework: {framework} (id {id}, version {version}).' },
  REV_HELP_WHERE: {
    vi: 'Trang tính "{sheet}" có một dòng cho mỗi đơn vị và mỗi chỉ số thành phần được chấm điểm, kèm số liệu, điểm tự chấm của đơn vị và điểm tính theo quy tắc của bộ chỉ số.',
    en: 'The sheet "{sheet}" has a row for every agency and scored sub-indicator, with the agency\'s inputs, its own points and the points the framework\'s rules give.',
  },
  REV_HELP_CONFIRM: {
    vi: '• Đồng ý với kết quả: để trống các ô nền vàng của dòng đó.',
    en: '• To confirm a result: leave the yellow cells of its row empty.',
  },
  REV_HELP_POINTS: {
    vi: '• Duyệt một số điểm khác: ghi vào cột Điểm thẩm định (0 đến Điểm tối đa).',
    en: '• To approve other points: type them in the approved-points column (0 to the max points).',
  },
  REV_HELP_INPUTS: {
    vi: '• Điều chỉnh số liệu để tính lại điểm theo quy tắc: ghi Giá trị điều chỉnh, hoặc Tử số và Mẫu số điều chỉnh với chỉ số tính theo tỷ lệ. Không ghi đồng thời Điểm thẩm định.',
    en: '• To correct the inputs and score them again by the rule: type the corrected value, or the corrected numerator and denominator for ratio indicators. Do not also give approved points.',
  },
  REV_HELP_NA: {
    vi: '• Đơn vị ghi "Không áp dụng" cho một chỉ số: để trống cột {column} là chấp nhận; chọn "{reject}" thì chỉ số được chấm như thiếu số liệu (hoặc ghi Điểm thẩm định, số liệu điều chỉnh), kèm lý do.',
    en: '• Where an agency declared an indicator not applicable: leave the {column} column empty to accept; choose "{reject}" to score it as missing (or give approved points or corrected inputs), with the reason.',
  },
  REV_HELP_REASON: {
    vi: '• Mỗi điều chỉnh cần ghi Lý do điều chỉnh và Người thẩm định.',
    en: '• Every adjustment needs a reason and the reviewer\'s name.',
  },
  REV_HELP_ROWS: {
    vi: 'Có thể lọc và ẩn dòng; không sửa các cột Mã đơn vị và Mã chỉ số. Áp dụng kết quả bằng lệnh: dti score <tệp tự đánh giá> --framework {id} --review <tệp này>.',
    en: 'Rows may be filtered and hidden; do not edit the agency and indicator codes. Apply the decisions with: dti score <submissions> --framework {id} --review <this file>.',
  },

  // The ranked workbook's self-scored vs computed vs appraised sheet.
  REV_WB_COL_DIFFERENCE: { vi: 'Chênh lệch (kết quả − tự chấm)', en: 'Difference (result − self)' },
  E_REVIEW_NA_DECISION: {
    vi: 'Đơn vị {agency}, chỉ số {indicator}: ý kiến về khai "không áp dụng" là "{value}", cần ghi "Không chấp nhận" hoặc "Chấp nhận"',
    en: 'Agency {agency}, indicator {indicator}: the decision on the "not applicable" claim is "{value}"; expected "reject" or "accept" ("Không chấp nhận", "Chấp nhận")',
  },
  W_REVIEW_NA_NO_CLAIM: {
    vi: 'Đơn vị {agency} không khai "không áp dụng" cho chỉ số {indicator}: không có gì để bác bỏ, dòng này bị bỏ qua',
    en: 'Agency {agency} did not declare indicator {indicator} not applicable: there is nothing to reject, the row is ignored',
  },
  E_REVIEW_NOT_FOR_AGENCY: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} chỉ áp dụng cho đơn vị có nhãn {tags}, đơn vị không có nhãn này nên quyết định bị bỏ qua',
    en: 'Agency {agency}: indicator {indicator} applies only to agencies tagged {tags}; this agency is not, so the decision is ignored',
  },
};

import type { MessageTable } from '../types.js';

/** The engine: missing values, evidence, self-scores, points given directly. */
export const engineMessages: MessageTable = {
  W_MISSING_VALUE: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} chưa có số liệu, tính 0 điểm',
    en: 'Agency {agency}: indicator {indicator} has no value; scored 0',
  },
  E_MISSING_VALUE: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} chưa có số liệu; đơn vị chưa đủ dữ liệu để xếp hạng',
    en: 'Agency {agency}: indicator {indicator} has no value; the agency is incomplete and not ranked',
  },
  W_EVIDENCE_MISSING: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} ({points} điểm) thiếu tài liệu kiểm chứng',
    en: 'Agency {agency}: indicator {indicator} ({points} points) has no evidence document',
  },
  W_SELF_SCORE_DIFFERS: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} tự chấm {self} điểm, theo cách tính là {computed} điểm',
    en: 'Agency {agency}: indicator {indicator} self-scored {self} points; the rule gives {computed}',
  },
  W_INDICATOR_NOT_IN_GROUP: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} không áp dụng cho nhóm {group}; bỏ qua',
    en: 'Agency {agency}: indicator {indicator} does not apply to group {group}; ignored',
  },
  I_NOT_FOR_AGENCY_TAGS: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} chỉ áp dụng cho đơn vị có nhãn {tags}, đơn vị không có nhãn này nên số liệu đã nhập không được tính',
    en: 'Agency {agency}: indicator {indicator} applies only to agencies tagged {tags}; this agency is not, so the value given is not scored',
  },
  E_NA_NOT_ALLOWED: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} không cho phép trả lời "{value}" (không áp dụng); chỉ số được tính như chưa có số liệu',
    en: 'Agency {agency}: indicator {indicator} does not allow "{value}" (not applicable); it is scored as having no value',
  },
  W_NA_NO_REASON: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} được khai "không áp dụng" nhưng không có giải trình lý do (cột Ghi chú/Giải trình)',
    en: 'Agency {agency}: indicator {indicator} is declared not applicable without a reason (note / explanation column)',
  },
  I_NA_REJECTED: {
    vi: 'Đơn vị {agency}: Hội đồng thẩm định không chấp nhận khai "không áp dụng" của chỉ số {indicator}',
    en: 'Agency {agency}: the appraisal council rejects the "not applicable" claim on indicator {indicator}',
  },
  I_INFORMATIONAL: {
    vi: 'Chỉ số {indicator} chỉ để tham khảo, không tính điểm',
    en: 'Indicator {indicator} is informational and not scored',
  },
  I_DIRECT_POINTS: {
    vi: 'Đơn vị {agency}: dùng trực tiếp {points} điểm đã cho của chỉ số {indicator}, không tính từ chỉ số con',
    en: 'Agency {agency}: indicator {indicator} uses the {points} points given directly, not its sub-indicators',
  },
  W_SUBTOTAL_MISMATCH: {
    vi: 'Đơn vị {agency}: dòng tổng của chỉ số {indicator} ghi {given} điểm, nhưng cộng các chỉ số con ({cells}) được {expected} điểm',
    en: 'Agency {agency}: the subtotal of indicator {indicator} reads {given} points, but its sub-indicators ({cells}) add up to {expected}',
  },
  W_YEAR_MISSING: { vi: 'Đơn vị {agency}: không ghi năm đánh giá (cần {year})', en: 'Agency {agency}: no assessment year given (expected {year})' },
  E_YEAR_MISMATCH: { vi: 'Đơn vị {agency}: năm đánh giá là {year}, cần {expected}', en: 'Agency {agency}: assessment year is {year}, expected {expected}' },
  W_EVIDENCE_LINK: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} có đường dẫn tài liệu không hợp lệ "{value}" (cần http:// hoặc https://)',
    en: 'Agency {agency}: indicator {indicator} has a malformed evidence link "{value}" (expected http:// or https://)',
  },
  W_TOTAL_MISMATCH: {
    vi: 'Đơn vị {agency}: dòng tổng cộng ghi {given} điểm, nhưng cộng các dòng chỉ số ({cells}) được {expected} điểm',
    en: 'Agency {agency}: the total row reads {given} points, but the indicator rows ({cells}) add up to {expected}',
  },
};

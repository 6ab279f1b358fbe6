import type { MessageTable } from '../types.js';

/** Scoring rules: values an agency gave that a rule cannot accept. */
export const ruleMessages: MessageTable = {
  E_NOT_A_NUMBER: {
    vi: 'Chỉ số {indicator}, {field}: "{value}" không phải là số',
    en: 'Indicator {indicator}, {field}: "{value}" is not a number',
  },
  E_AMBIGUOUS_NUMBER: {
    vi: 'Chỉ số {indicator}, {field}: "{value}" có thể là số thập phân hoặc số có dấu phân cách hàng nghìn; hãy bỏ dấu phân cách hàng nghìn (1234) hoặc nhập ô dạng số',
    en: 'Indicator {indicator}, {field}: "{value}" could be a decimal or a number with a thousands separator; drop the thousands separator (1234) or enter it as a number cell',
  },
  E_NOT_INTEGER: {
    vi: 'Chỉ số {indicator}, {field}: "{value}" phải là số nguyên',
    en: 'Indicator {indicator}, {field}: "{value}" must be a whole number',
  },
  E_RANGE: {
    vi: 'Chỉ số {indicator}, {field}: "{value}" nằm ngoài khoảng cho phép {min}..{max}',
    en: 'Indicator {indicator}, {field}: "{value}" is outside the allowed range {min}..{max}',
  },
  E_NOT_BOOLEAN: {
    vi: 'Chỉ số {indicator}: "{value}" không phải Có/Không',
    en: 'Indicator {indicator}: "{value}" is not yes/no',
  },
  E_CHOICE_UNKNOWN: {
    vi: 'Chỉ số {indicator}: "{value}" không thuộc các mức: {options}',
    en: 'Indicator {indicator}: "{value}" is not one of the levels: {options}',
  },
  E_RATIO_INCOMPLETE: {
    vi: 'Chỉ số {indicator}: cần cả tử số và mẫu số',
    en: 'Indicator {indicator}: both numerator and denominator are needed',
  },
  E_NUMERATOR_OVER_DENOMINATOR: {
    vi: 'Chỉ số {indicator}: tử số {numerator} lớn hơn mẫu số {denominator}',
    en: 'Indicator {indicator}: numerator {numerator} is larger than denominator {denominator}',
  },
  W_ZERO_DENOMINATOR: {
    vi: 'Chỉ số {indicator}: mẫu số bằng 0, tính {points} điểm theo quy định của bộ chỉ số',
    en: 'Indicator {indicator}: denominator is 0, scored {points} points as the framework says',
  },
};

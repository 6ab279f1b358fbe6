import type { MessageTable } from '../types.js';

/** Framework files: loading, schema, semantic checks. */
export const frameworkMessages: MessageTable = {
  E_FW_NOT_FOUND: {
    vi: 'Không tìm thấy bộ chỉ số "{framework}" (không phải mã có sẵn, cũng không phải tệp). Bộ chỉ số có sẵn: {known}',
    en: 'Framework "{framework}" not found (neither a bundled id nor a file). Bundled frameworks: {known}',
  },
  E_FW_FORMAT: {
    vi: 'Tệp bộ chỉ số phải là .json, .yaml hoặc .yml (tệp có đuôi "{ext}")',
    en: 'A framework file must be .json, .yaml or .yml (this one ends in "{ext}")',
  },
  E_FW_SYNTAX: { vi: 'Tệp bộ chỉ số không đọc được: {detail}', en: 'The framework file cannot be parsed: {detail}' },
  E_FW_SCHEMA: { vi: '{detail}', en: '{detail}' },
  E_FW_DUPLICATE_CODE: { vi: 'Mã chỉ số "{code}" bị trùng', en: 'Indicator code "{code}" is used twice' },
  E_FW_DUPLICATE_GROUP: { vi: 'Mã nhóm "{group}" bị trùng', en: 'Group id "{group}" is used twice' },
  E_FW_DUPLICATE_PILLAR: { vi: 'Mã trụ cột "{pillar}" bị trùng', en: 'Pillar code "{pillar}" is used twice' },
  E_FW_UNKNOWN_GROUP: {
    vi: 'Chỉ số "{code}" nhắc đến nhóm "{group}" không có trong danh sách nhóm',
    en: 'Indicator "{code}" refers to group "{group}", which is not among the groups',
  },
  E_FW_GROUP_NOT_IN_PARENT: {
    vi: 'Chỉ số "{code}" áp dụng cho nhóm "{group}" nhưng chỉ số cha "{parent}" thì không',
    en: 'Indicator "{code}" applies to group "{group}" but its parent "{parent}" does not',
  },
  E_FW_UNKNOWN_PILLAR: {
    vi: 'Chỉ số "{code}" thuộc trụ cột "{pillar}" không được khai báo',
    en: 'Indicator "{code}" belongs to pillar "{pillar}", which is not declared',
  },
  E_FW_PILLAR_NOT_MAIN: {
    vi: 'Chỉ số "{code}" không phải chỉ số chính nên không thể gắn trụ cột',
    en: 'Indicator "{code}" is not a main indicator, so it cannot name pillars',
  },
  E_FW_DUPLICATE_TAG: { vi: 'Mã nhãn "{tag}" bị trùng', en: 'Tag id "{tag}" is used twice' },
  E_FW_UNKNOWN_TAG: {
    vi: 'Chỉ số "{code}" chỉ áp dụng cho nhãn "{tag}" nhưng nhãn này không được khai báo trong tags (đã khai báo: {tags})',
    en: 'Indicator "{code}" applies only to tag "{tag}", which is not declared in tags (declared: {tags})',
  },
  E_FW_EMPTY_PILLAR: { vi: 'Trụ cột "{pillar}" không có chỉ số chính nào', en: 'Pillar "{pillar}" has no main indicator' },
  E_FW_NO_RULE: {
    vi: 'Chỉ số "{code}" là chỉ số lá được tính điểm nhưng thiếu cách tính điểm (rule)',
    en: 'Indicator "{code}" is a scored leaf without a scoring rule',
  },
  E_FW_NO_MAX: { vi: 'Chỉ số "{code}" thiếu điểm tối đa', en: 'Indicator "{code}" has no max points' },
  E_FW_RULE_ON_BRANCH: {
    vi: 'Chỉ số "{code}" có chỉ số con nên không được có cách tính điểm riêng',
    en: 'Indicator "{code}" has children, so it cannot have a rule of its own',
  },
  E_FW_SUM_MISMATCH: {
    vi: '"{code}" (nhóm {group}): điểm tối đa khai báo là {declared} nhưng tổng điểm tối đa các chỉ số con là {sum}',
    en: '"{code}" (group {group}): declared max points {declared}, but its children add up to {sum}',
  },
  E_FW_RULE_POINTS_OVER_MAX: {
    vi: 'Chỉ số "{code}" (nhóm {group}): cách tính cho {points} điểm, vượt điểm tối đa {max}',
    en: 'Indicator "{code}" (group {group}): its rule gives {points} points, above the max of {max}',
  },
  E_FW_EMPTY_GROUP: {
    vi: 'Nhóm "{group}" không có chỉ số nào được tính điểm',
    en: 'Group "{group}" has no scored indicator',
  },
  W_FW_RULE_NEVER_MAX: {
    vi: 'Chỉ số "{code}" (nhóm {group}): cách tính cho nhiều nhất {points} điểm, không bao giờ đạt điểm tối đa {max}',
    en: 'Indicator "{code}" (group {group}): its rule gives at most {points} points and never reaches the max of {max}',
  },
};

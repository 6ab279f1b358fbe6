import type { MessageTable } from '../types.js';

/**
 * `dti check` on template workbooks (src/template/check.ts), `dti framework import`
 * (src/template/import.ts) and the words of both commands.
 */
export const templateCheckMessages: MessageTable = {
  // What the template was made from (the hidden _dti sheet).
  E_TPL_NO_FRAMEWORK: {
    vi: 'Không xác định được bộ chỉ số của biểu mẫu: thiếu trang tính ẩn "{sheet}" hoặc dòng framework_id trong đó. Chỉ kiểm tra được biểu mẫu do "dti template" tạo.',
    en: 'The template names no framework: the hidden sheet "{sheet}", or its framework_id row, is missing. Only workbooks made by "dti template" can be checked.',
  },
  E_TPL_UNKNOWN_FRAMEWORK: {
    vi: 'Biểu mẫu được tạo từ bộ chỉ số "{framework}", không phải bộ chỉ số có sẵn ({known}); hãy đưa tệp bộ chỉ số đó vào cùng lệnh kiểm tra',
    en: 'The template was made from framework "{framework}", which is not bundled ({known}); give that framework file to the same check command',
  },
  E_TPL_FRAMEWORK_DIFFERS: {
    vi: 'Biểu mẫu được tạo từ bộ chỉ số "{framework}", không phải "{expected}"',
    en: 'The template was made from framework "{framework}", not "{expected}"',
  },
  W_TPL_VERSION_DIFFERS: {
    vi: 'Biểu mẫu được tạo từ phiên bản "{found}" của bộ chỉ số {framework}; phiên bản hiện tại là "{expected}"',
    en: 'The template was made from version "{found}" of framework {framework}; the current version is "{expected}"',
  },
  E_TPL_NO_GROUP: {
    vi: 'Trang tính ẩn _dti không ghi nhóm đơn vị của biểu mẫu (các nhóm: {groups})',
    en: 'The hidden _dti sheet does not name the agency group of the template (groups: {groups})',
  },
  E_TPL_UNKNOWN_GROUP: {
    vi: 'Biểu mẫu dành cho nhóm "{group}", không có trong bộ chỉ số (các nhóm: {groups})',
    en: 'The template is for group "{group}", which is not in the framework (groups: {groups})',
  },
  W_TPL_SHEET_VISIBLE: {
    vi: 'Trang tính "{sheet}" phải được ẩn (chứa thông tin kỹ thuật của biểu mẫu)',
    en: 'Sheet "{sheet}" should be hidden (it holds the template\'s technical data)',
  },
  W_TPL_WORKBOOK_UNLOCKED: {
    vi: 'Cấu trúc tệp không được khoá: đơn vị có thể thêm, xoá, đổi tên hoặc hiện các trang tính. Khoá lại trong Excel: Review › Protect Workbook › Structure (LibreOffice bỏ khoá này khi lưu .xlsx)',
    en: 'The workbook structure is not locked: agencies can add, delete, rename or unhide sheets. Lock it in Excel: Review › Protect Workbook › Structure (LibreOffice drops this lock when saving .xlsx)',
  },

  // The form sheet.
  E_TPL_SHEET_MISSING: {
    vi: 'Không có trang tính biểu mẫu "{sheet}" (các trang tính: {sheets})',
    en: 'The form sheet "{sheet}" is missing (sheets: {sheets})',
  },
  E_TPL_HEADER_MISSING: {
    vi: 'Không tìm thấy dòng tiêu đề của biểu mẫu (cột đầu tiên "{header}") trong trang tính "{sheet}"',
    en: 'The form\'s header row (first column "{header}") is not in sheet "{sheet}"',
  },
  W_TPL_HEADER_MOVED: {
    vi: 'Dòng tiêu đề đang ở dòng {found}, không phải dòng {expected} như khi tạo biểu mẫu: đã có dòng bị thêm hoặc xoá phía trên',
    en: 'The header row is at row {found}, not row {expected} where the template put it: rows were added or deleted above it',
  },
  E_TPL_HEADER_CHANGED: {
    vi: 'Tiêu đề cột phải là "{expected}" (đang là "{found}"): dti đọc biểu mẫu theo các tiêu đề này',
    en: 'The column header must be "{expected}" (it is "{found}"): dti reads the form by these headers',
  },
  E_TPL_GROUP_CELL_CHANGED: {
    vi: 'Ô Nhóm phải là "{expected}" (đang là "{found}"): dti xác định nhóm đơn vị từ ô này',
    en: 'The group cell must be "{expected}" (it is "{found}"): dti takes the agency group from it',
  },
  E_TPL_CODE_MISSING: {
    vi: 'Thiếu dòng chỉ số "{code}" ({name})',
    en: 'The row of indicator "{code}" ({name}) is missing',
  },
  E_TPL_CODE_EXTRA: {
    vi: 'Mã chỉ số "{code}" không có trong bộ chỉ số {framework}',
    en: 'Indicator code "{code}" is not in framework {framework}',
  },
  E_TPL_CODE_NOT_IN_GROUP: {
    vi: 'Chỉ số "{code}" không áp dụng cho nhóm {group} của biểu mẫu',
    en: 'Indicator "{code}" does not apply to the template\'s group {group}',
  },
  E_TPL_CODE_DUPLICATE: {
    vi: 'Mã chỉ số "{code}" lặp lại (đã có ở {first})',
    en: 'Indicator code "{code}" appears twice (first at {first})',
  },
  E_TPL_CODE_ORDER: {
    vi: 'Chỉ số "{code}" không đúng thứ tự của bộ chỉ số: phải là dòng chỉ số thứ {position} trong {count} dòng',
    en: 'Indicator "{code}" is out of the framework\'s order: it must be indicator row {position} of {count}',
  },
  E_TPL_MAX_DIFFERS: {
    vi: '"{code}": điểm tối đa phải là {expected} (đang là "{found}")',
    en: '"{code}": max points must be {expected} (the cell says "{found}")',
  },
  E_TPL_TOTAL_MISSING: {
    vi: 'Thiếu dòng "{total}" ngay dưới các dòng chỉ số',
    en: 'The "{total}" row below the indicator rows is missing',
  },
  E_TPL_VALIDATION_MISSING: {
    vi: '"{code}": ô {column} không có kiểm tra dữ liệu (Data Validation); cần: {expected}',
    en: '"{code}": the {column} cell has no data validation; expected: {expected}',
  },
  E_TPL_VALIDATION_CHANGED: {
    vi: '"{code}": kiểm tra dữ liệu của ô {column} đã bị sửa: cần {expected}, đang là {found}',
    en: '"{code}": the data validation of the {column} cell was changed: expected {expected}, found {found}',
  },
  W_TPL_VALIDATION_WEAK: {
    vi: '"{code}": kiểm tra dữ liệu của ô {column} không chặn giá trị sai (cần kiểu cảnh báo Stop và hiện thông báo lỗi)',
    en: '"{code}": the data validation of the {column} cell lets wrong values through (it needs the Stop style and its error alert shown)',
  },
  E_TPL_FORMULA_MISSING: {
    vi: '"{code}": ô điểm không còn công thức (đang là "{found}"); cần ={expected}',
    en: '"{code}": the points cell has lost its formula (it holds "{found}"); expected ={expected}',
  },
  E_TPL_FORMULA_CHANGED: {
    vi: '"{code}": công thức tính điểm đã bị sửa: cần ={expected}, đang là ={found}',
    en: '"{code}": the points formula was changed: expected ={expected}, found ={found}',
  },

  // Protection.
  E_TPL_UNPROTECTED: {
    vi: 'Trang tính "{sheet}" không được bảo vệ: đơn vị có thể sửa mã, điểm tối đa và công thức. Bật lại: Review › Protect Sheet',
    en: 'Sheet "{sheet}" is not protected: agencies can change codes, max points and formulas. Turn it back on: Review › Protect Sheet',
  },
  W_TPL_PROTECTION_WEAK: {
    vi: 'Bảo vệ trang tính "{sheet}" vẫn cho phép: {allowed} (biểu mẫu không cho thêm, xoá hay sắp xếp dòng, cột)',
    en: 'The protection of sheet "{sheet}" still allows: {allowed} (the template allows no row or column to be inserted, deleted or sorted)',
  },
  E_TPL_INPUT_LOCKED: {
    vi: '"{code}": ô nhập liệu bị khoá, đơn vị không nhập được: {cells}',
    en: '"{code}": input cells are locked, agencies cannot type in them: {cells}',
  },
  E_TPL_CELL_UNLOCKED: {
    vi: '"{code}": ô không phải ô nhập liệu nhưng không bị khoá: {cells}',
    en: '"{code}": cells that take no input are not locked: {cells}',
  },

  // dti framework import.
  E_IMPORT_NO_HEADER: {
    vi: 'Không tìm thấy dòng tiêu đề có cột mã chỉ số (hoặc STT), tên chỉ số và điểm tối đa',
    en: 'No header row with an indicator code (or numbering) column, a name column and a max points column',
  },
  E_IMPORT_NO_ROWS: { vi: 'Không có dòng chỉ số nào dưới dòng tiêu đề', en: 'No indicator row below the header row' },
  E_IMPORT_CODE_INVALID: {
    vi: 'Mã chỉ số "{code}" không dùng được (chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới)',
    en: 'Indicator code "{code}" cannot be used (letters without accents, digits, dots, dashes and underscores only)',
  },
  E_IMPORT_NUMBERING: {
    vi: 'Không xác định được chỉ số cha của số thứ tự "{number}" (không có dòng đánh số nào phía trên)',
    en: 'Numbering "{number}" has no numbered row above it to belong to',
  },
  E_IMPORT_CODE_DUPLICATE: { vi: 'Mã chỉ số "{code}" lặp lại (đã có ở {first})', en: 'Indicator code "{code}" appears twice (first at {first})' },
  E_IMPORT_MAX_INVALID: {
    vi: '"{code}": điểm tối đa "{value}" không phải một số không âm',
    en: '"{code}": max points "{value}" is not a number ≥ 0',
  },
  W_IMPORT_MAX_MISSING: {
    vi: '"{code}": không có điểm tối đa',
    en: '"{code}": no max points',
  },
  W_IMPORT_NAME_MISSING: { vi: '"{code}": không có tên chỉ số; tạm dùng mã làm tên', en: '"{code}": no indicator name; the code stands in for it' },
  W_IMPORT_PARENT_ADDED: {
    vi: 'Bảng tính không có dòng "{code}" nhưng có chỉ số con "{child}": đã thêm "{code}" (điểm tối đa bằng tổng các chỉ số con); hãy đặt tên cho nó',
    en: 'The workbook has no row "{code}" but has its sub-indicator "{child}": "{code}" was added (its max is the sum of its children); give it a name',
  },
  I_IMPORT_CODE_RENAMED: {
    vi: 'Số thứ tự "{number}" được ghi thành mã "{code}" (mã chỉ số không dùng chữ có dấu)',
    en: 'Numbering "{number}" becomes code "{code}" (codes take no accented letters)',
  },
  I_IMPORT_RULES_MANUAL: {
    vi: '{count} chỉ số lá được gán cách tính "manual" (điểm do đơn vị tự chấm, Hội đồng thẩm định xem xét): cách tính điểm không thể suy ra chắc chắn từ lời văn. Hãy thay bằng boolean, ratio, tiers, count hoặc choice; cách tính trong bảng tính được ghi làm chú thích trong tệp YAML.',
    en: '{count} leaf indicators get the "manual" rule (points typed by the agency, reviewed by the appraisal council): a rule cannot be inferred reliably from words. Replace them with boolean, ratio, tiers, count or choice rules; the rule text of the workbook is kept as comments in the YAML.',
  },
  IMPORT_GROUP_NAME: { vi: 'Đơn vị', en: 'Agencies' },
  IMPORT_YAML_HEADER: {
    vi: 'Bộ chỉ số do "dti framework import" lập từ {source}.\nMã, tên và điểm tối đa lấy từ bảng tính. Mọi chỉ số lá có cách tính "manual" (điểm tự chấm):\ncách tính điểm không thể suy ra chắc chắn từ lời văn. Hãy thay bằng cách tính đúng\n(boolean, ratio, tiers, count, choice, relative); lời văn "Cách tính điểm" của bảng tính,\nnếu có, được ghi làm chú thích ngay trên mỗi cách tính. Kiểm tra lại bằng: dti check <tệp này>',
    en: 'Framework drafted by "dti framework import" from {source}.\nCodes, names and max points come from the workbook. Every leaf has the rule "manual" (points typed in):\na scoring rule cannot be inferred reliably from words. Replace each with the rule meant\n(boolean, ratio, tiers, count, choice, relative); the workbook\'s own "Cách tính điểm" text, where it\nhad one, is the comment above each rule. Check it again with: dti check <this file>',
  },
  IMPORT_SOURCE_SHEET: { vi: '{file}, trang tính "{sheet}"', en: '{file}, sheet "{sheet}"' },
  IMPORT_VERSION: { vi: 'nhập từ {file}', en: 'imported from {file}' },
  IMPORT_PROVENANCE: {
    vi: 'Do dti framework import lập từ {source}: mã, tên và điểm tối đa như bảng tính ghi; mọi cách tính điểm là manual (điểm tự chấm).',
    en: 'Drafted by dti framework import from {source}: codes, names and max points as the workbook gives them; every rule is manual.',
  },
  IMPORT_YAML_RULE_TEXT: { vi: 'Cách tính điểm trong bảng tính:', en: "The workbook's scoring rule:" },
  I_IMPORT_YEAR_DEFAULT: {
    vi: 'Bảng tính không ghi năm đánh giá: dùng năm {year}',
    en: 'The workbook gives no assessment year: {year} is used',
  },

  // The commands.
  ARG_CHECK_INPUTS: {
    vi: 'tệp bộ chỉ số (.yaml, .yml, .json) hoặc biểu mẫu tự đánh giá (.xlsx)',
    en: 'framework files (.yaml, .yml, .json) or submission templates (.xlsx)',
  },
  E_CHECK_INPUT_TYPE: {
    vi: 'Không kiểm tra được tệp "{ext}": cần tệp bộ chỉ số .yaml, .yml, .json hoặc biểu mẫu .xlsx',
    en: 'Cannot check "{ext}" files: expected a .yaml, .yml or .json framework or an .xlsx template',
  },
  CMD_FRAMEWORK_IMPORT: {
    vi: 'tạo tệp bộ chỉ số (YAML) từ một biểu mẫu hoặc bảng chỉ số trong Excel: mã hoặc số thứ tự, tên, điểm tối đa; cách tính điểm để "manual"',
    en: 'make a framework file (YAML) from a template or an official form in Excel: codes or numbering, names, max points; every rule "manual"',
  },
  ARG_IMPORT_WORKBOOK: { vi: 'biểu mẫu hoặc bảng chỉ số (.xlsx, .csv)', en: 'template or official form (.xlsx, .csv)' },
  OPT_IMPORT_OUT: { vi: 'ghi bộ chỉ số vào tệp .yaml (mặc định: in ra màn hình)', en: 'write the framework to a .yaml file (default: print it)' },
  OPT_IMPORT_ID: { vi: 'mã của bộ chỉ số (chữ thường, số, gạch ngang)', en: 'framework id (lowercase letters, digits, dashes)' },
  OPT_IMPORT_GROUP: { vi: 'mã của nhóm đơn vị duy nhất (mặc định: don-vi)', en: 'id of the one agency group (default: don-vi)' },
  E_IMPORT_ID_OPTION: {
    vi: '{option} "{value}" không hợp lệ: chỉ gồm chữ thường không dấu, số và gạch ngang',
    en: '{option} "{value}" is not valid: lowercase letters, digits and dashes only',
  },
  E_IMPORT_OUT_YAML: { vi: 'Bộ chỉ số được ghi ra tệp .yaml hoặc .yml, không phải "{file}"', en: 'The framework is written to a .yaml or .yml file, not "{file}"' },
  IMPORT_SUMMARY: {
    vi: '{indicators} chỉ số ({leaves} chỉ số lá) từ {file}: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú',
    en: '{indicators} indicators ({leaves} leaves) from {file}: {errors} errors, {warnings} warnings, {infos} notes',
  },
};

import type { MessageTable } from '../types.js';

/** From sheets to submissions: headers, identities, indicator rows. */
export const submissionMessages: MessageTable = {
  E_NO_HEADER: {
    vi: 'Không tìm thấy dòng tiêu đề của biểu mẫu. Các cột nhận ra được: {found}. Còn thiếu: {missing}. Hãy ghi tiêu đề cột như biểu mẫu tự đánh giá, hoặc một cột cho mỗi mã chỉ số cùng cột "Mã đơn vị"',
    en: 'No header row found. Columns recognised: {found}. Missing: {missing}. Name the columns as the self-assessment form does, or give one column per indicator code with a "Mã đơn vị" column',
  },
  E_NO_HEADER_SHEET: {
    vi: 'Không tìm thấy dòng tiêu đề của biểu mẫu trong các trang tính {sheets}. Các cột nhận ra được: {found}. Còn thiếu: {missing}. Hãy ghi tiêu đề cột như biểu mẫu tự đánh giá, hoặc chọn trang bằng --sheet',
    en: 'No header row found in the sheets {sheets}. Columns recognised: {found}. Missing: {missing}. Name the columns as the self-assessment form does, or choose the sheet with --sheet',
  },
  I_SHEET_CHOSEN: {
    vi: 'Đã đọc biểu mẫu ở trang tính "{sheet}" (trang có nhiều chỉ số nhận ra được nhất); không đọc các trang {others}. Dùng --sheet để chọn trang khác',
    en: 'The form was read from sheet "{sheet}" (the one with the most recognised indicators); sheets {others} were not read. Use --sheet to choose another',
  },
  E_SUBMISSION_EMPTY: {
    vi: 'Biểu mẫu của đơn vị {agency} chưa được điền: không dòng chỉ số nào có số liệu hay điểm tự đánh giá; đơn vị không được tính điểm và xếp hạng',
    en: 'The form of agency {agency} was never filled in: no indicator row has a value or self-scored points; the agency is neither scored nor ranked',
  },
  I_FILE_SKIPPED: {
    vi: 'Tệp không được đọc: loại tệp "{ext}" không phải bản nộp (chỉ đọc .xlsx, .xlsm, .csv, .tsv và .txt dạng văn bản có phân cách)',
    en: 'File not read: "{ext}" files are not submissions (only .xlsx, .xlsm, .csv, and .tsv or .txt delimited text are read)',
  },
  I_FILE_SKIPPED_LOCK: {
    vi: 'Tệp không được đọc: đây là tệp khóa của Office (~$…), có khi tệp gốc đang được mở trong Excel',
    en: 'File not read: it is an Office lock file (~$…), left while the workbook is open in Excel',
  },
  E_SHEET_NOT_FOUND: {
    vi: 'Không có trang tính "{sheet}"; các trang có: {sheets}',
    en: 'There is no sheet "{sheet}"; the sheets are: {sheets}',
  },
  I_SHEET_HIDDEN: { vi: 'Trang tính "{sheet}" đang bị ẩn nhưng vẫn được đọc', en: 'Sheet "{sheet}" is hidden; it was read all the same' },
  E_AGENCY_MISSING: { vi: 'Dòng này thiếu mã và tên đơn vị', en: 'This row has neither an agency code nor an agency name' },
  E_AGENCY_CONFLICT: {
    vi: 'Đơn vị {agency}: trường {field} là "{second}" ở đây nhưng là "{first}" ở {firstAt}',
    en: 'Agency {agency}: {field} is "{second}" here but "{first}" at {firstAt}',
  },
  E_INDICATOR_MISSING: { vi: 'Dòng này thiếu mã chỉ số', en: 'This row has no indicator code' },
  E_UNKNOWN_INDICATOR: {
    vi: 'Mã chỉ số "{indicator}" không có trong bộ chỉ số',
    en: 'Indicator code "{indicator}" is not in the framework',
  },
  E_DUPLICATE_INDICATOR: {
    vi: 'Đơn vị {agency}: chỉ số {indicator} được khai hai lần (lần đầu ở {first}); bỏ qua lần này',
    en: 'Agency {agency}: indicator {indicator} is given twice (first at {first}); this one is ignored',
  },
  E_UNKNOWN_GROUP: {
    vi: 'Đơn vị {agency}: nhóm "{group}" không có trong bộ chỉ số (các nhóm: {groups})',
    en: 'Agency {agency}: group "{group}" is not in the framework (groups: {groups})',
  },
  E_GROUP_MISSING: {
    vi: 'Đơn vị {agency}: thiếu nhóm đơn vị; bộ chỉ số có nhiều nhóm ({groups})',
    en: 'Agency {agency}: no group given, and the framework has several ({groups})',
  },
  E_YEAR_INVALID: { vi: 'Đơn vị {agency}: năm "{value}" không hợp lệ', en: 'Agency {agency}: "{value}" is not a year' },
  E_SUBMISSION_SHAPE: { vi: 'Đơn vị {agency}: dữ liệu không hợp lệ ({detail})', en: 'Agency {agency}: invalid data ({detail})' },
  E_DUPLICATE_AGENCY: {
    vi: 'Đơn vị {agency} năm {year} đã có trong {first}; bỏ qua bản nộp này',
    en: 'Agency {agency} for {year} was already read from {first}; this submission is ignored',
  },
  E_FILE_UNREADABLE: { vi: 'Không đọc được tệp: {detail}', en: 'The file cannot be read: {detail}' },
  E_FILE_TYPE: {
    vi: 'Không đọc được loại tệp "{ext}": cần .xlsx hoặc .csv',
    en: 'Cannot read "{ext}" files: expected .xlsx or .csv',
  },
  E_NOTHING_SCORED: { vi: 'Không có đơn vị nào để tính điểm', en: 'There is no agency to score' },
  E_AGENCY_IDENTITY_MISSING: {
    vi: 'Biểu mẫu không ghi đơn vị: cần ô "Mã đơn vị:" hoặc "Tên đơn vị:" phía trên dòng tiêu đề, hoặc trang "Thông tin"',
    en: 'The form does not say which agency it is: expected a "Mã đơn vị:" or "Tên đơn vị:" cell above the header, or a "Thông tin" sheet',
  },
  I_ROW_HIDDEN: {
    vi: 'Dòng của chỉ số {indicator} đang bị ẩn nhưng vẫn được đọc',
    en: 'The row of indicator {indicator} is hidden; it was read all the same',
  },
  E_CELL_ERROR: { vi: 'Ô chứa giá trị lỗi {detail} (chỉ số {indicator})', en: 'The cell holds the error value {detail} (indicator {indicator})' },
  E_FORMULA_NO_RESULT: {
    vi: 'Ô có công thức {detail} nhưng không lưu kết quả (chỉ số {indicator}); hãy mở tệp bằng Excel, tính lại và lưu',
    en: 'The cell has the formula {detail} but no saved result (indicator {indicator}); open the file in Excel, recalculate and save',
  },
  W_FORMULA_NO_RESULT: {
    vi: 'Ô điểm tự đánh giá có công thức {detail} nhưng chưa được tính lại (chỉ số {indicator}); điểm do dti tính vẫn được dùng',
    en: 'The self-score cell has the formula {detail} but was never recalculated (indicator {indicator}); the points dti computes are used',
  },
  E_AGENCY_NOT_LISTED: {
    vi: 'Đơn vị "{agency}" không có trong danh sách đơn vị (--agencies)',
    en: 'Agency "{agency}" is not in the agency list (--agencies)',
  },
  E_AGENCY_LIST_CONFLICT: {
    vi: 'Đơn vị {agency}: {field} là "{value}" ở đây nhưng danh sách đơn vị ghi "{listed}" (ô {listedAt})',
    en: 'Agency {agency}: {field} is "{value}" here but the agency list says "{listed}" (at {listedAt})',
  },
};

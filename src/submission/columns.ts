import { headerMatcher } from '../core/headers.js';

/**
 * Column roles and the headers that name them: the one table of header wordings, in English
 * and in the Vietnamese that provinces' forms use (written here as people write them; they are
 * compared folded, so case, diacritics, NFC/NFD and punctuation do not matter). A header also
 * matches when it starts with a synonym of five letters or more followed by more words
 * ("Điểm tự đánh giá (1)", "Giải trình (nếu có)").
 *
 * Columns a form carries but dti does not read (the scoring method, the data source, the
 * council's points) have roles too: a header naming them is recognised, and is never taken for
 * another column by a shorter prefix ("Đơn vị phối hợp xác minh" is not the agency name).
 */
export const COLUMN_SYNONYMS = {
  agencyCode: ['agency code', 'agency', 'Mã đơn vị', 'Mã ĐV', 'Mã cơ quan'],
  agencyName: ['agency name', 'Tên đơn vị', 'Đơn vị', 'Tên cơ quan', 'Cơ quan, đơn vị'],
  group: ['group', 'Nhóm', 'Nhóm đơn vị', 'Khối'],
  year: ['year', 'Năm', 'Năm đánh giá'],
  parent: ['parent', 'Mã đơn vị cấp trên', 'Đơn vị cấp trên'],
  tags: ['tags', 'tag', 'Nhãn', 'Thẻ', 'Nhãn đơn vị'],
  indicator: ['indicator', 'indicator code', 'Mã chỉ số', 'Mã tiêu chí', 'Mã chỉ tiêu', 'Mã', 'Mã số'],
  number: ['STT', 'No', 'Số thứ tự', 'TT', 'Số TT'],
  name: [
    'name',
    'indicator name',
    'Tên chỉ số',
    'Tên chỉ số/tiêu chí',
    'Chỉ số/tiêu chí',
    'Chỉ số/Chỉ số thành phần',
    'Chỉ số',
    'Chỉ tiêu',
    'Tên chỉ tiêu',
    'Tiêu chí',
    'Tên tiêu chí',
    'Tên tiêu chí, chỉ số',
    'Tiêu chí, chỉ số',
    'Nội dung',
    'Nội dung đánh giá',
    'Nội dung tiêu chí',
  ],
  maxPoints: ['max points', 'max', 'Điểm tối đa', 'Thang điểm', 'Điểm chuẩn', 'Điểm tối đa quy định'],
  value: ['value', 'Giá trị', 'Số liệu', 'Kết quả', 'Giá trị tự đánh giá', 'Số liệu tự đánh giá', 'Kết quả thực hiện'],
  numerator: ['numerator', 'Tử số', 'Tử số (a)'],
  denominator: ['denominator', 'Mẫu số', 'Mẫu số (b)'],
  points: [
    'points',
    'self score',
    'self assessed points',
    'Điểm tự đánh giá',
    'Điểm tự chấm',
    'Điểm tự chấm điểm',
    'Tự đánh giá',
    'Tự chấm',
    'Điểm đơn vị tự đánh giá',
    'Điểm',
  ],
  evidence: [
    'evidence',
    'Tài liệu kiểm chứng',
    'Tài liệu',
    'Minh chứng',
    'Hồ sơ minh chứng',
    'Tài liệu minh chứng',
    'Tài liệu, minh chứng',
    'Link tài liệu',
    'Đường dẫn minh chứng',
  ],
  note: ['note', 'notes', 'explanation', 'Ghi chú', 'Giải trình', 'Thuyết minh', 'Giải trình, thuyết minh'],
  // Recognised, not read: the council's decisions come from the review file (`--review`).
  appraisal: ['appraised points', 'Điểm thẩm định', 'Hội đồng thẩm định', 'Điểm hội đồng thẩm định', 'Kết quả thẩm định', 'Điểm sau thẩm định'],
  method: ['Cách xác định và tính điểm', 'Cách tính điểm', 'Phương pháp tính điểm', 'Phương pháp đánh giá'],
  source: ['Nguồn thu thập dữ liệu', 'Nguồn dữ liệu', 'Nguồn số liệu'],
  verifier: ['Đơn vị phối hợp xác minh số liệu', 'Đơn vị phối hợp', 'Đơn vị xác minh'],
} as const;

export type ColumnRole = keyof typeof COLUMN_SYNONYMS;

/** The role a header names, or undefined. "agency_code", "Mã đơn vị", "MA DON VI" → agencyCode. */
export const columnRole: (header: string) => ColumnRole | undefined = headerMatcher(COLUMN_SYNONYMS);

/** The roles a long-layout form needs to be read, for the message when no header is found. */
export const FORM_ROLES: readonly ColumnRole[] = ['number', 'name', 'maxPoints', 'value', 'points', 'evidence'];

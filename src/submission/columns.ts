import { headerMatcher } from '../core/headers.js';

/**
 * Column roles and the headers that name them, in English and Vietnamese (compared folded:
 * case, diacritics, NFC/NFD and punctuation do not matter). Official forms word their headers
 * freely, so a header also matches when it starts with a synonym followed by more words.
 */
export const COLUMN_SYNONYMS = {
  agencyCode: ['agency code', 'agency', 'ma don vi', 'ma dv', 'ma co quan'],
  agencyName: ['agency name', 'ten don vi', 'don vi', 'ten co quan', 'co quan don vi'],
  group: ['group', 'nhom', 'nhom don vi', 'khoi'],
  year: ['year', 'nam', 'nam danh gia'],
  parent: ['parent', 'ma don vi cap tren', 'don vi cap tren'],
  tags: ['tags', 'tag', 'nhan', 'the', 'nhan don vi'],
  indicator: ['indicator', 'indicator code', 'ma chi so', 'ma tieu chi', 'ma'],
  number: ['stt', 'no', 'so thu tu', 'tt'],
  name: ['ten chi so', 'ten chi so tieu chi', 'chi so tieu chi', 'chi so chi so thanh phan', 'chi so', 'tieu chi', 'name', 'indicator name', 'noi dung'],
  maxPoints: ['diem toi da', 'max points', 'max', 'thang diem'],
  value: ['value', 'gia tri', 'so lieu', 'ket qua', 'gia tri tu danh gia'],
  numerator: ['numerator', 'tu so', 'tu so a'],
  denominator: ['denominator', 'mau so', 'mau so b'],
  points: ['points', 'self score', 'self assessed points', 'diem tu danh gia', 'diem tu cham', 'diem tu cham diem', 'diem'],
  evidence: ['evidence', 'tai lieu kiem chung', 'tai lieu', 'minh chung', 'link tai lieu'],
  note: ['note', 'notes', 'ghi chu', 'giai trinh', 'explanation'],
} as const;

export type ColumnRole = keyof typeof COLUMN_SYNONYMS;

/** The role a header names, or undefined. "agency_code", "Mã đơn vị", "MA DON VI" → agencyCode. */
export const columnRole: (header: string) => ColumnRole | undefined = headerMatcher(COLUMN_SYNONYMS);

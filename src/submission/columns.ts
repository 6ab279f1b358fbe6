import { headerKey } from '../core/text.js';

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

const EXACT = new Map<string, ColumnRole>();
for (const [role, names] of Object.entries(COLUMN_SYNONYMS) as [ColumnRole, readonly string[]][]) {
  for (const n of names) EXACT.set(n, role);
}
// Longest synonyms first so "diem tu danh gia" wins over "diem" for prefix matches.
const PREFIXES = [...EXACT.entries()].filter(([n]) => n.length >= 5).sort((a, b) => b[0].length - a[0].length);

/** The role a header names, or undefined. "agency_code", "Mã đơn vị", "MA DON VI" → agencyCode. */
export function columnRole(header: string): ColumnRole | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  const exact = EXACT.get(key);
  if (exact) return exact;
  for (const [name, role] of PREFIXES) {
    if (key.startsWith(name + ' ')) return role;
  }
  return undefined;
}

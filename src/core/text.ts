/**
 * Text normalisation for matching headers, codes and choice labels typed by people:
 * NFC or NFD, with or without Vietnamese diacritics, any case, stray spaces and NBSPs.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2007\s]+/g, ' ')
    .trim();
}

/** A folded key without punctuation, for header synonyms ("Điểm tự đánh giá (1)" → "diem tu danh gia 1"). */
export function headerKey(s: string): string {
  return foldText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Clean user text for display: NFC, NBSPs to spaces, trimmed. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/[\u00a0\u202f\u2007]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Indicator codes compare on a canonical form: "1.1.", " 1.1 ", "I.1" stay themselves but trailing dots go. */
export function normaliseCode(s: string): string {
  return cleanText(s).replace(/\.+$/, '').replace(/\s+/g, '');
}

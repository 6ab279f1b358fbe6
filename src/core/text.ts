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
  return stripTrailing(cleanText(s), '.').replace(/\s+/g, '');
}

/**
 * The text without the run of these characters at its end. A loop, not /[.)]+$/: that pattern
 * is tried at every position of a long run that is not at the end, which is quadratic (a code
 * of 200,000 dots followed by a letter took minutes).
 */
export function stripTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Whitespace as \s means it, and the zero-width space. */
function isBlank(c: number): boolean {
  return c === 0x200b || c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Trimmed of whitespace and zero-width spaces at both ends, by a loop (see stripTrailing for why not a pattern). */
export function trimBlank(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isBlank(s.charCodeAt(start))) start++;
  while (end > start && isBlank(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Text normalisation for matching headers, codes and choice labels typed by people:
 * NFC or NFD, with or without Vietnamese diacritics, any case, stray spaces and NBSPs.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Texts longer than this are normalised every time, never kept: a cache of short texts stays small. */
const MEMO_MAX_LENGTH = 200;
/** Entries a cache holds before it starts afresh (a crude bound, enough for the texts of one form many times over). */
const MEMO_MAX_ENTRIES = 20_000;

/**
 * A pure function of a text, with its answers kept for short texts. Forms repeat the same few
 * thousand texts (headers, indicator names, codes, "Có") in every file of a batch, and
 * normalising them (NFD/NFC, several patterns) again for every cell was a tenth of the CPU of
 * reading a batch. Hand-written: a bounded Map is all this needs, and starting afresh when it is
 * full keeps memory flat whatever the batch.
 */
export function memoised<T extends string | number | boolean | null>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    if (s.length > MEMO_MAX_LENGTH) return fn(s);
    let out = cache.get(s);
    if (out === undefined) {
      if (cache.size >= MEMO_MAX_ENTRIES) cache.clear();
      // A text read from a file may be a slice of the whole file's XML; the cache keeps a copy
      // (and what is computed from it), never the slice that would keep that XML alive.
      const own = (' ' + s).slice(1);
      out = fn(own);
      cache.set(own, out);
    }
    return out;
  };
}

export const foldText: (s: string) => string = memoised((s) =>
  s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2007\s]+/g, ' ')
    .trim(),
);

/** A folded key without punctuation, for header synonyms ("Điểm tự đánh giá (1)" → "diem tu danh gia 1"). */
export const headerKey: (s: string) => string = memoised((s) =>
  foldText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
);

const cleanAny = memoised((s) => s.normalize('NFC').replace(/[\u00a0\u202f\u2007]/g, ' ').replace(/\s+/g, ' ').trim());

/** Clean user text for display: NFC, NBSPs to spaces, trimmed. */
export function cleanText(s: string): string {
  // Most cells are short ASCII already clean (codes, figures typed as text): a scan of their
  // characters is cheaper than finding them in the cache.
  return isCleanAscii(s) ? s : cleanAny(s);
}

/** Printable ASCII with single spaces between words only: what cleanText leaves as it is. */
function isCleanAscii(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x20 && i > 0 && i < last && s.charCodeAt(i - 1) !== 0x20) continue;
    return false;
  }
  return true;
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

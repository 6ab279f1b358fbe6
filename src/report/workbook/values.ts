/** Cell values as the workbook takes them: text within Excel's limits, links only for web addresses, never formulas. */

export interface Link {
  readonly text: string;
  readonly url: string;
}
export type Value = string | number | null | Link;

/** A hyperlink only for http and https addresses; anything else (javascript:, file:, text) stays text. */
export function link(text: string): Value {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return text;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { text, url: url.href } : text;
  } catch {
    return text;
  }
}

export const MAX_CELL_TEXT = 32767;

export function headerText(s: string): string {
  return cellText(s).replace(/\s+/g, ' ').trim();
}

/**
 * Text as a cell can hold it: characters XML 1.0 forbids (a file would not open) dropped,
 * lone surrogates replaced, cut at Excel's 32 767 characters.
 */
export function cellText(s: string): string {
  const clean = s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  const cut = clean.slice(0, MAX_CELL_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export type ExcelValue = string | number | null | { text: string; hyperlink: string };

/** The only shapes a cell is given: text, a finite number, empty, or an http(s) hyperlink. Never a formula. */
export function toExcel(v: Value): ExcelValue {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return cellText(v);
  return { text: cellText(v.text), hyperlink: v.url };
}

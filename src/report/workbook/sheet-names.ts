import { cellText } from './values.js';

/** Sheet names Excel accepts: no forbidden characters, at most 31 characters, unique. */

export const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/**
 * Sheet names Excel accepts: no [ ] : * ? / \, no control characters, no apostrophe (exceljs
 * would not quote it in print titles), at most 31 characters, not "History", unique ignoring
 * case; a clash gets " (2)", " (3)" within the limit.
 */
export function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const base =
      cellText(wanted)
        .normalize('NFC')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001F]/g, ' ')
        .replace(FORBIDDEN_IN_SHEET_NAME, ' ')
        .replace(/'/g, '’')
        .replace(/\s+/g, ' ')
        .trim() || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = truncate(base, 31 - suffix.length).trimEnd() + suffix;
      const key = name.toLowerCase();
      if (!used.has(key) && key !== 'history') {
        used.add(key);
        return name;
      }
    }
  };
}

export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

import { dec } from '../core/decimal.js';
import type { Lang } from '../i18n/types.js';
import type { ResultsDoc } from '../results/schema.js';

/**
 * Numbers as the ranked workbook and summary.md show them: the framework's precision, a decimal
 * comma in Vietnamese (0,8002), a point in English; signed changes with a real minus sign.
 */
export interface NumberFormat {
  points(v: number): string;
  index(v: number): string;
  signedIndex(v: number): string;
  signedPoints(v: number): string;
  /** A plain number with the language's decimal mark (0,2 / 0.2). */
  plain(v: number): string;
}

/**
 * v with `places` decimals, rounded half up as a decimal. A value that has no more decimals than
 * that (the results' points and indices are rounded so) is the double nearest its decimal, and
 * JavaScript's toFixed prints that decimal exactly, without the cost of a decimal.js number (a
 * report of 10,000 cards prints millions); any other value goes through decimal.js.
 */
export function fixed(v: number, places: number): string {
  const scale = 10 ** places;
  if (Math.abs(v) < 1e15 / scale && Math.round(v * scale) / scale === v) return (v === 0 ? 0 : v).toFixed(places);
  return dec(v).toFixed(places);
}

export function numberFormat(doc: ResultsDoc, lang: Lang): NumberFormat {
  const { points, index, indexDisplay } = doc.framework.precision;
  const local = (s: string) => (lang === 'vi' ? s.replace('.', ',') : s);
  const pts = (v: number) => local(fixed(v, points));
  const idx = (v: number) =>
    indexDisplay === 'percent' ? `${local(dec(v).times(100).toFixed(Math.max(0, index - 2)))}%` : local(fixed(v, index));
  const signed = (v: number, fmt: (x: number) => string) => (v > 0 ? `+${fmt(v)}` : v < 0 ? `−${fmt(-v)}` : fmt(0));
  return { points: pts, index: idx, signedIndex: (v) => signed(v, idx), signedPoints: (v) => signed(v, pts), plain: (v) => local(dec(v).toString()) };
}

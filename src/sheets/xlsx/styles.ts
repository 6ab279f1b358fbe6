import type { CellValue } from '../../core/grid.js';
import { TOK_CLOSE, TOK_END, TOK_OPEN, XmlScanner } from './xml.js';

// ---------------------------------------------------------------------------------------------
// Styles and number formats: numbers as the analyst saw them.

/** How a number in a style is shown: as a number, a percentage, a date (maybe with a time) or a time of day. */
export const KIND_NUMBER = 0;
export const KIND_PERCENT = 1;
export const KIND_DATE = 2;
export const KIND_TIME = 3;
export type FormatKind = typeof KIND_NUMBER | typeof KIND_PERCENT | typeof KIND_DATE | typeof KIND_TIME;

/** Built-in number formats (ECMA-376 §18.8.30, and the East Asian date ids Excel uses). */
function builtinKind(id: number): FormatKind {
  if (id === 9 || id === 10) return KIND_PERCENT;
  if ((id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 31) || id === 36 || (id >= 50 && id <= 58)) return KIND_DATE;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id === 45 || id === 47) return KIND_TIME;
  return KIND_NUMBER; // 46 ([h]:mm:ss) is a duration: left as a number
}

const MAX_FORMAT_CODE = 255;

/** Classifies a format code by its first section, with literals, escapes and bracketed parts removed. */
function formatKind(code: string): FormatKind {
  // Excel's number formats hold at most 255 characters; a longer one is not Excel's, and the
  // patterns below (/\[[^\]]*\]/ on thousands of "[") would take quadratic time on it.
  if (code.length > MAX_FORMAT_CODE) return KIND_NUMBER;
  let s = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  if (/\[(h+|m+|s+)\]/i.test(s)) return KIND_NUMBER; // elapsed time: a duration, not a date
  s = s.replace(/\[[^\]]*\]/g, '');
  const first = (s.split(';')[0] ?? '').replace(/AM\/PM|A\/P/gi, '');
  if (/general/i.test(first)) return KIND_NUMBER;
  const date = /[yd]/i.test(first) || (/m/i.test(first) && !/[hs]/i.test(first));
  if (date) return KIND_DATE;
  if (/[hs]/i.test(first)) return KIND_TIME;
  if (first.includes('%')) return KIND_PERCENT;
  return KIND_NUMBER;
}

/** Style index (cellXfs order) → how its numbers read. */
export function parseStyles(xml: string): FormatKind[] {
  const custom = new Map<number, FormatKind>();
  const xfFormats: number[] = [];
  const sc = new XmlScanner(xml);
  let parent = '';
  for (let tok = sc.next(); tok !== TOK_END; tok = sc.next()) {
    if (tok === TOK_OPEN) {
      const n = sc.name;
      if (n === 'extLst') sc.skipElement();
      else if (n === 'numFmts' || n === 'cellXfs' || n === 'cellStyleXfs' || n === 'dxfs') {
        if (!sc.selfClosing) parent = n;
      } else if (n === 'numFmt' && parent === 'numFmts') {
        const id = Number(sc.attr('numFmtId'));
        const code = sc.attr('formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, formatKind(code));
      } else if (n === 'xf' && parent === 'cellXfs') {
        xfFormats.push(Number(sc.attr('numFmtId') ?? 0) || 0);
      }
    } else if (tok === TOK_CLOSE && sc.nameIs(parent)) parent = '';
  }
  return xfFormats.map((id) => custom.get(id) ?? builtinKind(id));
}

export function formatNumber(n: number, kind: FormatKind, date1904: boolean): CellValue {
  if (kind === KIND_NUMBER) return n;
  if (kind === KIND_PERCENT) {
    // 15 significant digits, as Excel shows them: 0.658 → 65.8%, not 65.80000000000001%.
    const x = n * 100;
    const shortest = String(x);
    return shortest.length <= 15 ? `${shortest}%` : `${Number(x.toPrecision(15))}%`;
  }
  return serialToIso(n, date1904, kind === KIND_TIME) ?? n;
}

const DAY_MS = 86_400_000;

/**
 * An Excel date serial → ISO text, in UTC (serials carry no zone). 1900 system: serial 1 is
 * 1900-01-01 and Lotus's phantom 1900-02-29 (serial 60) is skipped over; 1904 system: serial 0 is
 * 1904-01-01. A time of day alone (serial below 1 with a time format) reads "10:30:00".
 */
function serialToIso(serial: number, date1904: boolean, timeFormat = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return undefined;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds >= 86_400) {
    days += 1;
    seconds -= 86_400;
  }
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  if (timeFormat && days === 0) return time;
  const base = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(base + days * DAY_MS).toISOString().slice(0, 10);
  return seconds === 0 ? date : `${date}T${time}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A t="d" cell holds ISO 8601 text already: trimmed to the same shapes as serial dates. */
export function isoDateText(v: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/.exec(v);
  if (date) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = date;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Math.round(Number(`0${frac}`) * 1000);
    // Rounded to the second, as serial dates are; years 0–99 would be taken as 19xx by Date.UTC and never occur.
    const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
    if (!Number.isFinite(ms) || Number(y) < 100) return v;
    return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  // A time of day alone ("23:44:51.894"), as some producers write it.
  const time = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(v);
  if (!time) return v;
  const [, h, mi, s = '0', frac = '0'] = time;
  const seconds = (Number(h) * 3600 + Number(mi) * 60 + Number(s) + Math.round(Number(`0${frac}`))) % 86_400;
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

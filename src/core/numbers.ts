import { Decimal, fromNumber } from './decimal.js';
import type { CellValue } from './grid.js';

export type NumberParse =
  | { ok: true; value: Decimal; percent: boolean }
  | { ok: false; reason: 'empty' | 'not-a-number' }
  /** "1.234": a decimal or a thousand; both readings are given so a caller that knows the range can choose. */
  | { ok: false; reason: 'ambiguous'; readings: readonly [Decimal, Decimal]; percent: boolean };

/**
 * Reads a number typed by a Vietnamese or English-speaking analyst: "65,8", "65.8", "65,8%",
 * "1.234.567", "1,234.5", "1 234", with NBSPs. No library reads both conventions and refuses
 * what is truly ambiguous, so this is written by hand: "1.234" or "1,234" could be a thousand
 * or a decimal and is reported, never guessed.
 */
export function parseLocaleNumber(input: string): NumberParse {
  let s = input.replace(/[\u00a0\u202f\u2007]/g, ' ').trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1).trim();
  }
  // Spaces are only allowed as thousands separators: "1 234 567".
  if (/\s/.test(s)) {
    if (!/^[1-9]\d{0,2}( \d{3})+([.,]\d+)?$/.test(s)) return { ok: false, reason: 'not-a-number' };
    s = s.replace(/ /g, '');
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'not-a-number' };

  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots > 0 && commas > 0) {
    const decimalSep = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thousandsSep = decimalSep === '.' ? ',' : '.';
    const [intPart, frac, ...rest] = s.split(decimalSep);
    if (rest.length > 0 || frac === undefined || !groupedThousands(intPart!, thousandsSep)) {
      return { ok: false, reason: 'not-a-number' };
    }
    normal = `${intPart!.split(thousandsSep).join('')}.${frac}`;
  } else if (dots + commas === 0) {
    normal = s;
  } else {
    const sep = dots > 0 ? '.' : ',';
    const count = dots + commas;
    if (count > 1) {
      if (!groupedThousands(s, sep)) return { ok: false, reason: 'not-a-number' };
      normal = s.split(sep).join('');
    } else {
      const [intPart, frac] = s.split(sep) as [string, string];
      if (frac === '' || intPart === '') {
        if (frac === '' && intPart === '') return { ok: false, reason: 'not-a-number' };
        normal = frac === '' ? intPart : `0.${frac}`;
      } else if (/^[1-9]\d{0,2}$/.test(intPart) && /^\d{3}$/.test(frac)) {
        const decimal = new Decimal(`${sign}${intPart}.${frac}`);
        const thousands = new Decimal(`${sign}${intPart}${frac}`);
        return { ok: false, reason: 'ambiguous', readings: [decimal, thousands], percent };
      } else {
        normal = `${intPart}.${frac}`;
      }
    }
  }
  const value = new Decimal(normal);
  // "-0" is zero, not a negative zero that would print or compare as negative.
  return { ok: true, value: sign === '-' && !value.isZero() ? value.negated() : value, percent };
}

/** "1.234.567" with sep ".": a first group of 1 to 3 digits not starting with 0, then groups of 3. */
function groupedThousands(s: string, sep: string): boolean {
  const parts = s.split(sep);
  return /^[1-9]\d{0,2}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** A cell as a number: spreadsheet numbers as displayed, text through parseLocaleNumber. */
export function cellNumber(value: CellValue): NumberParse {
  if (value === null) return { ok: false, reason: 'empty' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value: fromNumber(value), percent: false } : { ok: false, reason: 'not-a-number' };
  }
  if (typeof value === 'boolean') return { ok: false, reason: 'not-a-number' };
  return parseLocaleNumber(value);
}

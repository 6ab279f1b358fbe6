import { Decimal } from '../../core/decimal.js';
import { issue, type DtiIssue } from '../../core/issues.js';
import { cellNumber } from '../../core/numbers.js';
import { foldText } from '../../core/text.js';
import type { RuleContext, SourcedValue } from './types.js';

/** Shared readers for rule inputs: each turns a cell into a typed value or an issue at that cell. */

export type Read<T> = { ok: true; value: T } | { ok: false; issue: DtiIssue };

export function isBlank(v: SourcedValue | undefined): v is undefined {
  return v === undefined || v.raw === null || (typeof v.raw === 'string' && v.raw.trim() === '');
}

export function display(v: SourcedValue): string {
  return String(v.raw);
}

export interface NumberBounds {
  min?: Decimal | number;
  max?: Decimal | number;
  integer?: boolean;
  /** A trailing % is accepted and the number kept as written ("65,8%" → 65.8). */
  percent?: boolean;
}

export function readNumber(v: SourcedValue, ctx: RuleContext, field: string, bounds: NumberBounds = {}): Read<Decimal> {
  let parsed = cellNumber(v.raw);
  const params = { indicator: ctx.indicator, field, value: display(v) };
  if (!parsed.ok && parsed.reason === 'ambiguous') {
    // "77.955" points of at most 150 can only be a decimal: where the range rules one reading out, take the other.
    const inRange = parsed.readings.filter((r) => withinBounds(r, bounds));
    if (inRange.length === 1) parsed = { ok: true, value: inRange[0]!, percent: parsed.percent };
  }
  if (!parsed.ok) {
    const code = parsed.reason === 'ambiguous' ? 'E_AMBIGUOUS_NUMBER' : isDateText(v.raw) ? 'E_DATE_NOT_NUMBER' : 'E_NOT_A_NUMBER';
    return { ok: false, issue: issue(code, v.loc, params) };
  }
  if (parsed.percent && !bounds.percent) {
    return { ok: false, issue: issue('E_NOT_A_NUMBER', v.loc, params) };
  }
  const n = parsed.value;
  // A cell of 1.8e308 rounds to Infinity at 15 significant digits: no figure, and it would make points NaN.
  if (!n.isFinite()) return { ok: false, issue: issue('E_NOT_A_NUMBER', v.loc, params) };
  if (bounds.integer && !n.isInteger()) {
    return { ok: false, issue: issue('E_NOT_INTEGER', v.loc, params) };
  }
  const min = bounds.min === undefined ? undefined : asDecimal(bounds.min);
  const max = bounds.max === undefined ? undefined : asDecimal(bounds.max);
  if ((min && n.lessThan(min)) || (max && n.greaterThan(max))) {
    return {
      ok: false,
      issue: issue('E_RANGE', v.loc, { ...params, min: min?.toString() ?? '-∞', max: max?.toString() ?? '∞' }),
    };
  }
  return { ok: true, value: n };
}

/** A bound as a decimal: a Decimal as it is (they are immutable), a number converted. */
function asDecimal(x: Decimal | number): Decimal {
  return x instanceof Decimal ? x : new Decimal(x);
}

/**
 * A date or a time where a figure belongs: "2023-03-15" (how a date-formatted workbook cell is
 * read), "15/03/2023", "15.03.2023", "10:30:00". Often a figure Excel turned into a date as it was typed.
 */
const DATE_TEXT = /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}:\d{2}(:\d{2})?)$/;

function isDateText(raw: unknown): boolean {
  return typeof raw === 'string' && DATE_TEXT.test(raw.trim());
}

function withinBounds(n: Decimal, bounds: NumberBounds): boolean {
  if (bounds.integer && !n.isInteger()) return false;
  if (bounds.min !== undefined && n.lessThan(bounds.min)) return false;
  return bounds.max === undefined || !n.greaterThan(bounds.max);
}

const TRUE_WORDS = new Set(['co', 'c', 'x', 'yes', 'y', 'true', 'dat', '1', 'da co', 'co ban hanh', 'da ban hanh']);
const FALSE_WORDS = new Set(['khong', 'k', 'no', 'n', 'false', 'khong dat', '0', 'chua', 'chua co', 'khong co', 'chua ban hanh']);

export function readBoolean(v: SourcedValue, ctx: RuleContext, field: string): Read<boolean> {
  if (typeof v.raw === 'boolean') return { ok: true, value: v.raw };
  if (typeof v.raw === 'number' && (v.raw === 0 || v.raw === 1)) return { ok: true, value: v.raw === 1 };
  const key = foldText(String(v.raw));
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return { ok: false, issue: issue('E_NOT_BOOLEAN', v.loc, { indicator: ctx.indicator, field, value: display(v) }) };
}

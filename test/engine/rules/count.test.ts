import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import type { CellValue } from '../../../src/core/grid.js';
import { countRuleSchema, scoreCount } from '../../../src/engine/rules/count.js';
import type { RuleContext, RuleOutcome, SourcedValue } from '../../../src/engine/rules/types.js';

/** A value typed in cell `cell` of the agency's sheet. */
const at = (cell: string, raw: CellValue): SourcedValue => ({ raw, loc: { file: 'so-tttt.xlsx', sheet: 'DTI', cell } });
const ctx: RuleContext = { indicator: '4.3', maxPoints: new Decimal(10), fallbackLocation: { file: 'so-tttt.xlsx', sheet: 'DTI', row: 20 } };
const scored = (out: RuleOutcome) => {
  if (out.status !== 'scored') throw new Error(`expected a score, got ${out.status}`);
  return out;
};
const codes = (out: { issues: readonly { code: string }[] }) => out.issues.map((i) => i.code);

/** 2 points per item, up to the indicator's 10. */
const perItem = countRuleSchema.parse({ type: 'count', pointsPerItem: 2 });
const count = (raw: CellValue, rule = perItem, c = ctx) => scored(scoreCount(rule, { value: at('D20', raw) }, c));

describe('what a count rule accepts', () => {
  it('points per item, and optionally a cap', () => {
    expect(countRuleSchema.parse({ type: 'count', pointsPerItem: 2 })).toEqual({ type: 'count', pointsPerItem: 2 });
    expect(countRuleSchema.parse({ type: 'count', pointsPerItem: 0.5, cap: 4 })).toEqual({ type: 'count', pointsPerItem: 0.5, cap: 4 });
  });

  it('refuses points per item or a cap that are not positive', () => {
    expect(countRuleSchema.safeParse({ type: 'count' }).success).toBe(false);
    expect(countRuleSchema.safeParse({ type: 'count', pointsPerItem: 0 }).success).toBe(false);
    expect(countRuleSchema.safeParse({ type: 'count', pointsPerItem: -1 }).success).toBe(false);
    expect(countRuleSchema.safeParse({ type: 'count', pointsPerItem: 1, cap: 0 }).success).toBe(false);
  });
});

describe('scoring a count', () => {
  it('gives points per item', () => {
    const out = count(3);
    expect(out.points.toString()).toBe('6');
    expect(out.issues).toEqual([]);
  });

  it('no items give 0 points and no issue', () => {
    const out = count(0);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([]);
  });

  it('adds fractional points per item exactly', () => {
    expect(count(3, countRuleSchema.parse({ type: 'count', pointsPerItem: 0.1 })).points.toString()).toBe('0.3');
  });

  it('reaching the max points exactly gives full points', () => {
    expect(count(5).points.toString()).toBe('10');
  });

  it('more items than needed give the max points and no more', () => {
    expect(count(6).points.toString()).toBe('10');
    expect(count(1000).points.toString()).toBe('10');
  });

  it('a cap below the max points stops there', () => {
    const capped = countRuleSchema.parse({ type: 'count', pointsPerItem: 2, cap: 5 });
    expect(count(2, capped).points.toString()).toBe('4');
    expect(count(3, capped).points.toString()).toBe('5');
  });

  it('a cap above the max points is held to the max points', () => {
    const capped = countRuleSchema.parse({ type: 'count', pointsPerItem: 2, cap: 50 });
    expect(count(20, capped).points.toString()).toBe('10');
  });

  it('may be typed as text', () => {
    expect(count('4').points.toString()).toBe('8');
    expect(count(' 4 ').inputs).toEqual({ value: ' 4 ' });
  });

  it('a whole number written with decimals ("3,0") counts', () => {
    expect(count('3,0').points.toString()).toBe('6');
  });

  it('reads thousands separators ("1.234.567") and caps', () => {
    expect(count('1.234.567').points.toString()).toBe('10');
  });
});

describe('counts that cannot be scored', () => {
  it('a non-integer count scores 0 with an error at the cell', () => {
    const out = count(2.5);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_NOT_INTEGER',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'D20' },
        params: { indicator: '4.3', field: 'value', value: '2.5' },
      },
    ]);
  });

  it('a non-integer count typed with a decimal comma ("2,5") is refused too', () => {
    expect(codes(count('2,5'))).toEqual(['E_NOT_INTEGER']);
  });

  it('a negative count scores 0 with a range error at the cell', () => {
    const out = count(-2);
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_RANGE']);
    expect(out.issues[0]!.location.cell).toBe('D20');
    expect(out.issues[0]!.params).toMatchObject({ min: '0', max: '∞' });
  });

  it('a number that reads as a decimal or a thousand ("1.234") is the thousand, since a count is whole', () => {
    const out = count('1.234');
    expect(codes(out)).toEqual([]);
    expect(out.points.toString()).toBe('10');
  });

  it('words are not a count, and are kept as typed', () => {
    const out = count('3 hệ thống');
    expect(codes(out)).toEqual(['E_NOT_A_NUMBER']);
    expect(out.inputs).toEqual({ value: '3 hệ thống' });
  });

  it('a percentage is not a count', () => {
    expect(codes(count('50%'))).toEqual(['E_NOT_A_NUMBER']);
  });

  it('a yes/no is not a count', () => {
    expect(codes(count(true))).toEqual(['E_NOT_A_NUMBER']);
  });
});

describe('missing counts', () => {
  it('no value, an empty cell or blank text is missing', () => {
    expect(scoreCount(perItem, {}, ctx)).toEqual({ status: 'missing' });
    expect(scoreCount(perItem, { value: at('D20', null) }, ctx)).toEqual({ status: 'missing' });
    expect(scoreCount(perItem, { value: at('D20', '  ') }, ctx)).toEqual({ status: 'missing' });
  });
});

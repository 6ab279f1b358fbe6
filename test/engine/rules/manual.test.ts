import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import type { CellValue } from '../../../src/core/grid.js';
import { manualRuleSchema, scoreManual } from '../../../src/engine/rules/manual.js';
import type { RuleContext, RuleInput, RuleOutcome, SourcedValue } from '../../../src/engine/rules/types.js';

/** A value typed in cell `cell` of the agency's sheet. */
const at = (cell: string, raw: CellValue): SourcedValue => ({ raw, loc: { file: 'so-tttt.xlsx', sheet: 'DTI', cell } });
const ctx: RuleContext = { indicator: '6.2', maxPoints: new Decimal(10), fallbackLocation: { file: 'so-tttt.xlsx', sheet: 'DTI', row: 40 } };
const rule = manualRuleSchema.parse({ type: 'manual' });
const scored = (out: RuleOutcome) => {
  if (out.status !== 'scored') throw new Error(`expected a score, got ${out.status}`);
  return out;
};
const codes = (out: { issues: readonly { code: string }[] }) => out.issues.map((i) => i.code);
/** Points typed in the value column (D40). */
const given = (raw: CellValue) => scored(scoreManual(rule, { value: at('D40', raw) }, ctx));

describe('what a manual rule accepts', () => {
  it('is written as just its type', () => {
    expect(manualRuleSchema.parse({ type: 'manual' })).toEqual({ type: 'manual' });
  });
});

describe('points given directly', () => {
  it('are the points', () => {
    const out = given(7.5);
    expect(out.points.toString()).toBe('7.5');
    expect(out.issues).toEqual([]);
  });

  it('are kept unrounded (the engine rounds them)', () => {
    expect(given(2.345).points.toString()).toBe('2.345');
  });

  it('0 and exactly the max points are accepted', () => {
    expect(given(0).points.toString()).toBe('0');
    expect(given(10).points.toString()).toBe('10');
    expect(given(10).issues).toEqual([]);
  });

  it('may be typed with a decimal comma ("7,5")', () => {
    expect(given('7,5').points.toString()).toBe('7.5');
  });

  it('are recorded as typed', () => {
    expect(given('7,5').inputs).toEqual({ points: '7,5' });
  });

  it('are read from the value first', () => {
    const out = scored(scoreManual(rule, { value: at('D40', 6), points: at('H40', 9) }, ctx));
    expect(out.points.toString()).toBe('6');
    expect(out.inputs).toEqual({ points: '6' });
  });

  it('are read from the points column when the value is blank', () => {
    const out = scored(scoreManual(rule, { value: at('D40', ''), points: at('H40', 9) }, ctx));
    expect(out.points.toString()).toBe('9');
    expect(out.inputs).toEqual({ points: '9' });
  });
});

describe('points that cannot be accepted', () => {
  it('above the max points score 0 with a range error at the cell', () => {
    const out = given(10.5);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_RANGE',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'D40' },
        params: { indicator: '6.2', field: 'points', value: '10.5', min: '0', max: '10' },
      },
    ]);
  });

  it('the range follows the indicator max points', () => {
    const out = scored(scoreManual(rule, { value: at('D40', 8) }, { ...ctx, maxPoints: new Decimal('7.5') }));
    expect(codes(out)).toEqual(['E_RANGE']);
    expect(out.issues[0]!.params.max).toBe('7.5');
  });

  it('negative points score 0 with a range error', () => {
    expect(codes(given(-1))).toEqual(['E_RANGE']);
    expect(codes(given('-0,5'))).toEqual(['E_RANGE']);
  });

  it('a percentage is not points', () => {
    expect(codes(given('50%'))).toEqual(['E_NOT_A_NUMBER']);
  });

  it('a number that reads as a decimal or a thousand ("1.234") is the decimal, since a thousand is above the max', () => {
    const out = given('1.234');
    expect(codes(out)).toEqual([]);
    expect(out.points.toString()).toBe('1.234');
  });

  it('text that is not a number scores 0 with an error, keeping the text', () => {
    const out = given('đạt');
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_NOT_A_NUMBER']);
    expect(out.inputs).toEqual({ points: 'đạt' });
  });

  it('an error in the points column points at that column', () => {
    const out = scored(scoreManual(rule, { points: at('H40', 12) }, ctx));
    expect(codes(out)).toEqual(['E_RANGE']);
    expect(out.issues[0]!.location).toEqual({ file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'H40' });
  });
});

describe('missing points', () => {
  it('neither a value nor points is missing', () => {
    expect(scoreManual(rule, {}, ctx)).toEqual({ status: 'missing' });
  });

  it('empty cells in both columns are missing', () => {
    const input: RuleInput = { value: at('D40', null), points: at('H40', '  ') };
    expect(scoreManual(rule, input, ctx)).toEqual({ status: 'missing' });
  });

  it('a numerator and denominator do not count as points', () => {
    expect(scoreManual(rule, { numerator: at('E40', 1), denominator: at('F40', 2) }, ctx)).toEqual({ status: 'missing' });
  });
});

import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import type { CellValue } from '../../../src/core/grid.js';
import { scoreTiers, tiersRuleSchema } from '../../../src/engine/rules/tiers.js';
import type { RuleContext, RuleInput, RuleOutcome, SourcedValue } from '../../../src/engine/rules/types.js';

/** A value typed in cell `cell` of the agency's sheet. */
const at = (cell: string, raw: CellValue): SourcedValue => ({ raw, loc: { file: 'so-tttt.xlsx', sheet: 'DTI', cell } });
const ctx: RuleContext = { indicator: '3.2', maxPoints: new Decimal(20), fallbackLocation: { file: 'so-tttt.xlsx', sheet: 'DTI', row: 12 } };
const scored = (out: RuleOutcome) => {
  if (out.status !== 'scored') throw new Error(`expected a score, got ${out.status}`);
  return out;
};
const codes = (out: { issues: readonly { code: string }[] }) => out.issues.map((i) => i.code);

/** Met 4 times or more → 20, 3 → 15, 1 → 5 (listed out of order on purpose). */
const times = tiersRuleSchema.parse({
  type: 'tiers',
  tiers: [
    { min: 3, points: 15 },
    { min: 4, points: 20 },
    { min: 1, points: 5 },
  ],
});
/** ≥ 90 % → 10, ≥ 70 % → 7, ≥ 0.1 % → 1. */
const percent = tiersRuleSchema.parse({
  type: 'tiers',
  basis: 'percent',
  tiers: [
    { min: 90, points: 10 },
    { min: 70, points: 7 },
    { min: 0.1, points: 1 },
  ],
});
const value = (raw: CellValue, rule = times) => scored(scoreTiers(rule, { value: at('D12', raw) }, ctx));
const pair = (a: CellValue, b: CellValue, rule = percent) =>
  scored(scoreTiers(rule, { numerator: at('E12', a), denominator: at('F12', b) }, ctx));

describe('what a tiers rule accepts', () => {
  it('a list of tiers, each a minimum and its points, on a plain value by default', () => {
    expect(tiersRuleSchema.parse({ type: 'tiers', tiers: [{ min: 1, points: 5 }] })).toEqual({
      type: 'tiers',
      basis: 'value',
      tiers: [{ min: 1, points: 5 }],
    });
  });

  it('needs at least one tier', () => {
    expect(tiersRuleSchema.safeParse({ type: 'tiers', tiers: [] }).success).toBe(false);
    expect(tiersRuleSchema.safeParse({ type: 'tiers' }).success).toBe(false);
  });

  it('refuses negative tier points and an unknown basis', () => {
    expect(tiersRuleSchema.safeParse({ type: 'tiers', tiers: [{ min: 1, points: -5 }] }).success).toBe(false);
    expect(tiersRuleSchema.safeParse({ type: 'tiers', basis: 'ratio', tiers: [{ min: 1, points: 5 }] }).success).toBe(false);
  });
});

describe('tiers on a value', () => {
  it('a value exactly on a threshold earns that tier', () => {
    const out = value(3);
    expect(out.points.toString()).toBe('15');
    expect(out.issues).toEqual([]);
  });

  it('a value just below a threshold earns the tier beneath', () => {
    expect(value(2.999).points.toString()).toBe('5');
    expect(value(3.999).points.toString()).toBe('15');
  });

  it('the highest tier reached wins, whatever order the tiers are listed in', () => {
    expect(value(4).points.toString()).toBe('20');
  });

  it('a value above the top tier earns the top tier and no more', () => {
    expect(value(250).points.toString()).toBe('20');
  });

  it('a value below every tier scores 0 without an issue', () => {
    const out = value(0);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([]);
    expect(value(0.5).points.toString()).toBe('0');
  });

  it('gives the tier points as they are, not scaled to the max points', () => {
    const out = scored(scoreTiers(times, { value: at('D12', 4) }, { ...ctx, maxPoints: new Decimal(40) }));
    expect(out.points.toString()).toBe('20');
  });

  it('may be typed as text, with a decimal comma', () => {
    expect(value('3').points.toString()).toBe('15');
    expect(value('2,5').points.toString()).toBe('5');
  });

  it('records the value as typed', () => {
    expect(value('2,5').inputs).toEqual({ value: '2,5' });
  });

  it('a negative value scores 0 with a range error at the cell', () => {
    const out = value(-1);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_RANGE',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'D12' },
        params: { indicator: '3.2', field: 'value', value: '-1', min: '0', max: '∞' },
      },
    ]);
  });

  it('an ambiguous number ("1.234") is refused, not guessed', () => {
    const out = value('1.234');
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_AMBIGUOUS_NUMBER']);
    expect(out.issues[0]!.location.cell).toBe('D12');
  });

  it('a percentage is not a plain value', () => {
    const out = value('95%');
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_NOT_A_NUMBER']);
  });

  it('reads the value even when a numerator and denominator are given', () => {
    const out = scored(scoreTiers(times, { value: at('D12', 3), numerator: at('E12', 1), denominator: at('F12', 1) }, ctx));
    expect(out.points.toString()).toBe('15');
    expect(out.inputs).toEqual({ value: '3' });
  });
});

describe('tiers on a percentage given directly', () => {
  it('a percentage exactly on a threshold earns that tier', () => {
    expect(value('70%', percent).points.toString()).toBe('7');
    expect(value(90, percent).points.toString()).toBe('10');
  });

  it('a percentage just below a threshold earns the tier beneath', () => {
    expect(value('89,99%', percent).points.toString()).toBe('7');
  });

  it('may be written with a decimal comma and a percent sign ("95,5%")', () => {
    expect(value('95,5%', percent).points.toString()).toBe('10');
  });

  it('a small threshold is met exactly ("0,1%")', () => {
    expect(value('0,1%', percent).points.toString()).toBe('1');
    expect(value('0,09%', percent).points.toString()).toBe('0');
  });

  it('above 100 % scores 0 with a range error', () => {
    const out = value('100,1%', percent);
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_RANGE']);
    expect(out.issues[0]!.params).toMatchObject({ min: '0', max: '100' });
    expect(out.issues[0]!.location.cell).toBe('D12');
  });

  it('below 0 % scores 0 with a range error', () => {
    expect(codes(value('-1%', percent))).toEqual(['E_RANGE']);
  });
});

describe('tiers on a percentage as numerator / denominator', () => {
  it('a share exactly on a threshold earns that tier', () => {
    const out = pair(7, 10);
    expect(out.points.toString()).toBe('7');
    expect(out.issues).toEqual([]);
    expect(out.inputs).toEqual({ numerator: '7', denominator: '10' });
  });

  it('a share just below a threshold earns the tier beneath', () => {
    expect(pair(899, 1000).points.toString()).toBe('7');
  });

  it('a repeating share is compared exactly (2/3 is below 70 %)', () => {
    expect(pair(2, 3).points.toString()).toBe('1');
  });

  it('a small share meets a small threshold (1 in 1 000 is 0.1 %)', () => {
    expect(pair(1, 1000).points.toString()).toBe('1');
    expect(pair('1', '1.000.000').points.toString()).toBe('0');
  });

  it('are used rather than a percentage given beside them', () => {
    const out = scored(scoreTiers(percent, { value: at('D12', '95%'), numerator: at('E12', 1), denominator: at('F12', 2) }, ctx));
    expect(out.points.toString()).toBe('1');
  });

  it('a denominator of 0 scores 0 and warns at the denominator', () => {
    const out = pair(0, 0);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'warning',
        code: 'W_ZERO_DENOMINATOR',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'F12' },
        params: { indicator: '3.2', points: '0' },
      },
    ]);
  });

  it('a numerator larger than the denominator scores 0 with an error at the numerator', () => {
    const out = pair(12, 10);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_NUMERATOR_OVER_DENOMINATOR',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'E12' },
        params: { indicator: '3.2', numerator: '12', denominator: '10' },
      },
    ]);
  });

  it('a negative numerator is a range error at the numerator', () => {
    const out = pair(-1, 10);
    expect(codes(out)).toEqual(['E_RANGE']);
    expect(out.issues[0]!.location.cell).toBe('E12');
  });

  it('an ambiguous denominator is refused at the denominator', () => {
    const out = pair(1, '1.234');
    expect(codes(out)).toEqual(['E_AMBIGUOUS_NUMBER']);
    expect(out.issues[0]!.location.cell).toBe('F12');
  });

  it('a numerator without a denominator (and no value) is an incomplete ratio, not a missing value', () => {
    const out = scoreTiers(percent, { numerator: at('E12', 3) }, ctx);
    if (out.status !== 'scored') throw new Error('expected a score');
    expect(out.points.toString()).toBe('0');
    expect(out.issues.map((i) => [i.code, i.location.cell])).toEqual([['E_RATIO_INCOMPLETE', 'E12']]);
  });
});

describe('missing inputs', () => {
  it('no value is missing', () => {
    expect(scoreTiers(times, {}, ctx)).toEqual({ status: 'missing' });
    expect(scoreTiers(percent, { value: at('D12', null) }, ctx)).toEqual({ status: 'missing' });
  });

  it('a numerator and denominator alone are missing on a value basis', () => {
    expect(scoreTiers(times, { numerator: at('E12', 3), denominator: at('F12', 4) }, ctx)).toEqual({ status: 'missing' });
  });

  it('empty cells are missing', () => {
    const input: RuleInput = { value: at('D12', ' '), numerator: at('E12', ''), denominator: at('F12', null) };
    expect(scoreTiers(percent, input, ctx)).toEqual({ status: 'missing' });
  });
});

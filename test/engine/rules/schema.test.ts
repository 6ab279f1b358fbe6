import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import { ruleSchema, scoreRule, type RuleContext } from '../../../src/engine/rules/index.js';

const ok = (rule: unknown) => ruleSchema.safeParse(rule).success;
const two = [
  { key: 'co', label: 'Có', points: 5 },
  { key: 'khong', label: 'Không', points: 0 },
];

describe('the rule of an indicator', () => {
  it('accepts each rule type with its minimal settings, filling in defaults', () => {
    expect(ruleSchema.parse({ type: 'boolean' })).toEqual({ type: 'boolean' });
    expect(ruleSchema.parse({ type: 'ratio' })).toEqual({ type: 'ratio', zeroDenominator: 'zero' });
    expect(ruleSchema.parse({ type: 'tiers', tiers: [{ min: 1, points: 5 }] })).toEqual({
      type: 'tiers',
      basis: 'value',
      tiers: [{ min: 1, points: 5 }],
    });
    expect(ruleSchema.parse({ type: 'count', pointsPerItem: 2 })).toEqual({ type: 'count', pointsPerItem: 2 });
    expect(ruleSchema.parse({ type: 'choice', options: two })).toEqual({
      type: 'choice',
      options: [
        { key: 'co', label: { vi: 'Có', en: 'Có' }, points: 5 },
        { key: 'khong', label: { vi: 'Không', en: 'Không' }, points: 0 },
      ],
    });
    expect(ruleSchema.parse({ type: 'relative' })).toEqual({ type: 'relative' });
    expect(ruleSchema.parse({ type: 'manual' })).toEqual({ type: 'manual' });
  });

  it('accepts every setting of each rule', () => {
    expect(ok({ type: 'ratio', target: 80, zeroDenominator: 'full' })).toBe(true);
    expect(ok({ type: 'tiers', basis: 'percent', tiers: [{ min: 90, points: 10 }] })).toBe(true);
    expect(ok({ type: 'count', pointsPerItem: 0.5, cap: 3 })).toBe(true);
  });

  it('rejects an unknown type', () => {
    expect(ok({ type: 'formula' })).toBe(false);
    expect(ok({ type: 'Boolean' })).toBe(false);
  });

  it('rejects a rule without a type', () => {
    expect(ok({})).toBe(false);
    expect(ok({ target: 80 })).toBe(false);
  });

  it('ratio: the target must be above 0 and at most 100', () => {
    expect(ok({ type: 'ratio', target: 0.01 })).toBe(true);
    expect(ok({ type: 'ratio', target: 100 })).toBe(true);
    expect(ok({ type: 'ratio', target: 0 })).toBe(false);
    expect(ok({ type: 'ratio', target: -1 })).toBe(false);
    expect(ok({ type: 'ratio', target: 100.01 })).toBe(false);
    expect(ok({ type: 'ratio', target: '80' })).toBe(false);
  });

  it('ratio: a zero denominator means "zero" or "full", nothing else', () => {
    expect(ok({ type: 'ratio', zeroDenominator: 'none' })).toBe(false);
  });

  it('tiers: needs at least one tier', () => {
    expect(ok({ type: 'tiers', tiers: [] })).toBe(false);
    expect(ok({ type: 'tiers' })).toBe(false);
  });

  it('tiers: each tier needs a minimum and non-negative points', () => {
    expect(ok({ type: 'tiers', tiers: [{ points: 5 }] })).toBe(false);
    expect(ok({ type: 'tiers', tiers: [{ min: 1, points: -5 }] })).toBe(false);
  });

  it('count: points per item must be positive, and so must a cap', () => {
    expect(ok({ type: 'count' })).toBe(false);
    expect(ok({ type: 'count', pointsPerItem: 0 })).toBe(false);
    expect(ok({ type: 'count', pointsPerItem: 1, cap: -1 })).toBe(false);
  });

  it('choice: needs at least two options', () => {
    expect(ok({ type: 'choice', options: [two[0]] })).toBe(false);
    expect(ok({ type: 'choice', options: [] })).toBe(false);
  });

  it('choice: option keys are lowercase letters, digits and dashes, starting with a letter or digit', () => {
    const withKey = (key: string) => ok({ type: 'choice', options: [{ ...two[0], key }, two[1]] });
    expect(withKey('cap-pho-2')).toBe(true);
    expect(withKey('3')).toBe(true);
    expect(withKey('Cap-pho')).toBe(false);
    expect(withKey('cap pho')).toBe(false);
    expect(withKey('cap_pho')).toBe(false);
    expect(withKey('-cap')).toBe(false);
    expect(withKey('cấp')).toBe(false);
  });

  it('choice: options need a label and non-negative points', () => {
    expect(ok({ type: 'choice', options: [{ ...two[0], label: '' }, two[1]] })).toBe(false);
    expect(ok({ type: 'choice', options: [{ key: 'co', points: 5 }, two[1]] })).toBe(false);
    expect(ok({ type: 'choice', options: [{ ...two[0], points: -1 }, two[1]] })).toBe(false);
  });
});

describe('scoring by rule type', () => {
  const ctx: RuleContext = { indicator: '1.1', maxPoints: new Decimal(10), fallbackLocation: { row: 2 } };
  const value = { raw: 'có', loc: { cell: 'D2' } };

  it('sends each rule to its own scorer', () => {
    const points = (rule: unknown, raw: string | number) => {
      const out = scoreRule(ruleSchema.parse(rule), { value: { ...value, raw } }, { ...ctx, best: new Decimal(8) });
      return out.status === 'scored' ? out.points.toString() : out.status;
    };
    expect(points({ type: 'boolean' }, 'có')).toBe('10');
    expect(points({ type: 'ratio' }, '40%')).toBe('4');
    expect(points({ type: 'tiers', tiers: [{ min: 2, points: 3 }] }, 2)).toBe('3');
    expect(points({ type: 'count', pointsPerItem: 2 }, 2)).toBe('4');
    expect(points({ type: 'choice', options: two }, 'co')).toBe('5');
    expect(points({ type: 'relative' }, 2)).toBe('2.5');
    expect(points({ type: 'manual' }, '2,5')).toBe('2.5');
  });
});

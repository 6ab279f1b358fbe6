import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import type { CellValue } from '../../../src/core/grid.js';
import { ratioRuleSchema, scoreRatio } from '../../../src/engine/rules/ratio.js';
import type { RuleContext, RuleInput, RuleOutcome, SourcedValue } from '../../../src/engine/rules/types.js';

/** A value typed in cell `cell` of the agency's sheet. */
const at = (cell: string, raw: CellValue): SourcedValue => ({ raw, loc: { file: 'so-tttt.xlsx', sheet: 'DTI', cell } });
const ctx: RuleContext = { indicator: '2.1', maxPoints: new Decimal(10), fallbackLocation: { file: 'so-tttt.xlsx', sheet: 'DTI', row: 7 } };
const rule = (extra: Record<string, unknown> = {}) => ratioRuleSchema.parse({ type: 'ratio', ...extra });
const scored = (out: RuleOutcome) => {
  if (out.status !== 'scored') throw new Error(`expected a score, got ${out.status}`);
  return out;
};
/** Scores a/b (numerator in E7, denominator in F7). */
const pair = (a: CellValue, b: CellValue, r = rule()) => scored(scoreRatio(r, { numerator: at('E7', a), denominator: at('F7', b) }, ctx));
/** Scores a share typed directly as a percentage (in D7). */
const share = (v: CellValue, r = rule()) => scored(scoreRatio(r, { value: at('D7', v) }, ctx));
const codes = (out: { issues: readonly { code: string }[] }) => out.issues.map((i) => i.code);

describe('what a ratio rule accepts', () => {
  it('needs only its type; b = 0 means "nothing done" by default and there is no target', () => {
    expect(rule()).toEqual({ type: 'ratio', zeroDenominator: 'zero' });
  });

  it('takes a target percentage in (0, 100]', () => {
    expect(rule({ target: 80 }).target).toBe(80);
    expect(rule({ target: 100 }).target).toBe(100);
    expect(rule({ target: 0.5 }).target).toBe(0.5);
    expect(ratioRuleSchema.safeParse({ type: 'ratio', target: 0 }).success).toBe(false);
    expect(ratioRuleSchema.safeParse({ type: 'ratio', target: -10 }).success).toBe(false);
    expect(ratioRuleSchema.safeParse({ type: 'ratio', target: 100.5 }).success).toBe(false);
  });

  it('says what a zero denominator means with "zero" or "full" only', () => {
    expect(rule({ zeroDenominator: 'full' }).zeroDenominator).toBe('full');
    expect(ratioRuleSchema.safeParse({ type: 'ratio', zeroDenominator: 'half' }).success).toBe(false);
  });
});

describe('a numerator and a denominator', () => {
  it('give a/b of the max points', () => {
    const out = pair(3, 4);
    expect(out.points.toString()).toBe('7.5');
    expect(out.issues).toEqual([]);
  });

  it('keep the points unrounded (the engine rounds them)', () => {
    expect(pair(1, 3).points.equals(new Decimal(10).dividedBy(3))).toBe(true);
  });

  it('a numerator equal to the denominator gives full points', () => {
    expect(pair(12, 12).points.toString()).toBe('10');
  });

  it('a numerator of 0 gives 0 points and no issue', () => {
    const out = pair(0, 8);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([]);
  });

  it('are recorded as typed for the audit trail', () => {
    expect(pair('2,5', '10').inputs).toEqual({ numerator: '2,5', denominator: '10' });
  });

  it('may be typed as text with a decimal comma', () => {
    expect(pair('2,5', '10').points.toString()).toBe('2.5');
  });

  it('may be typed with Vietnamese thousands separators', () => {
    expect(pair('1.200.000', '2.400.000').points.toString()).toBe('5');
  });

  it('may be typed with English thousands separators', () => {
    expect(pair('1,200,000', '2,400,000').points.toString()).toBe('5');
  });

  it('are used rather than a percentage given beside them', () => {
    const out = scored(scoreRatio(rule(), { value: at('D7', '90%'), numerator: at('E7', 1), denominator: at('F7', 2) }, ctx));
    expect(out.points.toString()).toBe('5');
    expect(out.inputs).toEqual({ numerator: '1', denominator: '2' });
  });
});

describe('a target', () => {
  it('scales the share: 65.8 % against a target of 80 % gives 65.8/80 of the max', () => {
    expect(pair(658, 1000, rule({ target: 80 })).points.toString()).toBe('8.225');
  });

  it('reaching the target gives full points', () => {
    expect(pair(4, 5, rule({ target: 80 })).points.toString()).toBe('10');
  });

  it('going past the target gives full points and no more', () => {
    expect(pair(9, 10, rule({ target: 80 })).points.toString()).toBe('10');
    expect(share(100, rule({ target: 80 })).points.toString()).toBe('10');
  });

  it('applies to a percentage given directly', () => {
    expect(share('40%', rule({ target: 80 })).points.toString()).toBe('5');
  });
});

describe('a denominator of 0', () => {
  it('scores 0 and warns by default ("zero": nothing done)', () => {
    const out = pair(0, 0);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'warning',
        code: 'W_ZERO_DENOMINATOR',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'F7' },
        params: { indicator: '2.1', points: '0' },
      },
    ]);
  });

  it('scores full points and warns with "full" (nothing to do)', () => {
    const out = pair(0, 0, rule({ zeroDenominator: 'full' }));
    expect(out.points.toString()).toBe('10');
    expect(out.issues).toEqual([
      {
        severity: 'warning',
        code: 'W_ZERO_DENOMINATOR',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'F7' },
        params: { indicator: '2.1', points: '10' },
      },
    ]);
  });

  it('typed as text "0" counts as 0', () => {
    expect(codes(pair('0', '0'))).toEqual(['W_ZERO_DENOMINATOR']);
  });

  it('under a non-zero numerator is an error, even with "full"', () => {
    for (const zeroDenominator of ['zero', 'full']) {
      const out = pair(3, 0, rule({ zeroDenominator }));
      expect(out.points.toString()).toBe('0');
      expect(codes(out)).toEqual(['E_NUMERATOR_OVER_DENOMINATOR']);
      expect(out.issues[0]!.location).toEqual({ file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'E7' });
    }
  });
});

describe('numerators and denominators that cannot be scored', () => {
  it('a numerator larger than the denominator scores 0 with an error at the numerator', () => {
    const out = pair(5, 4);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_NUMERATOR_OVER_DENOMINATOR',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'E7' },
        params: { indicator: '2.1', numerator: '5', denominator: '4' },
      },
    ]);
  });

  it('a negative numerator scores 0 with a range error at the numerator', () => {
    const out = pair(-1, 4);
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_RANGE']);
    expect(out.issues[0]!.location.cell).toBe('E7');
    expect(out.issues[0]!.params).toMatchObject({ field: 'numerator', value: '-1', min: '0', max: '∞' });
  });

  it('a negative denominator scores 0 with a range error at the denominator', () => {
    const out = pair(1, '-4');
    expect(codes(out)).toEqual(['E_RANGE']);
    expect(out.issues[0]!.location.cell).toBe('F7');
  });

  it('an ambiguous numerator ("1.234") is refused, not guessed', () => {
    const out = pair('1.234', 2000);
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_AMBIGUOUS_NUMBER']);
    expect(out.issues[0]!.location.cell).toBe('E7');
  });

  it('a denominator that is not a number is an error at the denominator', () => {
    const out = pair(3, 'mười');
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_NOT_A_NUMBER']);
    expect(out.issues[0]!.location.cell).toBe('F7');
    expect(out.issues[0]!.params).toMatchObject({ indicator: '2.1', field: 'denominator', value: 'mười' });
  });

  it('a numerator written as a percentage is not a count', () => {
    expect(codes(pair('50%', 10))).toEqual(['E_NOT_A_NUMBER']);
  });

  it('keeps the inputs as typed when they cannot be read', () => {
    expect(pair('abc', 4).inputs).toEqual({ numerator: 'abc', denominator: '4' });
  });
});

describe('half a ratio', () => {
  it('a numerator without a denominator scores 0 with an error at the numerator', () => {
    const out = scored(scoreRatio(rule(), { numerator: at('E7', 3) }, ctx));
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      { severity: 'error', code: 'E_RATIO_INCOMPLETE', location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'E7' }, params: { indicator: '2.1' } },
    ]);
  });

  it('a denominator without a numerator scores 0 with an error at the denominator', () => {
    const out = scored(scoreRatio(rule(), { denominator: at('F7', 4) }, ctx));
    expect(codes(out)).toEqual(['E_RATIO_INCOMPLETE']);
    expect(out.issues[0]!.location.cell).toBe('F7');
  });

  it('points at the given half even when the other is an empty cell', () => {
    const out = scored(scoreRatio(rule(), { numerator: at('E7', ''), denominator: at('F7', 4) }, ctx));
    expect(codes(out)).toEqual(['E_RATIO_INCOMPLETE']);
    expect(out.issues[0]!.location.cell).toBe('F7');
  });

  it('is an error even when a percentage is given too', () => {
    const out = scored(scoreRatio(rule(), { value: at('D7', '50%'), numerator: at('E7', 3) }, ctx));
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_RATIO_INCOMPLETE']);
  });
});

describe('a percentage given directly', () => {
  it('gives that share of the max points', () => {
    expect(share(65.8).points.toString()).toBe('6.58');
  });

  it('may be typed with a decimal comma ("65,8")', () => {
    expect(share('65,8').points.toString()).toBe('6.58');
  });

  it('may be typed with a percent sign ("65,8%"), kept as written', () => {
    expect(share('65,8%').points.toString()).toBe('6.58');
    expect(share('65.8 %').points.toString()).toBe('6.58');
  });

  it('0 % gives 0 points and 100 % full points', () => {
    expect(share(0).points.toString()).toBe('0');
    expect(share('100%').points.toString()).toBe('10');
  });

  it('is a percentage, so 0.5 means half of one per cent', () => {
    expect(share(0.5).points.toString()).toBe('0.05');
  });

  it('above 100 % scores 0 with a range error at the cell', () => {
    const out = share('100,5%');
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_RANGE',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'D7' },
        params: { indicator: '2.1', field: 'value', value: '100,5%', min: '0', max: '100' },
      },
    ]);
  });

  it('below 0 % scores 0 with a range error', () => {
    expect(codes(share(-5))).toEqual(['E_RANGE']);
    expect(codes(share('-5%'))).toEqual(['E_RANGE']);
  });

  it('a number that reads as a decimal or a thousand ("1.234") is the decimal, since a percentage cannot pass 100', () => {
    const out = share('1.234');
    expect(codes(out)).toEqual([]);
    expect(out.inputs).toEqual({ value: '1.234' });
  });

  it('text that is not a number scores 0 with an error, keeping the text', () => {
    const out = share('khoảng 60%');
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_NOT_A_NUMBER']);
    expect(out.inputs).toEqual({ value: 'khoảng 60%' });
  });
});

describe('missing inputs', () => {
  it('nothing given is missing', () => {
    expect(scoreRatio(rule(), {}, ctx)).toEqual({ status: 'missing' });
  });

  it('empty cells everywhere are missing', () => {
    const input: RuleInput = { value: at('D7', null), numerator: at('E7', ''), denominator: at('F7', '  ') };
    expect(scoreRatio(rule(), input, ctx)).toEqual({ status: 'missing' });
  });
});

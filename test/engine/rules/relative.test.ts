import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import type { CellValue } from '../../../src/core/grid.js';
import { relativeRuleSchema, relativeValue, scoreRelative } from '../../../src/engine/rules/relative.js';
import type { RuleContext, RuleOutcome, SourcedValue } from '../../../src/engine/rules/types.js';

/** A value typed in cell `cell` of the agency's sheet. */
const at = (cell: string, raw: CellValue): SourcedValue => ({ raw, loc: { file: 'so-tttt.xlsx', sheet: 'DTI', cell } });
const base: RuleContext = { indicator: '5.1', maxPoints: new Decimal(10), fallbackLocation: { file: 'so-tttt.xlsx', sheet: 'DTI', row: 30 } };
/** The context of an agency whose ranking scope's best value is `best`. */
const withBest = (best: number | string): RuleContext => ({ ...base, best: new Decimal(best) });
const rule = relativeRuleSchema.parse({ type: 'relative' });
const scored = (out: RuleOutcome) => {
  if (out.status !== 'scored') throw new Error(`expected a score, got ${out.status}`);
  return out;
};
const codes = (out: { issues: readonly { code: string }[] }) => out.issues.map((i) => i.code);
const relative = (raw: CellValue, ctx: RuleContext = withBest(40)) => scored(scoreRelative(rule, { value: at('D30', raw) }, ctx));

describe('what a relative rule accepts', () => {
  it('is written as just its type', () => {
    expect(relativeRuleSchema.parse({ type: 'relative' })).toEqual({ type: 'relative' });
  });
});

describe('scoring against the best in the scope', () => {
  it('gives value / best of the max points', () => {
    const out = relative(30);
    expect(out.points.toString()).toBe('7.5');
    expect(out.issues).toEqual([]);
  });

  it('the best value gives full points', () => {
    expect(relative(40).points.toString()).toBe('10');
  });

  it('a value of 0 gives 0 points', () => {
    expect(relative(0).points.toString()).toBe('0');
  });

  it('keeps the points unrounded (the engine rounds them)', () => {
    expect(relative(1, withBest(3)).points.equals(new Decimal(10).dividedBy(3))).toBe(true);
  });

  it('records the value as typed and the best it was compared with', () => {
    expect(relative('30,5').inputs).toEqual({ value: '30,5', best: '40' });
  });

  it('may be typed with a decimal comma ("65,8")', () => {
    expect(relative('65,8', withBest(94)).points.toString()).toBe('7');
  });

  it('may be typed as a percentage ("65,8%"), kept as written', () => {
    expect(relative('65,8%', withBest('65.8')).points.toString()).toBe('10');
    expect(relative('65,8%', withBest(94)).points.toString()).toBe('7');
  });

  it('a best of 0 (everyone reported 0) gives everyone 0 points', () => {
    const out = relative(0, withBest(0));
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([]);
    expect(out.inputs).toEqual({ value: '0', best: '0' });
  });

  it('without a best in the context, the value is its own best', () => {
    const out = relative(12, base);
    expect(out.points.toString()).toBe('10');
    expect(out.inputs).toEqual({ value: '12', best: '12' });
  });

  it('without a best in the context, 0 still gives 0 points', () => {
    expect(relative(0, base).points.toString()).toBe('0');
  });

  it('a value above the best in the context (a best from another source) is held to full points', () => {
    expect(relative(50, withBest(40)).points.toString()).toBe('10');
  });
});

describe('values that cannot be scored', () => {
  it('a negative value scores 0 with a range error at the cell', () => {
    const out = relative(-3);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_RANGE',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'D30' },
        params: { indicator: '5.1', field: 'value', value: '-3', min: '0', max: '∞' },
      },
    ]);
  });

  it('an ambiguous number ("1.234") is refused, not guessed', () => {
    const out = relative('1.234', withBest(5000));
    expect(out.points.toString()).toBe('0');
    expect(codes(out)).toEqual(['E_AMBIGUOUS_NUMBER']);
    expect(out.issues[0]!.location.cell).toBe('D30');
  });

  it('text that is not a number scores 0 with an error, keeping the text', () => {
    const out = relative('nhiều');
    expect(codes(out)).toEqual(['E_NOT_A_NUMBER']);
    expect(out.inputs).toEqual({ value: 'nhiều' });
  });
});

describe('the value a relative rule compares', () => {
  it('is the number read from the value', () => {
    expect(relativeValue({ value: at('D30', '65,8%') }, base)?.toString()).toBe('65.8');
  });

  it('is undefined for a blank or unreadable value', () => {
    expect(relativeValue({}, base)).toBeUndefined();
    expect(relativeValue({ value: at('D30', '') }, base)).toBeUndefined();
    expect(relativeValue({ value: at('D30', '1.234') }, base)).toBeUndefined();
    expect(relativeValue({ value: at('D30', -1) }, base)).toBeUndefined();
  });
});

describe('a missing value', () => {
  it('no value, an empty cell or blank text is missing', () => {
    expect(scoreRelative(rule, {}, withBest(40))).toEqual({ status: 'missing' });
    expect(scoreRelative(rule, { value: at('D30', null) }, withBest(40))).toEqual({ status: 'missing' });
    expect(scoreRelative(rule, { value: at('D30', '  ') }, withBest(40))).toEqual({ status: 'missing' });
  });
});

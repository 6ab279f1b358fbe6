import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import type { CellValue } from '../../../src/core/grid.js';
import { booleanRuleSchema, scoreBoolean } from '../../../src/engine/rules/boolean.js';
import type { RuleContext, RuleInput, RuleOutcome, SourcedValue } from '../../../src/engine/rules/types.js';

/** A value typed in cell `cell` of the agency's sheet. */
const at = (cell: string, raw: CellValue): SourcedValue => ({ raw, loc: { file: 'so-tttt.xlsx', sheet: 'DTI', cell } });
const ctx: RuleContext = { indicator: '1.1', maxPoints: new Decimal(10), fallbackLocation: { file: 'so-tttt.xlsx', sheet: 'DTI', row: 4 } };
const rule = booleanRuleSchema.parse({ type: 'boolean' });
const score = (input: RuleInput, c: RuleContext = ctx) => scoreBoolean(rule, input, c);
const scored = (out: RuleOutcome) => {
  if (out.status !== 'scored') throw new Error(`expected a score, got ${out.status}`);
  return out;
};
const valueOf = (raw: CellValue) => scored(score({ value: at('D4', raw) }));

describe('what a boolean rule accepts', () => {
  it('is written as just its type', () => {
    expect(booleanRuleSchema.parse({ type: 'boolean' })).toEqual({ type: 'boolean' });
  });

  it('rejects another type', () => {
    expect(booleanRuleSchema.safeParse({ type: 'ratio' }).success).toBe(false);
  });
});

describe('scoring yes/no', () => {
  it.each<[string, CellValue]>([
    ['Có', 'Có'],
    ['có in lower case', 'có'],
    ['CÓ in capitals', 'CÓ'],
    ['có decomposed (NFD)', 'có'.normalize('NFD')],
    ['co without diacritics', 'co'],
    ['x (a ticked box)', 'x'],
    ['X in capitals', 'X'],
    ['Đạt', 'Đạt'],
    ['Đã ban hành', 'Đã ban hành'],
    ['yes', 'yes'],
    ['the number 1', 1],
    ['the text "1"', '1'],
    ['a spreadsheet TRUE', true],
  ])('"yes" written as %s gives full points', (_name, raw) => {
    const out = valueOf(raw);
    expect(out.points.toString()).toBe('10');
    expect(out.issues).toEqual([]);
  });

  it.each<[string, CellValue]>([
    ['Không', 'Không'],
    ['không decomposed (NFD)', 'không'.normalize('NFD')],
    ['khong without diacritics', 'khong'],
    ['Chưa', 'Chưa'],
    ['Chưa có', 'Chưa có'],
    ['Không đạt', 'Không đạt'],
    ['Không có', 'Không có'],
    ['no', 'no'],
    ['the number 0', 0],
    ['the text "0"', '0'],
    ['a spreadsheet FALSE', false],
  ])('"no" written as %s gives 0 points and no issue', (_name, raw) => {
    const out = valueOf(raw);
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([]);
  });

  it('ignores surrounding spaces and non-breaking spaces', () => {
    expect(valueOf('  Có\u00a0').points.toString()).toBe('10');
  });

  it('gives exactly the indicator max points, whatever they are', () => {
    const out = scored(score({ value: at('D4', 'có') }, { ...ctx, maxPoints: new Decimal('7.25') }));
    expect(out.points.toString()).toBe('7.25');
  });

  it('records the answer as true or false for the audit trail', () => {
    expect(valueOf('Có').inputs).toEqual({ value: 'true' });
    expect(valueOf('không').inputs).toEqual({ value: 'false' });
  });
});

describe('answers that are not yes or no', () => {
  it('a word that is neither scores 0 with an error at the cell', () => {
    const out = valueOf('có thể');
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_NOT_BOOLEAN',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'D4' },
        params: { indicator: '1.1', field: 'value', value: 'có thể' },
      },
    ]);
  });

  it('keeps the unreadable answer as typed for the audit trail', () => {
    expect(valueOf('có thể').inputs).toEqual({ value: 'có thể' });
  });

  it('a number other than 0 or 1 is not an answer', () => {
    const out = valueOf(2);
    expect(out.points.toString()).toBe('0');
    expect(out.issues.map((i) => i.code)).toEqual(['E_NOT_BOOLEAN']);
  });

  it('a percentage is not an answer', () => {
    expect(valueOf('100%').issues.map((i) => i.code)).toEqual(['E_NOT_BOOLEAN']);
  });
});

describe('missing answers', () => {
  it('no value at all is missing', () => {
    expect(score({})).toEqual({ status: 'missing' });
  });

  it.each<[string, CellValue]>([
    ['an empty cell', null],
    ['empty text', ''],
    ['only spaces', '   '],
    ['only a non-breaking space', '\u00a0'],
  ])('%s is missing', (_name, raw) => {
    expect(score({ value: at('D4', raw) })).toEqual({ status: 'missing' });
  });

  it('reads only the value: a points column alone is still missing', () => {
    expect(score({ points: at('H4', 10) })).toEqual({ status: 'missing' });
  });
});

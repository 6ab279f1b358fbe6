import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/core/decimal.js';
import type { CellValue } from '../../../src/core/grid.js';
import { choiceRuleSchema, scoreChoice } from '../../../src/engine/rules/choice.js';
import type { RuleContext, RuleOutcome, SourcedValue } from '../../../src/engine/rules/types.js';

/** A value typed in cell `cell` of the agency's sheet. */
const at = (cell: string, raw: CellValue): SourcedValue => ({ raw, loc: { file: 'so-tttt.xlsx', sheet: 'DTI', cell } });
const ctx: RuleContext = { indicator: '1.3', maxPoints: new Decimal(10), fallbackLocation: { file: 'so-tttt.xlsx', sheet: 'DTI', row: 6 } };
const scored = (out: RuleOutcome) => {
  if (out.status !== 'scored') throw new Error(`expected a score, got ${out.status}`);
  return out;
};
const codes = (out: { issues: readonly { code: string }[] }) => out.issues.map((i) => i.code);

/** Who heads the steering committee: the chairman → 10, a deputy → 5, nobody → 0. */
const head = choiceRuleSchema.parse({
  type: 'choice',
  options: [
    { key: 'chu-tich', label: { vi: 'Chủ tịch UBND', en: 'The chairman' }, points: 10 },
    { key: 'pho-chu-tich', label: { vi: 'Phó Chủ tịch UBND', en: 'A deputy' }, points: 5 },
    { key: 'chua-co', label: { vi: 'Chưa có', en: 'None' }, points: 0 },
  ],
});
const choose = (raw: CellValue, rule = head) => scored(scoreChoice(rule, { value: at('D6', raw) }, ctx));

describe('what a choice rule accepts', () => {
  it('options with a key, a label and points; one label string serves both languages', () => {
    const rule = choiceRuleSchema.parse({
      type: 'choice',
      options: [
        { key: 'day-du', label: 'Đầy đủ', points: 4 },
        { key: 'mot-phan', label: { vi: 'Một phần' }, points: 2 },
      ],
    });
    expect(rule.options.map((o) => o.label)).toEqual([
      { vi: 'Đầy đủ', en: 'Đầy đủ' },
      { vi: 'Một phần', en: 'Một phần' },
    ]);
  });

  it('needs at least two options', () => {
    const one = { type: 'choice', options: [{ key: 'co', label: 'Có', points: 1 }] };
    expect(choiceRuleSchema.safeParse(one).success).toBe(false);
  });

  it('keys are lowercase letters, digits and dashes', () => {
    const withKey = (key: string) =>
      choiceRuleSchema.safeParse({
        type: 'choice',
        options: [
          { key, label: 'A', points: 1 },
          { key: 'b', label: 'B', points: 0 },
        ],
      }).success;
    expect(withKey('muc-1')).toBe(true);
    expect(withKey('2')).toBe(true);
    expect(withKey('Muc-1')).toBe(false);
    expect(withKey('muc 1')).toBe(false);
    expect(withKey('-muc')).toBe(false);
    expect(withKey('mức')).toBe(false);
    expect(withKey('')).toBe(false);
  });
});

describe('choosing an option', () => {
  it('by its key gives its points and records the key', () => {
    const out = choose('pho-chu-tich');
    expect(out.points.toString()).toBe('5');
    expect(out.inputs).toEqual({ value: 'pho-chu-tich' });
    expect(out.issues).toEqual([]);
  });

  it('by its key in capitals', () => {
    expect(choose('PHO-CHU-TICH').points.toString()).toBe('5');
  });

  it('by its Vietnamese label, recording the key', () => {
    const out = choose('Phó Chủ tịch UBND');
    expect(out.points.toString()).toBe('5');
    expect(out.inputs).toEqual({ value: 'pho-chu-tich' });
  });

  it('by its Vietnamese label decomposed (NFD), as some systems save it', () => {
    expect(choose('Phó Chủ tịch UBND'.normalize('NFD')).points.toString()).toBe('5');
  });

  it('by its Vietnamese label without diacritics, in any case', () => {
    expect(choose('pho chu tich ubnd').points.toString()).toBe('5');
  });

  it('by its Vietnamese label with stray and non-breaking spaces', () => {
    expect(choose('  Phó\u00a0Chủ tịch   UBND ').points.toString()).toBe('5');
  });

  it('by a label with đ, typed with or without it', () => {
    const rule = choiceRuleSchema.parse({
      type: 'choice',
      options: [
        { key: 'day-du', label: 'Đầy đủ', points: 4 },
        { key: 'mot-phan', label: 'Một phần', points: 2 },
      ],
    });
    expect(choose('ĐẦY ĐỦ', rule).points.toString()).toBe('4');
    expect(choose('day du', rule).points.toString()).toBe('4');
  });

  it('by its English label', () => {
    expect(choose('A deputy').points.toString()).toBe('5');
    expect(choose('the CHAIRMAN').points.toString()).toBe('10');
  });

  it('by its position in the list, as text or a number', () => {
    expect(choose('2').points.toString()).toBe('5');
    expect(choose(1).points.toString()).toBe('10');
    expect(choose(1).inputs).toEqual({ value: 'chu-tich' });
  });

  it('a key that is a digit wins over the position it could also name', () => {
    const byPoints = choiceRuleSchema.parse({
      type: 'choice',
      options: [
        { key: '0', label: 'Không', points: 0 },
        { key: '1', label: 'Một phần', points: 5 },
        { key: '2', label: 'Đầy đủ', points: 10 },
      ],
    });
    expect(choose('1', byPoints).points.toString()).toBe('5');
    expect(choose(2, byPoints).points.toString()).toBe('10');
  });

  it('an option worth 0 scores 0 without an issue', () => {
    const out = choose('Chưa có');
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([]);
  });

  it('gives the option points as they are, not scaled to the max points', () => {
    const out = scored(scoreChoice(head, { value: at('D6', 'chu-tich') }, { ...ctx, maxPoints: new Decimal(20) }));
    expect(out.points.toString()).toBe('10');
  });
});

describe('an unknown choice', () => {
  it('scores 0 with an error at the cell listing the options', () => {
    const out = choose('Giám đốc Sở');
    expect(out.points.toString()).toBe('0');
    expect(out.issues).toEqual([
      {
        severity: 'error',
        code: 'E_CHOICE_UNKNOWN',
        location: { file: 'so-tttt.xlsx', sheet: 'DTI', cell: 'D6' },
        params: { indicator: '1.3', value: 'Giám đốc Sở', options: 'Chủ tịch UBND | Phó Chủ tịch UBND | Chưa có' },
      },
    ]);
  });

  it('keeps what was typed for the audit trail', () => {
    expect(choose('Giám đốc Sở').inputs).toEqual({ value: 'Giám đốc Sở' });
  });

  it('part of a label is not enough', () => {
    expect(codes(choose('Phó'))).toEqual(['E_CHOICE_UNKNOWN']);
  });

  it('a position past the end, or 0, is unknown', () => {
    expect(codes(choose(4))).toEqual(['E_CHOICE_UNKNOWN']);
    expect(codes(choose('0'))).toEqual(['E_CHOICE_UNKNOWN']);
  });

  it('a yes/no answer is unknown', () => {
    expect(codes(choose(true))).toEqual(['E_CHOICE_UNKNOWN']);
  });
});

describe('a missing choice', () => {
  it('no value, an empty cell or blank text is missing', () => {
    expect(scoreChoice(head, {}, ctx)).toEqual({ status: 'missing' });
    expect(scoreChoice(head, { value: at('D6', null) }, ctx)).toEqual({ status: 'missing' });
    expect(scoreChoice(head, { value: at('D6', ' \u00a0') }, ctx)).toEqual({ status: 'missing' });
  });
});

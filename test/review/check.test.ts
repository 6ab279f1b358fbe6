import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { hasMessage, t } from '../../src/i18n/catalog.js';
import { reviewMessages } from '../../src/i18n/messages/review.js';
import { checkAdjustments } from '../../src/review/check.js';
import { parseReview, type ReviewAdjustment } from '../../src/review/read.js';
import type { Adjustment } from '../../src/review/schema.js';
import { TINY, grid, model, submissions } from '../helpers/build.js';

const m = model(TINY);
// D1 is a department (1.x, 2.1, 2.2 apply), X1 a district (1.x, 2.1, 3.1 apply).
const subs = submissions(m, [
  ['D1', 'dept', '1.1', 'có', null, null, null, 'Kế hoạch số 1'],
  ['D1', 'dept', '1.2', null, 3, 4, 22.5],
  ['D1', 'dept', '2.1', '40%'],
  ['D1', 'dept', '2.2', 20],
  ['X1', 'dist', '1.1', 'không'],
  ['X1', 'dist', '1.2', null, 1, 4],
  ['X1', 'dist', '3.1', 5],
]);

/** An adjustment as the reader builds it, on row `row` of review.csv (agency in column 1, indicator in 2, points in 3). */
function adj(row: number, agency: string, indicator: string, fields: Partial<Pick<Adjustment, 'points' | 'value' | 'numerator' | 'denominator'>> | number, reason = 'lý do'): Adjustment {
  const at = (column: number) => ({ file: 'review.csv', row, column });
  const decision = typeof fields === 'number' ? { points: { raw: fields, loc: at(3) } } : fields;
  const adjustment: ReviewAdjustment = { agency, indicator, ...decision, reason, loc: at(2), cells: { agency: at(1), indicator: at(2) } };
  return adjustment;
}

const codes = (r: { issues: readonly { code: string }[] }) => r.issues.map((i) => i.code);

describe('checkAdjustments', () => {
  it('keeps valid adjustments as they are', () => {
    const given = [adj(2, 'D1', '1.2', 15), adj(3, 'X1', '3.1', { value: { raw: 8, loc: { file: 'review.csv', row: 3, column: 4 } } })];
    const r = checkAdjustments(m, subs, given);
    expect(r.issues).toEqual([]);
    expect(r.adjustments).toEqual(given);
  });

  it('refuses an agency that is not among the submissions, at its cell', () => {
    const r = checkAdjustments(m, subs, [adj(2, 'D9', '1.2', 15), adj(3, 'D1', '1.2', 10)]);
    expect(r.adjustments.map((a) => a.agency)).toEqual(['D1']);
    expect(r.issues).toEqual([
      { severity: 'error', code: 'E_REVIEW_UNKNOWN_AGENCY', location: { file: 'review.csv', row: 2, column: 1 }, params: { agency: 'D9', indicator: '1.2', suggestion: 'D1' } },
    ]);
  });

  it('matches an agency code typed in another case, and gives it as the submissions spell it', () => {
    const r = checkAdjustments(m, subs, [adj(2, 'd1', '1.2', 15)]);
    expect(r.issues).toEqual([]);
    expect(r.adjustments[0]!.agency).toBe('D1');
  });

  it.each([
    ['7.7', 'D1', 'an unknown code'],
    ['1', 'D1', 'a main indicator (not a leaf)'],
    ['9.1', 'D1', 'an informational indicator'],
    ['3.1', 'D1', 'a leaf of another group'],
    ['2.2', 'X1', 'a leaf the district group does not have'],
  ])('refuses indicator %s for %s (%s), at the indicator cell', (indicator, agency) => {
    const r = checkAdjustments(m, subs, [adj(4, agency, indicator, 1)]);
    expect(r.adjustments).toEqual([]);
    expect(r.issues).toEqual([
      {
        severity: 'error',
        code: 'E_REVIEW_UNKNOWN_INDICATOR',
        location: { file: 'review.csv', row: 4, column: 2 },
        params: { agency, indicator, group: agency === 'D1' ? 'dept' : 'dist' },
      },
    ]);
  });

  it('suggests the indicator the council most likely meant', () => {
    const r = checkAdjustments(m, subs, [adj(4, 'D1', '1.22', 1)]);
    expect(r.issues[0]!.params).toEqual({ agency: 'D1', indicator: '1.22', group: 'dept', suggestion: '1.2' });
  });

  it('keeps the first of two decisions on the same agency and indicator', () => {
    const r = checkAdjustments(m, subs, [adj(2, 'D1', '1.2', 15), adj(3, 'X1', '1.2', 5), adj(5, 'D1', '1.2.', 10)]);
    expect(r.adjustments.map((a) => [a.agency, a.points?.raw])).toEqual([
      ['D1', 15],
      ['X1', 5],
    ]);
    expect(r.issues).toEqual([
      { severity: 'error', code: 'E_REVIEW_DUPLICATE', location: { file: 'review.csv', row: 5, column: 2 }, params: { agency: 'D1', indicator: '1.2', first: '2' } },
    ]);
  });

  it('refuses approved points that are not a number from 0 to the max', () => {
    const r = checkAdjustments(m, subs, [adj(2, 'D1', '1.2', 31), adj(3, 'D1', '1.1', { points: { raw: 'mười', loc: { file: 'review.csv', row: 3, column: 3 } } }), adj(4, 'D1', '2.1', -1)]);
    expect(r.adjustments).toEqual([]);
    expect(r.issues).toMatchObject([
      { code: 'E_RANGE', location: { row: 2, column: 3 }, params: { indicator: '1.2', field: 'points', min: '0', max: '30' } },
      { code: 'E_NOT_A_NUMBER', location: { row: 3, column: 3 } },
      { code: 'E_RANGE', location: { row: 4, column: 3 } },
    ]);
  });

  it('refuses corrected inputs the rule would not read', () => {
    const loc = (column: number) => ({ file: 'review.csv', row: 2, column });
    // 1.2 is a ratio the agency gave as 3/4: a corrected value alone would be ignored.
    const valueOnRatio = checkAdjustments(m, subs, [adj(2, 'D1', '1.2', { value: { raw: '50%', loc: loc(4) } })]);
    expect(valueOnRatio.adjustments).toEqual([]);
    expect(valueOnRatio.issues).toMatchObject([{ code: 'E_REVIEW_INPUT_UNUSED', location: loc(4), params: { agency: 'D1', indicator: '1.2', field: 'value', rule: 'ratio' } }]);
    // A yes/no indicator has no numerator.
    const numeratorOnBoolean = checkAdjustments(m, subs, [adj(2, 'D1', '1.1', { numerator: { raw: 1, loc: loc(5) } })]);
    expect(codes(numeratorOnBoolean)).toEqual(['E_REVIEW_INPUT_UNUSED']);
    // 2.1 was given as a percentage: a corrected percentage, or a corrected fraction, is read.
    const ok = checkAdjustments(m, subs, [
      adj(2, 'D1', '2.1', { value: { raw: '80%', loc: loc(4) } }),
      adj(3, 'X1', '1.2', { numerator: { raw: 2, loc: loc(5) } }),
    ]);
    expect(ok.issues).toEqual([]);
    expect(ok.adjustments).toHaveLength(2);
  });

  it('finds nothing new in adjustments it has checked', () => {
    const first = checkAdjustments(m, subs, [adj(2, 'D1', '1.2', 15), adj(3, 'D9', '1.2', 1), adj(4, 'D1', '1.2', 2), adj(5, 'D1', '1.1', 99)]);
    expect(codes(first)).toEqual(['E_REVIEW_UNKNOWN_AGENCY', 'E_REVIEW_DUPLICATE', 'E_RANGE']);
    const again = checkAdjustments(m, subs, first.adjustments);
    expect(again.issues).toEqual([]);
    expect(again.adjustments).toEqual(first.adjustments);
  });

  it('lets an adjustment without a reason through (the reader warns of it), and the engine applies it', () => {
    const read = parseReview(grid([['Mã đơn vị', 'Mã chỉ số', 'Điểm thẩm định', 'Lý do'], ['D1', '1.2', 15, null]], 'review.csv'));
    expect(read.issues.map((i) => [i.code, i.severity])).toEqual([['W_REVIEW_NO_REASON', 'warning']]);
    const checked = checkAdjustments(m, subs, read.adjustments);
    expect(checked.issues).toEqual([]);
    const leaf = scoreSubmissions(m, subs, checked.adjustments)[0]!.leaves.find((l) => l.code === '1.2')!;
    expect(leaf.points.toString()).toBe('15');
    expect(leaf.computedPoints?.toString()).toBe('22.5');
    expect(leaf.appraisal).toEqual({ reason: '', loc: { file: 'review.csv', row: 2, column: 2 } });
  });

  it('works on adjustments built by hand, without reader cells', () => {
    const loc = { file: 'api', row: 1 };
    const r = checkAdjustments(m, subs, [{ agency: 'D9', indicator: '1.2', points: { raw: 1, loc }, reason: 'x', loc }]);
    expect(r.issues).toMatchObject([{ code: 'E_REVIEW_UNKNOWN_AGENCY', location: loc }]);
  });
});

describe('review messages', () => {
  it('are in Vietnamese with diacritics and in English, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const [key, message] of Object.entries(reviewMessages)) {
      expect(hasMessage(key), key).toBe(true);
      expect(message.vi.trim(), key).not.toBe('');
      expect(message.en.trim(), key).not.toBe('');
      expect(placeholders(message.vi), key).toEqual(placeholders(message.en));
    }
    expect(t('E_REVIEW_UNKNOWN_AGENCY', 'vi', { agency: 'D9', indicator: '1.2' })).toBe(
      'Đơn vị "D9" (chỉ số 1.2) không có trong các bản tự đánh giá đã đọc; điều chỉnh không được áp dụng',
    );
    expect(t('E_REVIEW_DUPLICATE', 'en', { agency: 'D1', indicator: '1.2', first: 'C4' })).toBe(
      'Agency D1, indicator 1.2 is reviewed twice (first at C4); only the first is applied, this one is ignored',
    );
  });
});

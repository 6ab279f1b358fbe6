import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { TINY, model, submissions } from '../helpers/build.js';

const m = model(TINY);
const pointsOf = (s: ReturnType<typeof scoreSubmissions>[number], code: string) => s.nodes.get(code)?.points.toString();

describe('scoring an agency', () => {
  it('sums leaf points up the tree to the main indicators and the total', () => {
    const [s] = scoreSubmissions(
      m,
      submissions(m, [
        ['D1', 'dept', '1.1', 'có', null, null, null, 'QĐ 12/QĐ-UBND'],
        ['D1', 'dept', '1.2', null, 3, 4],
        ['D1', 'dept', '2.1', '40%'],
        ['D1', 'dept', '2.2', null, null, null, 12.5],
      ]),
    );
    expect(pointsOf(s!, '1.1')).toBe('10');
    expect(pointsOf(s!, '1.2')).toBe('22.5');
    expect(pointsOf(s!, '1')).toBe('32.5');
    expect(pointsOf(s!, '2.1')).toBe('15');
    expect(pointsOf(s!, '2')).toBe('27.5');
    expect(s!.points.toString()).toBe('60');
    expect(s!.maxPoints.toString()).toBe('100');
  });

  it('uses the max points of the agency group', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['X1', 'dist', '2.1', '80']]));
    expect(s!.nodes.get('2')!.maxPoints.toString()).toBe('30');
    expect(pointsOf(s!, '2')).toBe('30');
  });

  it('rounds leaf points at the framework precision, half up', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1.2', null, 1, 3]]));
    expect(pointsOf(s!, '1.2')).toBe('10');
    const [t] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1.2', null, 2, 3]]));
    expect(pointsOf(t!, '1.2')).toBe('20');
    const [u] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1.2', null, 1, 7]]));
    expect(pointsOf(u!, '1.2')).toBe('4.29');
  });

  it('scores a missing value 0 with a warning under the default policy', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1.1', 'có', null, null, null, 'QĐ 1']]));
    expect(pointsOf(s!, '1.2')).toBe('0');
    expect(s!.complete).toBe(true);
    expect(s!.issues.filter((i) => i.code === 'W_MISSING_VALUE').map((i) => i.params.indicator)).toEqual(['1.2', '2.1', '2.2']);
  });

  it('marks the agency incomplete when the framework says missing values do so', () => {
    const strict = model({ ...TINY, missing: 'incomplete' });
    const [s] = scoreSubmissions(strict, submissions(strict, [['D1', 'dept', '1.1', 'có', null, null, null, 'QĐ 1']]));
    expect(s!.complete).toBe(false);
    expect(s!.issues.some((i) => i.code === 'E_MISSING_VALUE')).toBe(true);
  });

  it('flags points earned without the required evidence, and keeps them by default', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1.1', 'có']]));
    expect(pointsOf(s!, '1.1')).toBe('10');
    expect(s!.issues.find((i) => i.code === 'W_EVIDENCE_MISSING')?.location.row).toBe(2);
  });

  it('gives 0 for points without evidence when the framework says so', () => {
    const zero = model({ ...TINY, evidenceMissing: 'zero' });
    const [s] = scoreSubmissions(zero, submissions(zero, [['D1', 'dept', '1.1', 'có']]));
    expect(pointsOf(s!, '1.1')).toBe('0');
  });

  it('warns when the self-scored points differ from what the rule gives', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1.2', null, 1, 2, 30]]));
    const w = s!.issues.find((i) => i.code === 'W_SELF_SCORE_DIFFERS');
    expect(w?.params).toMatchObject({ self: '30', computed: '15' });
    expect(w?.location.column).toBe(9);
  });

  it('uses points given for a main indicator directly and skips its sub-indicators', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1', null, null, null, 33.25], ['D1', 'dept', '2.1', '80']]));
    expect(pointsOf(s!, '1')).toBe('33.25');
    expect(s!.nodes.get('1')!.origin).toBe('direct');
    expect(s!.leaves.filter((l) => l.status === 'given-above').map((l) => l.code)).toEqual(['1.1', '1.2']);
    expect(s!.issues.some((i) => i.code === 'I_DIRECT_POINTS')).toBe(true);
    expect(s!.issues.some((i) => i.code === 'W_MISSING_VALUE' && i.params.indicator === '1.1')).toBe(false);
  });

  it('ignores, with a warning, an indicator that does not apply to the agency group', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '3.1', '5']]));
    expect(s!.nodes.has('3.1')).toBe(false);
    expect(s!.issues.some((i) => i.code === 'W_INDICATOR_NOT_IN_GROUP')).toBe(true);
  });

  it('scores a relative indicator against the best value in the group', () => {
    const scores = scoreSubmissions(m, submissions(m, [['X1', 'dist', '3.1', '200'], ['X2', 'dist', '3.1', '50'], ['X3', 'dist', '3.1', '0']]));
    expect(scores.map((s) => pointsOf(s, '3.1'))).toEqual(['30', '7.5', '0']);
  });

  it('keeps an audit trail with inputs, rule and source cells for every leaf', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '1.2', null, 3, 4]]));
    const leaf = s!.leaves.find((l) => l.code === '1.2')!;
    expect(leaf.rule).toBe('ratio');
    expect(leaf.inputs).toEqual({ numerator: '3', denominator: '4' });
    expect(leaf.sources.map((l) => [l.row, l.column])).toEqual([
      [2, 7],
      [2, 8],
    ]);
  });

  it('never scores informational indicators', () => {
    const [s] = scoreSubmissions(m, submissions(m, [['D1', 'dept', '9.1', '3']]));
    expect(s!.nodes.has('9')).toBe(false);
    expect(s!.issues.some((i) => i.code === 'I_INFORMATIONAL')).toBe(true);
  });

  it('gives equal totals to agencies whose points are equal, whatever the order they add up in', () => {
    const scores = scoreSubmissions(
      m,
      submissions(m, [
        ['A', 'dept', '1.2', null, 1, 10],
        ['A', 'dept', '2.1', '20'],
        ['B', 'dept', '1.2', null, 2, 10],
        ['B', 'dept', '2.1', '10'],
      ]),
    );
    // A: 3 + 7.5 = 10.5; B: 6 + 3.75 = 9.75 … and 0.1 + 0.2 style sums stay exact
    expect(scores[0]!.points.toString()).toBe('10.5');
    expect(scores[1]!.points.toString()).toBe('9.75');
  });
});

describe('appraisal adjustments', () => {
  const loc = { file: 'review.csv', row: 2 };
  const rows = [
    ['D1', 'dept', '1.2', null, 3, 4, 22.5],
    ['D1', 'dept', '2.1', '40%'],
  ];

  it('use the approved points and keep what the rules gave, with the reason', () => {
    const [s] = scoreSubmissions(m, submissions(m, rows), [
      { agency: 'D1', indicator: '1.2', points: { raw: 15, loc }, reason: 'Thiếu biên bản họp', reviewer: 'HĐTĐ', loc },
    ]);
    const leaf = s!.leaves.find((l) => l.code === '1.2')!;
    expect(leaf.points.toString()).toBe('15');
    expect(leaf.computedPoints?.toString()).toBe('22.5');
    expect(leaf.appraisal).toEqual({ reason: 'Thiếu biên bản họp', reviewer: 'HĐTĐ', loc });
    expect(pointsOf(s!, '1')).toBe('15');
  });

  it('score corrected input values by the rule', () => {
    const [s] = scoreSubmissions(m, submissions(m, rows), [
      { agency: 'D1', indicator: '2.1', value: { raw: '80%', loc }, reason: 'Số liệu từ Cổng DVC', loc },
    ]);
    const leaf = s!.leaves.find((l) => l.code === '2.1')!;
    expect(leaf.points.toString()).toBe('30');
    expect(leaf.computedPoints?.toString()).toBe('15');
  });

  it('leave the self-score comparison on the agency own inputs', () => {
    const [s] = scoreSubmissions(m, submissions(m, rows), [{ agency: 'D1', indicator: '1.2', points: { raw: 15, loc }, reason: 'x', loc }]);
    expect(s!.issues.some((i) => i.code === 'W_SELF_SCORE_DIFFERS')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { competitionRanks, rankScores } from '../../src/engine/rank.js';
import { scoreSubmissions } from '../../src/engine/score.js';
import { TINY, model, submissions } from '../helpers/build.js';

describe('competition ranking', () => {
  it('gives equal values the same rank and skips the next (1, 2, 2, 4)', () => {
    const values = ['0.9', '0.8', '0.8', '0.7'].map((v) => new Decimal(v));
    const ranks = competitionRanks(values, (v) => v);
    expect(values.map((v) => ranks.get(v))).toEqual([1, 2, 2, 4]);
  });
});

describe('ranking groups', () => {
  const m = model(TINY);
  const rows = [
    ['D1', 'dept', '1.2', null, 3, 4],
    ['D2', 'dept', '1.2', null, 1, 2],
    ['D3', 'dept', '1.2', null, 6, 8],
    ['X1', 'dist', '1.2', null, 1, 4],
    ['X2', 'dist', '3.1', '10'],
  ];

  it('ranks each group apart, ties sharing a rank', () => {
    const groups = rankScores(m, scoreSubmissions(m, submissions(m, rows)));
    const dept = groups.find((g) => g.group.id === 'dept')!;
    expect(dept.agencies.map((a) => [a.score.agency.code, a.total.rank])).toEqual([
      ['D1', 1],
      ['D3', 1],
      ['D2', 3],
    ]);
    const dist = groups.find((g) => g.group.id === 'dist')!;
    expect(dist.agencies.map((a) => [a.score.agency.code, a.total.rank])).toEqual([
      ['X2', 1],
      ['X1', 2],
    ]);
  });

  it('ranks every main indicator and pillar', () => {
    const groups = rankScores(m, scoreSubmissions(m, submissions(m, rows)));
    const dist = groups.find((g) => g.group.id === 'dist')!;
    const x1 = dist.agencies.find((a) => a.score.agency.code === 'X1')!;
    expect(x1.mains.map((v) => [v.code, v.rank])).toEqual([
      ['1', 1],
      ['2', 1],
      ['3', 2],
    ]);
    expect(x1.pillars.map((v) => [v.code, v.points.toString(), v.maxPoints.toString(), v.rank])).toEqual([
      ['gov', '7.5', '70', 1],
      ['soc', '7.5', '70', 2],
    ]);
  });

  it('judges ties on the published value when the framework says so', () => {
    const rowsClose = [
      ['A', 'dept', '1.2', null, 3333, 10000],
      ['B', 'dept', '1.2', null, 3334, 10000],
    ];
    // 9.999 and 10.002 points of 100: different exactly, both 0.10 at two decimals.
    const exact = model({ ...TINY, precision: { points: 4, index: 2 } });
    const published = model({ ...TINY, precision: { points: 4, index: 2 }, ties: 'published' });
    const rank = (mm: typeof exact) =>
      rankScores(mm, scoreSubmissions(mm, submissions(mm, rowsClose)))[0]!.agencies.map((a) => [a.score.agency.code, a.total.rank]);
    expect(rank(exact)).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
    expect(rank(published)).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });

  it('scores but does not rank a group that is assessed only', () => {
    const unranked = model({ ...TINY, groups: [{ id: 'dept', name: 'Departments', ranked: false }, { id: 'dist', name: 'Districts' }] });
    const groups = rankScores(unranked, scoreSubmissions(unranked, submissions(unranked, rows)));
    const dept = groups.find((g) => g.group.id === 'dept')!;
    expect(dept.agencies.every((a) => a.total.rank === undefined)).toBe(true);
    expect(dept.agencies[0]!.total.points.toString()).toBe('22.5');
  });

  it('ranks within each parent unit when the group is scoped by parent', () => {
    const scoped = model({ ...TINY, groups: [{ id: 'dept', name: 'Departments' }, { id: 'dist', name: 'Communes', rankScope: 'parent' }] });
    const subs = submissions(scoped, [
      ['C1', 'dist', '1.2', null, 1, 4],
      ['C2', 'dist', '1.2', null, 2, 4],
      ['C3', 'dist', '1.2', null, 3, 4],
    ]).map((s, i) => ({ ...s, agency: { ...s.agency, parent: i < 2 ? 'P1' : 'P2' } }));
    const dist = rankScores(scoped, scoreSubmissions(scoped, subs)).find((g) => g.group.id === 'dist')!;
    expect(Object.fromEntries(dist.agencies.map((a) => [a.score.agency.code, a.total.rank]))).toEqual({ C1: 2, C2: 1, C3: 1 });
  });

  it('leaves incomplete agencies unranked', () => {
    const strict = model({ ...TINY, missing: 'incomplete' });
    const groups = rankScores(strict, scoreSubmissions(strict, submissions(strict, rows)));
    expect(groups.flatMap((g) => g.agencies).every((a) => a.total.rank === undefined)).toBe(true);
  });

  it('assigns the class whose threshold the published index reaches', () => {
    const classed = model({
      ...TINY,
      classes: [
        { code: 'tot', name: 'Tốt', min: 0.9 },
        { code: 'kha', name: 'Khá', min: 0.2 },
        { code: 'yeu', name: 'Yếu', min: 0 },
      ],
    });
    const groups = rankScores(classed, scoreSubmissions(classed, submissions(classed, rows)));
    const dept = groups.find((g) => g.group.id === 'dept')!;
    expect(dept.agencies.map((a) => a.class?.code)).toEqual(['kha', 'kha', 'yeu']);
  });
});

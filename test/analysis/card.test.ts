import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyCard, lostByLeaf } from '../../src/analysis/card.js';
import { dec, toNumber } from '../../src/core/decimal.js';
import { leaf, tinyDoc } from './doc.js';

const classes = [
  { code: 'tot', name: { vi: 'Tốt', en: 'Good' }, min: 0.9 },
  { code: 'kha', name: { vi: 'Khá', en: 'Fair' }, min: 0.8 },
];

// A 900, B and C tied at 850 (rank 2), D 800 (rank 4).
const ranking = [
  { code: 'A', points: 900, rank: 1, cls: 'tot' },
  { code: 'B', points: 850, rank: 2, cls: 'kha' },
  { code: 'C', points: 850, rank: 2, cls: 'kha' },
  { code: 'D', points: 800, rank: 4, cls: 'kha' },
];

describe('points to the next rank', () => {
  it('is nothing for the first agency', () => {
    expect(agencyCard(tinyDoc(ranking), 'A')!.nextRank).toBeNull();
  });

  it('passes both agencies of a tie just ahead, strictly, and takes their rank', () => {
    const next = agencyCard(tinyDoc(ranking), 'D')!.nextRank!;
    expect(next.rank).toBe(2);
    expect(next.ahead.map((a) => a.code)).toEqual(['B', 'C']);
    // Ties on the published index: 0.8500 must become 0.8501, i.e. 0.85005 before rounding: 850.05 points.
    expect(next.points).toBe(50.05);
    expect(next.reachable).toBe(true);
  });

  it('counts from the exact index when the framework judges ties on it', () => {
    // Above 0.85 exactly: 850.01 points, one step of the points precision past the bound.
    expect(agencyCard(tinyDoc(ranking, { ties: 'exact' }), 'D')!.nextRank!.points).toBe(50.01);
  });

  it('for a tied agency, looks past its tie partner to the agency ahead of both', () => {
    const next = agencyCard(tinyDoc(ranking), 'C')!.nextRank!;
    expect(next).toMatchObject({ rank: 1, ahead: [{ code: 'A' }], points: 50.05 });
  });

  it('says when the points needed exceed the points the agency lost', () => {
    const doc = tinyDoc([
      { code: 'A', points: 100, rank: 1, maxPoints: 100 },
      { code: 'B', points: 99, rank: 2, maxPoints: 100 },
    ]);
    // 1.0000 cannot be beaten: 1.00005 × 100 − 99 = 1.005 → 1.01 points, more than the 1 point B lost.
    expect(agencyCard(doc, 'B')!.nextRank).toMatchObject({ rank: 1, points: 1.01, reachable: false });
  });

  it('looks only within the agency rank scope when the framework ranks within parent units', () => {
    // A and B in one district, C and D in another, each ranked within its own.
    const doc = tinyDoc([
      { code: 'A', points: 900, rank: 1 },
      { code: 'B', points: 700, rank: 2 },
      { code: 'C', points: 850, rank: 1 },
      { code: 'D', points: 800, rank: 2 },
    ]);
    const scopeOf = (a: { code: string }) => (a.code < 'C' ? 'north' : 'south');
    expect(agencyCard(doc, 'C', { scopeOf })!.nextRank).toBeNull();
    expect(agencyCard(doc, 'D', { scopeOf })!).toMatchObject({ rankedCount: 2, nextRank: { rank: 1, ahead: [{ code: 'C' }], points: 50.05 } });
    expect(agencyCard(doc, 'B', { scopeOf })!.nextRank).toMatchObject({ rank: 1, ahead: [{ code: 'A' }] });
  });

  it('is nothing for an agency without a rank', () => {
    expect(agencyCard(tinyDoc([...ranking, { code: 'E', points: 700, rank: null }]), 'E')!.nextRank).toBeNull();
  });
});

describe('points to the next class', () => {
  it('reaches the next class once the index rounds to its minimum (half up)', () => {
    // Tốt from 0.9000: 0.89995 rounds up to it, so 899.95 points.
    expect(agencyCard(tinyDoc(ranking), 'D', { classes })!.nextClass).toMatchObject({ class: { code: 'tot' }, points: 99.95, reachable: true });
  });

  it('is nothing in the top class or without classes', () => {
    expect(agencyCard(tinyDoc(ranking), 'A', { classes })!.nextClass).toBeNull();
    expect(agencyCard(tinyDoc(ranking), 'D')!.nextClass).toBeNull();
  });

  it('leads an agency without a class to the lowest class', () => {
    const doc = tinyDoc([{ code: 'X', points: 700.4, rank: 1 }]);
    expect(agencyCard(doc, 'X', { classes })!.nextClass).toMatchObject({ class: { code: 'kha' }, points: 99.55 });
  });
});

describe('the points an agency lost', () => {
  it('lists leaves by what they could gain, largest first, ties in the framework order, none at full points', () => {
    const leaves = [
      leaf('1.1', 10, 20),
      leaf('1.2', 15, 20),
      leaf('1.3', 0, 5, { status: 'given-above' }),
      leaf('2.1', 20, 30),
      leaf('2.2', 10, 10),
    ];
    const card = agencyCard(tinyDoc([{ code: 'A', points: 55, rank: 1, leaves }]), 'A')!;
    expect(card.lost.map((l) => [l.code, l.main, l.lost])).toEqual([
      ['1.1', '1', 10],
      ['2.1', '2', 10],
      ['1.2', '1', 5],
    ]);
  });
});

describe('the points lost, computed in whole billionths', () => {
  it('are what decimal arithmetic gives, in the same order, for points of up to 9 decimals and for any other', () => {
    const value = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, p]) => n / 10 ** p),
      fc.double({ min: 0, max: 1000, noNaN: true }),
    );
    const leaves = fc.array(fc.tuple(value, value), { maxLength: 30 }).map((xs) => xs.map(([p, m], i) => leaf(`1.${i}`, p, m)));
    fc.assert(
      fc.property(leaves, fc.integer({ min: 0, max: 4 }), (ls, places) => {
        const expected = ls
          .map((l, order) => ({ l, order, lost: dec(l.maxPoints).minus(dec(l.points)) }))
          .filter((x) => x.lost.greaterThan(0))
          .sort((x, y) => y.lost.comparedTo(x.lost) || x.order - y.order)
          .map((x) => [x.l.code, toNumber(x.lost, places)]);
        expect(lostByLeaf(ls, places).map((x) => [x.l.code, x.lost])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the card', () => {
  it('sets each main indicator against the group median and best', () => {
    const doc = tinyDoc([
      { code: 'A', points: 900, rank: 1, indicators: [480, 420] },
      { code: 'B', points: 800, rank: 2, indicators: [400, 400] },
      { code: 'C', points: 600, rank: 3, indicators: [250, 350] },
    ]);
    expect(agencyCard(doc, 'B')!.indicators.map((i) => [i.code, i.index, i.median, i.best])).toEqual([
      ['1', 0.8, 0.8, 0.96],
      ['2', 0.8, 0.8, 0.84],
    ]);
  });

  it('lists the council adjustments with their reasons', () => {
    const leaves = [leaf('1.1', 5, 20, { computedPoints: 20, appraisal: { reason: 'one minute only', reviewer: 'Team 1', loc: {} } })];
    const card = agencyCard(tinyDoc([{ code: 'A', points: 5, rank: 1, leaves }]), 'a')!;
    expect(card.adjustments).toEqual([{ leaf: '1.1', computedPoints: 20, points: 5, change: -15, reason: 'one minute only', reviewer: 'Team 1' }]);
  });

  it('keeps the issues found in the agency submission, and no one else', () => {
    const doc = tinyDoc([
      { code: 'A', points: 5, rank: 1, leaves: [leaf('1.1', 5, 20, { sources: [{ file: 'all.csv', row: 3 }] })] },
      { code: 'B', points: 5, rank: 1, leaves: [leaf('1.1', 5, 20, { sources: [{ file: 'all.csv', row: 4 }] })] },
    ]);
    doc.issues.push(
      { severity: 'warning', code: 'W_X', file: 'all.csv', row: 3, message: 'about A' },
      { severity: 'warning', code: 'W_X', file: 'all.csv', row: 4, message: 'about B' },
      { severity: 'error', code: 'E_Y', file: 'A.xlsx', message: 'in A workbook' },
    );
    expect(agencyCard(doc, 'A')!.issues.map((i) => i.message)).toEqual(['about A', 'in A workbook']);
  });
});

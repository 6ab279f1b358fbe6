import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nearestRank, sensitivity } from '../../src/analysis/sensitivity.js';
import { resultsSchema } from '../../src/results/schema.js';
import { leaf, tinyDoc } from './doc.js';

// A and B tie on 900 points with opposite strengths; C is 20 points behind, stronger on the first indicator; D far behind.
const close = tinyDoc([
  { code: 'A', points: 900, rank: 1, indicators: [480, 420] },
  { code: 'B', points: 900, rank: 1, indicators: [420, 480] },
  { code: 'C', points: 880, rank: 3, indicators: [500, 380] },
  { code: 'D', points: 500, rank: 4, indicators: [250, 250] },
]);

describe('rank sensitivity to the main-indicator weights', () => {
  it('gives, for seed 7 and 200 runs within ±20 %, these median ranks and 5–95 % intervals', () => {
    const s = sensitivity(close, { runs: 200, seed: 7, spread: 0.2 });
    expect(s.groups[0]!.agencies.map((a) => [a.code, a.rank, a.median, a.p5, a.p95, a.best, a.worst])).toEqual([
      // A leads when the first indicator weighs more, B when the second does: a coin toss for rank 1.
      ['A', 1, 2, 1, 2, 1, 2],
      ['B', 1, 1, 1, 3, 1, 3],
      // C passes B only when the first indicator weighs over 1.25 times the second.
      ['C', 3, 3, 2, 3, 2, 3],
      ['D', 4, 4, 4, 4, 4, 4],
    ]);
  });

  it('gives the same output for the same seed and another for another seed', () => {
    const one = sensitivity(close, { runs: 200, seed: 7, spread: 0.2 });
    expect(sensitivity(close, { runs: 200, seed: 7, spread: 0.2 })).toEqual(one);
    expect(sensitivity(close, { runs: 200, seed: 9, spread: 0.2 }).groups[0]!.agencies).not.toEqual(one.groups[0]!.agencies);
  });

  it('reproduces the published ranks of the 2023 sample when the weights do not vary', () => {
    const doc = resultsSchema.parse(JSON.parse(readFileSync('fixtures/khanh-hoa-2023/results-2023.json', 'utf8')));
    const s = sensitivity(doc, { runs: 3, seed: 1, spread: 0 });
    const ranked = s.groups.flatMap((g) => g.agencies);
    expect(ranked.length).toBeGreaterThan(20);
    for (const a of ranked) expect([a.median, a.p5, a.p95]).toEqual([a.rank, a.rank, a.rank]);
  });

  it('takes quantiles by the nearest rank, so they are ranks', () => {
    const ranks = [1, 1, 2, 2, 2, 3, 3, 3, 3, 5];
    expect([nearestRank(ranks, 0.05), nearestRank(ranks, 0.5), nearestRank(ranks, 0.95)]).toEqual([1, 2, 5]);
  });
});

describe('the appraisal council adjustments reverted one at a time', () => {
  it('lists a decision that moved ranks with the ranks it moved, and one that moved none with none', () => {
    const doc = tinyDoc([
      { code: 'A', points: 900, rank: 1 },
      // The council took 60 points from B (840 computed as 900): reverted, B would tie with A.
      { code: 'B', points: 840, rank: 2, leaves: [leaf('1.1', 0, 60, { computedPoints: 60, appraisal: { reason: 'no evidence', loc: {} } })] },
      { code: 'C', points: 800, rank: 3, leaves: [leaf('1.2', 10, 20, { computedPoints: 15, appraisal: { reason: 'partly', reviewer: 'T2', loc: {} } })] },
    ]);
    const adj = sensitivity(doc, { runs: 1, seed: 1, spread: 0 }).groups[0]!.adjustments;
    expect(adj).toEqual([
      { agency: 'B', name: 'Agency B', leaf: '1.1', points: 0, computedPoints: 60, reason: 'no evidence', moves: [{ code: 'B', name: 'Agency B', rank: 2, rankWithout: 1 }] },
      { agency: 'C', name: 'Agency C', leaf: '1.2', points: 10, computedPoints: 15, reason: 'partly', reviewer: 'T2', moves: [] },
    ]);
  });
});

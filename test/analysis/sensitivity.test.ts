import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, sensitivity } from '../../src/analysis/sensitivity.js';
import { resultsSchema } from '../../src/results/schema.js';
import { publishedKey, rankRun, scratchFor } from '../../src/analysis/weighted-ranks.js';
import { leaf, tinyDoc } from './doc.js';
import { referenceSensitivity } from './sensitivity-reference.js';

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

describe('the fast ranking of the runs against the exact decimal computation', () => {
  it('keeps agencies with equal profiles tied in every run', () => {
    const doc = tinyDoc([
      { code: 'A', points: 900, rank: 1, indicators: [480, 420] },
      { code: 'B', points: 880, rank: 2, indicators: [430, 450] },
      { code: 'C', points: 880, rank: 2, indicators: [430, 450] },
      { code: 'D', points: 800, rank: 4, indicators: [400, 400] },
    ]);
    for (const ties of ['published', 'exact'] as const) {
      const [, b, c] = sensitivity({ ...doc, framework: { ...doc.framework, ties } }, { runs: 300, seed: 3, spread: 0.5 }).groups[0]!.agencies;
      expect([b!.best, b!.median, b!.worst]).toEqual([c!.best, c!.median, c!.worst]);
    }
  });

  it('rounds an index lying exactly on a half up, where doubles fall just below it', () => {
    // 1851/20000 = 0.09255 exactly, but 0.09255 · 10^4 is 925.4999999999999 in doubles; the published value is 0.0926.
    expect((1851 / 20000) * 1e4).toBeLessThan(925.5);
    expect(publishedKey(1851, 20000, 1e4, 4)).toBe(926);
    expect(publishedKey(1850, 20000, 1e4, 4)).toBe(925);
    expect(publishedKey(-1851, 20000, 1e4, 4)).toBe(-926);
  });

  it('tells apart, on the exact value, two indices that are the same double', () => {
    // 1501199875790166 / 4503599627370497 and 1501199875790167 / 4503599627370500 are one double; the first is the larger.
    expect(1501199875790166 / 4503599627370497).toBe(1501199875790167 / 4503599627370500);
    const scope = { n: 3, k: 1, points: Float64Array.of(1501199875790167, 1501199875790166, 1501199875790166), max: Float64Array.of(4503599627370500, 4503599627370497, 4503599627370497) };
    const ranks = new Int32Array(3);
    rankRun(scope, Float64Array.of(1), 0, 'exact', 4, scratchFor(3), ranks, 1, 0);
    expect([...ranks]).toEqual([3, 1, 1]);
  });

  it('ties two agencies whose published values are equal only after exact rounding', () => {
    // 123.45 and 123.46 of 1000: 0.12345 rounds half up to 0.1235, the same as 0.12346, so they tie on the published value.
    const doc = tinyDoc([
      { code: 'A', points: 123.46, rank: 1, indicators: [61.73, 61.73] },
      { code: 'B', points: 123.45, rank: 1, indicators: [61.72, 61.73] },
    ]);
    const s = sensitivity(doc, { runs: 5, seed: 1, spread: 0 });
    expect(s.groups[0]!.agencies.map((a) => [a.code, a.best, a.worst])).toEqual([['A', 1, 1], ['B', 1, 1]]);
    const exact = sensitivity({ ...doc, framework: { ...doc.framework, ties: 'exact' } }, { runs: 5, seed: 1, spread: 0 });
    expect(exact.groups[0]!.agencies.map((a) => [a.code, a.best, a.worst])).toEqual([['A', 1, 1], ['B', 2, 2]]);
  });

  it('gives what ranking every run in exact decimals gives, on random small groups', () => {
    // Points in hundredths (some on the half of the published value), equal profiles, council
    // decisions, and now and then a published rank that the points do not give.
    const points = fc.integer({ min: 0, max: 50_000 }).map((x) => x / 100);
    const agency = fc.record({
      one: points,
      two: points,
      twin: fc.boolean(),
      adjust: fc.option(fc.record({ points: fc.integer({ min: 0, max: 2000 }).map((x) => x / 100), computed: fc.integer({ min: 0, max: 2000 }).map((x) => x / 100) })),
    });
    const arbitrary = fc.record({
      agencies: fc.array(agency, { minLength: 1, maxLength: 9 }),
      ties: fc.constantFrom('published' as const, 'exact' as const),
      spread: fc.constantFrom(0, 0.05, 0.2, 0.6),
      seed: fc.integer({ min: 0, max: 1000 }),
      runs: fc.integer({ min: 1, max: 25 }),
      scramble: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitrary, ({ agencies, ties, spread, seed, runs, scramble }) => {
        const rows = agencies.flatMap((a, i) => {
          const one = { code: `A${i}`, one: a.one, two: a.two, adjust: a.adjust };
          return a.twin ? [one, { ...one, code: `T${i}`, adjust: null }] : [one];
        });
        const total = (r: (typeof rows)[number]) => Math.round((r.one + r.two) * 100) / 100;
        const sorted = [...rows].sort((x, y) => total(y) - total(x));
        const doc = tinyDoc(
          rows.map((r, i) => ({
            code: r.code,
            points: total(r),
            // The published rank: by points (ties share), or for a scrambled document the row's position.
            rank: scramble ? i + 1 : 1 + sorted.filter((x) => total(x) > total(r)).length,
            indicators: [r.one, r.two] as [number, number],
            leaves: r.adjust ? [leaf('1.1', r.adjust.points, 20, { computedPoints: r.adjust.computed, appraisal: { reason: 'r', loc: {} } })] : [],
          })),
          { ties },
        );
        const options = { runs, seed, spread };
        expect(sensitivity(doc, options)).toEqual(referenceSensitivity(doc, options));
      }),
      { numRuns: 150 },
    );
  });
});

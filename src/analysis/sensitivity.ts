import { seededRandom } from '../core/random.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';
import { revertedAdjustments } from './reverted.js';
import { groupScope, rankedScopes, type ScopeOf } from './scope.js';
import { rankRun, scratchFor, type WeightedScope } from './weighted-ranks.js';

/**
 * How much each agency's rank depends on choices that could reasonably differ (the
 * uncertainty analysis of COINr and ProMCDA, on the results document):
 *
 * - weights: each main indicator's weight (its max points) is multiplied, in every run, by a
 *   factor drawn uniformly from [1 − spread, 1 + spread], the same factor for every agency;
 *   the agency's index becomes Σ factor·points / Σ factor·max, and the ranks are recomputed as
 *   the framework ranks (same scope, ties on the published or exact value). Each agency gets its
 *   median rank and its 5–95 % interval over the runs.
 * - adjustments: each of the appraisal council's decisions is reverted alone (the leaf gets back
 *   the points the rules gave the agency's inputs) and the ranks are recomputed; a decision that
 *   moves anyone is listed with the ranks it moved. Only the agency's own total changes: a leaf
 *   scored relative to the group's best would also move its peers, which this does not model.
 *
 * Pure and deterministic for a seed (the project's seeded generator, no clock, no Math.random).
 */
export interface SensitivityOptions {
  /** Monte Carlo runs (≥ 1). */
  readonly runs: number;
  readonly seed: number;
  /** Half-width of the weight factor's range: 0.2 → each weight × U(0.8, 1.2). In [0, 1). */
  readonly spread: number;
  /** The framework's rank scope (group, or parent unit); the group by default. */
  readonly scopeOf?: ScopeOf;
}

export interface RankInterval {
  readonly code: string;
  readonly name: string;
  /** The published rank. */
  readonly rank: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
  /** Best and worst rank seen in any run. */
  readonly best: number;
  readonly worst: number;
}

export interface RankMove {
  readonly code: string;
  readonly name: string;
  readonly rank: number;
  readonly rankWithout: number;
}

export interface AdjustmentEffect {
  readonly agency: string;
  readonly name: string;
  readonly leaf: string;
  /** The council's points, and what the rules gave the agency's inputs. */
  readonly points: number;
  readonly computedPoints: number;
  readonly reason: string;
  readonly reviewer?: string;
  /** Ranks that change when this decision alone is reverted; empty when none does. */
  readonly moves: readonly RankMove[];
}

export interface GroupSensitivity {
  readonly id: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly agencies: readonly RankInterval[];
  readonly adjustments: readonly AdjustmentEffect[];
}

export interface Sensitivity {
  readonly runs: number;
  readonly seed: number;
  readonly spread: number;
  /** Main-indicator codes whose weights were varied, in the order factors are drawn. */
  readonly indicators: readonly string[];
  readonly groups: readonly GroupSensitivity[];
}

/** The q-quantile of sorted integers by the nearest-rank method (the value at ⌈q·n⌉), so ranks stay whole. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function sensitivity(doc: ResultsDoc, options: SensitivityOptions): Sensitivity {
  const { runs, seed, spread } = options;
  const scopeOf = options.scopeOf ?? groupScope;
  const codes = [...new Set(doc.groups.flatMap((g) => g.agencies.flatMap((a) => a.indicators.map((i) => i.code))))];
  const column = new Map(codes.map((c, i) => [c, i]));
  const k = codes.length;

  // Factors for every run, drawn in a fixed order (run, then indicator) so a seed names one
  // experiment; held in millionths so the weighted sums are exact integers (points are scaled
  // to integers at the points precision), and only the final quotient is a fraction.
  const random = seededRandom(seed);
  const factors = new Float64Array(runs * k);
  for (let r = 0; r < runs; r++) {
    for (let c = 0; c < k; c++) factors[r * k + c] = Math.round(1e6 * (1 + spread * (2 * random() - 1)));
  }
  const scale = 10 ** doc.framework.precision.points;

  const groups = doc.groups.map((g): GroupSensitivity => {
    const scopes = [...rankedScopes(g, scopeOf).values()];
    const seen = new Map<AgencyJson, Int32Array>();
    for (const members of scopes) {
      const n = members.length;
      const points = new Float64Array(n * k);
      const max = new Float64Array(n * k);
      members.forEach((a, j) => {
        for (const i of a.indicators) {
          const c = j * k + column.get(i.code)!;
          points[c] = points[c]! + Math.round(i.points * scale);
          max[c] = max[c]! + Math.round(i.maxPoints * scale);
        }
      });
      const scope: WeightedScope = { n, k, points, max };
      // Ranks by agency, then run: each agency's runs are one slice to sort.
      const ranks = new Int32Array(n * runs);
      const scratch = scratchFor(n);
      for (let r = 0; r < runs; r++) rankRun(scope, factors, r * k, doc.framework.ties, doc.framework.precision.index, scratch, ranks, runs, r);
      members.forEach((a, j) => seen.set(a, ranks.subarray(j * runs, (j + 1) * runs).sort()));
    }
    const agencies = g.agencies
      .filter((a) => a.rank !== null)
      .map((a): RankInterval => {
        const ranks = seen.get(a)!;
        return {
          code: a.code,
          name: a.name,
          rank: a.rank!,
          median: nearestRank(ranks, 0.5),
          p5: nearestRank(ranks, 0.05),
          p95: nearestRank(ranks, 0.95),
          best: ranks[0]!,
          worst: ranks[ranks.length - 1]!,
        };
      });
    const adjustments = scopes.flatMap((members) => revertedAdjustments(doc, members));
    return { id: g.id, name: g.name, agencies, adjustments };
  });
  return { runs, seed, spread, indicators: codes, groups };
}

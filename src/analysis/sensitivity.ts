import { Decimal, dec, toNumber } from '../core/decimal.js';
import { seededRandom } from '../core/random.js';
import { competitionRanks } from '../engine/rank.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';
import { exactIndex, groupScope, rankedScopes, tieKeyOf, type ScopeOf } from './scope.js';

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
export function nearestRank(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function sensitivity(doc: ResultsDoc, options: SensitivityOptions): Sensitivity {
  const { runs, seed, spread } = options;
  const scopeOf = options.scopeOf ?? groupScope;
  const key = tieKeyOf(doc);
  const places = doc.framework.precision.points;
  const codes = [...new Set(doc.groups.flatMap((g) => g.agencies.flatMap((a) => a.indicators.map((i) => i.code))))];

  // Factors for every run, drawn in a fixed order (run, then indicator) so a seed names one
  // experiment; held in millionths so the weighted sums are exact integers (points are scaled
  // to integers at the points precision), and only the final quotient is a decimal.
  const random = seededRandom(seed);
  const factors: Map<string, number>[] = [];
  for (let r = 0; r < runs; r++) {
    const row = new Map<string, number>();
    for (const c of codes) row.set(c, Math.round(1e6 * (1 + spread * (2 * random() - 1))));
    factors.push(row);
  }
  const scale = 10 ** places;
  const scaled = new Map<AgencyJson, { code: string; points: number; max: number }[]>();
  for (const g of doc.groups) {
    for (const a of g.agencies) scaled.set(a, a.indicators.map((i) => ({ code: i.code, points: Math.round(i.points * scale), max: Math.round(i.maxPoints * scale) })));
  }

  const groups = doc.groups.map((g): GroupSensitivity => {
    const scopes = [...rankedScopes(g, scopeOf).values()];
    const seen = new Map<AgencyJson, number[]>();
    for (const row of factors) {
      for (const members of scopes) {
        const ranks = competitionRanks(members, (a) => {
          let num = 0;
          let den = 0;
          for (const i of scaled.get(a)!) {
            num += row.get(i.code)! * i.points;
            den += row.get(i.code)! * i.max;
          }
          return key(exactIndex(new Decimal(num), new Decimal(den)));
        });
        for (const [a, rank] of ranks) {
          const list = seen.get(a);
          if (list) list.push(rank);
          else seen.set(a, [rank]);
        }
      }
    }
    const agencies = g.agencies
      .filter((a) => a.rank !== null)
      .map((a): RankInterval => {
        const ranks = [...(seen.get(a) ?? [])].sort((x, y) => x - y);
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

    const adjustments: AdjustmentEffect[] = [];
    for (const members of scopes) {
      for (const a of members) {
        for (const leaf of a.leaves) {
          if (!leaf.appraisal || leaf.computedPoints === undefined) continue;
          const delta = dec(leaf.computedPoints).minus(dec(leaf.points));
          const ranks = competitionRanks(members, (m) => key(exactIndex(dec(m.points).plus(m === a ? delta : 0), dec(m.maxPoints))));
          const moves = members
            .filter((m) => ranks.get(m) !== m.rank)
            .map((m) => ({ code: m.code, name: m.name, rank: m.rank!, rankWithout: ranks.get(m)! }))
            .sort((x, y) => x.rank - y.rank || (x.code < y.code ? -1 : 1));
          adjustments.push({
            agency: a.code,
            name: a.name,
            leaf: leaf.code,
            points: toNumber(dec(leaf.points), places),
            computedPoints: toNumber(dec(leaf.computedPoints), places),
            reason: leaf.appraisal.reason,
            ...(leaf.appraisal.reviewer ? { reviewer: leaf.appraisal.reviewer } : {}),
            moves,
          });
        }
      }
    }
    return { id: g.id, name: g.name, agencies, adjustments };
  });
  return { runs, seed, spread, indicators: codes, groups };
}

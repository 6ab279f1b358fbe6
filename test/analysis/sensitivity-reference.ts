import { Decimal, dec, toNumber } from '../../src/core/decimal.js';
import { seededRandom } from '../../src/core/random.js';
import { competitionRanks } from '../../src/engine/rank.js';
import { nearestRank, type Sensitivity, type SensitivityOptions } from '../../src/analysis/sensitivity.js';
import { exactIndex, groupScope, rankedScopes, tieKeyOf } from '../../src/analysis/scope.js';
import type { AgencyJson, ResultsDoc } from '../../src/results/schema.js';

/**
 * The sensitivity analysis the plain way, as it was first written: every run re-ranks every
 * scope with exact decimals, and every reverted decision re-ranks its scope. Slow (n² and a
 * decimal division per agency per run), obviously right; the fast implementation must agree.
 */
export function referenceSensitivity(doc: ResultsDoc, options: SensitivityOptions): Sensitivity {
  const { runs, seed, spread } = options;
  const scopeOf = options.scopeOf ?? groupScope;
  const key = tieKeyOf(doc);
  const places = doc.framework.precision.points;
  const codes = [...new Set(doc.groups.flatMap((g) => g.agencies.flatMap((a) => a.indicators.map((i) => i.code))))];
  const random = seededRandom(seed);
  const factors: Map<string, number>[] = [];
  for (let r = 0; r < runs; r++) {
    const row = new Map<string, number>();
    for (const c of codes) row.set(c, Math.round(1e6 * (1 + spread * (2 * random() - 1))));
    factors.push(row);
  }
  const scale = 10 ** places;
  const groups = doc.groups.map((g) => {
    const scopes = [...rankedScopes(g, scopeOf).values()];
    const seen = new Map<AgencyJson, number[]>();
    for (const row of factors) {
      for (const members of scopes) {
        const ranks = competitionRanks(members, (a) => {
          let num = 0;
          let den = 0;
          for (const i of a.indicators) {
            num += row.get(i.code)! * Math.round(i.points * scale);
            den += row.get(i.code)! * Math.round(i.maxPoints * scale);
          }
          return key(exactIndex(new Decimal(num), new Decimal(den)));
        });
        for (const [a, rank] of ranks) seen.set(a, [...(seen.get(a) ?? []), rank]);
      }
    }
    const agencies = g.agencies
      .filter((a) => a.rank !== null)
      .map((a) => {
        const ranks = [...(seen.get(a) ?? [])].sort((x, y) => x - y);
        return { code: a.code, name: a.name, rank: a.rank!, median: nearestRank(ranks, 0.5), p5: nearestRank(ranks, 0.05), p95: nearestRank(ranks, 0.95), best: ranks[0]!, worst: ranks[ranks.length - 1]! };
      });
    const adjustments = [];
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

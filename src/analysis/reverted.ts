import { Decimal, dec, toNumber } from '../core/decimal.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';
import { exactIndex, tieKeyOf } from './scope.js';
import type { AdjustmentEffect, RankMove } from './sensitivity.js';

/**
 * The appraisal council's decisions reverted one at a time, in one rank scope: the leaf gets back
 * the points the rules gave, only that agency's total changes, and the ranks are recomputed.
 *
 * Reverting moves one agency's value, so only the agencies whose values lie between its old and
 * new value change rank (by one); the rest keep their rank. The values are sorted once (exact
 * decimals) and each decision costs two binary searches plus the ranks it moves, instead of
 * re-ranking the whole scope.
 */
export function revertedAdjustments(doc: ResultsDoc, members: readonly AgencyJson[]): AdjustmentEffect[] {
  const appraised = members.some((a) => a.leaves.some((l) => l.appraisal && l.computedPoints !== undefined));
  if (!appraised) return [];
  const key = tieKeyOf(doc);
  const places = doc.framework.precision.points;
  const keys = new Map<AgencyJson, Decimal>(members.map((m) => [m, key(exactIndex(dec(m.points), dec(m.maxPoints)))]));
  // Best first: the agencies and their values; for a value, how many are greater (or not less).
  const order = [...members].sort((x, y) => keys.get(y)!.comparedTo(keys.get(x)!));
  const sorted = order.map((m) => keys.get(m)!);
  const greater = (v: Decimal) => countWhile(sorted, (x) => x.greaterThan(v));
  const atLeast = (v: Decimal) => countWhile(sorted, (x) => x.greaterThanOrEqualTo(v));
  const base = new Map<AgencyJson, number>(members.map((m) => [m, 1 + greater(keys.get(m)!)]));
  // Agencies whose published rank is not the recomputed one (none when the document is consistent) stay listed as moved.
  const off = members.filter((m) => base.get(m) !== m.rank);

  const out: AdjustmentEffect[] = [];
  for (const a of members) {
    for (const leaf of a.leaves) {
      if (!leaf.appraisal || leaf.computedPoints === undefined) continue;
      const delta = dec(leaf.computedPoints).minus(dec(leaf.points));
      const before = keys.get(a)!;
      const after = key(exactIndex(dec(a.points).plus(delta), dec(a.maxPoints)));
      const ranks = new Map<AgencyJson, number>();
      // Its own rank among the others: those above its new value, less itself if it was above.
      ranks.set(a, 1 + greater(after) - (before.greaterThan(after) ? 1 : 0));
      // The others whose value lies between: each one more or one fewer agency above it.
      const [low, high] = before.lessThan(after) ? [before, after] : [after, before];
      for (let i = atLeast(high), end = atLeast(low); i < end; i++) {
        const m = order[i]!;
        if (m === a) continue;
        const v = keys.get(m)!;
        ranks.set(m, base.get(m)! - (before.greaterThan(v) ? 1 : 0) + (after.greaterThan(v) ? 1 : 0));
      }
      const moved = new Set<AgencyJson>(off.filter((m) => !ranks.has(m)));
      for (const [m, r] of ranks) if (r !== m.rank) moved.add(m);
      const moves: RankMove[] = [...moved]
        .map((m) => ({ code: m.code, name: m.name, rank: m.rank!, rankWithout: ranks.get(m) ?? base.get(m)! }))
        .sort((x, y) => x.rank - y.rank || (x.code < y.code ? -1 : 1));
      out.push({
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
  return out;
}

/** In values sorted best first: how many from the start pass the test (a binary search; the test must hold on a prefix). */
function countWhile(sorted: readonly Decimal[], test: (x: Decimal) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

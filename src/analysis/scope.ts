import { Decimal, roundTo } from '../core/decimal.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';

/**
 * What the analyses over a results document (cards, sensitivity) share: which agencies are
 * ranked against each other, and the value ties are judged on. The document does not carry
 * the framework's rank scope, so the caller passes it (from the framework model) when known;
 * by default a group is one scope.
 */
export type ScopeOf = (agency: AgencyJson) => string;

export const groupScope: ScopeOf = (a) => a.group;

/** The exact index from the document's points (points are exact at the points precision). */
export function exactIndex(points: Decimal, maxPoints: Decimal): Decimal {
  return maxPoints.isZero() ? new Decimal(0) : points.dividedBy(maxPoints);
}

/** The value a rank is decided on: the published (rounded) index or the exact one, as the framework says. */
export function tieKeyOf(doc: ResultsDoc): (index: Decimal) => Decimal {
  const places = doc.framework.precision.index;
  return doc.framework.ties === 'published' ? (x) => roundTo(x, places) : (x) => x;
}

/** The agencies of a group that hold a rank, by scope. */
export function rankedScopes(group: ResultsDoc['groups'][number], scopeOf: ScopeOf): Map<string, AgencyJson[]> {
  const out = new Map<string, AgencyJson[]>();
  for (const a of group.agencies) {
    if (a.rank === null) continue;
    const key = scopeOf(a);
    const list = out.get(key);
    if (list) list.push(a);
    else out.set(key, [a]);
  }
  return out;
}

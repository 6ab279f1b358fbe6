import { Decimal, dec, roundTo, toNumber } from '../core/decimal.js';
import type { Comparison } from '../compare/schema.js';
import type { AgencyJson, IssueJson, ResultsDoc } from '../results/schema.js';
import { comparedRow, indicatorStats, issuesOf, ladderOf, lookupAgency, rankAhead } from './card-index.js';
import { exactIndex, groupScope, type ScopeOf } from './scope.js';

/**
 * An agency's report card ("phiếu kết quả"): what the Department writes to each agency after
 * publication, computed from the results document. Pure; the HTML card, the report and
 * summary.md only lay it out.
 */
type Localized = { readonly vi: string; readonly en: string };

/** A class as the framework defines it: the lowest published index that earns it. */
export interface ClassBand {
  readonly code: string;
  readonly name: Localized;
  readonly min: number;
}

export interface CardOptions {
  /** The framework's classes; without them there is no next class to reach. */
  readonly classes?: readonly ClassBand[];
  /** This year against last year, for the change since last year. */
  readonly comparison?: Comparison;
  readonly scopeOf?: ScopeOf;
  /** Leaf names and the main indicator each leaf belongs to, from the framework when it is at hand. */
  readonly leaf?: (code: string) => { name?: Localized; main?: string } | undefined;
}

export interface CardIndicator {
  readonly code: string;
  readonly name: Localized;
  readonly points: number;
  readonly maxPoints: number;
  readonly index: number;
  readonly rank: number | null;
  /** The group's median and best index of this main indicator (over the agencies that have it). */
  readonly median: number;
  readonly best: number;
}

export interface LostPoints {
  readonly code: string;
  readonly name?: Localized;
  /** The main indicator the leaf belongs to. */
  readonly main?: string;
  readonly points: number;
  readonly maxPoints: number;
  /** maxPoints − points: what the agency could still gain on this leaf. */
  readonly lost: number;
}

export interface NextRank {
  /** The rank it would take: that of the agency(ies) just ahead, which it must pass strictly. */
  readonly rank: number;
  readonly ahead: readonly { readonly code: string; readonly name: string }[];
  /** The fewest points (in steps of the points precision) that put it strictly above them. */
  readonly points: number;
  /** False when that is more than the points it lost: the next rank cannot be reached on its own. */
  readonly reachable: boolean;
}

export interface NextClass {
  readonly class: ClassBand;
  readonly points: number;
  readonly reachable: boolean;
}

export interface AgencyCard {
  readonly group: { readonly id: string; readonly name: Localized; readonly ranked: boolean };
  readonly agency: AgencyJson;
  /** Agencies ranked in its scope (the "of 20" of "rank 3 of 20"). */
  readonly rankedCount: number;
  /** Whether the framework's classes were at hand (without them, no class can be called the top one). */
  readonly classesKnown: boolean;
  readonly previous: { readonly index: number; readonly rank: number | null; readonly indexChange: number | null; readonly rankChange: number | null } | null;
  readonly indicators: readonly CardIndicator[];
  readonly lost: readonly LostPoints[];
  /** Null when the agency is first or not ranked. */
  readonly nextRank: NextRank | null;
  /** Null when it holds the top class or the framework has no classes. */
  readonly nextClass: NextClass | null;
  readonly adjustments: readonly { readonly leaf: string; readonly computedPoints: number; readonly points: number; readonly change: number; readonly reason: string; readonly reviewer?: string }[];
  readonly issues: readonly IssueJson[];
}

/** Finds an agency by code (any case) in the document: the first one when several share it. */
export function findAgency(doc: ResultsDoc, code: string): { group: ResultsDoc['groups'][number]; agency: AgencyJson } | undefined {
  return lookupAgency(doc, code);
}

export function agencyCard(doc: ResultsDoc, code: string, options: CardOptions = {}): AgencyCard | undefined {
  const found = findAgency(doc, code);
  return found ? agencyCardOf(doc, found.group, found.agency, options) : undefined;
}

/** The card of an agency of the document's group (when the caller holds it already, as the report does for every agency). */
export function agencyCardOf(doc: ResultsDoc, group: ResultsDoc['groups'][number], a: AgencyJson, options: CardOptions = {}): AgencyCard {
  const { points: pp, index: ip } = doc.framework.precision;
  const pts = (d: Decimal) => toNumber(d, pp);
  const step = new Decimal(10).pow(-pp);

  const indicators = a.indicators.map((i): CardIndicator => {
    const stats = indicatorStats(doc, group, i.code);
    return { code: i.code, name: i.name, points: i.points, maxPoints: i.maxPoints, index: i.index, rank: i.rank, median: toNumber(stats.median, ip), best: toNumber(stats.best, ip) };
  });

  const mains = a.indicators.map((i) => i.code);
  const mainOf = (leaf: string) => options.leaf?.(leaf)?.main ?? mains.filter((m) => leaf === m || leaf.startsWith(m + '.')).sort((x, y) => y.length - x.length)[0];
  const lost = lostByLeaf(a.leaves, pp).map(({ l, lost: d }): LostPoints => {
    const name = options.leaf?.(l.code)?.name;
    const main = mainOf(l.code);
    return { code: l.code, ...(name ? { name } : {}), ...(main ? { main } : {}), points: l.points, maxPoints: l.maxPoints, lost: d };
  });
  const lostTotal = dec(a.maxPoints).minus(dec(a.points));

  const cmp = options.comparison ? comparedRow(options.comparison, a) : undefined;
  const previous = cmp?.previous ? { index: cmp.previous.index, rank: cmp.previous.rank, indexChange: cmp.indexChange, rankChange: cmp.rankChange } : null;

  return {
    group: { id: group.id, name: group.name, ranked: group.ranked },
    agency: a,
    rankedCount: a.rank === null ? 0 : (ladderOf(doc, group, options.scopeOf ?? groupScope, a)?.count ?? 0),
    classesKnown: (options.classes ?? []).length > 0,
    previous,
    indicators,
    lost,
    nextRank: nextRank(doc, group, a, options.scopeOf ?? groupScope, step, lostTotal),
    nextClass: nextClass(doc, a, options.classes ?? [], step, lostTotal),
    adjustments: a.leaves
      .filter((l) => l.appraisal !== undefined)
      .map((l) => {
        const computed = l.computedPoints ?? l.points;
        return {
          leaf: l.code,
          computedPoints: computed,
          points: l.points,
          change: pts(dec(l.points).minus(dec(computed))),
          reason: l.appraisal!.reason,
          ...(l.appraisal!.reviewer ? { reviewer: l.appraisal!.reviewer } : {}),
        };
      }),
    issues: issuesOf(doc, a),
  };
}

/**
 * Points to the next rank. The agencies just ahead are those with the nearest better rank (several
 * when they tie); the next rank is theirs, taken by passing them strictly: with ties judged on
 * the published index, its rounded index must exceed theirs (so reach theirs + half a unit of
 * the last decimal, rounding half up); on the exact index, its index must exceed theirs. The
 * points come in steps of the points precision and are the fewest that do it.
 */
export function nextRank(doc: ResultsDoc, group: ResultsDoc['groups'][number], a: AgencyJson, scopeOf: ScopeOf, step: Decimal, lostTotal: Decimal): NextRank | null {
  if (a.rank === null || a.rank === 1) return null;
  const ladder = ladderOf(doc, group, scopeOf, a);
  const rank = ladder ? rankAhead(ladder, a.rank) : undefined;
  if (ladder === undefined || rank === undefined) return null;
  const ahead = ladder.holders.get(rank)!;
  const first = ahead[0]!;
  const P = dec(a.points);
  const M = dec(a.maxPoints);
  const theirs = exactIndex(dec(first.points), dec(first.maxPoints));
  const places = doc.framework.precision.index;
  let needed: Decimal;
  if (doc.framework.ties === 'published') {
    const target = roundTo(theirs, places).plus(new Decimal(10).pow(-places).dividedBy(2));
    needed = ceilToStep(target.times(M).minus(P), step);
  } else {
    // Strictly above: the smallest step count beyond the exact bound.
    needed = theirs.times(M).minus(P).dividedBy(step).floor().plus(1).times(step);
  }
  return {
    rank,
    ahead: ahead.map((m) => ({ code: m.code, name: m.name })),
    points: toNumber(needed, doc.framework.precision.points),
    reachable: needed.lessThanOrEqualTo(lostTotal),
  };
}

/** Points to the next class: its published (rounded half up) index must reach the class's minimum. */
export function nextClass(doc: ResultsDoc, a: AgencyJson, classes: readonly ClassBand[], step: Decimal, lostTotal: Decimal): NextClass | null {
  const sorted = [...classes].sort((x, y) => x.min - y.min);
  const currentMin = a.class ? (sorted.find((c) => c.code === a.class!.code)?.min ?? -1) : -1;
  const next = sorted.find((c) => c.min > currentMin && dec(a.index).lessThan(dec(c.min)));
  if (!next) return null;
  const places = doc.framework.precision.index;
  const min = dec(next.min).toDecimalPlaces(places, Decimal.ROUND_UP);
  const target = min.minus(new Decimal(10).pow(-places).dividedBy(2));
  const needed = Decimal.max(0, ceilToStep(target.times(dec(a.maxPoints)).minus(dec(a.points)), step));
  return { class: next, points: toNumber(needed, doc.framework.precision.points), reachable: needed.lessThanOrEqualTo(lostTotal) };
}

type Leaf = AgencyJson['leaves'][number];

/**
 * The leaves that lost points (max − points, exact), most first, ties in the framework's order;
 * each loss rounded at the points precision. Points with at most 9 decimals below a million are
 * exact integers of billionths, as their decimals are (the case of every results document, whose
 * points are rounded), so the work is integer arithmetic; any other value takes decimal.js.
 */
export function lostByLeaf(leaves: readonly Leaf[], places: number): { l: Leaf; lost: number }[] {
  const kept = leaves.filter((l) => l.status !== 'given-above');
  const nanos = (x: number) => {
    const n = Math.round(x * 1e9);
    return Math.abs(x) < 1e6 && n / 1e9 === x ? n : undefined;
  };
  const whole = kept.map((l) => [nanos(l.maxPoints), nanos(l.points)] as const);
  if (places <= 9 && whole.every(([m, p]) => m !== undefined && p !== undefined)) {
    const unit = 10 ** (9 - places);
    return kept
      .map((l, order) => ({ l, order, nanos: whole[order]![0]! - whole[order]![1]! }))
      .filter((x) => x.nanos > 0)
      .sort((x, y) => y.nanos - x.nanos || x.order - y.order)
      .map((x) => ({ l: x.l, lost: Math.floor((x.nanos + unit / 2) / unit) / 10 ** places }));
  }
  return kept
    .map((l, order) => ({ l, order, lost: dec(l.maxPoints).minus(dec(l.points)) }))
    .filter((x) => x.lost.greaterThan(0))
    .sort((x, y) => y.lost.comparedTo(x.lost) || x.order - y.order)
    .map((x) => ({ l: x.l, lost: toNumber(x.lost, places) }));
}

function ceilToStep(x: Decimal, step: Decimal): Decimal {
  return x.dividedBy(step).ceil().times(step);
}

export { issuesOf };

import { Decimal, ONE, ZERO, roundTo, sum } from '../core/decimal.js';
import type { FrameworkModel } from '../framework/model.js';
import type { AgencyGroup, ScoreClass } from '../framework/schema.js';
import type { AgencyScore } from './score.js';
import { scopeKey } from './scope.js';

/** A value with its rank: an agency's total, one main indicator, or one pillar. */
export interface RankedValue {
  readonly code: string;
  /** For the total: points of the scored indicators plus bonus minus penalty. */
  readonly points: Decimal;
  /** The agency's own max (over what applies to it). */
  readonly maxPoints: Decimal;
  /** Exact points / own max (the total's clamped to 0..1 when the framework says so). */
  readonly index: Decimal;
  /** Index at the framework's published precision. */
  readonly published: Decimal;
  /** Standard competition rank (1, 2, 2, 4) within the scope; undefined when not ranked. */
  readonly rank?: number;
}

export interface RankedAgency {
  readonly score: AgencyScore;
  readonly total: RankedValue;
  /** Main indicators and pillars with an own max above 0 (the others have no index: "—"). */
  readonly mains: readonly RankedValue[];
  readonly pillars: readonly RankedValue[];
  readonly class?: ScoreClass;
}

export interface RankedGroup {
  readonly group: AgencyGroup;
  /** Ordered by rank, ties by agency code; unranked agencies last, by index. */
  readonly agencies: readonly RankedAgency[];
}

/**
 * Ranks scored agencies within each group (or each parent unit), overall, per main indicator
 * and per pillar, by index: points ÷ the agency's own max, so agencies scored on different
 * indicators compare fairly. Bonus and penalty count in the total only. Ties share a rank and the
 * next is skipped; whether a tie is judged on the exact or the published value is the framework's
 * `ties` setting.
 */
export function rankScores(model: FrameworkModel, scores: readonly AgencyScore[]): RankedGroup[] {
  const fw = model.framework;
  const places = fw.precision.index;
  const value = (code: string, points: Decimal, maxPoints: Decimal, clamp = false): RankedValue => {
    let index = maxPoints.isZero() ? ZERO : points.dividedBy(maxPoints);
    if (clamp) index = Decimal.min(ONE, Decimal.max(ZERO, index));
    return { code, points, maxPoints, index, published: roundTo(index, places) };
  };
  const tieKey = (v: RankedValue) => (fw.ties === 'published' ? v.published : v.index);

  return fw.groups.map((group) => {
    const members = scores.filter((s) => s.agency.group === group.id);
    const mains = model.mainFor(group.id);
    const pillars = model.pillarsFor(group.id);
    const rows = members.map((s) => {
      const points = s.points.plus(s.bonusPoints).minus(s.penaltyPoints);
      const total = value(fw.id, points, s.maxPoints, fw.indexClamp);
      const ownMax = (m: (typeof mains)[number]) => s.nodes.get(m.code)?.maxPoints ?? model.maxFor(m, group.id);
      const mainValues = mains.map((m) => value(m.code, s.nodes.get(m.code)?.points ?? ZERO, ownMax(m))).filter((v) => !v.maxPoints.isZero());
      const pillarValues = pillars
        .map(({ pillar, mains: pm }) => value(pillar.code, sum(pm.map((m) => s.nodes.get(m.code)?.points ?? ZERO)), sum(pm.map(ownMax))))
        .filter((v) => !v.maxPoints.isZero());
      return { score: s, total, mains: mainValues, pillars: pillarValues };
    });

    const rankable = (r: (typeof rows)[number]) => group.ranked && r.score.complete;
    // Rank each measure within each scope.
    const scopes = new Map<string, typeof rows>();
    for (const r of rows.filter(rankable)) {
      const key = scopeKey(model, r.score.agency);
      scopes.set(key, [...(scopes.get(key) ?? []), r]);
    }
    const ranks = new Map<RankedValue, number>();
    const assign = (values: RankedValue[]) => {
      for (const [v, rank] of competitionRanks(values, tieKey)) ranks.set(v, rank);
    };
    // Each main indicator and pillar is ranked among the agencies it applies to.
    const byCode = (values: readonly RankedValue[], code: string) => values.find((v) => v.code === code);
    const among = (scope: typeof rows, pick: (r: (typeof rows)[number]) => RankedValue | undefined) =>
      scope.map(pick).filter((v): v is RankedValue => v !== undefined);
    for (const scope of scopes.values()) {
      assign(scope.map((r) => r.total));
      mains.forEach((m) => assign(among(scope, (r) => byCode(r.mains, m.code))));
      pillars.forEach(({ pillar }) => assign(among(scope, (r) => byCode(r.pillars, pillar.code))));
    }
    const withRank = (v: RankedValue): RankedValue => (ranks.has(v) ? { ...v, rank: ranks.get(v)! } : v);
    const agencies: RankedAgency[] = rows.map((r) => {
      const cls = classOf(model.classesFor(group.id), r.total.published);
      return {
        score: r.score,
        total: withRank(r.total),
        mains: r.mains.map(withRank),
        pillars: r.pillars.map(withRank),
        ...(cls ? { class: cls } : {}),
      };
    });
    // Tied agencies are listed by code, so the list never hints at an order the ranking does not make.
    agencies.sort(
      (a, b) =>
        (a.total.rank ?? Infinity) - (b.total.rank ?? Infinity) ||
        (a.total.rank === undefined ? b.total.index.comparedTo(a.total.index) : 0) ||
        (a.score.agency.code < b.score.agency.code ? -1 : a.score.agency.code > b.score.agency.code ? 1 : 0),
    );
    return { group, agencies };
  });
}

/** Standard competition ranking: sorted descending, equal keys share the rank, the next rank skips. */
export function competitionRanks<T>(items: readonly T[], key: (item: T) => Decimal): Map<T, number> {
  // Each item's key is computed once: a key can be costly (the sensitivity analysis computes an
  // index per call, a thousand times over), and a sort would ask for it 2·n·log n times.
  const keys = new Map(items.map((item) => [item, key(item)]));
  const keyOf = (item: T) => keys.get(item)!;
  const sorted = [...items].sort((a, b) => keyOf(b).comparedTo(keyOf(a)));
  const out = new Map<T, number>();
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    out.set(item, prev !== undefined && keyOf(prev).equals(keyOf(item)) ? out.get(prev)! : i + 1);
  });
  return out;
}

function classOf(classes: readonly ScoreClass[], published: Decimal): ScoreClass | undefined {
  return [...classes].sort((a, b) => b.min - a.min).find((c) => published.greaterThanOrEqualTo(new Decimal(c.min)));
}

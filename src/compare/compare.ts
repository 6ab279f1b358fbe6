import { dec, roundTo, sum, toNumber, type Decimal } from '../core/decimal.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { cleanText, headerKey } from '../core/text.js';
import { competitionRanks } from '../engine/rank.js';
import { looseCode } from './codes.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';
import type {
  AgencyComparison,
  CodeSetChange,
  Comparison,
  FrameworkChanges,
  GoneAgency,
  GoneGroup,
  GroupComparison,
  IndicatorComparison,
  MatchStatus,
  MatchedBy,
  MergeApplied,
  PreviousValues,
  UnitsMapPair,
} from './schema.js';

export interface CompareOptions {
  /** This year's code ← last year's codes, one pair each (readUnitsMap). Several pairs with one current code make a merge. */
  readonly unitsMap?: readonly UnitsMapPair[];
}

/** One of last year's agencies, with the group it was ranked in. */
interface Prior {
  readonly agency: AgencyJson;
  readonly group: string;
}

/** One of this year's agencies. */
interface Present {
  readonly agency: AgencyJson;
  readonly group: string;
}

interface Match {
  readonly sources: readonly Prior[];
  readonly by: MatchedBy;
  readonly status: MatchStatus;
}

/**
 * Compares this year's results with last year's. Pure: two results documents in, a Comparison out.
 *
 * Each of this year's agencies is matched to last year's by, in turn:
 *  1. the units map (this year's code ← last year's codes): several former units make a merged
 *     unit whose previous index is the plain mean of theirs ((0.8335 + 0.5803) / 2 = 0.7069),
 *     computed exactly and rounded at the index precision (I_UNITS_MERGED);
 *  2. its code (as given, then ignoring case and stray spaces);
 *  3. its name, folded (case, diacritics, punctuation), then without a leading unit type
 *     ("Sở", "UBND", "TP.", "H.", "TX." …) when that is still needed; a name match is a warning
 *     naming both codes (W_MATCHED_BY_NAME), and a name that fits several units matches none.
 * Last year's units left over are listed as gone. Where a group has a merged unit, last year's
 * ranks are recomputed among this year's units from their previous indices (competition ranking),
 * so that the rank change compares places in the same list.
 *
 * Main indicators are compared where the code exists in both years; the codes added and dropped
 * (and the leaves', when both documents carry leaves) are reported in `framework`.
 */
export function compareYears(current: ResultsDoc, previous: ResultsDoc, options: CompareOptions = {}): Comparison {
  const places = current.framework.precision.index;
  const issues: DtiIssue[] = [];

  const currentYear = assessmentYear(current);
  const previousYear = assessmentYear(previous);
  if (previousYear >= currentYear) {
    issues.push(issue('W_PREVIOUS_YEAR_NOT_EARLIER', {}, { previous: previousYear, current: currentYear }));
  }

  const framework = frameworkChanges(current, previous);
  if (framework.changed) {
    issues.push(
      issue('I_FRAMEWORK_CHANGED', {}, {
        previous: `${framework.previous.id} ${framework.previous.version}`,
        current: `${framework.current.id} ${framework.current.version}`,
        added: framework.indicators.added.join(', ') || '–',
        dropped: framework.indicators.dropped.join(', ') || '–',
      }),
    );
  }
  const shared = new Set(framework.indicators.shared);

  const priors: Prior[] = previous.groups.flatMap((g) => g.agencies.map((agency) => ({ agency, group: g.id })));
  const presents: Present[] = current.groups.flatMap((g) => g.agencies.map((agency) => ({ agency, group: g.id })));
  const priorByCode = new Map<string, Prior>();
  const priorsByLooseCode = new Map<string, Prior[]>();
  for (const p of priors) {
    if (!priorByCode.has(p.agency.code)) priorByCode.set(p.agency.code, p);
    push(priorsByLooseCode, looseCode(p.agency.code), p);
  }
  const findPrior = (code: string): Prior | undefined => {
    const exact = priorByCode.get(code);
    if (exact) return exact;
    const loose = priorsByLooseCode.get(looseCode(code)) ?? [];
    return loose.length === 1 ? loose[0] : undefined;
  };

  const used = new Set<Prior>();
  const matches = new Map<Present, Match>();

  // 1. The units map.
  const mapped = unitsByCurrent(options.unitsMap ?? []);
  const presentCodes = new Set(presents.map((p) => looseCode(p.agency.code)));
  for (const [key, entry] of mapped) {
    if (!presentCodes.has(key)) issues.push(issue('W_UNITS_MAP_UNKNOWN_CURRENT', {}, { agency: entry.current }));
  }
  const merges: MergeApplied[] = [];
  for (const present of presents) {
    const codes = mapped.get(looseCode(present.agency.code))?.previous;
    if (!codes) continue;
    // Distinct former units only: two spellings of one code, or two codes that find the same unit, are one source, not a merge of a unit with itself.
    const sources = new Set<Prior>();
    for (const code of codes) {
      const prior = findPrior(code);
      if (prior) sources.add(prior);
      else issues.push(issue('W_UNITS_MAP_UNKNOWN_PREVIOUS', {}, { agency: present.agency.code, previous: code }));
    }
    if (sources.size === 0) continue;
    for (const s of sources) used.add(s);
    const merged = sources.size > 1;
    const list = [...sources];
    matches.set(present, { sources: list, by: 'map', status: merged ? 'merged' : sameOrRenamed(present.agency, list[0]!.agency) });
    if (merged) {
      const index = meanIndex(list.map((s) => s.agency.index), places);
      merges.push({
        code: present.agency.code,
        name: present.agency.name,
        group: present.group,
        previous: list.map((s) => s.agency.code),
        index: toNumber(index, places),
      });
      issues.push(
        issue('I_UNITS_MERGED', {}, {
          agency: present.agency.code,
          codes: list.map((s) => s.agency.code).join(', '),
          index: index.toFixed(places),
        }),
      );
    }
  }

  // 2. Codes.
  for (const present of presents) {
    if (matches.has(present)) continue;
    const prior = findPrior(present.agency.code);
    if (!prior || used.has(prior)) continue;
    used.add(prior);
    matches.set(present, { sources: [prior], by: 'code', status: sameOrRenamed(present.agency, prior.agency) });
  }

  // 3. Names: folded first, then without the unit type, each only among those still unmatched.
  const ambiguous = new Set<Present>();
  for (const key of [nameKey, strippedNameKey]) {
    const open = presents.filter((p) => !matches.has(p) && !ambiguous.has(p));
    const left = priors.filter((p) => !used.has(p));
    const presentByKey = new Map<string, Present[]>();
    const priorByKey = new Map<string, Prior[]>();
    for (const p of open) push(presentByKey, key(p.agency.name), p);
    for (const p of left) push(priorByKey, key(p.agency.name), p);
    for (const present of open) {
      const k = key(present.agency.name);
      if (k === '') continue;
      const candidates = priorByKey.get(k) ?? [];
      const rivals = presentByKey.get(k) ?? [];
      if (candidates.length === 1 && rivals.length === 1) {
        const prior = candidates[0]!;
        used.add(prior);
        matches.set(present, { sources: [prior], by: 'name', status: 'renamed' });
        issues.push(
          issue('W_MATCHED_BY_NAME', {}, {
            agency: present.agency.code,
            name: present.agency.name,
            previous: prior.agency.code,
            previousName: prior.agency.name,
          }),
        );
      } else if (candidates.length > 0) {
        ambiguous.add(present);
        issues.push(
          issue('W_NAME_MATCH_AMBIGUOUS', {}, {
            agency: present.agency.code,
            name: present.agency.name,
            codes: candidates.map((c) => c.agency.code).join(', '),
          }),
        );
      }
    }
  }

  // Previous values, then ranks recomputed where merges change the list.
  const prevIndex = new Map<Present, Decimal>();
  for (const [present, m] of matches) prevIndex.set(present, meanIndex(m.sources.map((s) => s.agency.index), places));
  const prevRank = new Map<Present, number | null>();
  const recomputed = new Set<Present>();
  for (const [present, m] of matches) prevRank.set(present, m.sources.length === 1 ? m.sources[0]!.agency.rank : null);
  for (const g of current.groups) {
    const members = presents.filter((p) => p.group === g.id);
    if (!members.some((p) => matches.get(p)?.status === 'merged')) continue;
    const scopes = new Map<string, Present[]>();
    const byParent = rankedByParent(g.agencies);
    for (const p of members) {
      const m = matches.get(p);
      if (!m) continue;
      recomputed.add(p);
      // Only units whose every former unit was ranked take a place in last year's list.
      if (m.sources.some((s) => s.agency.rank === null)) {
        prevRank.set(p, null);
        continue;
      }
      push(scopes, byParent ? (p.agency.parent ?? '') : '', p);
    }
    for (const scope of scopes.values()) {
      for (const [p, rank] of competitionRanks(scope, (x) => prevIndex.get(x)!)) prevRank.set(p, rank);
    }
  }

  const groups: GroupComparison[] = current.groups.map((g) => ({
    id: g.id,
    name: g.name,
    ranked: g.ranked,
    agencies: presents
      .filter((p) => p.group === g.id)
      .map((present): AgencyComparison => {
        const a = present.agency;
        const m = matches.get(present);
        const previousValues: PreviousValues | null = m
          ? {
              index: toNumber(prevIndex.get(present)!, places),
              rank: prevRank.get(present) ?? null,
              codes: m.sources.map((s) => s.agency.code),
              names: m.sources.map((s) => s.agency.name),
              rankRecomputed: recomputed.has(present),
            }
          : null;
        const indicators = a.indicators.map((i): IndicatorComparison => {
          const values = m && shared.has(i.code) ? m.sources.flatMap((s) => s.agency.indicators.filter((x) => x.code === i.code).slice(0, 1)) : [];
          if (values.length === 0) return { code: i.code, name: i.name, index: i.index, previous: null, change: null };
          const before = meanIndex(values.map((v) => v.index), places);
          return { code: i.code, name: i.name, index: i.index, previous: toNumber(before, places), change: toNumber(dec(i.index).minus(before), places) };
        });
        return {
          code: a.code,
          name: a.name,
          group: present.group,
          index: a.index,
          rank: a.rank,
          status: m?.status ?? 'new',
          matchedBy: m?.by ?? null,
          previous: previousValues,
          rankChange: previousValues && previousValues.rank !== null && a.rank !== null ? previousValues.rank - a.rank : null,
          indexChange: m ? toNumber(dec(a.index).minus(prevIndex.get(present)!), places) : null,
          indicators,
        };
      }),
  }));

  const gone: GoneAgency[] = priors
    .filter((p) => !used.has(p))
    .map((p) => ({ code: p.agency.code, name: p.agency.name, group: p.group, index: p.agency.index, rank: p.agency.rank }));
  // A whole block of last year that this year's framework no longer has, none of its units matched
  // (the district level after July 2025), is one fact about the block, not a list of vanished units.
  const currentGroups = new Set(current.groups.map((g) => g.id));
  const goneGroups: GoneGroup[] = previous.groups
    .filter((g) => !currentGroups.has(g.id) && g.agencies.length > 0 && gone.filter((a) => a.group === g.id).length === g.agencies.length)
    .map((g) => ({ id: g.id, name: g.name, codes: g.agencies.map((a) => a.code) }));
  for (const g of goneGroups) issues.push(issue('I_GROUP_GONE', {}, { group: g.id, count: g.codes.length, codes: g.codes.join(', ') }));
  const goneOne = gone.filter((a) => !goneGroups.some((g) => g.id === a.group));
  if (goneOne.length > 0) issues.push(issue('I_AGENCIES_GONE', {}, { count: goneOne.length, codes: goneOne.map((g) => g.code).join(', ') }));

  return { currentYear, previousYear, framework, groups, gone, goneGroups, merges, issues };
}

/**
 * The year a document assesses: the year its agencies' submissions give (the most common one),
 * else the framework's year (which is the year the framework was issued, and may be earlier).
 */
export function assessmentYear(doc: ResultsDoc): number {
  return commonYear(doc.groups.flatMap((g) => g.agencies.map((a) => a.year))) ?? doc.framework.year;
}

/** The year most of these give (the later one on a tie); undefined when none does. */
export function commonYear(years: Iterable<number | undefined>): number | undefined {
  const counts = new Map<number, number>();
  for (const year of years) if (year !== undefined) counts.set(year, (counts.get(year) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [year, n] of counts) if (!best || n > best[1] || (n === best[1] && year > best[0])) best = [year, n];
  return best?.[0];
}

/** The comparison row of one of this year's agencies, by code. */
export function findAgency(comparison: Comparison, code: string): AgencyComparison | undefined {
  for (const g of comparison.groups) {
    const found = g.agencies.find((a) => a.code === code);
    if (found) return found;
  }
  return undefined;
}

/** A rank change as tables show it: "↑3", "↓1", "=", and "mới" / "new" for null (no previous rank). */
export function formatRankChange(change: number | null, lang: Lang): string {
  if (change === null) return t('CMP_NEW', lang);
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return '=';
}

/**
 * The rank-change cell of an agency: "↑3", "↓1", "=", "mới" / "new" for a unit with nothing to
 * compare with, and "" when it was there last year but one of the two ranks is missing.
 */
export function rankChangeText(a: Pick<AgencyComparison, 'status' | 'rankChange'>, lang: Lang): string {
  if (a.status === 'new') return formatRankChange(null, lang);
  return a.rankChange === null ? '' : formatRankChange(a.rankChange, lang);
}

// ---------------------------------------------------------------------------------------------
// Matching keys

/** A name compared folded: case, diacritics, đ, punctuation and spacing do not matter. */
export function nameKey(name: string): string {
  return headerKey(name);
}

/** Unit types a name may start with, folded, longest first: stripped only when the plain names do not match. */
const UNIT_TYPES = ['uy ban nhan dan', 'thanh pho', 'thi xa', 'huyen', 'quan', 'ubnd', 'tp', 'tx', 'so', 'h', 'q'];

/** The folded name without leading unit types: "UBND huyện Vạn Ninh" and "H. Vạn Ninh" both give "van ninh". */
export function strippedNameKey(name: string): string {
  let key = nameKey(name);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const prefix of UNIT_TYPES) {
      if (key.startsWith(prefix + ' ') && key.length > prefix.length + 1) {
        key = key.slice(prefix.length + 1);
        stripped = true;
        break;
      }
    }
  }
  return key;
}

function sameOrRenamed(now: AgencyJson, before: AgencyJson): MatchStatus {
  return now.code === before.code && nameKey(now.name) === nameKey(before.name) ? 'same' : 'renamed';
}

// ---------------------------------------------------------------------------------------------
// Values

/** The plain mean of indices, exact, rounded at the index precision. */
function meanIndex(values: readonly number[], places: number): Decimal {
  return roundTo(sum(values.map((v) => dec(v))).dividedBy(values.length), places);
}

/** Whether a group was ranked within parent units: its agencies name parents and several hold rank 1. */
function rankedByParent(agencies: readonly AgencyJson[]): boolean {
  const parents = new Set(agencies.map((a) => a.parent));
  return !parents.has(undefined) && parents.size > 1 && agencies.filter((a) => a.rank === 1).length > 1;
}

/** The units map by this year's code (case and spaces aside), each with its former codes once: sets, so a large map is read in linear time. */
function unitsByCurrent(pairs: readonly UnitsMapPair[]): Map<string, { current: string; previous: string[] }> {
  const out = new Map<string, { current: string; previous: string[]; seen: Set<string> }>();
  for (const pair of pairs) {
    const current = cleanText(pair.current);
    const previous = cleanText(pair.previous);
    if (current === '' || previous === '') continue;
    const key = looseCode(current);
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { current, previous: [], seen: new Set() }));
    const prior = looseCode(previous);
    if (entry.seen.has(prior)) continue;
    entry.seen.add(prior);
    entry.previous.push(previous);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Framework changes

function frameworkChanges(current: ResultsDoc, previous: ResultsDoc): FrameworkChanges {
  const mainsOf = (doc: ResultsDoc) => codesOf(doc, (a) => a.indicators.map((i) => i.code));
  const leavesOf = (doc: ResultsDoc) => codesOf(doc, (a) => a.leaves.map((l) => l.code));
  const indicators = setChange(mainsOf(current), mainsOf(previous));
  const nowLeaves = leavesOf(current);
  const beforeLeaves = leavesOf(previous);
  const leaves = nowLeaves.length > 0 && beforeLeaves.length > 0 ? setChange(nowLeaves, beforeLeaves) : null;

  const names: Record<string, { vi: string; en: string }> = {};
  for (const doc of [previous, current]) {
    for (const g of doc.groups) for (const a of g.agencies) for (const i of a.indicators) names[i.code] = i.name;
  }
  const ref = (doc: ResultsDoc) => ({ id: doc.framework.id, version: doc.framework.version, year: doc.framework.year });
  const changed =
    current.framework.id !== previous.framework.id ||
    indicators.added.length > 0 ||
    indicators.dropped.length > 0 ||
    (leaves !== null && (leaves.added.length > 0 || leaves.dropped.length > 0));
  return { previous: ref(previous), current: ref(current), changed, indicators, leaves, names };
}

/** Codes in the order they first appear in the document. */
function codesOf(doc: ResultsDoc, of: (a: AgencyJson) => string[]): string[] {
  const seen = new Set<string>();
  for (const g of doc.groups) for (const a of g.agencies) for (const code of of(a)) seen.add(code);
  return [...seen];
}

function setChange(now: readonly string[], before: readonly string[]): CodeSetChange {
  const had = new Set(before);
  const has = new Set(now);
  return {
    shared: now.filter((c) => had.has(c)),
    added: now.filter((c) => !had.has(c)),
    dropped: before.filter((c) => !has.has(c)),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

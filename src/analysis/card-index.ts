import { Decimal, dec } from '../core/decimal.js';
import type { AgencyComparison, Comparison } from '../compare/schema.js';
import type { AgencyJson, IssueJson, ResultsDoc } from '../results/schema.js';
import { rankedScopes, type ScopeOf } from './scope.js';

/**
 * What every card of a document shares, computed once per document instead of once per card:
 * agencies by code, each group's median and best per main indicator, each scope's rank ladder,
 * issues by file and last year's rows by agency. A card is then a few lookups and binary
 * searches, so cards for a whole group cost n·log n rather than n² (or worse).
 *
 * Cached per document object (a WeakMap, released with the document): a results document is
 * read as immutable data, as everywhere in the analyses.
 */
type Group = ResultsDoc['groups'][number];

export interface IndicatorStats {
  readonly median: Decimal;
  readonly best: Decimal;
}

/** A scope's ranked agencies by rank: the distinct ranks ascending, and who holds each (by code). */
export interface RankLadder {
  readonly count: number;
  readonly ranks: readonly number[];
  readonly holders: ReadonlyMap<number, readonly AgencyJson[]>;
}

interface DocIndex {
  readonly byCode: Map<string, { group: Group; agency: AgencyJson }>;
  readonly stats: Map<Group, Map<string, IndicatorStats>>;
  readonly ladders: Map<Group, Map<ScopeOf, Map<string, RankLadder>>>;
  /** Issues with a file, by file, each with its position in the document's list. */
  readonly issuesByFile: Map<string, { issue: IssueJson; order: number }[]>;
  /** How many agencies (in all groups) were read from each file. */
  readonly agenciesPerFile: Map<string, number>;
}

const indexes = new WeakMap<ResultsDoc, DocIndex>();
const comparisons = new WeakMap<Comparison, Map<string, AgencyComparison>>();

function indexOf(doc: ResultsDoc): DocIndex {
  let index = indexes.get(doc);
  if (index) return index;
  const byCode = new Map<string, { group: Group; agency: AgencyJson }>();
  const agenciesPerFile = new Map<string, number>();
  for (const group of doc.groups) {
    for (const agency of group.agencies) {
      const key = agency.code.toLowerCase();
      // The first agency with a code wins, as a search through the document in order would find.
      if (!byCode.has(key)) byCode.set(key, { group, agency });
      agenciesPerFile.set(agency.file, (agenciesPerFile.get(agency.file) ?? 0) + 1);
    }
  }
  const issuesByFile = new Map<string, { issue: IssueJson; order: number }[]>();
  doc.issues.forEach((issue, order) => {
    if (issue.file === undefined) return;
    const list = issuesByFile.get(issue.file);
    if (list) list.push({ issue, order });
    else issuesByFile.set(issue.file, [{ issue, order }]);
  });
  index = { byCode, stats: new Map(), ladders: new Map(), issuesByFile, agenciesPerFile };
  indexes.set(doc, index);
  return index;
}

/** The agency with this code (any case); the first one in the document when several share it. */
export function lookupAgency(doc: ResultsDoc, code: string): { group: Group; agency: AgencyJson } | undefined {
  return indexOf(doc).byCode.get(code.toLowerCase());
}

/** The group's median and best index of a main indicator, over every agency that has it. */
export function indicatorStats(doc: ResultsDoc, group: Group, code: string): IndicatorStats {
  const index = indexOf(doc);
  let byIndicator = index.stats.get(group);
  if (!byIndicator) {
    byIndicator = groupStats(group);
    index.stats.set(group, byIndicator);
  }
  return byIndicator.get(code)!;
}

function groupStats(group: Group): Map<string, IndicatorStats> {
  const values = new Map<string, number[]>();
  for (const a of group.agencies) {
    for (const i of a.indicators) {
      const list = values.get(i.code);
      if (list) list.push(i.index);
      else values.set(i.code, [i.index]);
    }
  }
  const out = new Map<string, IndicatorStats>();
  for (const [code, list] of values) {
    // Sorting the numbers sorts their decimals (dec() is monotonic), so only the middle and
    // the top need to become decimals.
    const s = Float64Array.from(list).sort();
    const mid = Math.floor(s.length / 2);
    const median = s.length % 2 === 1 ? dec(s[mid]!) : dec(s[mid - 1]!).plus(dec(s[mid]!)).dividedBy(2);
    out.set(code, { median, best: dec(s[s.length - 1]!) });
  }
  return out;
}

/** The rank ladder of the agency's scope (undefined when it holds no rank). */
export function ladderOf(doc: ResultsDoc, group: Group, scopeOf: ScopeOf, agency: AgencyJson): RankLadder | undefined {
  const index = indexOf(doc);
  let byScopeOf = index.ladders.get(group);
  if (!byScopeOf) {
    byScopeOf = new Map();
    index.ladders.set(group, byScopeOf);
  }
  let ladders = byScopeOf.get(scopeOf);
  if (!ladders) {
    ladders = new Map();
    for (const [key, members] of rankedScopes(group, scopeOf)) ladders.set(key, ladder(members));
    byScopeOf.set(scopeOf, ladders);
  }
  return ladders.get(scopeOf(agency));
}

function ladder(members: readonly AgencyJson[]): RankLadder {
  const holders = new Map<number, AgencyJson[]>();
  for (const m of members) {
    const list = holders.get(m.rank!);
    if (list) list.push(m);
    else holders.set(m.rank!, [m]);
  }
  for (const list of holders.values()) list.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return { count: members.length, ranks: [...holders.keys()].sort((x, y) => x - y), holders };
}

/** The nearest rank better than `rank` on the ladder (binary search), or undefined when none is. */
export function rankAhead(ladder: RankLadder, rank: number): number | undefined {
  let lo = 0;
  let hi = ladder.ranks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ladder.ranks[mid]! < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : ladder.ranks[lo - 1];
}

/** Last year's row of the agency in the comparison (the first with its code and group). */
export function comparedRow(comparison: Comparison, a: AgencyJson): AgencyComparison | undefined {
  let rows = comparisons.get(comparison);
  if (!rows) {
    rows = new Map();
    for (const g of comparison.groups) {
      for (const x of g.agencies) {
        const key = `${x.group}\u0000${x.code}`;
        if (!rows.has(key)) rows.set(key, x);
      }
    }
    comparisons.set(comparison, rows);
  }
  return rows.get(`${a.group}\u0000${a.code}`);
}

/**
 * The document's issues about this agency's submission. Issues carry a location, not an agency:
 * an issue belongs to the agency when it points at a row one of its leaves was read from, or at a
 * file that holds no other agency (one workbook per agency). In the document's order.
 */
export function issuesOf(doc: ResultsDoc, a: AgencyJson): IssueJson[] {
  const index = indexOf(doc);
  if (index.issuesByFile.size === 0) return [];
  const rowKey = (file: string, sheet: string | undefined, row: number) => `${file}\u0000${sheet ?? ''}\u0000${row}`;
  // Only the rows read from files that have issues are worth a key (an agency has a hundred leaves).
  const rows = new Set<string>();
  const files = new Set<string>(index.issuesByFile.has(a.file) ? [a.file] : []);
  for (const l of a.leaves) {
    for (const s of l.sources) {
      if (s.row === undefined || !index.issuesByFile.has(s.file ?? '')) continue;
      rows.add(rowKey(s.file ?? '', s.sheet, s.row));
      files.add(s.file ?? '');
    }
  }
  if (files.size === 0) return [];
  const sharedFile = (index.agenciesPerFile.get(a.file) ?? 0) > 1;
  const found: { issue: IssueJson; order: number }[] = [];
  for (const file of files) {
    for (const x of index.issuesByFile.get(file) ?? []) {
      const i = x.issue;
      if ((i.row !== undefined && rows.has(rowKey(i.file!, i.sheet, i.row))) || (i.file === a.file && !sharedFile)) found.push(x);
    }
  }
  return found.sort((x, y) => x.order - y.order).map((x) => x.issue);
}

import { dec, roundTo, sum, toNumber, type Decimal } from '../core/decimal.js';
import type { DtiIssue, Location, Severity } from '../core/issues.js';
import { assessmentYear, rankChangeText } from '../compare/compare.js';
import type { AgencyComparison, Comparison } from '../compare/schema.js';
import { t } from '../i18n/catalog.js';
import { renderIssue, renderLocation } from '../i18n/render.js';
import type { Lang, Params } from '../i18n/types.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';
import { agencyCard } from '../analysis/card.js';
import { notApplicableText } from './not-applicable.js';
import { numberFormat } from './numbers.js';
import { append } from '../core/arrays.js';

/** What the appraisal council changed: leaves with an `appraisal`, counted per agency and per leaf, in each group. */
export interface AppraisalCounts {
  readonly agencies: readonly {
    readonly group: string;
    readonly code: string;
    readonly name: string;
    /** Leaves the council decided on. */
    readonly count: number;
    /** Σ (points − computedPoints) over those leaves: what the decisions added (negative: took away). */
    readonly points: number;
  }[];
  readonly indicators: readonly {
    readonly group: string;
    /** Leaf code. */
    readonly code: string;
    /** Agencies whose leaf the council decided on. */
    readonly count: number;
  }[];
}

export interface SummaryOptions {
  readonly lang: Lang;
  /** This year against last year (compareYears): last year's index and rank, changes, movers, framework changes, merges. */
  readonly comparison?: Comparison;
  /** The appraisal counts; computed from the document's leaves when not given. */
  readonly adjustments?: AppraisalCounts;
}

/** Counts the appraisal council's decisions from the leaves' `appraisal` field. Pure. */
export function appraisalCounts(doc: ResultsDoc): AppraisalCounts {
  const places = doc.framework.precision.points;
  const agencies: AppraisalCounts['agencies'][number][] = [];
  const indicators: AppraisalCounts['indicators'][number][] = [];
  for (const g of doc.groups) {
    const perLeaf = new Map<string, number>();
    for (const a of g.agencies) {
      const decided = a.leaves.filter((l) => l.appraisal !== undefined);
      if (decided.length === 0) continue;
      const change = sum(decided.map((l) => dec(l.points).minus(dec(l.computedPoints ?? l.points))));
      agencies.push({ group: g.id, code: a.code, name: a.name, count: decided.length, points: toNumber(change, places) });
      for (const l of decided) perLeaf.set(l.code, (perLeaf.get(l.code) ?? 0) + 1);
    }
    // Leaves in the order the first agency lists them: the framework's order.
    const order = new Map<string, number>();
    for (const a of g.agencies) for (const l of a.leaves) if (!order.has(l.code)) order.set(l.code, order.size);
    for (const [code, count] of [...perLeaf].sort((x, y) => (order.get(x[0]) ?? 0) - (order.get(y[0]) ?? 0))) {
      indicators.push({ group: g.id, code, count });
    }
  }
  return { agencies, indicators };
}

/**
 * A Markdown summary of a year's results, in Vietnamese or English, for a report or a pull
 * request: per group the ranking table (with last year's index and rank and the change when a
 * comparison is given), the top and bottom three, each agency's strongest and weakest main
 * indicators, the group's weakest main indicators, the biggest movers and the appraisal
 * adjustments; then the framework changes, merges, agencies gone, and the remaining issues.
 * Pure and deterministic: the same document gives the same text (no dates, no locale APIs).
 */
export function summaryMarkdown(doc: ResultsDoc, options: SummaryOptions): string {
  const lang = options.lang;
  const cmp = options.comparison;
  const l = (key: string, params?: Params) => t(key, lang, params);
  /** "1 agency", "8 agencies": English needs the singular. */
  const counted = (what: 'AGENCIES' | 'GROUPS', count: number) => l(count === 1 ? `SUMMARY_${what}_ONE` : `SUMMARY_${what}`, { count });
  const f = formatters(doc, lang);
  const adjustments = options.adjustments ?? appraisalCounts(doc);
  const out: string[] = [];
  const groups = doc.groups.filter((g) => g.agencies.length > 0);

  out.push(`# ${md(l('SUMMARY_TITLE', { framework: doc.framework.name[lang], year: assessmentYear(doc) }))}`, '');
  out.push(
    md(l('SUMMARY_INTRO', { id: doc.framework.id, version: doc.framework.version, agencies: counted('AGENCIES', doc.summary.agencies), groups: counted('GROUPS', groups.length) })) +
      (cmp ? ' ' + md(l('SUMMARY_COMPARED', { year: cmp.previousYear })) : ''),
    '',
  );

  for (const g of groups) {
    const rows = cmp?.groups.find((x) => x.id === g.id);
    const compared = new Map<string, AgencyComparison>((rows?.agencies ?? []).map((a) => [a.code, a]));
    const hasClass = g.agencies.some((a) => a.class !== undefined);
    out.push(`## ${md(l('SUMMARY_GROUP', { group: g.name[lang], agencies: counted('AGENCIES', g.agencies.length) }))}`, '');
    if (!g.ranked) out.push(md(l('SUMMARY_GROUP_NOT_RANKED')), '');

    // The ranking.
    out.push(`### ${md(l('SUMMARY_RANKING'))}`, '');
    // Where agencies of the group have different maxima (indicators per agency), each one's is shown.
    const ownMax = g.agencies.some((a) => a.maxPoints !== g.maxPoints);
    const bonusPenalty = g.agencies.some((a) => a.bonusPoints !== undefined);
    if (ownMax) out.push(md(l('SUMMARY_OWN_MAX_NOTE')), '');
    const header = [l('LABEL_RANK'), l('LABEL_AGENCY'), l('LABEL_POINTS'), ...(ownMax ? [l('LABEL_OWN_MAX')] : []), l('LABEL_INDEX')];
    const align = ['right', 'left', 'right', ...(ownMax ? ['right'] : []), 'right'];
    if (bonusPenalty) {
      header.push(l('LABEL_BONUS'), l('LABEL_PENALTY'));
      align.push('right', 'right');
    }
    if (hasClass) {
      header.push(l('LABEL_CLASS'));
      align.push('left');
    }
    if (cmp) {
      header.push(
        l('SUMMARY_COL_PREV_INDEX', { year: cmp.previousYear }),
        l('SUMMARY_COL_PREV_RANK', { year: cmp.previousYear }),
        l('SUMMARY_COL_INDEX_CHANGE'),
        l('SUMMARY_COL_RANK_CHANGE'),
      );
      align.push('right', 'right', 'right', 'center');
    }
    const withErrors = g.agencies.some((a) => a.errors !== undefined);
    if (withErrors) {
      header.push(l('LABEL_SUBMISSION_ERRORS'));
      align.push('right');
    }
    const body = g.agencies.map((a) => {
      const cells = [rankText(a, g.ranked, lang), agencyText(a.name, a.code), f.points(a.points), ...(ownMax ? [f.points(a.maxPoints)] : []), f.index(a.index)];
      if (bonusPenalty) cells.push(f.points(a.bonusPoints ?? 0), f.points(a.penaltyPoints ?? 0));
      if (hasClass) cells.push(a.class ? md(a.class.name[lang]) : '–');
      if (cmp) {
        const c = compared.get(a.code);
        const prev = c?.previous ?? null;
        cells.push(
          prev ? f.index(prev.index) : '–',
          prev?.rank != null ? String(prev.rank) : '–',
          c?.indexChange != null ? f.signedIndex(c.indexChange) : '–',
          c ? rankChangeText(c, lang) || '–' : '–',
        );
      }
      if (withErrors) cells.push(a.errors !== undefined ? `⚠ ${a.errors}` : '');
      return cells;
    });
    append(out, table(header, align, body)).push('');

    // Why an indicator did not count for an agency (a tag it lacks, its own "không áp dụng"), and rejected claims.
    // One line per agency and reason: "VPUB, 6.3, 6.4, 6.5: …".
    const notApplicable = g.agencies.flatMap((a) => {
      const byReason = new Map<string, string[]>();
      for (const leaf of a.leaves) {
        const why = notApplicableText(leaf, lang, doc.framework.tags);
        if (why) byReason.set(why, [...(byReason.get(why) ?? []), leaf.code]);
      }
      return [...byReason].map(([why, leafCodes]) => `- ${agencyText(a.name, a.code, true)}, ${md(leafCodes.join(', '))}: ${md(why)}`);
    });
    if (notApplicable.length > 0) out.push(`### ${md(l('SUMMARY_NOT_APPLICABLE'))}`, '', ...notApplicable, '');

    // Top and bottom three.
    const ranked = g.agencies.filter((a) => a.rank !== null).sort((x, y) => x.rank! - y.rank! || compareText(x.code, y.code));
    if (g.ranked && ranked.length > 0) {
      const top = ranked.filter((a) => a.rank! <= 3);
      const line = (a: AgencyJson) => `- ${l('SUMMARY_RANKED_LINE', { agency: agencyText(a.name, a.code, true), rank: a.rank!, index: f.index(a.index) })}`;
      out.push(`### ${md(l('SUMMARY_TOP'))}`, '', ...top.map(line), '');
      const rest = ranked.filter((a) => !top.includes(a));
      if (rest.length > 0) {
        const cut = rest[Math.max(0, rest.length - 3)]!.rank!;
        const bottom = rest.filter((a) => a.rank! >= cut);
        out.push(`### ${md(l('SUMMARY_BOTTOM'))}`, '', ...bottom.map(line), '');
      }
    }

    // Each agency's strongest and weakest main indicators.
    const withMains = g.agencies.filter((a) => a.indicators.length > 0);
    if (withMains.length > 0) {
      out.push(`### ${md(l('SUMMARY_STRENGTHS'))}`, '');
      const rowsOf = withMains.map((a) => {
        const best = extreme(a.indicators, (x, y) => x.greaterThan(y));
        const worst = extreme(a.indicators, (x, y) => x.lessThan(y));
        return [agencyText(a.name, a.code), indicatorText(best, lang, f), indicatorText(worst, lang, f)];
      });
      append(out, table([l('LABEL_AGENCY'), l('SUMMARY_COL_STRONGEST'), l('SUMMARY_COL_WEAKEST')], ['left', 'left', 'left'], rowsOf)).push('');

      // The group's weakest main indicators: lowest mean index over its agencies.
      const means = groupMeans(withMains, doc.framework.precision.index);
      out.push(`### ${md(l('SUMMARY_GROUP_WEAK'))}`, '');
      out.push(
        ...table(
          [l('SUMMARY_COL_INDICATOR'), l('SUMMARY_COL_MEAN')],
          ['left', 'right'],
          means.slice(0, 3).map((m) => [`${md(m.code)} ${md(m.name[lang])}`, f.index(toNumber(m.mean, doc.framework.precision.index))]),
        ),
        '',
      );
    }

    // The biggest movers.
    if (cmp && g.ranked && rows) {
      const moved = rows.agencies.filter((a) => a.rankChange !== null && a.rankChange !== 0 && a.previous?.rank != null && a.rank !== null);
      const up = moved.filter((a) => a.rankChange! > 0).sort((x, y) => y.rankChange! - x.rankChange! || x.rank! - y.rank! || compareText(x.code, y.code)).slice(0, 3);
      const down = moved.filter((a) => a.rankChange! < 0).sort((x, y) => x.rankChange! - y.rankChange! || x.rank! - y.rank! || compareText(x.code, y.code)).slice(0, 3);
      const moverLine = (a: AgencyComparison) =>
        `- ${l('SUMMARY_MOVER_LINE', { agency: agencyText(a.name, a.code, true), change: rankChangeText(a, lang), before: a.previous!.rank!, after: a.rank! })}`;
      out.push(`### ${md(l('SUMMARY_MOVERS'))}`, '');
      out.push(`**${md(l('SUMMARY_MOVERS_UP'))}**`, '', ...(up.length ? up.map(moverLine) : [`- ${md(l('SUMMARY_NONE'))}`]), '');
      out.push(`**${md(l('SUMMARY_MOVERS_DOWN'))}**`, '', ...(down.length ? down.map(moverLine) : [`- ${md(l('SUMMARY_NONE'))}`]), '');
    }

    // The appraisal council's adjustments.
    const adjusted = adjustments.agencies.filter((a) => a.group === g.id);
    const adjustedLeaves = adjustments.indicators.filter((i) => i.group === g.id);
    if (adjusted.length > 0 || adjustedLeaves.length > 0) {
      out.push(`### ${md(l('SUMMARY_ADJUSTMENTS'))}`, '');
      if (adjusted.length > 0) {
        out.push(
          ...table(
            [l('LABEL_AGENCY'), l('SUMMARY_COL_ADJUSTED'), l('SUMMARY_COL_ADJUSTED_POINTS')],
            ['left', 'right', 'right'],
            adjusted.map((a) => [agencyText(a.name, a.code), String(a.count), f.signedPoints(a.points)]),
          ),
          '',
        );
      }
      if (adjustedLeaves.length > 0) {
        out.push(
          ...table(
            [l('SUMMARY_COL_LEAF'), l('SUMMARY_COL_ADJUSTED_AGENCIES')],
            ['left', 'right'],
            adjustedLeaves.map((i) => [md(i.code), String(i.count)]),
          ),
          '',
        );
      }
    }
    // Brief report cards: where each agency lost most, and what the next rank would take (full cards in report.html).
    out.push(`### ${md(l('CARD_SUMMARY_HEADING'))}`, '');
    for (const a of g.agencies) {
      const card = agencyCard(doc, a.code, cmp ? { comparison: cmp } : {})!;
      const leaves = card.lost.slice(0, 3).map((x) => `${x.code} (−${f.points(x.lost)})`).join(', ');
      let line = l(leaves ? 'CARD_SUMMARY_LINE' : 'CARD_SUMMARY_LINE_FULL', { agency: agencyText(a.name, a.code, true), index: f.index(a.index), rank: a.rank ?? '–', leaves: md(leaves) });
      if (card.nextRank) line += `; ${md(l('CARD_SUMMARY_NEXT_RANK', { points: f.points(card.nextRank.points), rank: card.nextRank.rank }))}`;
      out.push(`- ${line}`);
    }
    out.push('');
  }

  if (cmp) {
    // Framework changes.
    const fw = cmp.framework;
    const named = (codes: readonly string[]) => codes.map((c) => `${c} ${fw.names[c]?.[lang] ?? ''}`.trim()).join('; ');
    out.push(`## ${md(l('SUMMARY_FRAMEWORK', { year: cmp.previousYear }))}`, '');
    if (!fw.changed) out.push(md(l('SUMMARY_FRAMEWORK_SAME', { id: fw.current.id })), '');
    else {
      out.push(
        md(
          l('SUMMARY_FRAMEWORK_IDS', {
            previousYear: cmp.previousYear,
            previous: `${fw.previous.id} ${fw.previous.version}`,
            currentYear: cmp.currentYear,
            current: `${fw.current.id} ${fw.current.version}`,
          }),
        ),
        '',
      );
      const lines: string[] = [l('SUMMARY_FRAMEWORK_SHARED', { codes: fw.indicators.shared.join(', ') || l('SUMMARY_NONE') })];
      if (fw.indicators.added.length) lines.push(l('SUMMARY_FRAMEWORK_ADDED', { codes: named(fw.indicators.added) }));
      if (fw.indicators.dropped.length) lines.push(l('SUMMARY_FRAMEWORK_DROPPED', { codes: named(fw.indicators.dropped) }));
      if (fw.leaves?.added.length) lines.push(l('SUMMARY_FRAMEWORK_LEAVES_ADDED', { codes: fw.leaves.added.join(', ') }));
      if (fw.leaves?.dropped.length) lines.push(l('SUMMARY_FRAMEWORK_LEAVES_DROPPED', { codes: fw.leaves.dropped.join(', ') }));
      append(out, lines.map((x) => `- ${md(x)}`)).push('');
    }

    if (cmp.merges.length > 0) {
      out.push(`## ${md(l('SUMMARY_MERGES'))}`, '');
      for (const m of cmp.merges) {
        out.push(`- ${l('SUMMARY_MERGE_LINE', { agency: agencyText(m.name, m.code, true), codes: md(m.previous.join(' + ')), index: f.index(m.index) })}`);
      }
      out.push('');
    }

    if (cmp.goneGroups.length > 0) {
      out.push(`## ${md(l('SUMMARY_GONE_GROUPS'))}`, '');
      for (const g of cmp.goneGroups) {
        out.push(`- ${md(l('SUMMARY_GONE_GROUP_LINE', { group: g.name[lang], count: g.codes.length, codes: g.codes.join(', '), year: cmp.currentYear }))}`);
      }
      out.push('');
    }
    // Units of a block gone as a whole are said above, not listed one by one.
    const goneUnits = cmp.gone.filter((a) => !cmp.goneGroups.some((g) => g.id === a.group));
    if (goneUnits.length > 0) {
      out.push(`## ${md(l('SUMMARY_GONE'))}`, '');
      for (const a of goneUnits) {
        out.push(`- ${agencyText(a.name, a.code, true)}: ${md(l('LABEL_INDEX'))} ${f.index(a.index)}${a.rank !== null ? `, ${md(l('LABEL_RANK').toLowerCase())} ${a.rank}` : ''}`);
      }
      out.push('');
    }
  }

  append(out, issuesSection(doc, cmp?.issues ?? [], lang));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

// ---------------------------------------------------------------------------------------------
// Sections and cells

function issuesSection(doc: ResultsDoc, extra: readonly DtiIssue[], lang: Lang): string[] {
  const l = (key: string, params?: Params) => t(key, lang, params);
  // The document's issues are worded already (in the language it was written in); the comparison's are worded here.
  // A comparison finding the document already holds (`dti rank` puts every finding of the run in it) is counted once.
  const key = (code: string, l: Location) => [code, l.file, l.sheet, l.row, l.column, l.path].join('\u0000');
  const inDoc = new Set(doc.issues.map((i) => key(i.code, i)));
  const all: { severity: Severity; code: string; where: string; message: string }[] = [
    ...doc.issues.map((i) => ({ severity: i.severity, code: i.code, where: renderLocation(i, lang), message: i.message })),
    ...extra
      .filter((i) => !inDoc.has(key(i.code, i.location)))
      .map((i) => ({ severity: i.severity, code: i.code, where: renderLocation(i.location, lang), message: renderIssue(i, lang) })),
  ];
  const out = [`## ${md(l('SUMMARY_ISSUES'))}`, ''];
  if (all.length === 0) return [...out, md(l('SUMMARY_NO_ISSUES')), ''];
  const counts = new Map<string, { severity: Severity; count: number }>();
  for (const i of all) counts.set(i.code, { severity: i.severity, count: (counts.get(i.code)?.count ?? 0) + 1 });
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const rows = [...counts]
    .sort((a, b) => order[a[1].severity] - order[b[1].severity] || compareText(a[0], b[0]))
    .map(([code, { severity, count }]) => [`\`${code}\``, md(l(`LABEL_SEVERITY_${severity}`)), String(count)]);
  append(out, table([l('LABEL_ISSUE_CODE'), l('LABEL_SEVERITY'), l('SUMMARY_COL_COUNT')], ['left', 'left', 'right'], rows)).push('');
  const errors = all.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    out.push(`### ${md(l('SUMMARY_ERRORS'))}`, '');
    for (const e of errors) out.push(`- \`${e.code}\` ${e.where ? `${md(e.where)}: ` : ''}${md(e.message)}`);
    out.push('');
  }
  return out;
}

interface Formatters {
  points(v: number): string;
  index(v: number): string;
  signedIndex(v: number): string;
  signedPoints(v: number): string;
}

/** Numbers as the framework publishes them, with a decimal comma in Vietnamese (0,8002) and a point in English. */
function formatters(doc: ResultsDoc, lang: Lang): Formatters {
  return numberFormat(doc, lang);
}

function rankText(a: AgencyJson, ranked: boolean, lang: Lang): string {
  if (a.rank !== null) return String(a.rank);
  if (!ranked) return md(t('LABEL_NOT_RANKED', lang));
  if (!a.complete) return md(t('LABEL_INCOMPLETE', lang));
  return '–';
}

/** "Sở Y tế (SYT)"; bold in lists, where a name starting with "-" or "1." must not read as Markdown. */
function agencyText(name: string, code: string, bold = false): string {
  const shown = name.trim() === '' ? md(code) : `${md(name)} (${md(code)})`;
  return bold ? `**${shown}**` : shown;
}

function indicatorText(v: AgencyJson['indicators'][number], lang: Lang, f: Formatters): string {
  return `${md(v.code)} ${md(v.name[lang])} (${f.index(v.index)})`;
}

/** The first value (in the results' order, the framework's) that beats all the others. */
function extreme<T extends { index: number }>(values: readonly T[], better: (a: Decimal, b: Decimal) => boolean): T {
  let best = values[0]!;
  for (const v of values.slice(1)) if (better(dec(v.index), dec(best.index))) best = v;
  return best;
}

/** Mean index of each main indicator over the agencies that have it, exact then rounded; lowest first, ties in the results' order. */
function groupMeans(agencies: readonly AgencyJson[], places: number): { code: string; name: { vi: string; en: string }; mean: Decimal }[] {
  const byCode = new Map<string, { name: { vi: string; en: string }; values: Decimal[] }>();
  for (const a of agencies) {
    for (const i of a.indicators) {
      const entry = byCode.get(i.code) ?? { name: i.name, values: [] };
      entry.values.push(dec(i.index));
      byCode.set(i.code, entry);
    }
  }
  return [...byCode]
    .map(([code, e], order) => ({ code, name: e.name, mean: roundTo(sum(e.values).dividedBy(e.values.length), places), order }))
    .sort((a, b) => a.mean.comparedTo(b.mean) || a.order - b.order)
    .map(({ code, name, mean }) => ({ code, name, mean }));
}

function table(header: readonly string[], align: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const rule = align.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(LINE_BREAK, ' ')).join(' | ')} |`;
  return [line(header.map(md)), line(rule), ...rows.map(line)];
}

/** Every line break a viewer may honour: CRLF, a lone CR or LF (CommonMark ends a line at each), and Unicode's line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** User or catalogue text made inert in Markdown: characters that would format, link, or break a table are escaped. */
function md(s: string): string {
  return s.replace(LINE_BREAK, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

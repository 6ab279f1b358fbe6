import type { Sensitivity } from '../../analysis/sensitivity.js';
import { rankChangeText } from '../../compare/compare.js';
import type { AgencyComparison, Comparison } from '../../compare/schema.js';
import { t } from '../../i18n/catalog.js';
import { renderLocation } from '../../i18n/render.js';
import type { Lang, Params } from '../../i18n/types.js';
import type { AgencyJson, ResultsDoc } from '../../results/schema.js';
import { agencyLabel, esc, type NumberFormat } from './format.js';
import { cell, num, tableHtml, type Cell, type Column } from './page.js';

/** The report's tables: the ranking, agencies × values, rank robustness, reverted decisions, remaining issues. */
export function rankingTable(agencies: readonly AgencyJson[], ranked: boolean, compared: ReadonlyMap<string, AgencyComparison>, lang: Lang, f: NumberFormat, previousYear: number | undefined): string {
  const withPrevious = previousYear !== undefined;
  const l = (key: string, params?: Params) => t(key, lang, params);
  const hasClass = agencies.some((a) => a.class !== undefined);
  const columns: Column[] = [{ head: l('LABEL_RANK'), num: true }, { head: l('LABEL_AGENCY') }, { head: l('LABEL_CODE') }, { head: l('LABEL_POINTS'), num: true }, { head: l('LABEL_INDEX'), num: true }];
  if (hasClass) columns.push({ head: l('LABEL_CLASS') });
  if (withPrevious) {
    columns.push(
      { head: l('SUMMARY_COL_PREV_INDEX', { year: previousYear! }), num: true },
      { head: l('SUMMARY_COL_PREV_RANK', { year: previousYear! }), num: true },
      { head: l('SUMMARY_COL_INDEX_CHANGE'), num: true },
      { head: l('SUMMARY_COL_RANK_CHANGE'), num: true },
    );
  }
  return tableHtml(
    columns,
    agencies.map((a) => {
      const cells: Cell[] = [
        num(a.rank !== null ? String(a.rank) : !ranked ? l('LABEL_NOT_RANKED') : !a.complete ? l('LABEL_INCOMPLETE') : '–', a.rank, 'rank'),
        cell(a.name || a.code, { cls: 'name' }),
        cell(a.code),
        num(f.points(a.points), a.points, 'points'),
        num(f.index(a.index), a.index, 'index'),
      ];
      if (hasClass) cells.push(cell(a.class ? a.class.name[lang] : '–'));
      if (withPrevious) {
        const c = compared.get(a.code);
        const prev = c?.previous ?? null;
        cells.push(
          num(prev ? f.index(prev.index) : '–', prev ? prev.index : null),
          num(prev?.rank != null ? String(prev.rank) : '–', prev?.rank ?? null),
          num(c?.indexChange != null ? f.signedIndex(c.indexChange) : '–', c?.indexChange ?? null),
          num(c ? rankChangeText(c, lang) || '–' : '–', c?.rankChange ?? null, c?.rankChange ? (c.rankChange > 0 ? 'up' : 'down') : ''),
        );
      }
      return cells;
    }),
    { sortable: true, cls: 'ranking', rowAttrs: (i) => `data-agency="${esc(agencies[i]!.code)}"` },
  );
}


/** Agencies × values (main indicators or pillars): each cell the index, its rank in a title. */
export function valuesTable(agencies: readonly AgencyJson[], values: (a: AgencyJson) => AgencyJson['indicators'], lang: Lang, f: NumberFormat, cls: string): string {
  const l = (key: string) => t(key, lang);
  const heads = values(agencies[0]!);
  return tableHtml(
    [{ head: l('LABEL_AGENCY') }, ...heads.map((h) => ({ head: `${h.code} ${h.name[lang]}`, num: true }))],
    agencies.map((a) => [cell(agencyLabel(a.name, a.code)), ...heads.map((h) => {
      const v = values(a).find((x) => x.code === h.code);
      return v ? num(f.index(v.index), v.index) : num('–', null);
    })]),
    { sortable: true, cls, rowAttrs: (i) => `data-agency="${esc(agencies[i]!.code)}"` },
  );
}

export function robustnessIntro(sens: Sensitivity, lang: Lang, f: NumberFormat): string {
  const l = (key: string, params?: Params) => t(key, lang, params);
  const spread = f.plain(sens.spread * 100);
  return [
    `<section id="robustness"><h2>${esc(l('HTML_ROBUSTNESS'))}</h2>`,
    `<p>${esc(l('SENS_METHOD_WEIGHTS', { runs: sens.runs, seed: sens.seed, spread, low: f.plain(1 - sens.spread), high: f.plain(1 + sens.spread) }))}</p>`,
    `<p>${esc(l('SENS_METHOD_ADJUSTMENTS'))}</p>`,
  ].join('\n');
}

export function robustnessTable(g: Sensitivity['groups'][number], lang: Lang): string {
  const l = (key: string) => t(key, lang);
  return tableHtml(
    [{ head: l('LABEL_AGENCY') }, { head: l('LABEL_RANK'), num: true }, { head: l('SENS_MEDIAN'), num: true }, { head: l('SENS_INTERVAL'), num: true }, { head: l('SENS_RANGE'), num: true }],
    g.agencies.map((a) => [
      cell(agencyLabel(a.name, a.code)),
      num(String(a.rank), a.rank),
      num(String(a.median), a.median),
      num(a.p5 === a.p95 ? String(a.p5) : `${a.p5}–${a.p95}`, a.p95 - a.p5),
      num(a.best === a.worst ? String(a.best) : `${a.best}–${a.worst}`, a.worst - a.best),
    ]),
    { sortable: true, cls: 'robustness' },
  );
}

export function revertedTable(g: Sensitivity['groups'][number], lang: Lang, f: NumberFormat): string {
  const l = (key: string, params?: Params) => t(key, lang, params);
  if (g.adjustments.length === 0) return `<p>${esc(l('HTML_ADJUSTMENTS_NONE'))}</p>`;
  return tableHtml(
    [{ head: l('LABEL_AGENCY') }, { head: l('SUMMARY_COL_LEAF') }, { head: l('CARD_COL_APPRAISED'), num: true }, { head: l('WB_COL_COMPUTED'), num: true }, { head: l('SENS_COL_MOVES') }],
    g.adjustments.map((x) => [
      cell(agencyLabel(x.name, x.agency)),
      cell(x.leaf),
      num(f.points(x.points), x.points),
      num(f.points(x.computedPoints), x.computedPoints),
      cell(x.moves.length === 0 ? l('SENS_NO_MOVE') : x.moves.map((m) => l('SENS_MOVE', { agency: agencyLabel(m.name, m.code), rank: m.rank, without: m.rankWithout })).join('; ')),
    ]),
    { cls: 'reverted' },
  );
}

export function issuesSection(doc: ResultsDoc, cmp: Comparison | undefined, lang: Lang): string {
  const l = (key: string, params?: Params) => t(key, lang, params);
  // The document's issues are worded already (in its own language); the comparison's are worded here.
  const all = [
    ...doc.issues.map((i) => ({ severity: i.severity, code: i.code, where: renderLocation(i, lang), message: i.message })),
    ...(cmp?.issues ?? []).map((i) => ({ severity: i.severity, code: i.code, where: renderLocation(i.location, lang), message: t(i.code, lang, i.params) })),
  ];
  const out = [`<section id="issues"><h2>${esc(l('SUMMARY_ISSUES'))}</h2>`];
  if (all.length === 0) out.push(`<p>${esc(l('SUMMARY_NO_ISSUES'))}</p>`);
  else {
    const order = { error: 0, warning: 1, info: 2 } as const;
    all.sort((a, b) => order[a.severity] - order[b.severity]);
    out.push(
      tableHtml(
        [{ head: l('LABEL_SEVERITY') }, { head: l('LABEL_ISSUE_CODE') }, { head: l('WB_COL_LOCATION') }, { head: l('LABEL_MESSAGE') }],
        all.map((i) => [cell(l(`LABEL_SEVERITY_${i.severity}`), { v: order[i.severity] }), cell(i.code), cell(i.where), cell(i.message)]),
        { sortable: true, cls: 'issues' },
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

/** The agencies whose rank changed since last year, biggest climbers first. */
export function moversTable(moved: readonly AgencyComparison[], lang: Lang, f: NumberFormat, previousYear: number): string {
  const l = (key: string, params?: Params) => t(key, lang, params);
  return tableHtml(
    [{ head: l('LABEL_AGENCY') }, { head: l('SUMMARY_COL_PREV_RANK', { year: previousYear }), num: true }, { head: l('LABEL_RANK'), num: true }, { head: l('SUMMARY_COL_RANK_CHANGE'), num: true }, { head: l('SUMMARY_COL_INDEX_CHANGE'), num: true }],
    moved.map((a) => [
      cell(agencyLabel(a.name, a.code)),
      num(String(a.previous!.rank), a.previous!.rank),
      num(String(a.rank), a.rank),
      num(rankChangeText(a, lang), a.rankChange, a.rankChange! > 0 ? 'up' : 'down'),
      num(a.indexChange !== null ? f.signedIndex(a.indexChange) : '–', a.indexChange),
    ]),
    { sortable: true, cls: 'movers' },
  );
}

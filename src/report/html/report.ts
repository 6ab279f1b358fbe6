import { agencyCard, type CardOptions, type ClassBand } from '../../analysis/card.js';
import type { ScopeOf } from '../../analysis/scope.js';
import { sensitivity, type Sensitivity } from '../../analysis/sensitivity.js';
import { assessmentYear, rankChangeText } from '../../compare/compare.js';
import type { AgencyComparison, Comparison } from '../../compare/schema.js';
import { t } from '../../i18n/catalog.js';
import { renderLocation } from '../../i18n/render.js';
import type { Lang, Params } from '../../i18n/types.js';
import type { AgencyJson, ResultsDoc } from '../../results/schema.js';
import { adjustmentsTable, cardArticle } from './card.js';
import { distributionChart, heatmapChart, rankingChart, sensitivityChart } from './chart-options.js';
import { renderCharts, type ChartSpec } from './charts.js';
import { agencyLabel, esc, numberFormat, type NumberFormat } from './format.js';
import { cell, figureHtml, num, pageHtml, tableHtml, type Cell, type Column } from './page.js';

export interface ReportOptions {
  readonly lang: Lang;
  /** This year against last year: last year's values beside the bars, the movers, the change on each card. */
  readonly comparison?: Comparison;
  /** The framework's classes: bands on the ranking charts, the next class on the cards. */
  readonly classes?: readonly ClassBand[];
  readonly scopeOf?: ScopeOf;
  readonly leaf?: CardOptions['leaf'];
  /** The rank-robustness section's Monte Carlo settings. */
  readonly sensitivity?: { readonly runs: number; readonly seed: number; readonly spread: number };
}

export const DEFAULT_SENSITIVITY = { runs: 1000, seed: 1, spread: 0.2 } as const;

/**
 * The visual report: one self-contained HTML file (styles, script and SVG charts inline,
 * nothing fetched) that reads on a phone and prints on A4. Per group: the ranking as a chart and
 * a sortable table, the main-indicator heatmap, pillars, the spread of the index, the movers and
 * the council's adjustments; then rank robustness, the remaining issues, and a card per agency.
 * Deterministic: the same document and options give the same bytes (no dates, seeded sampling).
 */
export async function reportHtml(doc: ResultsDoc, options: ReportOptions): Promise<string> {
  const { lang } = options;
  const l = (key: string, params?: Params) => t(key, lang, params);
  const f = numberFormat(doc, lang);
  const cmp = options.comparison;
  const year = assessmentYear(doc);
  const groups = doc.groups.filter((g) => g.agencies.length > 0);
  const classes = options.classes ?? [];
  const sens = sensitivity(doc, { ...(options.sensitivity ?? DEFAULT_SENSITIVITY), ...(options.scopeOf ? { scopeOf: options.scopeOf } : {}) });

  const specs: ChartSpec[] = [];
  const chart = (spec: ChartSpec) => {
    specs.push(spec);
    return spec.id;
  };
  // Sections are built as functions of the rendered charts, so every chart is drawn in one pass.
  const parts: ((svgs: Map<string, string>) => string)[] = [];
  const text = (s: string) => parts.push(() => s);

  const title = l('HTML_TITLE', { framework: doc.framework.name[lang], year });
  const counted = (count: number) => l(count === 1 ? 'SUMMARY_AGENCIES_ONE' : 'SUMMARY_AGENCIES', { count });
  text(`<header><h1>${esc(title)}</h1>`);
  text(
    `<p>${esc(l('SUMMARY_INTRO', { id: doc.framework.id, version: doc.framework.version, agencies: counted(doc.summary.agencies), groups: l(groups.length === 1 ? 'SUMMARY_GROUPS_ONE' : 'SUMMARY_GROUPS', { count: groups.length }) }))}${cmp ? ' ' + esc(l('SUMMARY_COMPARED', { year: cmp.previousYear })) : ''}</p></header>`,
  );
  const toc = [
    ...groups.map((g, i) => `<li><a href="#group-${i}">${esc(g.name[lang])}</a></li>`),
    `<li><a href="#robustness">${esc(l('HTML_ROBUSTNESS'))}</a></li>`,
    `<li><a href="#issues">${esc(l('SUMMARY_ISSUES'))}</a></li>`,
    `<li><a href="#cards">${esc(l('HTML_CARDS'))}</a></li>`,
  ];
  text(`<nav class="toc"><strong>${esc(l('HTML_CONTENTS'))}</strong><ul>${toc.join('')}</ul></nav>`);

  groups.forEach((g, gi) => {
    const rows = cmp?.groups.find((x) => x.id === g.id);
    const compared = new Map<string, AgencyComparison>((rows?.agencies ?? []).map((a) => [a.code, a]));
    const previous = new Map<string, number>();
    for (const a of rows?.agencies ?? []) if (a.previous) previous.set(a.code, a.previous.index);
    const groupTitle = l('SUMMARY_GROUP', { group: g.name[lang], agencies: counted(g.agencies.length) });
    text(`<section class="group" id="group-${gi}" data-group="${esc(g.id)}"><h2>${esc(groupTitle)}</h2>`);
    if (!g.ranked) text(`<p>${esc(l('SUMMARY_GROUP_NOT_RANKED'))}</p>`);

    // The ranking.
    const rankId = chart(
      rankingChart(`g${gi}-rank`, l('HTML_CHART_RANKING', { group: g.name[lang] }), g.agencies, f, { thisYear: String(year), ...(cmp ? { lastYear: String(cmp.previousYear) } : {}) }, previous, classes, lang),
    );
    text(`<h3>${esc(l('SUMMARY_RANKING'))}</h3>`);
    const caption = l(cmp ? 'HTML_CAPTION_RANKING_PREVIOUS' : 'HTML_CAPTION_RANKING', { year, previous: cmp?.previousYear ?? '' }) + (classes.length > 0 ? ' ' + l('HTML_CAPTION_CLASSES') : '');
    parts.push((svgs) => figureHtml(svgs.get(rankId), caption));
    text(rankingTable(g.agencies, g.ranked, compared, lang, f, cmp?.previousYear));

    // Main indicators.
    const withMains = g.agencies.filter((a) => a.indicators.length > 0);
    if (withMains.length > 0) {
      const heatId = chart(heatmapChart(`g${gi}-heat`, l('HTML_CHART_HEATMAP', { group: g.name[lang] }), withMains, f, lang));
      text(`<h3>${esc(l('HTML_INDICATORS'))}</h3>`);
      parts.push((svgs) => figureHtml(svgs.get(heatId), l('HTML_CAPTION_HEATMAP')));
      // On paper the heatmap's labelled cells already give these numbers.
      text(valuesTable(withMains, (a) => a.indicators, lang, f, 'indicators screen-only'));
    }

    // Pillars.
    const withPillars = g.agencies.filter((a) => a.pillars.length > 0);
    if (withPillars.length > 0) {
      text(`<h3>${esc(l('HTML_PILLARS'))}</h3>`);
      text(valuesTable(withPillars, (a) => a.pillars, lang, f, 'pillars'));
    }

    // The spread of the index.
    const distId = chart(distributionChart(`g${gi}-dist`, l('HTML_CHART_DISTRIBUTION', { group: g.name[lang] }), g.agencies, f, l('HTML_AGENCY_COUNT')));
    text(`<h3>${esc(l('HTML_DISTRIBUTION'))}</h3>`);
    parts.push((svgs) => figureHtml(svgs.get(distId), l('HTML_CAPTION_DISTRIBUTION')));

    // Movers.
    if (cmp && rows) {
      const moved = rows.agencies
        .filter((a) => a.rankChange !== null && a.rankChange !== 0)
        .sort((x, y) => y.rankChange! - x.rankChange! || (x.rank ?? 0) - (y.rank ?? 0) || (x.code < y.code ? -1 : 1));
      text(`<h3>${esc(l('HTML_MOVERS', { year: cmp.previousYear }))}</h3>`);
      if (moved.length === 0) text(`<p>${esc(l('SUMMARY_NONE'))}</p>`);
      else {
        text(
          tableHtml(
            [{ head: l('LABEL_AGENCY') }, { head: l('SUMMARY_COL_PREV_RANK', { year: cmp.previousYear }), num: true }, { head: l('LABEL_RANK'), num: true }, { head: l('SUMMARY_COL_RANK_CHANGE'), num: true }, { head: l('SUMMARY_COL_INDEX_CHANGE'), num: true }],
            moved.map((a) => [
              cell(agencyLabel(a.name, a.code)),
              num(String(a.previous!.rank), a.previous!.rank),
              num(String(a.rank), a.rank),
              num(rankChangeText(a, lang), a.rankChange, a.rankChange! > 0 ? 'up' : 'down'),
              num(a.indexChange !== null ? f.signedIndex(a.indexChange) : '–', a.indexChange),
            ]),
            { sortable: true, cls: 'movers' },
          ),
        );
      }
    }

    // The council's adjustments.
    const adjusted = g.agencies.flatMap((a) =>
      a.leaves
        .filter((x) => x.appraisal)
        .map((x) => {
          const computed = x.computedPoints ?? x.points;
          return { agency: agencyLabel(a.name, a.code), leaf: x.code, computedPoints: computed, points: x.points, change: Number((x.points - computed).toFixed(doc.framework.precision.points)), reason: x.appraisal!.reason, ...(x.appraisal!.reviewer ? { reviewer: x.appraisal!.reviewer } : {}) };
        }),
    );
    text(`<h3>${esc(l('SUMMARY_ADJUSTMENTS'))}</h3>`);
    text(adjusted.length === 0 ? `<p>${esc(l('HTML_ADJUSTMENTS_NONE'))}</p>` : adjustmentsTable(adjusted, lang, f));
    text('</section>');
  });

  // Rank robustness.
  text(robustnessIntro(sens, lang, f));
  sens.groups.forEach((sg, gi) => {
    if (sg.agencies.length === 0) return;
    const id = chart(
      sensitivityChart(`g${gi}-sens`, l('HTML_CHART_SENSITIVITY', { group: sg.name[lang] }), sg, {
        interval: l('SENS_INTERVAL'),
        median: l('SENS_MEDIAN'),
        rank: l('SENS_PUBLISHED'),
        axis: l('LABEL_RANK'),
      }),
    );
    text(`<h3>${esc(sg.name[lang])}</h3>`);
    parts.push((svgs) => figureHtml(svgs.get(id), l('HTML_CAPTION_SENSITIVITY', { runs: sens.runs })));
    text(robustnessTable(sg, lang));
    text(`<h4>${esc(l('SENS_ADJUSTMENTS'))}</h4>`);
    text(revertedTable(sg, lang, f));
  });
  text('</section>');

  // Remaining issues.
  text(issuesSection(doc, cmp, lang));

  // Cards.
  text(`<section class="cards" id="cards"><h2 class="noprint">${esc(l('HTML_CARDS'))}</h2>`);
  for (const g of groups) {
    for (const a of g.agencies) {
      const card = agencyCard(doc, a.code, {
        classes,
        ...(cmp ? { comparison: cmp } : {}),
        ...(options.scopeOf ? { scopeOf: options.scopeOf } : {}),
        ...(options.leaf ? { leaf: options.leaf } : {}),
      })!;
      text(cardArticle(card, { doc, lang, year, ...(cmp ? { previousYear: cmp.previousYear } : {}) }));
    }
  }
  text('</section>');
  text(`<footer class="muted"><p>${esc(l('HTML_FOOTER', { tool: `dti ${doc.tool.version}`, framework: `${doc.framework.id} ${doc.framework.version}` }))}</p></footer>`);

  const svgs = await renderCharts(specs);
  return pageHtml(lang, title, parts.map((p) => p(svgs)).join('\n'), true);
}

function rankingTable(agencies: readonly AgencyJson[], ranked: boolean, compared: ReadonlyMap<string, AgencyComparison>, lang: Lang, f: NumberFormat, previousYear: number | undefined): string {
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
function valuesTable(agencies: readonly AgencyJson[], values: (a: AgencyJson) => AgencyJson['indicators'], lang: Lang, f: NumberFormat, cls: string): string {
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

function robustnessIntro(sens: Sensitivity, lang: Lang, f: NumberFormat): string {
  const l = (key: string, params?: Params) => t(key, lang, params);
  const spread = f.plain(sens.spread * 100);
  return [
    `<section id="robustness"><h2>${esc(l('HTML_ROBUSTNESS'))}</h2>`,
    `<p>${esc(l('SENS_METHOD_WEIGHTS', { runs: sens.runs, seed: sens.seed, spread, low: f.plain(1 - sens.spread), high: f.plain(1 + sens.spread) }))}</p>`,
    `<p>${esc(l('SENS_METHOD_ADJUSTMENTS'))}</p>`,
  ].join('\n');
}

function robustnessTable(g: Sensitivity['groups'][number], lang: Lang): string {
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

function revertedTable(g: Sensitivity['groups'][number], lang: Lang, f: NumberFormat): string {
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

function issuesSection(doc: ResultsDoc, cmp: Comparison | undefined, lang: Lang): string {
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

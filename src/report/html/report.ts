import { agencyCardOf, type CardOptions, type ClassBand } from '../../analysis/card.js';
import type { ScopeOf } from '../../analysis/scope.js';
import { sensitivity } from '../../analysis/sensitivity.js';
import { assessmentYear } from '../../compare/compare.js';
import type { AgencyComparison, Comparison } from '../../compare/schema.js';
import { t } from '../../i18n/catalog.js';
import type { Lang, Params } from '../../i18n/types.js';
import type { ResultsDoc } from '../../results/schema.js';
import { adjustmentsTable, cardArticle } from './card.js';
import { distributionChart, heatmapChart, rankingChart, sensitivityChart, shownRows } from './chart-options.js';
import { loadECharts, renderChart, type ChartSpec, type ECharts } from './charts.js';
import { agencyLabel, esc, numberFormat } from './format.js';
import { figureHtml, pageParts } from './page.js';
import { issuesSection, moversTable, rankingTable, revertedTable, robustnessIntro, robustnessTable, valuesTable } from './sections.js';

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
 *
 * Written as a sequence of chunks (a section, a chart, a card at a time) so that a report of
 * 10,000 agencies is streamed to its file and never held whole; `reportHtml` joins them. The
 * charting library is loaded first (the one asynchronous step); then each chunk is made when it
 * is asked for, synchronously, so a writer that pulls chunks (a file, a stream) can use them.
 */
export async function reportChunks(doc: ResultsDoc, options: ReportOptions): Promise<Generator<string>> {
  return chunksOf(doc, options, await loadECharts());
}

function* chunksOf(doc: ResultsDoc, options: ReportOptions, echarts: ECharts): Generator<string> {
  const { lang } = options;
  const l = (key: string, params?: Params) => t(key, lang, params);
  const f = numberFormat(doc, lang);
  const cmp = options.comparison;
  const year = assessmentYear(doc);
  const groups = doc.groups.filter((g) => g.agencies.length > 0);
  const classes = options.classes ?? [];
  const sens = sensitivity(doc, { ...(options.sensitivity ?? DEFAULT_SENSITIVITY), ...(options.scopeOf ? { scopeOf: options.scopeOf } : {}) });
  const figure = (spec: ChartSpec, caption: string) => figureHtml(renderChart(echarts, spec), caption);

  const title = l('HTML_TITLE', { framework: doc.framework.name[lang], year });
  const page = pageParts(lang, title, true);
  const counted = (count: number) => l(count === 1 ? 'SUMMARY_AGENCIES_ONE' : 'SUMMARY_AGENCIES', { count });
  // The page's parts are separated by a newline, as one string joined would have them.
  let first = true;
  const part = (s: string) => {
    const out = first ? s : '\n' + s;
    first = false;
    return out;
  };
  yield page.head;
  yield part(`<header><h1>${esc(title)}</h1>`);
  yield part(
    `<p>${esc(l('SUMMARY_INTRO', { id: doc.framework.id, version: doc.framework.version, agencies: counted(doc.summary.agencies), groups: l(groups.length === 1 ? 'SUMMARY_GROUPS_ONE' : 'SUMMARY_GROUPS', { count: groups.length }) }))}${cmp ? ' ' + esc(l('SUMMARY_COMPARED', { year: cmp.previousYear })) : ''}</p></header>`,
  );
  const toc = [
    ...groups.map((g, i) => `<li><a href="#group-${i}">${esc(g.name[lang])}</a></li>`),
    `<li><a href="#robustness">${esc(l('HTML_ROBUSTNESS'))}</a></li>`,
    `<li><a href="#issues">${esc(l('SUMMARY_ISSUES'))}</a></li>`,
    `<li><a href="#cards">${esc(l('HTML_CARDS'))}</a></li>`,
  ];
  yield part(`<nav class="toc"><strong>${esc(l('HTML_CONTENTS'))}</strong><ul>${toc.join('')}</ul></nav>`);

  for (const [gi, g] of groups.entries()) {
    const rows = cmp?.groups.find((x) => x.id === g.id);
    const compared = new Map<string, AgencyComparison>((rows?.agencies ?? []).map((a) => [a.code, a]));
    const previous = new Map<string, number>();
    for (const a of rows?.agencies ?? []) if (a.previous) previous.set(a.code, a.previous.index);
    const groupTitle = l('SUMMARY_GROUP', { group: g.name[lang], agencies: counted(g.agencies.length) });
    yield part(`<section class="group" id="group-${gi}" data-group="${esc(g.id)}"><h2>${esc(groupTitle)}</h2>`);
    if (!g.ranked) yield part(`<p>${esc(l('SUMMARY_GROUP_NOT_RANKED'))}</p>`);
    // A large group's charts draw its first and last agencies only: a bar per agency would be unreadable.
    const shown = shownRows(g.agencies.length);
    const shownNote = (kind: 'ranking' | 'rows') => (shown ? ' ' + l(kind === 'ranking' ? 'HTML_CAPTION_SHOWN_RANKING' : 'HTML_CAPTION_SHOWN', { count: g.agencies.length, top: shown.top, bottom: shown.bottom }) : '');
    const gap = (count: number) => l('HTML_CHART_GAP', { count });

    // The ranking.
    const rankSpec = rankingChart(`g${gi}-rank`, l('HTML_CHART_RANKING', { group: g.name[lang] }), g.agencies, f, { thisYear: String(year), ...(cmp ? { lastYear: String(cmp.previousYear) } : {}), gap }, previous, classes, lang);
    yield part(`<h3>${esc(l('SUMMARY_RANKING'))}</h3>`);
    const caption = l(cmp ? 'HTML_CAPTION_RANKING_PREVIOUS' : 'HTML_CAPTION_RANKING', { year, previous: cmp?.previousYear ?? '' }) + (classes.length > 0 ? ' ' + l('HTML_CAPTION_CLASSES') : '') + shownNote('ranking');
    yield part(figure(rankSpec, caption));
    yield part(rankingTable(g.agencies, g.ranked, compared, lang, f, cmp?.previousYear));

    // Main indicators.
    const withMains = g.agencies.filter((a) => a.indicators.length > 0);
    if (withMains.length > 0) {
      const heatSpec = heatmapChart(`g${gi}-heat`, l('HTML_CHART_HEATMAP', { group: g.name[lang] }), withMains, f, lang, gap);
      yield part(`<h3>${esc(l('HTML_INDICATORS'))}</h3>`);
      const heatShown = shownRows(withMains.length);
      yield part(figure(heatSpec, l('HTML_CAPTION_HEATMAP') + (heatShown ? ' ' + l('HTML_CAPTION_SHOWN', { count: withMains.length, top: heatShown.top, bottom: heatShown.bottom }) : '')));
      // On paper the heatmap's labelled cells already give these numbers.
      yield part(valuesTable(withMains, (a) => a.indicators, lang, f, 'indicators screen-only'));
    }

    // Pillars.
    const withPillars = g.agencies.filter((a) => a.pillars.length > 0);
    if (withPillars.length > 0) {
      yield part(`<h3>${esc(l('HTML_PILLARS'))}</h3>`);
      yield part(valuesTable(withPillars, (a) => a.pillars, lang, f, 'pillars'));
    }

    // The spread of the index.
    const distSpec = distributionChart(`g${gi}-dist`, l('HTML_CHART_DISTRIBUTION', { group: g.name[lang] }), g.agencies, f, l('HTML_AGENCY_COUNT'));
    yield part(`<h3>${esc(l('HTML_DISTRIBUTION'))}</h3>`);
    yield part(figure(distSpec, l('HTML_CAPTION_DISTRIBUTION')));

    // Movers.
    if (cmp && rows) {
      const moved = rows.agencies
        .filter((a) => a.rankChange !== null && a.rankChange !== 0)
        .sort((x, y) => y.rankChange! - x.rankChange! || (x.rank ?? 0) - (y.rank ?? 0) || (x.code < y.code ? -1 : 1));
      yield part(`<h3>${esc(l('HTML_MOVERS', { year: cmp.previousYear }))}</h3>`);
      if (moved.length === 0) yield part(`<p>${esc(l('SUMMARY_NONE'))}</p>`);
      else yield part(moversTable(moved, lang, f, cmp.previousYear));
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
    yield part(`<h3>${esc(l('SUMMARY_ADJUSTMENTS'))}</h3>`);
    yield part(adjusted.length === 0 ? `<p>${esc(l('HTML_ADJUSTMENTS_NONE'))}</p>` : adjustmentsTable(adjusted, lang, f));
    yield part('</section>');
  }

  // Rank robustness.
  yield part(robustnessIntro(sens, lang, f));
  for (const [gi, sg] of sens.groups.entries()) {
    if (sg.agencies.length === 0) continue;
    const spec = sensitivityChart(`g${gi}-sens`, l('HTML_CHART_SENSITIVITY', { group: sg.name[lang] }), sg, {
      interval: l('SENS_INTERVAL'),
      median: l('SENS_MEDIAN'),
      rank: l('SENS_PUBLISHED'),
      axis: l('LABEL_RANK'),
      gap: (count) => l('HTML_CHART_GAP', { count }),
    });
    yield part(`<h3>${esc(sg.name[lang])}</h3>`);
    const sensShown = shownRows(sg.agencies.length);
    yield part(figure(spec, l('HTML_CAPTION_SENSITIVITY', { runs: sens.runs }) + (sensShown ? ' ' + l('HTML_CAPTION_SHOWN', { count: sg.agencies.length, top: sensShown.top, bottom: sensShown.bottom }) : '')));
    yield part(robustnessTable(sg, lang));
    yield part(`<h4>${esc(l('SENS_ADJUSTMENTS'))}</h4>`);
    yield part(revertedTable(sg, lang, f));
  }
  yield part('</section>');

  // Remaining issues.
  yield part(issuesSection(doc, cmp, lang));

  // Cards, one at a time.
  yield part(`<section class="cards" id="cards"><h2 class="noprint">${esc(l('HTML_CARDS'))}</h2>`);
  const cardOptions = {
    classes,
    ...(cmp ? { comparison: cmp } : {}),
    ...(options.scopeOf ? { scopeOf: options.scopeOf } : {}),
    ...(options.leaf ? { leaf: options.leaf } : {}),
  };
  const context = { doc, lang, year, ...(cmp ? { previousYear: cmp.previousYear } : {}) };
  for (const g of groups) {
    for (const a of g.agencies) yield part(cardArticle(agencyCardOf(doc, g, a, cardOptions), context));
  }
  yield part('</section>');
  yield part(`<footer class="muted"><p>${esc(l('HTML_FOOTER', { tool: `dti ${doc.tool.version}`, framework: `${doc.framework.id} ${doc.framework.version}` }))}</p></footer>`);
  yield page.tail;
}

/** The whole report as one string: for small documents and tests (a large one is streamed from reportChunks). */
export async function reportHtml(doc: ResultsDoc, options: ReportOptions): Promise<string> {
  return [...(await reportChunks(doc, options))].join('');
}

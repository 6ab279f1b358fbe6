import type { AgencyCard } from '../../analysis/card.js';
import { ZERO, dec, toNumber } from '../../core/decimal.js';
import { rankChangeText } from '../../compare/compare.js';
import { t } from '../../i18n/catalog.js';
import { renderLocation } from '../../i18n/render.js';
import type { Lang, Params } from '../../i18n/types.js';
import type { ResultsDoc } from '../../results/schema.js';
import { agencyLabel, esc, numberFormat, type NumberFormat } from './format.js';
import { cell, num, pageHtml, tableHtml } from './page.js';

/**
 * An agency's report card ("phiếu kết quả") as HTML: an article of the report, or a page of its
 * own (`dti card`). The numbers come from src/analysis/card.ts; this only lays them out.
 */
export interface CardContext {
  readonly doc: ResultsDoc;
  readonly lang: Lang;
  readonly year: number;
  /** Last year, when the results were compared. */
  readonly previousYear?: number;
}

export function cardArticle(card: AgencyCard, ctx: CardContext, heading: 'h1' | 'h2' = 'h2'): string {
  const { lang } = ctx;
  const l = (key: string, params?: Params) => t(key, lang, params);
  const f = numberFormat(ctx.doc, lang);
  const a = card.agency;
  const sub = heading === 'h1' ? 'h2' : 'h3';
  const out: string[] = [];
  out.push(`<article class="card" id="card-${esc(a.code)}" data-agency="${esc(a.code)}">`);
  out.push(`<${heading}>${esc(l('CARD_TITLE', { agency: agencyLabel(a.name, a.code), year: ctx.year }))}</${heading}>`);
  out.push(`<p class="muted">${esc(card.group.name[lang])}</p>`);

  // The head: index, rank, class, change since last year.
  const head: { label: string; value: string; cls: string; sub?: string }[] = [
    { label: l('LABEL_INDEX'), value: f.index(a.index), cls: 'index' },
    { label: l('LABEL_POINTS'), value: `${f.points(a.points)} / ${f.points(a.maxPoints)}`, cls: 'points' },
    { label: l('LABEL_RANK'), value: rankText(card, lang), cls: 'rank' },
  ];
  if (a.class) head.push({ label: l('LABEL_CLASS'), value: a.class.name[lang], cls: 'class' });
  if (ctx.previousYear !== undefined) {
    const p = card.previous;
    const year = ctx.previousYear;
    if (!p) head.push({ label: l('CARD_SINCE', { year }), value: l('CARD_NEW'), cls: 'change' });
    else {
      head.push({ label: l('SUMMARY_COL_PREV_INDEX', { year }), value: f.index(p.index), cls: 'previous-index', ...(p.indexChange !== null ? { sub: `${l('SUMMARY_COL_INDEX_CHANGE')}: ${f.signedIndex(p.indexChange)}` } : {}) });
      if (p.rank !== null) {
        head.push({ label: l('SUMMARY_COL_PREV_RANK', { year }), value: String(p.rank), cls: 'previous-rank', ...(p.rankChange !== null ? { sub: `${l('SUMMARY_COL_RANK_CHANGE')}: ${rankChangeText({ status: 'same', rankChange: p.rankChange }, lang)}` } : {}) });
      }
    }
  }
  out.push(
    `<div class="card-head">${head
      .map((h) => `<div class="${h.cls}"><span class="label">${esc(h.label)}</span><span class="big">${esc(h.value)}</span>${h.sub ? `<span class="sub">${esc(h.sub)}</span>` : ''}</div>`)
      .join('')}</div>`,
  );

  // What it takes to move up.
  out.push(`<${sub}>${esc(l('CARD_NEXT'))}</${sub}>`, '<ul class="steps">', ...steps(card, lang, f).map((s) => `<li>${esc(s)}</li>`), '</ul>');

  // Main indicators against the group.
  out.push(`<${sub}>${esc(l('CARD_INDICATORS'))}</${sub}>`);
  out.push(
    tableHtml(
      [{ head: l('SUMMARY_COL_INDICATOR') }, { head: l('LABEL_POINTS'), num: true }, { head: l('LABEL_INDEX'), num: true }, { head: l('LABEL_RANK'), num: true }, { head: l('CARD_MEDIAN'), num: true }, { head: l('CARD_BEST'), num: true }],
      card.indicators.map((i) => [
        cell(`${i.code} ${i.name[lang]}`),
        num(`${f.points(i.points)} / ${f.points(i.maxPoints)}`, i.points),
        num(f.index(i.index), i.index, i.index < i.median ? 'down' : ''),
        num(i.rank === null ? '–' : String(i.rank), i.rank),
        num(f.index(i.median), i.median),
        num(f.index(i.best), i.best),
      ]),
      { cls: 'indicators' },
    ),
  );

  // Points lost, what each leaf could still give.
  out.push(`<${sub}>${esc(l('CARD_LOST'))}</${sub}>`);
  if (card.lost.length === 0) out.push(`<p>${esc(l('CARD_LOST_NONE'))}</p>`);
  else {
    out.push(
      tableHtml(
        [{ head: l('SUMMARY_COL_LEAF') }, { head: l('SUMMARY_COL_INDICATOR') }, { head: l('LABEL_POINTS'), num: true }, { head: l('LABEL_MAX_POINTS'), num: true }, { head: l('CARD_COL_LOST'), num: true }],
        card.lost.map((x) => [
          cell(x.name ? `${x.code} ${x.name[lang]}` : x.code),
          cell(x.main ? `${x.main} ${a.indicators.find((i) => i.code === x.main)?.name[lang] ?? ''}`.trim() : '–'),
          num(f.points(x.points), x.points),
          num(f.points(x.maxPoints), x.maxPoints),
          num(f.points(x.lost), x.lost, 'lost'),
        ]),
        { cls: 'lost', rowAttrs: printedFirst(PRINTED.lost) },
      ),
    );
    // On paper the card keeps to one A4 page: the leaves it could gain most on, and the rest summed.
    const rest = card.lost.slice(PRINTED.lost);
    if (rest.length > 0) {
      const points = rest.reduce((sum, x) => sum.plus(dec(x.lost)), ZERO);
      out.push(`<p class="print-only more-note">${esc(l('CARD_LOST_MORE', { count: rest.length, points: f.points(toNumber(points, ctx.doc.framework.precision.points)) }))}</p>`);
    }
  }

  // The council's adjustments.
  out.push(`<${sub}>${esc(l('SUMMARY_ADJUSTMENTS'))}</${sub}>`);
  if (card.adjustments.length === 0) out.push(`<p>${esc(l('CARD_ADJUSTMENTS_NONE'))}</p>`);
  else {
    out.push(adjustmentsTable(card.adjustments, lang, f, printedFirst(PRINTED.adjustments)));
    if (card.adjustments.length > PRINTED.adjustments) out.push(`<p class="print-only more-note">${esc(l('CARD_MORE_ROWS', { count: card.adjustments.length - PRINTED.adjustments }))}</p>`);
  }

  // Issues found in its submission.
  out.push(`<${sub}>${esc(l('CARD_ISSUES'))}</${sub}>`);
  if (card.issues.length === 0) out.push(`<p>${esc(l('CARD_ISSUES_NONE'))}</p>`);
  else {
    out.push(
      tableHtml(
        [{ head: l('LABEL_SEVERITY') }, { head: l('LABEL_ISSUE_CODE') }, { head: l('WB_COL_LOCATION') }, { head: l('LABEL_MESSAGE') }],
        card.issues.map((i) => [cell(l(`LABEL_SEVERITY_${i.severity}`)), cell(i.code), cell(renderLocation(i, lang)), cell(i.message)]),
        { rowAttrs: printedFirst(PRINTED.issues) },
      ),
    );
    if (card.issues.length > PRINTED.issues) out.push(`<p class="print-only more-note">${esc(l('CARD_MORE_ROWS', { count: card.issues.length - PRINTED.issues }))}</p>`);
  }
  out.push('</article>');
  return out.join('\n');
}

/**
 * How many rows of a card's long tables go on paper, so that a card prints on one A4 page; the
 * screen shows them all, and a note on paper says what was left out.
 */
const PRINTED = { lost: 12, adjustments: 4, issues: 4 } as const;
const printedFirst = (count: number) => (i: number) => (i >= count ? 'class="more"' : '');

export function adjustmentsTable(rows: readonly { leaf: string; computedPoints: number; points: number; change: number; reason: string; reviewer?: string; agency?: string }[], lang: Lang, f: NumberFormat, rowAttrs?: (i: number) => string): string {
  const l = (key: string) => t(key, lang);
  const withAgency = rows.some((r) => r.agency !== undefined);
  return tableHtml(
    [
      ...(withAgency ? [{ head: l('LABEL_AGENCY') }] : []),
      { head: l('SUMMARY_COL_LEAF') },
      { head: l('WB_COL_COMPUTED'), num: true },
      { head: l('CARD_COL_APPRAISED'), num: true },
      { head: l('SUMMARY_COL_ADJUSTED_POINTS'), num: true },
      { head: l('CARD_COL_REASON') },
      { head: l('CARD_COL_REVIEWER') },
    ],
    rows.map((r) => [
      ...(withAgency ? [cell(r.agency ?? '')] : []),
      cell(r.leaf),
      num(f.points(r.computedPoints), r.computedPoints),
      num(f.points(r.points), r.points),
      num(f.signedPoints(r.change), r.change),
      cell(r.reason),
      cell(r.reviewer ?? '–'),
    ]),
    { cls: 'adjustments', ...(rowAttrs ? { rowAttrs } : {}) },
  );
}

function rankText(card: AgencyCard, lang: Lang): string {
  const a = card.agency;
  if (a.rank !== null) return t('CARD_RANK_OF', lang, { rank: a.rank, count: card.group.ranked ? card.rankedCount : 0 });
  if (!card.group.ranked) return t('LABEL_NOT_RANKED', lang);
  return a.complete ? '–' : t('LABEL_INCOMPLETE', lang);
}

/** The sentences of "what it takes": points to the next rank and to the next class. */
export function steps(card: AgencyCard, lang: Lang, f: NumberFormat): string[] {
  const l = (key: string, params?: Params) => t(key, lang, params);
  const out: string[] = [];
  const a = card.agency;
  if (card.nextRank) {
    const n = card.nextRank;
    const ahead = n.ahead.map((x) => agencyLabel(x.name, x.code)).join(', ');
    out.push(l(n.reachable ? 'CARD_NEXT_RANK' : 'CARD_NEXT_RANK_OUT_OF_REACH', { points: f.points(n.points), rank: n.rank, ahead }));
  } else if (a.rank === 1) out.push(l('CARD_FIRST'));
  else if (a.rank === null) out.push(l('CARD_NO_RANK'));
  if (card.nextClass) {
    const c = card.nextClass;
    out.push(l(c.reachable ? 'CARD_NEXT_CLASS' : 'CARD_NEXT_CLASS_OUT_OF_REACH', { points: f.points(c.points), class: c.class.name[lang], min: f.index(c.class.min) }));
  } else if (a.class && card.classesKnown) out.push(l('CARD_TOP_CLASS', { class: a.class.name[lang] }));
  return out;
}

/** A card on a page of its own (`dti card`). */
export function cardHtml(card: AgencyCard, ctx: CardContext): string {
  const title = t('CARD_TITLE', ctx.lang, { agency: agencyLabel(card.agency.name, card.agency.code), year: ctx.year });
  return pageHtml(ctx.lang, title, cardArticle(card, ctx, 'h1'), false);
}

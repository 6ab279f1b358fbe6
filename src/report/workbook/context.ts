import type { FrameworkModel } from '../../framework/model.js';
import { t } from '../../i18n/catalog.js';
import type { Lang, Params } from '../../i18n/types.js';
import type { AgencyJson, ResultsDoc } from '../../results/schema.js';
import { countedPoints, leafPoints } from './lookups.js';
import { Value } from './values.js';

/** What every sheet of the ranked workbook reads: the document, the framework, the language and the year, looked up once. */

export interface Context {
  readonly doc: ResultsDoc;
  /** The assessment year shown in titles and on the method sheet. */
  readonly year: number;
  /** The document's title, printed in every page header. */
  readonly title: string;
  readonly model: FrameworkModel;
  readonly lang: Lang;
  readonly l: (key: string, params?: Params) => string;
  readonly fmt: { readonly points: string; readonly index: string; readonly rank: string };
  /** Groups that have agencies, in the doc's order. */
  readonly groups: ResultsDoc['groups'];
  /** Main indicators and pillars present in the doc, in framework order. */
  readonly mainCodes: readonly string[];
  readonly pillarCodes: readonly string[];
  /** Scored leaves that apply to at least one group with agencies, in framework order. */
  readonly leafCodes: readonly string[];
  readonly hasParent: boolean;
  readonly hasClasses: boolean;
  /** Some agency's own max differs from its group's (indicators per agency): a column shows each one's. */
  readonly hasOwnMax: boolean;
  readonly hasBonusPenalty: boolean;
  /** Each agency's counted points per leaf (NaN: none), in leafCodes order: read once, kept compact (8 bytes a leaf). */
  readonly leafPoints: ReadonlyMap<AgencyJson, Float64Array>;
  readonly leafColumn: ReadonlyMap<string, number>;
  nameOf(code: string): string;
}

export function context(doc: ResultsDoc, model: FrameworkModel, lang: Lang, year: number): Context {
  const { precision } = doc.framework;
  const groups = doc.groups.filter((g) => g.agencies.length > 0);
  const agencies = groups.flatMap((g) => g.agencies);
  const order = new Map([...model.nodes.keys()].map((code, i) => [code, i]));
  const pillarOrder = new Map(model.framework.pillars.map((p, i) => [p.code, i]));
  const inOrder = (codes: Iterable<string>, by: ReadonlyMap<string, number>) =>
    [...new Set(codes)].sort((a, b) => (by.get(a) ?? Infinity) - (by.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const names = new Map<string, string>();
  for (const a of agencies) for (const v of [...a.indicators, ...a.pillars]) names.set(v.code, v.name[lang]);

  const mainCodes = inOrder(agencies.flatMap((a) => a.indicators.map((i) => i.code)), order);
  const leafSet = new Set<string>();
  for (const g of groups) for (const n of model.leavesFor(g.id)) leafSet.add(n.code);
  // Each agency's leaves are read once here (they may come from disk); only their points are kept,
  // packed by the order in which leaf codes were first seen (leafColumn).
  const leafColumn = new Map<string, number>();
  for (const code of leafSet) leafColumn.set(code, leafColumn.size);
  const leafPoints = new Map<AgencyJson, Float64Array>();
  for (const a of agencies) {
    const leaves = a.leaves;
    for (const leaf of leaves) if (!leafColumn.has(leaf.code)) leafColumn.set(leaf.code, leafColumn.size);
    const packed = new Float64Array(leafColumn.size).fill(NaN);
    for (const leaf of leaves) {
      const p = countedPoints(leaf);
      if (p !== null) packed[leafColumn.get(leaf.code)!] = p;
    }
    leafPoints.set(a, packed);
  }
  const leafCodes = inOrder(leafColumn.keys(), order);

  return {
    doc,
    year,
    title: t('WB_TITLE_RANKING', lang, { framework: doc.framework.name[lang], year }),
    model,
    lang,
    l: (key, params) => t(key, lang, params),
    fmt: {
      points: decimals(precision.points),
      index: precision.indexDisplay === 'percent' ? `${decimals(Math.max(0, precision.index - 2))}%` : decimals(precision.index),
      rank: '0',
    },
    groups,
    mainCodes,
    pillarCodes: inOrder(agencies.flatMap((a) => a.pillars.map((p) => p.code)), pillarOrder),
    leafCodes,
    leafPoints,
    leafColumn,
    hasParent: agencies.some((a) => a.parent !== undefined),
    hasClasses: model.framework.classes.length > 0 || model.framework.groups.some((g) => (g.classes ?? []).length > 0),
    hasOwnMax: groups.some((g) => g.agencies.some((a) => a.maxPoints !== g.maxPoints)),
    hasBonusPenalty: agencies.some((a) => a.bonusPoints !== undefined),
    nameOf: (code) => names.get(code) ?? model.nodes.get(code)?.node.name[lang] ?? code,
  };
}

export function decimals(places: number): string {
  return places > 0 ? `0.${'0'.repeat(places)}` : '0';
}

/** Rank, or why there is none (group not ranked, agency incomplete). */
export function rankValue(ctx: Context, rank: number | null, ranked: boolean, complete: boolean): Value {
  if (rank !== null) return rank;
  if (!ranked) return ctx.l('LABEL_NOT_RANKED');
  if (!complete) return ctx.l('LABEL_INCOMPLETE');
  return null;
}

export const isTop = (rank: number | null | undefined) => rank !== null && rank !== undefined && rank <= 3;

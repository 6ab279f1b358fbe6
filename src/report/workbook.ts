import ExcelJS from 'exceljs';
import { columnLetters } from '../core/grid.js';
import { assessmentYear, findAgency, rankChangeText } from '../compare/compare.js';
import type { Comparison } from '../compare/schema.js';
import { dec, toNumber } from '../core/decimal.js';
import { describeRule } from '../framework/describe.js';
import type { FrameworkModel, FrameworkNode } from '../framework/model.js';
import { t } from '../i18n/catalog.js';
import { localNumber } from '../i18n/numbers.js';
import type { Lang, Params } from '../i18n/types.js';
import type { AgencyJson, IssueJson, ResultsDoc } from '../results/schema.js';
import { notApplicableText } from './not-applicable.js';
import { LINE_HEIGHT, TEXT_FACTOR, printSetup, rowHeight, solid, wrappedLines } from './excel.js';
import { documentDate } from './workbook-dates.js';
import { Writable } from 'node:stream';
import { maxOf } from '../core/arrays.js';

/**
 * The ranked workbook: ranking per group, one sheet per main indicator, the agency × indicator
 * detail, self-scored against computed points, issues, and the method (framework, settings,
 * rules, input hashes) so that a published table can be reproduced.
 *
 * exceljs stays inside this module: the rest of the code sees a results document going in and
 * bytes coming out. Cells only ever receive strings, numbers, null and (for http and https
 * addresses) hyperlinks, never formula objects, so user text such as "=HYPERLINK(…)" is stored
 * as text. The bytes are reproducible: fixed document dates and fixed zip entry times.
 */

export interface WorkbookOptions {
  readonly lang: Lang;
  /** Seconds since 1970 for the document dates (SOURCE_DATE_EPOCH); 2000-01-01 when absent. */
  readonly sourceDateEpoch?: number;
  /** This year against last year: adds the rank change and last year's index and rank. */
  readonly comparison?: Comparison;
  /** The assessment year of the run (`--year`); else the year most submissions give, else the framework's. */
  readonly year?: number;
}

export async function resultsWorkbook(doc: ResultsDoc, model: FrameworkModel, options: WorkbookOptions): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeResultsWorkbook(doc, model, options, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * The ranked workbook written as it is made, in chunks handed to `put`: exceljs's streaming
 * writer commits each row once it is complete, so memory does not grow with the number of
 * agencies. Each sheet is drawn twice, first to measure (column widths, the print setup, which
 * the file states before the rows), then to write; rows are written in order, each with its
 * height. The streaming writer has no Excel tables: a sheet of one group gets a filter over it.
 */
export async function writeResultsWorkbook(doc: ResultsDoc, model: FrameworkModel, options: WorkbookOptions, put: (chunk: Uint8Array) => void): Promise<void> {
  const lang = options.lang;
  const date = documentDate(options.sourceDateEpoch);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        put(chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  const wb = new PinnedWorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'dti';
  wb.lastModifiedBy = 'dti';
  wb.created = date;
  wb.modified = date;
  const failed = new Promise<never>((_, reject) => sink.on('error', reject));
  failed.catch(() => undefined);

  const ctx = context(doc, model, lang, options.year ?? assessmentYear(doc));
  const names = sheetNamer();
  const add = (name: string, draw: (sheet: SheetWriter) => Promise<void>) => Promise.race([addSheet(wb, names(name), draw), failed]);
  await add(t('WB_SHEET_RANKING', lang), (sheet) => rankingSheet(sheet, ctx, options.comparison));
  if (ctx.mainCodes.length > 0) await add(t('WB_SHEET_MAINS', lang), (sheet) => mainsSheet(sheet, ctx));
  for (const main of ctx.mainCodes) await add(`${main} ${ctx.nameOf(main)}`, (sheet) => indicatorSheet(sheet, ctx, main));
  await add(t('WB_SHEET_DETAIL', lang), (sheet) => detailSheet(sheet, ctx));
  await add(t('WB_SHEET_SELF', lang), (sheet) => selfSheet(sheet, ctx));
  await add(t('WB_SHEET_ISSUES', lang), (sheet) => issuesSheet(sheet, ctx));
  await add(t('WB_SHEET_METHOD', lang), (sheet) => methodSheet(sheet, ctx));
  await Promise.race([wb.commit(), failed]);
}

/** A sheet measured, then written and committed. */
async function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, draw: (sheet: SheetWriter) => Promise<void>): Promise<void> {
  const measure = new SheetWriter();
  await draw(measure);
  const plan = measure.plan();
  // Frozen panes and the print setup go with the worksheet: the streaming writer states them before the rows.
  const printed = { pageSetup: {}, headerFooter: {} } as ExcelJS.Worksheet;
  const o = plan.finish;
  printSetup(printed, {
    title: o.title,
    pageLabel: o.pageLabel,
    widths: plan.measured.map((w) => w ?? MIN_WIDTH),
    ...(o.printTitles ? { titleRows: o.printTitles } : {}),
    ...(o.titleColumns ? { titleColumns: o.titleColumns } : {}),
  });
  const ws = wb.addWorksheet(name, { ...(plan.views.length > 0 ? { views: plan.views } : {}), pageSetup: printed.pageSetup, headerFooter: printed.headerFooter });
  const writer = new SheetWriter(ws, plan);
  await draw(writer);
  writer.end();
}

/**
 * The streaming writer with every zip entry dated 1980-01-01 00:00 (UTC, as the zip library reads
 * a date), so the bytes do not depend on when the workbook was written: the writer gives the zip
 * library no date of its own, so each entry's is set as it is added (the in-memory writer's were
 * patched afterwards). The constructor adds its first entries through addThemes, the first hook.
 */
class PinnedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: { append: (source: unknown, data: Record<string, unknown>) => unknown; pinned?: true } }).zip;
    if (!zip.pinned) {
      zip.pinned = true;
      const append = zip.append.bind(zip);
      zip.append = (source, data) => append(source, { ...data, date: ZIP_ENTRY_DATE });
    }
    return super.addThemes();
  }
}
/**
 * The workbook's typeface, named on every cell given a font of its own: a font without a name is
 * printed by LibreOffice in its default serif, so bold titles and headers stood out from the rest.
 */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const;

const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

// ---------------------------------------------------------------------------------------------
// What every sheet needs: labels, formats, the doc's codes in framework order.

interface Context {
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

function context(doc: ResultsDoc, model: FrameworkModel, lang: Lang, year: number): Context {
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

function decimals(places: number): string {
  return places > 0 ? `0.${'0'.repeat(places)}` : '0';
}

/** Rank, or why there is none (group not ranked, agency incomplete). */
function rankValue(ctx: Context, rank: number | null, ranked: boolean, complete: boolean): Value {
  if (rank !== null) return rank;
  if (!ranked) return ctx.l('LABEL_NOT_RANKED');
  if (!complete) return ctx.l('LABEL_INCOMPLETE');
  return null;
}

const isTop = (rank: number | null | undefined) => rank !== null && rank !== undefined && rank <= 3;

// ---------------------------------------------------------------------------------------------
// Sheets

const TOP_FILL = 'FFFFF2CC';
const HEADER_FILL = 'FFDDEBF7';

type RankItem = { a: AgencyJson; ranked: boolean };

/**
 * The ranking per group: rank, agency, points, index, class, last year's figures when compared,
 * and the pillars. Main-indicator indices and ranks are on their own sheet (mainsSheet): all in
 * one table, the sheet would print at a scale no one can read.
 */
function rankingSheet(sheet: SheetWriter, ctx: Context, comparison: Comparison | undefined): Promise<void> {
  const { l, fmt } = ctx;
  const previousOf = (a: AgencyJson) => {
    const found = comparison ? findAgency(comparison, a.code) : undefined;
    return found ? { text: rankChangeText(found, ctx.lang), index: found.previous?.index ?? null, rank: found.previous?.rank ?? null } : undefined;
  };
  const columns: Column<RankItem>[] = [
    ...identityColumns(ctx),
    ...(ctx.hasParent ? [{ header: l('WB_COL_PARENT'), value: ({ a }: RankItem) => a.parent ?? null }] : []),
    { header: l('LABEL_POINTS'), fmt: fmt.points, value: ({ a }) => a.points },
    ...(ctx.hasOwnMax ? [{ header: l('LABEL_OWN_MAX'), fmt: fmt.points, value: ({ a }: { a: AgencyJson }) => a.maxPoints }] : []),
    ...(ctx.hasBonusPenalty
      ? [
          { header: l('LABEL_BONUS'), fmt: fmt.points, value: ({ a }: { a: AgencyJson }) => a.bonusPoints ?? null },
          { header: l('LABEL_PENALTY'), fmt: fmt.points, value: ({ a }: { a: AgencyJson }) => a.penaltyPoints ?? null },
        ]
      : []),
    { header: l('LABEL_INDEX'), fmt: fmt.index, scale: true, value: ({ a }) => a.index },
    ...(ctx.hasClasses ? [{ header: l('LABEL_CLASS'), value: ({ a }: RankItem) => a.class?.name[ctx.lang] ?? null }] : []),
    // Only with last year's results: without them the columns would stay empty.
    ...(comparison
      ? [
          { header: l('WB_COL_RANK_CHANGE'), width: 12, value: ({ a }: RankItem) => previousOf(a)?.text ?? null },
          { header: l('WB_COL_PREVIOUS_INDEX', { year: comparison.previousYear }), fmt: fmt.index, value: ({ a }: RankItem) => previousOf(a)?.index ?? null },
          { header: l('WB_COL_PREVIOUS_RANK', { year: comparison.previousYear }), fmt: fmt.rank, value: ({ a }: RankItem) => previousOf(a)?.rank ?? null },
        ]
      : []),
    ...ctx.pillarCodes.flatMap((code): Column<RankItem>[] => [
      { header: l('WB_COL_PILLAR_INDEX', { name: ctx.nameOf(code) }), fmt: fmt.index, scale: true, value: ({ a }) => a.pillars.find((p) => p.code === code)?.index ?? null },
      { header: l('WB_COL_PILLAR_RANK', { name: ctx.nameOf(code) }), fmt: fmt.rank, value: ({ a }) => a.pillars.find((p) => p.code === code)?.rank ?? null },
    ]),
    // Agencies whose submission has errors (results.json `errors`): a last column, present only when there are any.
    ...(ctx.doc.groups.some((g) => g.agencies.some((a) => a.errors !== undefined))
      ? [{ header: l('LABEL_SUBMISSION_ERRORS'), fmt: fmt.rank, value: ({ a }: { a: AgencyJson }) => a.errors ?? null }]
      : []),
  ];
  return groupTables(sheet, ctx, ctx.title, columns);
}

/** Each main indicator's index and rank per agency, group by group, as on the ranking sheet. */
function mainsSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
  const { l, fmt } = ctx;
  const columns: Column<RankItem>[] = [
    ...identityColumns(ctx),
    ...ctx.mainCodes.flatMap((code): Column<RankItem>[] => [
      { header: l('WB_COL_INDEX_OF', { code, name: ctx.nameOf(code) }), fmt: fmt.index, scale: true, value: ({ a }) => a.indicators.find((i) => i.code === code)?.index ?? null },
      { header: l('WB_COL_RANK_OF', { code }), fmt: fmt.rank, value: ({ a }) => a.indicators.find((i) => i.code === code)?.rank ?? null },
    ]),
  ];
  return groupTables(sheet, ctx, l('WB_TITLE_MAINS', { year: ctx.year }), columns);
}

/** Rank, code and name: the columns that stay in view (frozen) and are repeated on every printed page. */
function identityColumns(ctx: Context): Column<RankItem>[] {
  const { l, fmt } = ctx;
  return [
    { header: l('LABEL_RANK'), fmt: fmt.rank, identity: true, value: ({ a, ranked }) => rankValue(ctx, a.rank, ranked, a.complete) },
    { header: l('WB_COL_AGENCY_CODE'), identity: true, value: ({ a }) => a.code },
    { header: l('WB_COL_AGENCY_NAME'), identity: true, wrap: true, width: NAME_WIDTH, value: ({ a }) => a.name },
  ];
}

/** A sheet title, then per group its title row and an Excel table of its agencies. */
async function groupTables(sheet: SheetWriter, ctx: Context, title: string, columns: readonly Column<RankItem>[]): Promise<void> {
  const { l } = ctx;
  const headers = uniqueHeaders(columns.map((c) => c.header));
  const freezeColumns = identityCount(columns);
  const print = { title, pageLabel: l('PRINT_PAGE'), titleColumns: freezeColumns };
  const groupTitle = (g: Context['groups'][number]) => l('WB_TITLE_GROUP', { group: g.name[ctx.lang], count: g.agencies.length, max: g.maxPoints });
  const widths = columns.map((c) => (c.wrap ? undefined : c.width));
  sheet.title(1, title);

  // Several groups of which one is longer than a printed page: every page needs the header, and
  // a header row of each group's own would then print twice at the top of a group's first page
  // (once as the repeated rows, once as its own). So the groups share one header row, under
  // the sheet title: repeated at the top of every page, frozen on screen, and each group starts
  // a page with its title under it. (src/compare/read-previous.ts reads both layouts.)
  const onePage = ctx.groups.every((g) => g.agencies.length <= ROWS_PER_PAGE);
  if (ctx.groups.length > 1 && !onePage) {
    sheet.header(2, headers, widths);
    let row = 3;
    const groupRows: number[] = [];
    for (const g of ctx.groups) {
      groupRows.push(row);
      sheet.title(row, groupTitle(g), 12);
      const first = row + 1;
      row = await sheet.rows(first, columns, g.agencies.map((a) => ({ a, ranked: g.ranked })), ({ a }) => isTop(a.rank));
      sheet.colourScales(columns, first, row - 1);
      row++; // a blank row between groups
    }
    sheet.finish({ ...print, freezeRows: 2, freezeColumns, pageBreaksBefore: groupRows.slice(1), printTitles: [2, 2] });
    return;
  }

  let row = 2;
  let firstHeaderRow = 0;
  let lastRow = 0;
  const groupRows: number[] = [];
  for (const g of ctx.groups) {
    groupRows.push(row);
    sheet.title(row, groupTitle(g), 12);
    row++;
    const headerRow = row;
    firstHeaderRow ||= headerRow;
    sheet.header(headerRow, headers, widths);
    row = await sheet.rows(headerRow + 1, columns, g.agencies.map((a) => ({ a, ranked: g.ranked })), ({ a }) => isTop(a.rank));
    sheet.colourScales(columns, headerRow + 1, row - 1);
    lastRow = row - 1;
    row++; // a blank row between groups
  }

  // One group: its title and header stay in view, with a filter over its rows, and the header is
  // repeated on every printed page. (The streaming writer has no Excel tables, which gave each
  // group its own filter buttons: a sheet has one filter.)
  if (ctx.groups.length <= 1) {
    sheet.finish({
      ...print,
      freezeRows: firstHeaderRow,
      freezeColumns,
      ...(firstHeaderRow ? { printTitles: [firstHeaderRow, firstHeaderRow] as const, filter: [firstHeaderRow, lastRow, columns.length] as const } : {}),
    });
    return;
  }
  // Several short groups: each starts a printed page with its own title and header. They share
  // the same columns but not the same title, so only the sheet title is frozen; the identity
  // columns always are.
  sheet.finish({ ...print, freezeRows: 1, freezeColumns, pageBreaksBefore: groupRows.slice(1) });
}

/** Agency rows a landscape page holds below a group's title and header (about 120 points), with room for a few wrapped names. */
const ROWS_PER_PAGE = Math.floor(((8.27 - 1.2) * 72 - 120) / (LINE_HEIGHT + 2));

/** How many leading columns are the identity columns (frozen, repeated in print). */
function identityCount<T>(columns: readonly Column<T>[]): number {
  let n = 0;
  while (columns[n]?.identity) n++;
  return n;
}

async function indicatorSheet(sheet: SheetWriter, ctx: Context, main: string): Promise<void> {
  const { l, fmt, model } = ctx;
  const mainNode = model.nodes.get(main);
  const groups = ctx.groups.filter((g) => g.agencies.some((a) => a.indicators.some((i) => i.code === main)));
  const leaves = ctx.leafCodes.filter((code) => mainNode !== undefined && isUnder(model.nodes.get(code), mainNode));

  type Item = { a: AgencyJson; groupName: string; ranked: boolean };
  const columns: Column<Item>[] = [
    {
      header: l('LABEL_RANK'),
      fmt: fmt.rank,
      identity: true,
      value: ({ a, ranked }) => rankValue(ctx, a.indicators.find((i) => i.code === main)?.rank ?? null, ranked, a.complete),
    },
    { header: l('WB_COL_AGENCY_CODE'), identity: true, value: ({ a }) => a.code },
    { header: l('WB_COL_AGENCY_NAME'), identity: true, wrap: true, width: NAME_WIDTH, value: ({ a }) => a.name },
    { header: l('LABEL_GROUP'), wrap: true, value: ({ groupName }) => groupName },
    ...(ctx.hasParent ? [{ header: l('WB_COL_PARENT'), value: ({ a }: Item) => a.parent ?? null }] : []),
    ...leaves.map(
      (code): Column<Item> => ({ header: l('WB_COL_LEAF', { code, name: ctx.nameOf(code) }), fmt: fmt.points, value: ({ a }) => leafPoints(ctx, a, code) }),
    ),
    { header: l('WB_COL_POINTS_OF', { code: main, name: ctx.nameOf(main) }), fmt: fmt.points, value: ({ a }) => a.indicators.find((i) => i.code === main)?.points ?? null },
    { header: l('WB_COL_INDEX'), fmt: fmt.index, scale: true, value: ({ a }) => a.indicators.find((i) => i.code === main)?.index ?? null },
  ];
  const rankOf = (a: AgencyJson) => a.indicators.find((i) => i.code === main)?.rank ?? null;
  sheet.header(1, columns.map((c) => c.header));
  let row = 2;
  for (const g of groups) {
    const items = g.agencies
      .filter((a) => a.indicators.some((i) => i.code === main))
      .map((a) => ({ a, groupName: g.name[ctx.lang], ranked: g.ranked }))
      .sort((x, y) => byRank(rankOf(x.a), rankOf(y.a)) || compareText(x.a.code, y.a.code));
    const first = row;
    row = await sheet.rows(row, columns, items, ({ a }) => isTop(rankOf(a)));
    // Colours compare agencies within their group, as ranks do.
    sheet.colourScales(columns, first, row - 1);
  }
  sheet.finish({ ...printOf(ctx, `${main} ${ctx.nameOf(main)}`), titleColumns: identityCount(columns), freezeRows: 1, freezeColumns: identityCount(columns), filter: [1, row - 1, columns.length], printTitles: [1, 1] });
}

/** Print setup of a sheet: its name and the year in the page header, identity columns repeated when it is printed across pages. */
function printOf(ctx: Context, name: string): { title: string; pageLabel: string; titleColumns?: number } {
  return { title: `${name} – ${ctx.year}`, pageLabel: ctx.l('PRINT_PAGE') };
}

async function detailSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
  const { l, fmt } = ctx;
  type Item = { a: AgencyJson; groupName: string };
  const columns: Column<Item>[] = [
    { header: l('WB_COL_AGENCY_CODE'), identity: true, value: ({ a }) => a.code },
    { header: l('WB_COL_AGENCY_NAME'), identity: true, wrap: true, width: NAME_WIDTH, value: ({ a }) => a.name },
    { header: l('LABEL_GROUP'), wrap: true, width: 16, value: ({ groupName }) => groupName },
    // Codes only: with every leaf's name the header would take half a printed page (the names are on the method sheet).
    ...ctx.leafCodes.flatMap((code): Column<Item>[] => [
      { header: code, fmt: fmt.points, value: ({ a }) => leafPoints(ctx, a, code) },
      { header: l('WB_COL_INPUTS_OF', { code }), wrap: true, width: 20, value: ({ a }) => inputsText(ctx, a, code) },
    ]),
  ];
  sheet.header(1, columns.map((c) => c.header));
  const items = ctx.groups.flatMap((g) => g.agencies.map((a) => ({ a, groupName: g.name[ctx.lang] })));
  const end = await sheet.rows(2, columns, items);
  sheet.finish({ ...printOf(ctx, l('WB_SHEET_DETAIL')), titleColumns: 2, freezeRows: 1, freezeColumns: 2, filter: [1, end - 1, columns.length], printTitles: [1, 1] });
}

/**
 * Leaves where the agency's own points, the rules' points and the appraisal council's points
 * are not all the same: self-scored, computed (on the agency's own inputs), appraised, the
 * difference between the points that count and the self-score, and the council's reason.
 */
async function selfSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
  const { l, fmt } = ctx;
  const places = ctx.doc.framework.precision.points;
  type Item = { a: AgencyJson; leaf: LeafJson; computed: number; appraised: number | null };
  const columns: Column<Item>[] = [
    { header: l('WB_COL_AGENCY_CODE'), identity: true, value: ({ a }) => a.code },
    { header: l('WB_COL_AGENCY_NAME'), identity: true, wrap: true, width: NAME_WIDTH, value: ({ a }) => a.name },
    { header: l('WB_COL_INDICATOR'), value: ({ leaf }) => leaf.code },
    { header: l('WB_COL_INDICATOR_NAME'), wrap: true, width: 30, value: ({ leaf }) => ctx.nameOf(leaf.code) },
    { header: l('WB_COL_SELF'), fmt: fmt.points, value: ({ leaf }) => leaf.selfPoints ?? null },
    { header: l('WB_COL_COMPUTED'), fmt: fmt.points, value: ({ computed }) => computed },
    { header: l('REV_COL_APPROVED'), fmt: fmt.points, value: ({ appraised }) => appraised },
    {
      header: l('REV_WB_COL_DIFFERENCE'),
      fmt: fmt.points,
      value: ({ leaf }) => (leaf.selfPoints === undefined ? null : toNumber(dec(leaf.points).minus(dec(leaf.selfPoints)), places)),
    },
    { header: l('REV_COL_REASON'), wrap: true, width: 24, value: ({ leaf }) => leaf.appraisal?.reason || null },
    { header: l('REV_COL_REVIEWER'), wrap: true, width: 14, value: ({ leaf }) => leaf.appraisal?.reviewer ?? null },
    { header: l('WB_COL_EVIDENCE'), wrap: true, width: 20, value: ({ leaf }) => (leaf.evidence === undefined ? null : link(leaf.evidence)) },
  ];
  const items: Item[] = ctx.groups.flatMap((g) =>
    g.agencies.flatMap((a) =>
      a.leaves.flatMap((leaf): Item[] => {
        const computed = leaf.computedPoints ?? leaf.points;
        const appraised = leaf.appraisal ? leaf.points : null;
        const values = [leaf.selfPoints, computed, appraised].filter((v): v is number => v !== undefined && v !== null);
        return new Set(values).size > 1 ? [{ a, leaf, computed, appraised }] : [];
      }),
    ),
  );
  sheet.header(1, columns.map((c) => c.header));
  const end = await sheet.rows(2, columns, items);
  sheet.finish({ ...printOf(ctx, l('WB_SHEET_SELF')), titleColumns: 2, freezeRows: 1, freezeColumns: 2, filter: [1, end - 1, columns.length], printTitles: [1, 1] });
}

const SEVERITY_COLOUR: Record<IssueJson['severity'], string> = { error: 'FF9C0006', warning: 'FF9C5700', info: 'FF1F4E78' };

async function issuesSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
  const { l } = ctx;
  const columns: Column<IssueJson>[] = [
    { header: l('WB_COL_SEVERITY'), value: (i) => l(`LABEL_SEVERITY_${i.severity}`), colour: (i) => SEVERITY_COLOUR[i.severity] },
    { header: l('WB_COL_ISSUE_CODE'), value: (i) => i.code },
    { header: l('WB_COL_FILE'), wrap: true, value: (i) => i.file ?? null },
    { header: l('WB_COL_SHEET'), wrap: true, value: (i) => i.sheet ?? null },
    { header: l('WB_COL_LOCATION'), wrap: true, value: (i) => issueLocation(ctx, i) },
    { header: l('WB_COL_MESSAGE'), wrap: true, width: 60, value: (i) => i.message },
  ];
  sheet.header(1, columns.map((c) => c.header));
  const end = await sheet.rows(2, columns, ctx.doc.issues);
  sheet.finish({ ...printOf(ctx, l('WB_SHEET_ISSUES')), freezeRows: 1, freezeColumns: 0, filter: [1, end - 1, columns.length], printTitles: [1, 1] });
}

async function methodSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
  const { l, doc, model, lang, fmt } = ctx;
  const fw = doc.framework;
  sheet.title(1, l('WB_TITLE_METHOD'));

  const settings: [string, Value, string?][] = [
    [l('WB_METHOD_FRAMEWORK_ID'), fw.id],
    [l('WB_METHOD_FRAMEWORK_NAME'), fw.name[lang]],
    [l('WB_METHOD_VERSION'), fw.version],
    // The year assessed (read back as last year's by src/compare/read-previous.ts), then the framework's own.
    [l('WB_METHOD_YEAR'), ctx.year],
    [l('WB_METHOD_FRAMEWORK_YEAR'), fw.year],
    // Free text from the framework file, in whatever language its author wrote: labelled as such.
    ...(model.framework.provenance ? [[l('WB_METHOD_PROVENANCE_AS_WRITTEN'), model.framework.provenance] as [string, Value]] : []),
    ...doc.groups.flatMap((g): [string, Value, string?][] => [
      // The group id lets a later year read this workbook back as last year's results (src/compare/read-previous.ts).
      [l('WB_METHOD_GROUP_ID', { group: g.name[lang] }), g.id],
      [l('WB_METHOD_MAX_GROUP', { group: g.name[lang] }), g.maxPoints, fmt.points],
    ]),
    [l('WB_METHOD_PRECISION_POINTS'), fw.precision.points],
    [l('WB_METHOD_PRECISION_INDEX'), fw.precision.index],
    [l('WB_METHOD_INDEX_DISPLAY'), l(`WB_METHOD_INDEX_DISPLAY_${fw.precision.indexDisplay}`)],
    [l('WB_METHOD_TIES'), l(`WB_METHOD_TIES_${fw.ties}`)],
    [l('WB_METHOD_MISSING'), l(`WB_METHOD_MISSING_${model.framework.missing}`)],
    [l('WB_METHOD_EVIDENCE'), l(`WB_METHOD_EVIDENCE_${model.framework.evidenceMissing}`)],
    ...model.framework.pillars.map((p): [string, Value] => [
      l('WB_METHOD_PILLAR', { pillar: p.name[lang] }),
      model.roots
        .filter((r) => r.node.pillars?.includes(p.code))
        .map((r) => `${r.code} ${r.node.name[lang]}`)
        .join(' + '),
    ]),
    ...(model.framework.classes.length
      ? [
          [
            l('WB_METHOD_CLASSES'),
            [...model.framework.classes]
              .sort((a, b) => b.min - a.min)
              .map((c) => `${c.name[lang]} ≥ ${localNumber(c.min, lang)}`)
              .join('; '),
          ] as [string, Value],
        ]
      : []),
    // A group with its own class thresholds.
    ...doc.groups.flatMap((g): [string, Value][] => {
      const own = model.group(g.id)?.classes;
      if (!own || own.length === 0) return [];
      const text = [...own].sort((a, b) => b.min - a.min).map((c) => `${c.name[lang]} ≥ ${c.min}`).join('; ');
      return [[l('WB_METHOD_CLASSES_GROUP', { group: g.name[lang] }), text]];
    }),
    ...(model.hasBonusPenalty ? [[l('WB_METHOD_INDEX_CLAMP'), l(model.framework.indexClamp ? 'WB_METHOD_INDEX_CLAMP_yes' : 'WB_METHOD_INDEX_CLAMP_no')] as [string, Value]] : []),
    [l('WB_METHOD_TOOL'), `${doc.tool.name} ${doc.tool.version}`],
  ];
  sheet.header(3, [l('WB_COL_SETTING'), l('WB_COL_VALUE')]);
  let row = 4;
  for (const [label, value, numFmt] of settings) {
    sheet.put(row, 1, label, { bold: true, wrap: true });
    sheet.put(row, 2, value, numFmt ? { fmt: numFmt, left: true, wrap: true } : { left: true, wrap: true });
    row++;
  }

  // The scored indicators: what each is worth in each group and how it is scored.
  row++;
  sheet.title(row++, l('WB_METHOD_LEAVES'), 12);
  const groups = model.framework.groups;
  const leaves = [...model.nodes.values()].filter((n) => n.isLeaf && groups.some((g) => model.applies(n, g.id)));
  const leafColumns: Column<FrameworkNode>[] = [
    { header: l('WB_COL_INDICATOR'), value: (n) => n.code },
    { header: l('WB_COL_INDICATOR_NAME'), wrap: true, value: (n) => n.node.name[lang] },
    ...groups.map(
      (g): Column<FrameworkNode> => ({
        header: l('WB_COL_MAX_FOR', { group: g.name[lang] }),
        fmt: fmt.points,
        value: (n) => (model.applies(n, g.id) && !n.informational ? toNumber(model.maxFor(n, g.id), fw.precision.points) : null),
      }),
    ),
    { header: l('LABEL_EVIDENCE_REQUIRED'), value: (n) => (n.node.evidenceRequired ? l('WB_INPUT_YES') : null) },
    { header: l('WB_COL_RULE'), wrap: true, width: 40, value: (n) => ruleText(ctx, n) },
  ];
  const leafHeader = row;
  sheet.header(leafHeader, leafColumns.map((c) => c.header));
  row = await sheet.rows(leafHeader + 1, leafColumns, leaves);

  row++;
  sheet.title(row++, l('WB_METHOD_INPUTS'), 12);
  // File and hash in columns A and B: src/compare/read-previous.ts reads them back there.
  sheet.header(row, [l('WB_COL_FILE'), l('WB_COL_SHA256'), l('WB_COL_INPUT_KIND')]);
  row++;
  for (const input of doc.inputs) {
    sheet.put(row, 1, input.file, { wrap: true });
    sheet.put(row, 2, input.sha256);
    sheet.put(row, 3, input.kind ? l(`WB_INPUT_KIND_${input.kind}`) : null, { wrap: true });
    row++;
  }
  // Nothing here scrolls far enough to freeze; the filter is on the indicator table.
  sheet.finish({ ...printOf(ctx, l('WB_TITLE_METHOD')), freezeRows: 0, freezeColumns: 0, filter: [leafHeader, leafHeader + leaves.length, leafColumns.length] });
}

// ---------------------------------------------------------------------------------------------
// Cell contents

function isUnder(node: FrameworkNode | undefined, ancestor: FrameworkNode): boolean {
  for (let n = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

type LeafJson = AgencyJson['leaves'][number];
/**
 * The last agency's leaves by code: the detail sheet asks for every leaf of one agency, then of
 * the next. Only one is kept, so the leaves of a national batch (which may be read from disk on
 * demand, src/results/fold.ts) are never all in memory.
 */
let lastLeaves: { agency: AgencyJson; byCode: Map<string, LeafJson> } | undefined;

function leafOf(a: AgencyJson, code: string): LeafJson | undefined {
  if (lastLeaves?.agency !== a) lastLeaves = { agency: a, byCode: new Map(a.leaves.map((l) => [l.code, l])) };
  return lastLeaves.byCode.get(code);
}

/** Points a leaf counts in the tables: none when it is given above or does not apply. */
function countedPoints(leaf: LeafJson | undefined): number | null {
  return leaf === undefined || leaf.status === 'given-above' || leaf.status === 'not-applicable' ? null : leaf.points;
}

/** An agency's counted points of a leaf, from the points read once per workbook (Context.leafPoints). */
function leafPoints(ctx: Context, a: AgencyJson, code: string): number | null {
  const points = ctx.leafPoints.get(a)?.[ctx.leafColumn.get(code)!];
  return points === undefined || Number.isNaN(points) ? null : points;
}

/** The inputs of a leaf in a few characters: "3/4", "có", "87.5", "Mức 2". */
function inputsText(ctx: Context, a: AgencyJson, code: string): string | null {
  const leaf = leafOf(a, code);
  if (leaf === undefined) return null;
  if (leaf.status === 'given-above') return ctx.l('WB_INPUT_GIVEN_ABOVE');
  if (leaf.status === 'not-applicable') return notApplicableText(leaf, ctx.lang, ctx.doc.framework.tags) ?? ctx.l('LABEL_NOT_APPLICABLE');
  if (leaf.status === 'missing') return ctx.l('WB_INPUT_MISSING');
  const n = (v: string) => localNumber(v, ctx.lang);
  const { numerator, denominator, value, best, points, ...rest } = leaf.inputs;
  const parts: string[] = [];
  if (numerator !== undefined || denominator !== undefined) parts.push(`${numerator ?? ''}/${denominator ?? ''}`);
  if (value !== undefined) {
    const rule = ctx.model.nodes.get(code)?.node.rule;
    if (leaf.rule === 'boolean' && (value === 'true' || value === 'false')) parts.push(ctx.l(value === 'true' ? 'WB_INPUT_YES' : 'WB_INPUT_NO'));
    else if (rule?.type === 'choice') parts.push(rule.options.find((o) => o.key === value)?.label[ctx.lang] ?? value);
    else parts.push(best !== undefined ? `${n(value)}/${n(best)}` : n(value));
  } else if (best !== undefined) parts.push(`/${n(best)}`);
  if (points !== undefined) parts.push(n(points));
  for (const key of Object.keys(rest).sort()) parts.push(`${key}=${rest[key]}`);
  return parts.join('; ');
}

function ruleText(ctx: Context, n: FrameworkNode): string {
  const rule = n.node.rule;
  if (n.informational || rule === undefined) return ctx.l('LABEL_INFORMATIONAL');
  const group = ctx.model.framework.groups.find((g) => ctx.model.applies(n, g.id));
  const max = group ? toNumber(ctx.model.maxFor(n, group.id), ctx.doc.framework.precision.points) : 0;
  return describeRule(rule, max, ctx.lang);
}

function issueLocation(ctx: Context, i: IssueJson): string | null {
  const parts: string[] = [];
  if (i.cell) parts.push(i.cell);
  else if (i.row !== undefined && i.column !== undefined) parts.push(ctx.l('LOC_LINE_COLUMN', { row: i.row, column: i.column }));
  else if (i.row !== undefined) parts.push(ctx.l('LOC_LINE', { row: i.row }));
  if (i.path) parts.push(i.path);
  return parts.length ? parts.join(' · ') : null;
}

function byRank(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Table headers: on one line, and differing (ignoring case) as Excel requires; a repeat gets " (2)", " (3)". */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((raw) => {
    const h = headerText(raw);
    let name = h;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

// ---------------------------------------------------------------------------------------------
// Values: what may go into a cell, and how it is made safe.

interface Link {
  readonly text: string;
  readonly url: string;
}
type Value = string | number | null | Link;

/** A hyperlink only for http and https addresses; anything else (javascript:, file:, text) stays text. */
function link(text: string): Value {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return text;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { text, url: url.href } : text;
  } catch {
    return text;
  }
}

const MAX_CELL_TEXT = 32767;

function headerText(s: string): string {
  return cellText(s).replace(/\s+/g, ' ').trim();
}

/**
 * Text as a cell can hold it: characters XML 1.0 forbids (a file would not open) dropped,
 * lone surrogates replaced, cut at Excel's 32 767 characters.
 */
function cellText(s: string): string {
  const clean = s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  const cut = clean.slice(0, MAX_CELL_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

type ExcelValue = string | number | null | { text: string; hyperlink: string };

/** The only shapes a cell is given: text, a finite number, empty, or an http(s) hyperlink. Never a formula. */
function toExcel(v: Value): ExcelValue {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return cellText(v);
  return { text: cellText(v.text), hyperlink: v.url };
}

// ---------------------------------------------------------------------------------------------
// Writing a sheet: cells, widths, freeze, filter, print setup.

interface Column<T> {
  readonly header: string;
  readonly value: (item: T) => Value;
  readonly fmt?: string;
  /** Index columns: a sequential colour scale over each block of rows. */
  readonly scale?: boolean;
  readonly colour?: (item: T) => string;
  /** The agency's identity (leading columns): frozen on screen, repeated on every printed page of a wide sheet. */
  readonly identity?: boolean;
  /** Long text: wraps within the column (at most its width) instead of widening it. */
  readonly wrap?: boolean;
  /** Wrapped text: the widest this column may grow (characters). Other columns: the least width of its header. */
  readonly width?: number;
}

interface CellStyle {
  readonly fmt?: string;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly colour?: string;
  readonly left?: boolean;
  readonly wrap?: boolean;
  readonly maxWidth?: number;
}

const MIN_WIDTH = 6;
/** Columns of text that does not wrap (codes, numbers, file names) grow up to this. */
const MAX_WIDTH = 66;
/** Columns of text that wraps (names, messages) grow up to this, then wrap. */
const WRAP_WIDTH = 34;
/** A header wraps; its column need only be as wide as its longest word, or this many characters. */
const HEADER_WIDTH = 7;
/** Agency names up to this many characters stay on one line. */
const NAME_WIDTH = 40;

/**
 * A sequential single-hue scale (ColorBrewer "Blues"), light for low and darker for high: it
 * reads the same to colour-blind readers and in grey print, and black text stays legible on
 * every shade (a red–green scale does neither).
 */
const SCALE_COLOURS = ['FFF7FBFF', 'FFC6DBEF', 'FF6BAED6'];

/** How a sheet is finished: frozen panes, filter, print setup. */
interface FinishOptions {
  freezeRows: number;
  freezeColumns: number;
  /** Header row, last row, number of columns. */
  filter?: readonly [number, number, number];
  printTitles?: readonly [number, number];
  /** The title in the page header, and "page n of m". */
  title: string;
  pageLabel: string;
  /** Identity columns repeated on each page when the sheet is printed across pages. */
  titleColumns?: number;
  /** Rows that start a new printed page (each group of a ranking after the first). */
  pageBreaksBefore?: readonly number[];
}

/** What measuring a sheet found, which the file states before its rows. */
interface SheetPlan {
  /** Column widths, final; undefined for a column nothing was written in. */
  readonly measured: readonly (number | undefined)[];
  readonly finish: FinishOptions;
  readonly views: Partial<ExcelJS.WorksheetView>[];
}

/** Rows written between two pauses that let the zip library take what was written. */
const ROWS_PER_PAUSE = 200;

/**
 * Writes a sheet in two passes over the same drawing code: without a worksheet it only
 * measures (column widths, the finishing options); with one and the plan of the first pass, it
 * writes cells row by row, giving each finished row its height and committing it, so that
 * only the row being written is in memory. Rows must be drawn in increasing order.
 */
class SheetWriter {
  private readonly widths: number[] = [];
  private finishing: FinishOptions | undefined;
  /** The row being written (write pass), and what its height depends on. */
  private current = 0;
  private currentHeader: readonly string[] | undefined;
  private currentTitle: { text: string; size: number } | undefined;
  private currentWrapped = new Map<number, { text: string; bold: boolean }>();
  private readonly breaks: ReadonlySet<number>;
  private priority = 1;

  constructor(
    private readonly ws?: ExcelJS.Worksheet,
    private readonly layout?: SheetPlan,
  ) {
    this.breaks = new Set((layout?.finish.pageBreaksBefore ?? []).filter((r) => r > 1).map((r) => r - 1));
    if (ws && layout) this.start(ws, layout);
  }

  /** The measuring pass's findings. */
  plan(): SheetPlan {
    const o = this.finishing;
    if (!o) throw new Error('a sheet must be finished');
    const views: Partial<ExcelJS.WorksheetView>[] =
      o.freezeRows > 0 || o.freezeColumns > 0
        ? [
            {
              state: 'frozen',
              xSplit: o.freezeColumns,
              ySplit: o.freezeRows,
              topLeftCell: `${columnLetters(o.freezeColumns + 1)}${o.freezeRows + 1}`,
              activeCell: `${columnLetters(o.freezeColumns + 1)}${o.freezeRows + 1}`,
            },
          ]
        : [];
    const measured = this.widths.map((w) => (w === undefined ? undefined : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 1))));
    return { measured, finish: o, views };
  }

  title(row: number, text: string, size = 14): void {
    if (!this.ws) return;
    const cell = this.cell(row, 1);
    cell.value = cellText(text);
    cell.font = { ...FONT, bold: true, size };
    this.currentTitle = { text: cellText(text), size };
  }

  /** A header row; `widths` are the least widths of columns whose long header should not stand in a narrow column. */
  header(row: number, raw: readonly string[], widths: readonly (number | undefined)[] = []): void {
    const labels = raw.map(headerText);
    if (!this.ws) {
      labels.forEach((label, i) => {
        const longestWord = maxOf(label.split(/\s+/).map(textWidth), 0);
        this.fit(i + 1, Math.min(WRAP_WIDTH, Math.max(longestWord + 1, Math.min(textWidth(label), widths[i] ?? HEADER_WIDTH))));
      });
      return;
    }
    labels.forEach((label, i) => {
      const cell = this.cell(row, i + 1);
      cell.value = label;
      cell.font = { ...FONT, bold: true };
      cell.fill = solid(HEADER_FILL);
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = { bottom: { style: 'thin' } };
    });
    this.currentHeader = labels;
  }

  /** Writes one row per item from `start`; returns the next free row. */
  async rows<T>(start: number, columns: readonly Column<T>[], items: readonly T[], top: (item: T) => boolean = () => false): Promise<number> {
    let row = start;
    for (const item of items) {
      const marked = top(item);
      columns.forEach((c, i) => {
        const colour = c.colour?.(item);
        this.put(row, i + 1, c.value(item), {
          ...(c.fmt ? { fmt: c.fmt } : {}),
          ...(marked ? { bold: true, fill: TOP_FILL } : {}),
          ...(colour ? { colour } : {}),
          ...(c.wrap ? { wrap: true, maxWidth: c.width ?? WRAP_WIDTH } : {}),
        });
      });
      row++;
      if (this.ws && (row - start) % ROWS_PER_PAUSE === 0) await new Promise((done) => setImmediate(done));
    }
    return row;
  }

  put(row: number, col: number, value: Value, style: CellStyle = {}): void {
    const v = toExcel(value);
    const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' ? v.text : undefined;
    if (!this.ws) {
      const width = valueWidth(v, typeof v === 'number' ? style.fmt : undefined);
      // Wide enough that a text which would fit on one line is estimated to (see charsPerLine).
      if (style.wrap && text !== undefined) this.fit(col, Math.min(Math.ceil(width / TEXT_FACTOR) + 1, style.maxWidth ?? WRAP_WIDTH));
      else this.fit(col, width);
      return;
    }
    const cell = this.cell(row, col);
    cell.value = v;
    if (style.fmt && typeof v === 'number') cell.numFmt = style.fmt;
    const isLink = v !== null && typeof v === 'object';
    if (style.bold || style.colour || isLink) {
      cell.font = {
        ...FONT,
        ...(style.bold ? { bold: true } : {}),
        ...(isLink ? { color: { argb: 'FF0563C1' }, underline: true } : style.colour ? { color: { argb: style.colour } } : {}),
      };
    }
    if (style.fill) cell.fill = solid(style.fill);
    if (style.left) cell.alignment = { horizontal: 'left' };
    if (style.wrap && text !== undefined) this.currentWrapped.set(col, { text, bold: style.bold === true });
  }

  /** A light-to-dark single-hue scale on each index column over rows first..last. */
  colourScales<T>(columns: readonly Column<T>[], first: number, last: number): void {
    if (!this.ws || last < first) return;
    columns.forEach((c, i) => {
      if (!c.scale) return;
      const col = columnLetters(i + 1);
      this.ws!.addConditionalFormatting({
        ref: `${col}${first}:${col}${last}`,
        rules: [
          {
            type: 'colorScale',
            priority: this.priority++,
            cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
            color: SCALE_COLOURS.map((argb) => ({ argb })),
          },
        ],
      });
    });
  }

  /** Measuring: records how the sheet is finished. Writing: nothing more (it was set up from the plan). */
  finish(o: FinishOptions): void {
    if (!this.ws) this.finishing = o;
  }

  /** Writes the last row and commits the sheet. */
  end(): void {
    if (!this.ws) return;
    this.flushRow();
    this.ws.commit();
  }

  /** What the file states before the rows: column widths and the filter (frozen panes and print setup come with the worksheet). */
  private start(ws: ExcelJS.Worksheet, layout: SheetPlan): void {
    layout.measured.forEach((w, i) => {
      if (w !== undefined) ws.getColumn(i + 1).width = w;
    });
    const o = layout.finish;
    if (o.filter && o.filter[2] > 0) {
      const [header, lastRow, cols] = o.filter;
      ws.autoFilter = `A${header}:${columnLetters(cols)}${Math.max(header, lastRow)}`;
    }
  }

  /** A cell of the row being written; moving to a later row finishes the one before. */
  private cell(row: number, col: number): ExcelJS.Cell {
    if (row !== this.current) {
      if (row < this.current) throw new Error(`rows are written in order: row ${row} after row ${this.current}`);
      this.flushRow();
      // Rows left blank (between groups) may still end a printed page.
      for (let skipped = this.current + 1; skipped < row; skipped++) if (this.breaks.has(skipped)) this.ws!.getRow(skipped).addPageBreak();
      this.current = row;
    }
    return this.ws!.getCell(row, col);
  }

  /**
   * The row being written gets the height its wrapped header, cells or title need (no reader
   * re-measures rows), its cells read from the top when it is taller than a line, and is committed.
   */
  private flushRow(): void {
    const row = this.current;
    if (row === 0) return;
    const widths = this.layout!.measured;
    const widthOf = (col: number) => widths[col - 1] ?? MIN_WIDTH;
    let height = 0;
    const need = (lines: number, size = 11) => (height = Math.max(height, rowHeight(lines, size)));
    if (this.currentHeader) need(maxOf(this.currentHeader.map((label, i) => wrappedLines(label, widthOf(i + 1), true)), 1));
    for (const [col, { text, bold }] of this.currentWrapped) {
      const cell = this.ws!.getCell(row, col);
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      need(wrappedLines(text, widthOf(col), bold));
    }
    const r = this.ws!.getRow(row);
    const title = this.currentTitle;
    if (title) {
      // Titles span the printed width and wrap within it, so nothing runs past the margin.
      const last = Math.max(1, widths.length);
      const total = widths.reduce<number>((sum, w) => sum + (w ?? MIN_WIDTH), 0) || MIN_WIDTH;
      if (last > 1) this.ws!.mergeCells(row, 1, row, last);
      this.ws!.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
      need(wrappedLines(title.text, total / (title.size / 11), true), title.size);
    }
    if (height > 0) {
      r.height = height;
      // A row of several lines reads from the top, its numbers beside the first line of its text.
      if (height > rowHeight(1) && !title) r.eachCell((cell) => (cell.alignment = { ...cell.alignment, vertical: 'top' }));
    }
    if (this.breaks.has(row)) r.addPageBreak();
    r.commit();
    this.currentHeader = undefined;
    this.currentTitle = undefined;
    this.currentWrapped = new Map();
  }

  private fit(col: number, width: number): void {
    this.widths[col - 1] = Math.max(this.widths[col - 1] ?? 0, width);
  }
}

/** Characters a text shows (diacritics composed), its longest line. */
function textWidth(s: string): number {
  return Math.max(0, ...s.split(/\r?\n/).map((line) => [...line.normalize('NFC')].length));
}

/**
 * Column units a one-line text needs: a unit is the width of a digit, and capital letters are
 * wider (agency codes such as "P-NAMNHATRANG" overran into the name column in print at one unit each).
 */
function lineWidth(s: string): number {
  let widest = 0;
  for (const line of s.split('\n')) {
    let w = 0;
    for (const ch of line.normalize('NFC')) w += ch >= 'A' && ch <= 'Z' ? 1.3 : 1;
    widest = Math.max(widest, w);
  }
  return Math.ceil(widest);
}

function valueWidth(v: ExcelValue, fmt: string | undefined): number {
  if (v === null) return 0;
  if (typeof v === 'string') return lineWidth(v);
  if (typeof v === 'object') return textWidth(v.text);
  if (!fmt) return String(v).length;
  const places = /\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
  return fmt.endsWith('%') ? (v * 100).toFixed(places).length + 1 : v.toFixed(places).length;
}

// ---------------------------------------------------------------------------------------------
// Sheet names

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/**
 * Sheet names Excel accepts: no [ ] : * ? / \, no control characters, no apostrophe (exceljs
 * would not quote it in print titles), at most 31 characters, not "History", unique ignoring
 * case; a clash gets " (2)", " (3)" within the limit.
 */
function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const base =
      cellText(wanted)
        .normalize('NFC')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001F]/g, ' ')
        .replace(FORBIDDEN_IN_SHEET_NAME, ' ')
        .replace(/'/g, '’')
        .replace(/\s+/g, ' ')
        .trim() || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = truncate(base, 31 - suffix.length).trimEnd() + suffix;
      const key = name.toLowerCase();
      if (!used.has(key) && key !== 'history') {
        used.add(key);
        return name;
      }
    }
  };
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

import { findAgency, rankChangeText } from '../../compare/compare.js';
import type { Comparison } from '../../compare/schema.js';
import { dec, toNumber } from '../../core/decimal.js';
import type { FrameworkNode } from '../../framework/model.js';
import { localNumber } from '../../i18n/numbers.js';
import type { AgencyJson, IssueJson } from '../../results/schema.js';
import { LINE_HEIGHT } from '../excel.js';
import { Context, isTop, rankValue } from './context.js';
import { LeafJson, byRank, compareText, inputsText, isUnder, issueLocation, leafPoints, ruleText, uniqueHeaders } from './lookups.js';
import { Value, link } from './values.js';
import { Column, NAME_WIDTH, SheetWriter } from './sheet-writer.js';

/** The sheets of the ranked workbook, one function each: ranking, main indicators, per indicator, detail, self-scores, issues, method. */

export const TOP_FILL = 'FFFFF2CC';
export const HEADER_FILL = 'FFDDEBF7';

export type RankItem = { a: AgencyJson; ranked: boolean };

/**
 * The ranking per group: rank, agency, points, index, class, last year's figures when compared,
 * and the pillars. Main-indicator indices and ranks are on their own sheet (mainsSheet): all in
 * one table, the sheet would print at a scale no one can read.
 */
export function rankingSheet(sheet: SheetWriter, ctx: Context, comparison: Comparison | undefined): Promise<void> {
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
export function mainsSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
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
export function identityColumns(ctx: Context): Column<RankItem>[] {
  const { l, fmt } = ctx;
  return [
    { header: l('LABEL_RANK'), fmt: fmt.rank, identity: true, value: ({ a, ranked }) => rankValue(ctx, a.rank, ranked, a.complete) },
    { header: l('WB_COL_AGENCY_CODE'), identity: true, value: ({ a }) => a.code },
    { header: l('WB_COL_AGENCY_NAME'), identity: true, wrap: true, width: NAME_WIDTH, value: ({ a }) => a.name },
  ];
}

/** A sheet title, then per group its title row and an Excel table of its agencies. */
export async function groupTables(sheet: SheetWriter, ctx: Context, title: string, columns: readonly Column<RankItem>[]): Promise<void> {
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
export const ROWS_PER_PAGE = Math.floor(((8.27 - 1.2) * 72 - 120) / (LINE_HEIGHT + 2));

/** How many leading columns are the identity columns (frozen, repeated in print). */
export function identityCount<T>(columns: readonly Column<T>[]): number {
  let n = 0;
  while (columns[n]?.identity) n++;
  return n;
}

export async function indicatorSheet(sheet: SheetWriter, ctx: Context, main: string): Promise<void> {
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
export function printOf(ctx: Context, name: string): { title: string; pageLabel: string; titleColumns?: number } {
  return { title: `${name} – ${ctx.year}`, pageLabel: ctx.l('PRINT_PAGE') };
}

export async function detailSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
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
export async function selfSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
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

export const SEVERITY_COLOUR: Record<IssueJson['severity'], string> = { error: 'FF9C0006', warning: 'FF9C5700', info: 'FF1F4E78' };

export async function issuesSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
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

export async function methodSheet(sheet: SheetWriter, ctx: Context): Promise<void> {
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

import ExcelJS from 'exceljs';
import { columnLetters } from '../core/grid.js';
import { newWorkbook, printSetup, rowHeight, solid, wrappedLines } from '../report/excel.js';
import { HELP_WIDTH } from '../report/review-template.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Decimal, roundTo, sum } from '../core/decimal.js';
import type { Rule } from '../engine/rules/index.js';
import { describeRule } from '../framework/describe.js';
import type { FrameworkModel, FrameworkNode } from '../framework/model.js';
import { t } from '../i18n/catalog.js';
import type { Lang, Params } from '../i18n/types.js';
import { toolVersion } from '../version.js';
import { pinZipEntryTimes } from '../report/workbook-dates.js';

/**
 * The submission template: the workbook an agency fills in for its self-assessment, laid out
 * exactly as the reader (src/submission/parse.ts) reads it back, with formulas that show the
 * agency its self-score as it types.
 *
 * exceljs stays inside this module: a framework goes in, bytes come out. The bytes are
 * reproducible (fixed document dates, fixed zip entry times), and the workbook's structure is
 * locked (no sheets added, removed, renamed or unhidden) on top of the form sheet's protection,
 * which exceljs cannot write itself and which is added to xl/workbook.xml after writing.
 */

export interface TemplateOptions {
  readonly lang: Lang;
  /** Group id: the rows, max points and formulas are those of this group. */
  readonly group: string;
  /**
   * The agency the form is for; absent, the identity cells are left blank to be filled. With
   * `tags` (a form made from an agency list, even with none), the rows its tags exclude
   * (`onlyFor`) are left out, and the maxima are the agency's own.
   */
  readonly agency?: { readonly code: string; readonly name: string; readonly parent?: string; readonly tags?: readonly string[] };
  /** Assessment year written on the form; the framework's year when absent. */
  readonly year?: number;
  /** Seconds since 1970 for the document dates (SOURCE_DATE_EPOCH); 2000-01-01 when absent. */
  readonly sourceDateEpoch?: number;
}

export const TEMPLATE_SHEETS = {
  instructions: 'Hướng dẫn',
  form: 'Tự đánh giá',
  /** Hidden: framework id, version and group, so a filled form can be checked against its framework. */
  meta: '_dti',
  /** Hidden: the levels of choice indicators, for their drop-down lists. */
  lists: '_lists',
} as const;

/** The form's header row, in order (columns A to J). Recognised by src/submission/columns.ts. */
export const TEMPLATE_HEADERS = [
  'Mã chỉ số',
  'Tên chỉ số',
  'Điểm tối đa',
  'Cách tính điểm',
  'Giá trị',
  'Tử số',
  'Mẫu số',
  'Điểm tự đánh giá',
  'Tài liệu kiểm chứng',
  'Giải trình',
] as const;

/** Labels of the identity cells above the header (value in the next cell to the right), as src/submission/metadata.ts reads them. */
export const TEMPLATE_LABELS = {
  code: 'Mã đơn vị:',
  name: 'Tên đơn vị:',
  group: 'Nhóm:',
  year: 'Năm đánh giá:',
  parent: 'Đơn vị cấp trên:',
  /** The agency's tags (ids), on a form made from an agency list for an agency that has some; not to be edited. */
  tags: 'Nhãn:',
} as const;

/** Words a yes/no formula takes for "yes" (compared trimmed, case-insensitively): the engine's words (src/engine/rules/inputs.ts), with and without diacritics. */
const YES_WORDS = ['Có', 'Co', 'C', 'X', 'Yes', 'Y', 'True', 'Đạt', 'Dat', '1', 'Đã có', 'Da co', 'Có ban hành', 'Co ban hanh', 'Đã ban hành', 'Da ban hanh'];
const BOOLEAN_LIST = ['Có', 'Không'];
/** What an agency types where the framework lets it declare an indicator not applicable (read by src/core/not-applicable.ts). */
export const NA_ANSWER = 'Không áp dụng';

const COL = { code: 1, name: 2, max: 3, rule: 4, value: 5, numerator: 6, denominator: 7, points: 8, evidence: 9, note: 10 } as const;
const LAST_COL = COL.note;
/**
 * Column widths: together A4 landscape at a readable scale. Column A also holds the identity
 * labels ("Đơn vị cấp trên:"), which must show whole beside their value cells.
 */
const WIDTHS = [18, 38, 8, 32, 13, 8, 8, 10, 20, 18];
/** Columns whose text wraps (and sets the row's height). */
const WRAPPED: readonly number[] = [COL.name, COL.rule, COL.evidence, COL.note];

/**
 * Every font names its face and size: a font with only "bold" set leaves the face to the program,
 * and LibreOffice then prints those cells in its own default (a serif) beside Calibri's.
 */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
const FILL_INPUT = 'FFFFF2CC';
const FILL_SECTION = 'FFDDEBF7';
const FILL_HEADER = 'FFD9E1F2';
const FILL_GREY = 'FFF2F2F2';
const FONT_GREY = 'FF808080';
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function submissionTemplate(model: FrameworkModel, options: TemplateOptions): Promise<Uint8Array> {
  const fw = model.framework;
  const group = model.group(options.group);
  if (!group) throw new RangeError(`unknown group "${options.group}" (groups: ${fw.groups.map((g) => g.id).join(', ')})`);
  const wb = newWorkbook(options.sourceDateEpoch);

  // Tags choose rows only where some node is `onlyFor` tags: other frameworks' forms stay as they were.
  const tags = [...model.nodes.values()].some((n) => n.onlyFor.length > 0) ? options.agency?.tags : undefined;
  const ctx: Ctx = {
    model,
    lang: options.lang,
    group: group.id,
    kept: formNodes(model, group.id, tags),
    ...(tags !== undefined ? { tags } : {}),
    places: fw.precision.points,
    year: options.year ?? fw.year,
    l: (key, params) => t(key, options.lang, params),
  };
  instructionsSheet(wb.addWorksheet(TEMPLATE_SHEETS.instructions), ctx);
  const form = wb.addWorksheet(TEMPLATE_SHEETS.form);
  const meta = wb.addWorksheet(TEMPLATE_SHEETS.meta, { state: 'hidden' });
  const lists = wb.addWorksheet(TEMPLATE_SHEETS.lists, { state: 'hidden' });
  const headerRow = await formSheet(form, lists, ctx, options);
  metaSheet(meta, ctx, headerRow);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];

  const written = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return pinZipEntryTimes(lockWorkbookStructure(written));
}

interface Ctx {
  readonly model: FrameworkModel;
  readonly lang: Lang;
  readonly group: string;
  /** The nodes with a row, in framework order (formNodes). */
  readonly kept: readonly FrameworkNode[];
  /** The agency's tags, on a form made for an agency of a list. */
  readonly tags?: readonly string[];
  readonly places: number;
  readonly year: number;
  readonly l: (key: string, params?: Params) => string;
}

// ---------------------------------------------------------------------------------------------
// Hướng dẫn: how to fill in the form, in Vietnamese, then in English when asked.

const HELP_KEYS = [
  'TPL_HELP_TITLE',
  'TPL_HELP_FRAMEWORK',
  '',
  'TPL_HELP_WHERE',
  'TPL_HELP_IDENTITY',
  'TPL_HELP_ROWS',
  '',
  'TPL_HELP_COLUMNS',
  'TPL_HELP_COL_CODE',
  'TPL_HELP_COL_NAME',
  'TPL_HELP_COL_MAX',
  'TPL_HELP_COL_RULE',
  'TPL_HELP_COL_VALUE',
  'TPL_HELP_COL_RATIO',
  'TPL_HELP_COL_POINTS',
  'TPL_HELP_COL_EVIDENCE',
  'TPL_HELP_COL_NOTE',
  '',
  'TPL_HELP_YESNO',
  'TPL_HELP_NUMBERS',
  'TPL_HELP_EVIDENCE',
  'TPL_HELP_OFFICIAL',
];

/**
 * One text cell per row, in column A: the reader looks for a header row in every sheet, and a
 * row with a single cell can never be taken for one.
 */
function instructionsSheet(ws: ExcelJS.Worksheet, ctx: Ctx): void {
  const fw = ctx.model.framework;
  const group = ctx.model.group(ctx.group)!;
  ws.getColumn(1).width = HELP_WIDTH;
  const langs: Lang[] = ctx.lang === 'vi' ? ['vi'] : ['vi', ctx.lang];
  let r = 1;
  for (const lang of langs) {
    if (r > 1) r += 2;
    const params: Params = {
      framework: fw.name[lang],
      id: fw.id,
      version: fw.version,
      group: group.name[lang],
      max: ctx.model.totalFor(ctx.group).toString(),
      sheet: TEMPLATE_SHEETS.form,
    };
    for (const key of HELP_KEYS) {
      if (key !== '') {
        const cell = ws.getCell(r, 1);
        const text = t(key, lang, params);
        const size = key === 'TPL_HELP_TITLE' ? 14 : 11;
        const bold = key === 'TPL_HELP_TITLE' || key === 'TPL_HELP_COLUMNS';
        cell.value = text;
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (size === 14) cell.font = { ...FONT, bold: true, size: 14 };
        else if (bold) cell.font = { ...FONT, bold: true };
        ws.getRow(r).height = rowHeight(wrappedLines(text, HELP_WIDTH / (size / 11), bold), size);
      }
      r++;
    }
  }
  printSetup(ws, { title: ctx.l('TPL_TITLE', { year: ctx.year }), pageLabel: ctx.l('PRINT_PAGE'), widths: [HELP_WIDTH], orientation: 'portrait' });
}

// ---------------------------------------------------------------------------------------------
// Tự đánh giá: the form.

interface Row {
  readonly node: FrameworkNode;
  readonly row: number;
}

/** Writes the form; returns the header row number. */
async function formSheet(ws: ExcelJS.Worksheet, lists: ExcelJS.Worksheet, ctx: Ctx, options: TemplateOptions): Promise<number> {
  const { model, l } = ctx;
  const fw = model.framework;
  const group = model.group(ctx.group)!;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  // Title rows.
  const totalWidth = WIDTHS.reduce((sum, w) => sum + w, 0);
  const title = l('TPL_TITLE', { year: ctx.year });
  ws.mergeCells(1, 1, 1, LAST_COL);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { ...FONT, bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true, vertical: 'top' };
  ws.getRow(1).height = rowHeight(wrappedLines(title, totalWidth / (14 / 11), true), 14);
  const subtitle = l('TPL_SUBTITLE', { framework: fw.name[ctx.lang], version: fw.version });
  ws.mergeCells(2, 1, 2, LAST_COL);
  ws.getCell(2, 1).value = subtitle;
  ws.getCell(2, 1).font = { ...FONT, italic: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center', wrapText: true, vertical: 'top' };
  ws.getRow(2).height = rowHeight(wrappedLines(subtitle, totalWidth));

  // Identity: a label ending in ":" and its value in the next cell, one per row.
  const identity: [string, string | number | null, boolean][] = [
    [TEMPLATE_LABELS.code, options.agency?.code || null, true],
    [TEMPLATE_LABELS.name, options.agency?.name || null, true],
    [TEMPLATE_LABELS.group, group.name.vi, false],
    [TEMPLATE_LABELS.year, ctx.year, true],
  ];
  if (options.agency?.parent !== undefined || group.rankScope === 'parent') {
    identity.push([TEMPLATE_LABELS.parent, options.agency?.parent || null, true]);
  }
  // Read back as the agency's tags when the form comes without the list; locked: the list decides the rows.
  if (ctx.tags !== undefined && ctx.tags.length > 0) identity.push([TEMPLATE_LABELS.tags, ctx.tags.join('; '), false]);
  let r = 4;
  for (const [label, value, input] of identity) {
    const labelCell = ws.getCell(r, 1);
    labelCell.value = label;
    labelCell.font = { ...FONT, bold: true };
    // Wraps rather than being cut at the value cell, should a wider font not fit it on one line.
    labelCell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = rowHeight(wrappedLines(label, WIDTHS[0]!, true));
    const valueCell = ws.getCell(r, 2);
    valueCell.value = value;
    if (typeof value !== 'number') valueCell.numFmt = '@';
    valueCell.alignment = { horizontal: 'left' };
    valueCell.border = BORDER;
    if (input) unlock(valueCell);
    r++;
  }
  r++; // an empty row
  const headerRow = r;
  ws.getRow(headerRow).height = rowHeight(Math.max(...TEMPLATE_HEADERS.map((h, i) => wrappedLines(h, WIDTHS[i]!, true))));
  TEMPLATE_HEADERS.forEach((h, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = h;
    cell.font = { ...FONT, bold: true };
    cell.fill = solid(FILL_HEADER);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  // One row per node that applies to the group (and the agency's tags), in framework order.
  const rows: Row[] = [];
  const rowOf = new Map<string, number>();
  for (const node of ctx.kept) {
    rows.push({ node, row: headerRow + 1 + rows.length });
    rowOf.set(node.code, headerRow + rows.length);
  }
  const keptCodes = new Set(rowOf.keys());

  let listColumn = 0;
  for (const { node, row } of rows) {
    const cells = ws.getRow(row);
    // A bonus or penalty row shows, and its formula caps at, the node's cap.
    const max = node.effect === 'score' ? formMax(model, node, ctx.group, keptCodes) : model.capFor(node, ctx.group);
    cells.getCell(COL.code).value = node.code;
    cells.getCell(COL.code).numFmt = '@';
    cells.getCell(COL.name).value = node.node.name[ctx.lang] + (node.isLeaf && node.node.evidenceRequired && !node.informational ? ' (*)' : '');
    for (let c = 1; c <= LAST_COL; c++) {
      const cell = cells.getCell(c);
      cell.border = BORDER;
      // Max points centred: right-aligned, they ran into the rule's text beside them in print.
      cell.alignment = { vertical: 'top', wrapText: WRAPPED.includes(c), ...(c === COL.max ? { horizontal: 'center' as const } : {}) };
    }
    fitHeight(cells, !node.isLeaf);
    if (node.informational) {
      cells.getCell(COL.rule).value = l('TPL_RULE_INFORMATIONAL');
      for (let c = 1; c <= LAST_COL; c++) {
        cells.getCell(c).font = { ...FONT, color: { argb: FONT_GREY }, italic: true };
        cells.getCell(c).fill = solid(FILL_GREY);
      }
      continue;
    }
    cells.getCell(COL.max).value = toNumber(max);
    const pointsCell = cells.getCell(COL.points);
    pointsCell.numFmt = pointsFormat(ctx.places);
    if (!node.isLeaf) {
      const children = node.children.filter((c) => !c.informational && keptCodes.has(c.code));
      cells.getCell(COL.rule).value = l('TPL_RULE_SECTION');
      fitHeight(cells, true);
      pointsCell.value = { formula: signedSum(children, node.effect, rowOf, ctx.places), result: 0 } as ExcelJS.CellFormulaValue;
      for (let c = 1; c <= LAST_COL; c++) {
        cells.getCell(c).font = { ...FONT, bold: true };
        cells.getCell(c).fill = solid(FILL_SECTION);
      }
      continue;
    }
    const rule = node.node.rule!;
    cells.getCell(COL.rule).value = ruleText(node, rule, max, ctx);
    fitHeight(cells, false);
    const ref = (c: number) => `${columnLetters(c)}${row}`;
    const naAllowed = node.notApplicableAllowed;
    const inputs = inputColumns(rule, naAllowed);
    for (const c of [COL.value, COL.numerator, COL.denominator]) {
      if (!inputs.includes(c)) cells.getCell(c).fill = solid(FILL_GREY);
    }
    for (const c of [...inputs, COL.evidence, COL.note]) unlock(cells.getCell(c));
    let list: string[] | undefined;
    if (rule.type === 'choice') {
      listColumn++;
      list = [...rule.options.map((o) => o.label.vi), ...(naAllowed ? [NA_ANSWER] : [])];
      list.forEach((label, i) => (lists.getCell(i + 1, listColumn).value = label));
    }
    validate(cells, rule, max, ctx, list ? `'${TEMPLATE_SHEETS.lists}'!$${columnLetters(listColumn)}$1:$${columnLetters(listColumn)}$${list.length}` : undefined, naAllowed);
    const refs: InputRefs = {
      value: ref(COL.value),
      numerator: ref(COL.numerator),
      denominator: ref(COL.denominator),
      ...(naAllowed ? { notApplicable: true } : {}),
      ...(fw.evidenceMissing === 'zero' && node.node.evidenceRequired ? { evidenceOrZero: ref(COL.evidence) } : {}),
    };
    const formula = pointsFormula(rule, refs, max, ctx.places);
    if (formula === undefined) {
      // Relative to the best agency in the group: unknowable in one agency's sheet, so the agency's own estimate.
      unlock(pointsCell); // its validation is set with the row's inputs (validationsOf)
      pointsCell.note = ctx.l('TPL_NOTE_RELATIVE', { max: max.toString() });
    } else {
      // Cached for the blank state: the formula gives "" until its inputs are filled.
      pointsCell.value = { formula, result: '' } as ExcelJS.CellFormulaValue;
    }
  }

  // Total, without a code so the reader skips it.
  const totalRow = headerRow + rows.length + 1;
  const mains = rows.filter((x) => x.node.parent === undefined && !x.node.informational).map((x) => x.node);
  const total = ws.getRow(totalRow);
  total.getCell(COL.name).value = l('TPL_TOTAL');
  total.getCell(COL.max).value = toNumber(formTotal(model, ctx.group, keptCodes));
  total.getCell(COL.points).value = { formula: signedSum(mains, 'score', rowOf, ctx.places), result: 0 } as ExcelJS.CellFormulaValue;
  total.getCell(COL.points).numFmt = pointsFormat(ctx.places);
  for (let c = 1; c <= LAST_COL; c++) {
    total.getCell(c).font = { ...FONT, bold: true };
    total.getCell(c).border = BORDER;
  }
  total.getCell(COL.max).alignment = { horizontal: 'center' };
  // The footnote spans the name column to the table's edge (never column A, where codes are read), so it is printed whole.
  const footnote = l('TPL_FOOTNOTE_EVIDENCE');
  ws.mergeCells(totalRow + 2, COL.name, totalRow + 2, LAST_COL);
  ws.getCell(totalRow + 2, COL.name).value = footnote;
  ws.getCell(totalRow + 2, COL.name).font = { ...FONT, italic: true };
  ws.getCell(totalRow + 2, COL.name).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(totalRow + 2).height = rowHeight(wrappedLines(footnote, totalWidth - WIDTHS[0]!));

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'B4', tabSelected: true } as Partial<ExcelJS.WorksheetView>];
  printSetup(ws, { title, pageLabel: l('PRINT_PAGE'), widths: WIDTHS, titleRows: [headerRow, headerRow], orientation: 'landscape' });
  // No password (a hash would need a random salt, and the lock only guards against slips):
  // rows and columns cannot be inserted, deleted or sorted; they can be resized, and links added.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertHyperlinks: true,
  });
  return headerRow;
}

/**
 * The nodes a form has a row for, in framework order: those of the group; on a form made for an
 * agency of a list (`tags` given, even empty), only those its tags allow (`onlyFor`), and no
 * branch left with no scored row. src/template/check.ts expects the same rows.
 */
export function formNodes(model: FrameworkModel, group: string, tags: readonly string[] | undefined): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  const walk = (node: FrameworkNode) => {
    if (!model.applies(node, group)) return;
    if (tags !== undefined && !model.tagsAllow(node, tags)) return;
    const at = out.length;
    out.push(node);
    node.children.forEach(walk);
    // A branch whose rows all went (every child excluded by tags) goes too.
    if (tags !== undefined && !node.isLeaf && !node.informational && !out.slice(at + 1).some((n) => !n.informational)) out.length = at;
  };
  model.roots.forEach(walk);
  return out;
}

/** Whether some scored leaf of the group below the node has no row (excluded by the agency's tags). */
function losesRows(model: FrameworkModel, node: FrameworkNode, group: string, kept: ReadonlySet<string>): boolean {
  return node.children.some((c) => !c.informational && model.applies(c, group) && (!kept.has(c.code) || losesRows(model, c, group, kept)));
}

/** A scored node's max on the form: the group's, or, when rows were left out below it, the sum of the rows kept (the agency's own max). */
export function formMax(model: FrameworkModel, node: FrameworkNode, group: string, kept: ReadonlySet<string>): Decimal {
  if (!losesRows(model, node, group, kept)) return model.maxFor(node, group);
  return sum(node.children.filter((c) => kept.has(c.code)).map((c) => formMax(model, c, group, kept)));
}

/** The form's total max: the group's, or the sum of the main indicators kept. */
export function formTotal(model: FrameworkModel, group: string, kept: ReadonlySet<string>): Decimal {
  const mains = model.roots.filter((r) => !r.informational && model.applies(r, group));
  if (!mains.some((r) => !kept.has(r.code) || losesRows(model, r, group, kept))) return model.totalFor(group);
  return sum(mains.filter((r) => kept.has(r.code)).map((r) => formMax(model, r, group, kept)));
}

/**
 * The points of a section: the sum of its rows, penalty rows taken off (the engine's subtotal
 * cross-check adds them the same way). Without a penalty row, the plain sum.
 */
export function signedSum(children: readonly FrameworkNode[], effect: FrameworkNode['effect'], rowOf: ReadonlyMap<string, number>, places: number): string {
  const minus = children.filter((c) => c.effect === 'penalty' && effect !== 'penalty').map((c) => rowOf.get(c.code)!);
  const plus = children.filter((c) => !(c.effect === 'penalty' && effect !== 'penalty')).map((c) => rowOf.get(c.code)!);
  if (minus.length === 0) return `ROUND(SUM(${ranges(plus, 'H')}),${places})`;
  return `ROUND(${plus.length > 0 ? `SUM(${ranges(plus, 'H')})` : '0'}-SUM(${ranges(minus, 'H')}),${places})`;
}

/**
 * The columns an agency types in for a rule (beside evidence and explanation). A ratio whose
 * indicator may be declared not applicable also opens its value cell, for "Không áp dụng".
 */
function inputColumns(rule: Rule, naAllowed: boolean): number[] {
  if (rule.type !== 'ratio') return [COL.value];
  return naAllowed ? [COL.value, COL.numerator, COL.denominator] : [COL.numerator, COL.denominator];
}

function ruleText(node: FrameworkNode, rule: Rule, max: Decimal, ctx: Ctx): string {
  const parts = [describeRule(rule, max.toNumber(), ctx.lang)];
  if (rule.type === 'ratio') {
    if (rule.zeroDenominator === 'full') parts.push(ctx.l('TPL_RULE_ZERO_FULL'));
    parts.push(ctx.l('TPL_RULE_RATIO_INPUTS'));
  }
  if (rule.type === 'tiers' && rule.basis === 'percent') parts.push(ctx.l('TPL_RULE_PERCENT_INPUT'));
  if (rule.type === 'manual') parts.push(ctx.l('TPL_RULE_MANUAL_INPUT', { max: max.toString() }));
  if (rule.type === 'relative') parts.push(ctx.l('TPL_RULE_RELATIVE_INPUT'));
  const description = node.node.description?.[ctx.lang];
  if (description) parts.push(description);
  if (node.node.evidenceRequired) parts.push(ctx.l(ctx.model.framework.evidenceMissing === 'zero' ? 'TPL_RULE_EVIDENCE_ZERO' : 'TPL_RULE_EVIDENCE'));
  if (node.notApplicableAllowed) parts.push(ctx.l('TPL_RULE_NA_ALLOWED', { answer: NA_ANSWER }));
  return parts.join('\n');
}

/** Data validation of a leaf row's input cells (no conditional formatting anywhere: exceljs#1118). */
function validate(cells: ExcelJS.Row, rule: Rule, max: Decimal, ctx: Ctx, listRange: string | undefined, naAllowed: boolean): void {
  const value = cells.getCell(COL.value);
  const ref = value.address;
  for (const input of validationsOf(rule, toNumber(max), naAllowed, ref, listRange)) {
    const cell = cells.getCell(input.column);
    const error = ctx.l(input.error, { max: max.toString(), answer: NA_ANSWER }) + (input.column === COL.value && naAllowed && input.error !== 'TPL_DV_NA_ONLY' ? ' ' + ctx.l('TPL_DV_OR_NA', { answer: NA_ANSWER }) : '');
    const dv = input.check;
    const base = messages(error, ctx);
    cell.dataValidation =
      dv.type === 'list'
        ? { type: 'list', formulae: [dv.formula], ...base }
        : dv.type === 'custom'
          ? { type: 'custom', formulae: [dv.formula], ...base }
          : { type: dv.type, operator: dv.operator, formulae: [...dv.values], ...base };
    if (input.column === COL.value && naAllowed) {
      Object.assign(cell.dataValidation, { showInputMessage: true, promptTitle: ctx.l('TPL_DV_NA_TITLE'), prompt: ctx.l('TPL_DV_NA_PROMPT', { answer: NA_ANSWER }) });
    }
  }
}

/** The check a validation makes: a number range, a list (a quoted literal or a range of cells), or a formula. */
export type ValidationCheck =
  | { readonly type: 'whole' | 'decimal'; readonly operator: 'greaterThanOrEqual' | 'between'; readonly values: readonly number[] }
  | { readonly type: 'list'; readonly formula: string }
  | { readonly type: 'custom'; readonly formula: string };

export interface InputValidation {
  readonly column: number;
  readonly check: ValidationCheck;
  /** Message key of the error shown. */
  readonly error: string;
}

/**
 * The validation of each input cell of a leaf row; src/template/check.ts expects the same. Where
 * the indicator may be declared not applicable, the value cell also takes "Không áp dụng": a list
 * gains it, a number range becomes a formula that accepts the number or the answer, and a
 * ratio's value cell (otherwise unused) takes only the answer.
 */
export function validationsOf(rule: Rule, max: number, naAllowed: boolean, valueRef: string, listRange: string | undefined): InputValidation[] {
  const atLeastZero = (type: 'whole' | 'decimal'): ValidationCheck => ({ type, operator: 'greaterThanOrEqual', values: [0] });
  const between = (hi: number): ValidationCheck => ({ type: 'decimal', operator: 'between', values: [0, hi] });
  const value = (check: ValidationCheck, error: string): InputValidation => ({ column: COL.value, check: naAllowed ? orNotApplicable(check, valueRef) : check, error });
  switch (rule.type) {
    case 'ratio':
      return [
        ...(naAllowed ? [{ column: COL.value, check: { type: 'list', formula: `"${NA_ANSWER}"` }, error: 'TPL_DV_NA_ONLY' } as const] : []),
        { column: COL.numerator, check: atLeastZero('whole'), error: 'TPL_DV_WHOLE' },
        { column: COL.denominator, check: atLeastZero('whole'), error: 'TPL_DV_WHOLE' },
      ];
    case 'count':
      return [value(atLeastZero('whole'), 'TPL_DV_WHOLE')];
    case 'tiers':
      return [rule.basis === 'percent' ? value(between(100), 'TPL_DV_PERCENT') : value(atLeastZero('decimal'), 'TPL_DV_DECIMAL')];
    case 'relative':
      return [value(atLeastZero('decimal'), 'TPL_DV_DECIMAL'), { column: COL.points, check: between(max), error: 'TPL_DV_POINTS' }];
    case 'manual':
      return [value(between(max), 'TPL_DV_POINTS')];
    case 'boolean':
      return [value({ type: 'list', formula: `"${BOOLEAN_LIST.join(',')}"` }, 'TPL_DV_BOOLEAN')];
    case 'choice':
      // The list's cells already end with the answer where it is allowed (written with the levels).
      return [{ column: COL.value, check: { type: 'list', formula: listRange! }, error: 'TPL_DV_CHOICE' }];
  }
}

/** A value check that also lets "Không áp dụng" through. */
function orNotApplicable(check: ValidationCheck, ref: string): ValidationCheck {
  if (check.type === 'custom') return check;
  if (check.type === 'list') return check.formula.startsWith('"') ? { type: 'list', formula: `${check.formula.slice(0, -1)},${NA_ANSWER}"` } : check;
  const [lo, hi] = check.values;
  const conditions = [`ISNUMBER(${ref})`, `${ref}>=${lo}`, ...(check.operator === 'between' ? [`${ref}<=${hi}`] : []), ...(check.type === 'whole' ? [`${ref}=INT(${ref})`] : [])];
  return { type: 'custom', formula: `OR(TRIM(${ref})=${text(NA_ANSWER)},AND(${conditions.join(',')}))` };
}

function messages(error: string, ctx: Ctx) {
  return { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: ctx.l('TPL_DV_TITLE'), error } as const;
}

// ---------------------------------------------------------------------------------------------
// The self-score formulas: the rule's points from the row's input cells, as the engine
// computes them (src/engine/rules/*.ts), rounded as precision.points says. Blank inputs give
// "" (not yet filled); a value the engine would refuse gives 0, as the engine scores it;
// no formula can return an error value, which the reader would report at its cell.

export interface InputRefs {
  readonly value: string;
  readonly numerator: string;
  readonly denominator: string;
  /** The evidence cell, when missing evidence zeroes the points (evidenceMissing: zero and evidence required). */
  readonly evidenceOrZero?: string;
  /** The indicator may be declared not applicable: "Không áp dụng" in the value cell leaves the points blank, as not filled. */
  readonly notApplicable?: true;
}

/** The points formula of a leaf (without "="), or undefined for a rule one agency's sheet cannot compute (relative). */
export function pointsFormula(rule: Rule, refs: InputRefs, max: Decimal, places: number): string | undefined {
  const parts = formulaParts(rule, refs, max, places);
  if (parts === undefined) return undefined;
  // The engine zeroes the points of a scored leaf whose required evidence is missing, when the framework says so.
  const points = refs.evidenceOrZero === undefined ? parts.points : `IF(TRIM(${refs.evidenceOrZero})="",0,${parts.points})`;
  const blank = refs.notApplicable ? `OR(${parts.blank},TRIM(${refs.value})=${text(NA_ANSWER)})` : parts.blank;
  return `IF(${blank},"",${points})`;
}

/** When the inputs count as not filled in, and the points once they are. */
function formulaParts(rule: Rule, refs: InputRefs, max: Decimal, places: number): { blank: string; points: string } | undefined {
  const v = refs.value;
  const num = (x: Decimal | number) => literal(roundTo(new Decimal(x), places));
  const round = (x: string) => `ROUND(${x},${places})`;
  const blank = `${v}=""`;
  const notNumber = `NOT(ISNUMBER(${v}))`;
  switch (rule.type) {
    case 'boolean': {
      const yes = YES_WORDS.map((w) => `TRIM(${v})=${text(w)}`).join(',');
      return { blank, points: `IF(OR(${yes}),${num(max)},0)` };
    }
    case 'ratio': {
      const { numerator: a, denominator: b } = refs;
      const target = new Decimal(rule.target ?? 100).dividedBy(100);
      const share = target.equals(1) ? `${a}/${b}` : `${a}/${b}/${literal(target)}`;
      const zero = rule.zeroDenominator === 'full' ? num(max) : '0';
      return {
        blank: `AND(${a}="",${b}="")`,
        points:
          `IF(OR(NOT(ISNUMBER(${a})),NOT(ISNUMBER(${b}))),0,` +
          `IF(OR(${a}<0,${b}<0),0,` +
          `IF(${a}>${b},0,` +
          `IF(${b}=0,${zero},${round(`MIN(1,${share})*${literal(max)}`)}))))`,
      };
    }
    case 'tiers': {
      // The highest threshold reached wins; among equal thresholds, the first listed (as the engine).
      const sorted = rule.tiers.map((x, i) => ({ ...x, i })).sort((x, y) => y.min - x.min || x.i - y.i);
      let chain = '0';
      for (const tier of [...sorted].reverse()) chain = `IF(${v}>=${literal(new Decimal(tier.min))},${num(tier.points)},${chain})`;
      const outOfRange = rule.basis === 'percent' ? `OR(${v}<0,${v}>100)` : `${v}<0`;
      return { blank, points: `IF(${notNumber},0,IF(${outOfRange},0,${chain}))` };
    }
    case 'count': {
      const cap = rule.cap === undefined ? max : Decimal.min(new Decimal(rule.cap), max);
      return { blank, points: `IF(${notNumber},0,IF(OR(${v}<0,${v}<>INT(${v})),0,${round(`MIN(${literal(cap)},${v}*${literal(new Decimal(rule.pointsPerItem))})`)}))` };
    }
    case 'choice': {
      // A key or a label first, in the options' order; only then a position (1, 2, …), as the engine.
      const tests = [
        ...rule.options.map((o) => ({ words: [...new Set([o.label.vi, o.label.en, o.key])], points: o.points })),
        ...rule.options.map((o, i) => ({ words: [String(i + 1)], points: o.points })),
      ];
      let chain = '0';
      for (const { words, points } of tests.reverse()) {
        const test = words.map((w) => `TRIM(${v})=${text(w)}`);
        chain = `IF(${test.length === 1 ? test[0] : `OR(${test.join(',')})`},${num(points)},${chain})`;
      }
      return { blank, points: chain };
    }
    case 'manual':
      return { blank, points: `IF(${notNumber},0,IF(OR(${v}<0,${v}>${literal(max)}),0,${round(v)}))` };
    case 'relative':
      return undefined;
  }
}

/** A number as a formula literal: plain digits, never an exponent. */
function literal(x: Decimal): string {
  return x.toFixed();
}

/** A string literal for a formula, quotes doubled. */
function text(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Rows as compact ranges of a column: [12, 13, 14, 16] → H12:H14,H16. */
export function ranges(rows: readonly number[], column: string): string {
  if (rows.length === 0) return '0';
  const sorted = [...rows].sort((a, b) => a - b);
  const out: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  const flush = () => out.push(start === prev ? `${column}${start}` : `${column}${start}:${column}${prev}`);
  for (const row of sorted.slice(1)) {
    if (row === prev + 1) prev = row;
    else {
      flush();
      start = prev = row;
    }
  }
  flush();
  return out.join(',');
}

// ---------------------------------------------------------------------------------------------
// _dti: what the template was made from. The reader takes this sheet for a metadata sheet
// (src/submission/metadata.ts): its "group" row is where a form without a Nhóm cell gets its group.

function metaSheet(ws: ExcelJS.Worksheet, ctx: Ctx, headerRow: number): void {
  const fw = ctx.model.framework;
  const rows: [string, string | number][] = [
    ['dti_template', 1],
    ['framework_id', fw.id],
    ['framework_version', fw.version],
    ['framework_year', fw.year],
    ['group', ctx.group],
    ['year', ctx.year],
    ['sheet', TEMPLATE_SHEETS.form],
    ['header_row', headerRow],
    // A form made for an agency of a list: the tags its rows were chosen by ("—": none).
    ...(ctx.tags !== undefined ? ([['form_tags', ctx.tags.length > 0 ? ctx.tags.join(', ') : '—']] as [string, string][]) : []),
    ['lang', ctx.lang],
    ['generator', `dti ${toolVersion()}`],
  ];
  rows.forEach(([key, value], i) => {
    ws.getCell(i + 1, 1).value = key;
    ws.getCell(i + 1, 2).value = value;
  });
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 40;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

function unlock(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
  cell.fill = solid(FILL_INPUT);
}


/** Sets a form row's height to fit its wrapped cells (neither Excel nor LibreOffice does it on open). */
function fitHeight(cells: ExcelJS.Row, bold: boolean): void {
  let lines = 1;
  for (const c of WRAPPED) {
    const v = cells.getCell(c).value;
    if (typeof v === 'string' && v) lines = Math.max(lines, wrappedLines(v, WIDTHS[c - 1]!, bold));
  }
  cells.height = rowHeight(lines);
}

function pointsFormat(places: number): string {
  return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
}

function toNumber(x: Decimal): number {
  return Number(x.toString());
}


/**
 * Adds <workbookProtection lockStructure="1"/> to xl/workbook.xml (exceljs has no API for it),
 * re-zipping the parts in their order. Zip entry times are pinned by the caller.
 */
function lockWorkbookStructure(zip: Uint8Array): Uint8Array {
  const parts = unzipSync(zip);
  const name = 'xl/workbook.xml';
  const xml = strFromU8(parts[name]!);
  const protection = '<workbookProtection lockStructure="1"/>';
  // Schema order: fileVersion, fileSharing, workbookPr, workbookProtection, bookViews, …
  const after = /<workbookPr\b[^>]*\/>|<workbookPr\b[^>]*>.*?<\/workbookPr>/s.exec(xml);
  const at = after ? after.index + after[0].length : xml.indexOf('<bookViews');
  if (at < 0) throw new Error('workbook.xml: no place for workbookProtection');
  parts[name] = strToU8(xml.slice(0, at) + protection + xml.slice(at));
  return zipSync(parts, { level: 6, mtime: new Date(Date.UTC(1980, 0, 2)) });
}

import ExcelJS from 'exceljs';
import { columnLetters } from '../core/grid.js';
import { newWorkbook, printSetup, rowHeight, solid, wrappedLines } from './excel.js';
import { toNumber } from '../core/decimal.js';
import type { AgencyScore, LeafAudit } from '../engine/score.js';
import type { FrameworkModel } from '../framework/model.js';
import { t } from '../i18n/catalog.js';
import { localNumber } from '../i18n/numbers.js';
import type { Lang, Params } from '../i18n/types.js';
import { pinZipEntryTimes } from './workbook-dates.js';

/**
 * The reviewers' workbook: what the appraisal council ("hội đồng thẩm định") fills in at the
 * end of a DTI year. One row per agency and scored leaf with what the agency gave (its inputs,
 * evidence and self-scored points) and what the rules give; then the decision columns, empty and
 * unlocked: approved points, or corrected inputs to score again, with the reason and reviewer.
 * Everything else is locked against slips (no password). The header row is the contract with
 * src/review/read.ts, which reads the filled workbook back (`dti score --review`).
 *
 * exceljs stays inside this module; cells only receive text, numbers and (for http and https
 * evidence) hyperlinks. The bytes are reproducible: fixed document dates, fixed zip entry times.
 */

export interface ReviewTemplateOptions {
  readonly lang: Lang;
  /** Seconds since 1970 for the document dates (SOURCE_DATE_EPOCH); 2000-01-01 when absent. */
  readonly sourceDateEpoch?: number;
  /** The assessment year in the title (`--year`, or the submissions'); the framework's year when absent. */
  readonly year?: number;
}

/**
 * Columns of the review sheet, in order; `decision` columns are the ones reviewers type in,
 * `wrap` columns hold text that wraps. The widths add up to what A4 landscape prints at a
 * readable scale (headers wrap over a few lines instead of widening number columns).
 */
export const REVIEW_COLUMNS = [
  { key: 'group', header: 'REV_COL_GROUP', width: 10, wrap: true },
  { key: 'agencyCode', header: 'REV_COL_AGENCY_CODE', width: 8 },
  { key: 'agencyName', header: 'REV_COL_AGENCY_NAME', width: 18, wrap: true },
  { key: 'indicator', header: 'REV_COL_INDICATOR', width: 7 },
  { key: 'indicatorName', header: 'REV_COL_INDICATOR_NAME', width: 30, wrap: true },
  { key: 'max', header: 'REV_COL_MAX', width: 7 },
  { key: 'inputs', header: 'REV_COL_INPUTS', width: 11, wrap: true },
  { key: 'evidence', header: 'REV_COL_EVIDENCE', width: 16, wrap: true },
  { key: 'self', header: 'REV_COL_SELF', width: 7 },
  { key: 'computed', header: 'REV_COL_COMPUTED', width: 8 },
  { key: 'points', header: 'REV_COL_APPROVED', width: 10, decision: true },
  { key: 'value', header: 'REV_COL_VALUE', width: 8, decision: true },
  { key: 'numerator', header: 'REV_COL_NUMERATOR', width: 8, decision: true },
  { key: 'denominator', header: 'REV_COL_DENOMINATOR', width: 8, decision: true },
  { key: 'reason', header: 'REV_COL_REASON', width: 19, decision: true, wrap: true },
  { key: 'reviewer', header: 'REV_COL_REVIEWER', width: 12, decision: true, wrap: true },
] as const;

/**
 * The council's answer to an agency's "không áp dụng" claim (read back by src/review/ as the
 * `naDecision` role). Only where the framework lets an indicator be declared not applicable,
 * after the corrected inputs; open only on the rows of a claim.
 */
export const NA_DECISION_COLUMN = { key: 'naDecision', header: 'REV_COL_NA_DECISION', width: 11, decision: true, wrap: true } as const;

type Column = (typeof REVIEW_COLUMNS)[number] | typeof NA_DECISION_COLUMN;
type ColumnKey = Column['key'];

/** The columns of a framework's review sheet: the N/A decision only where some indicator may be declared not applicable. */
export function reviewColumns(model: FrameworkModel): readonly Column[] {
  const naAllowed = [...model.nodes.values()].some((n) => n.isLeaf && n.notApplicableAllowed);
  if (!naAllowed) return REVIEW_COLUMNS;
  const at = REVIEW_COLUMNS.findIndex((c) => c.key === 'denominator') + 1;
  return [...REVIEW_COLUMNS.slice(0, at), NA_DECISION_COLUMN, ...REVIEW_COLUMNS.slice(at)];
}
/** Rows above the header: title, subtitle, a one-line instruction, a blank row. */
export const REVIEW_HEADER_ROW = 5;

/**
 * Every font names its face and size: a font with only "bold" set leaves the face to the program,
 * and LibreOffice then prints those cells in its own default (a serif) beside Calibri's.
 */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
const FILL_INPUT = 'FFFFF2CC';
const FILL_HEADER = 'FFD9E1F2';
const FILL_DECISION_HEADER = 'FFFCE4D6';
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function reviewTemplate(model: FrameworkModel, scores: readonly AgencyScore[], options: ReviewTemplateOptions): Promise<Uint8Array> {
  const { lang } = options;
  const l = (key: string, params?: Params) => t(key, lang, params);
  const fw = model.framework;
  const wb = newWorkbook(options.sourceDateEpoch);
  const columns = reviewColumns(model);
  const COL = Object.fromEntries(columns.map((c, i) => [c.key, i + 1])) as Record<ColumnKey, number>;
  const LAST_COL = columns.length;
  const naAnswers = [l('REV_NA_ACCEPT'), l('REV_NA_REJECT')];

  const year = options.year ?? fw.year;
  const sheetName = l('REV_SHEET');
  helpSheet(wb.addWorksheet(l('REV_SHEET_HELP')), model, lang, sheetName, year, COL.naDecision !== undefined);
  const ws = wb.addWorksheet(sheetName);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];

  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const title = l('REV_TITLE', { year });
  // Title, subtitle and instruction span the printed width and wrap within it.
  const above: [string, Partial<ExcelJS.Font>, number][] = [
    [title, { bold: true, size: 14 }, 14],
    [l('REV_SUBTITLE', { framework: fw.name[lang], version: fw.version }), { italic: true }, 11],
    [l('REV_NOTE'), { italic: true }, 11],
  ];
  above.forEach(([text, font, size], i) => {
    ws.mergeCells(i + 1, 1, i + 1, LAST_COL);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { ...FONT, ...font };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(i + 1).height = rowHeight(wrappedLines(text, totalWidth / (size / 11), font.bold === true), size);
  });

  const headerRow = REVIEW_HEADER_ROW;
  columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = l(c.header);
    cell.font = { ...FONT, bold: true };
    cell.fill = solid('decision' in c ? FILL_DECISION_HEADER : FILL_HEADER);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  ws.getRow(headerRow).height = rowHeight(Math.max(...columns.map((c) => wrappedLines(l(c.header), c.width, true))));

  const pointsFormat = fw.precision.points > 0 ? `0.${'0'.repeat(fw.precision.points)}` : '0';
  const places = fw.precision.points;
  let row = headerRow + 1;
  for (const score of ordered(model, scores)) {
    const group = model.group(score.agency.group);
    for (const leaf of score.leaves) {
      // An indicator the agency's tags exclude has nothing to review; a declared N/A has (the council may reject it).
      if (leaf.status === 'given-above' || leaf.notApplicable?.by === 'tag') continue;
      const node = model.nodes.get(leaf.code);
      const cells = ws.getRow(row);
      const put = (key: ColumnKey, value: ExcelJS.CellValue) => (cells.getCell(COL[key]).value = value);
      put('group', group?.name[lang] ?? score.agency.group);
      put('agencyCode', score.agency.code);
      put('agencyName', score.agency.name);
      put('indicator', leaf.code);
      put('indicatorName', node?.node.name[lang] ?? leaf.code);
      put('max', toNumber(leaf.maxPoints, places));
      put('inputs', inputsText(model, leaf, lang));
      if (leaf.evidence !== undefined) put('evidence', evidenceValue(leaf.evidence));
      if (leaf.selfPoints !== undefined) put('self', toNumber(leaf.selfPoints, places));
      put('computed', toNumber(leaf.computedPoints ?? leaf.points, places));
      for (const c of [COL.agencyCode, COL.indicator]) cells.getCell(c).numFmt = '@';
      for (const c of [COL.max, COL.self, COL.computed]) cells.getCell(c).numFmt = pointsFormat;
      let lines = 1;
      columns.forEach((column, i) => {
        const cell = cells.getCell(i + 1);
        cell.border = BORDER;
        const wrap = 'wrap' in column;
        // Points centred: right-aligned, they ran into the text of the next column in print.
        const centred = i + 1 === COL.max || i + 1 === COL.self || i + 1 === COL.computed;
        cell.alignment = { vertical: 'top', wrapText: wrap, ...(centred ? { horizontal: 'center' as const } : {}) };
        const v = cell.value;
        const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' && 'result' in v ? String(v.result) : '';
        if (wrap && text) lines = Math.max(lines, wrappedLines(text, column.width));
      });
      cells.height = rowHeight(lines);
      if (typeof cells.getCell(COL.evidence).value === 'object' && cells.getCell(COL.evidence).value !== null) {
        cells.getCell(COL.evidence).font = { ...FONT, color: { argb: 'FF0563C1' }, underline: true };
      }
      // The N/A decision is open only where the agency claimed N/A (and was allowed to).
      const claimed = leaf.notApplicableClaim?.allowed === true;
      for (const c of columns.filter((x) => 'decision' in x && (x.key !== 'naDecision' || claimed))) unlock(cells.getCell(COL[c.key]));
      if (claimed && COL.naDecision !== undefined) {
        const cell = cells.getCell(COL.naDecision);
        cell.numFmt = '@';
        cell.dataValidation = { type: 'list', formulae: [`"${naAnswers.join(',')}"`], ...invalid(l('REV_DV_NA', { accept: naAnswers[0]!, reject: naAnswers[1]! }), l) };
      }
      const max = toNumber(leaf.maxPoints, places);
      cells.getCell(COL.points).numFmt = pointsFormat;
      cells.getCell(COL.points).dataValidation = {
        type: 'decimal',
        operator: 'between',
        formulae: [0, max],
        ...invalid(l('TPL_DV_POINTS', { max: leaf.maxPoints.toString() }), l),
      };
      for (const c of [COL.numerator, COL.denominator]) {
        cells.getCell(c).dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], ...invalid(l('TPL_DV_WHOLE'), l) };
      }
      cells.getCell(COL.reason).numFmt = '@';
      cells.getCell(COL.reviewer).numFmt = '@';
      row++;
    }
  }
  const last = Math.max(headerRow, row - 1);

  ws.views = [
    {
      state: 'frozen',
      xSplit: COL.indicator,
      ySplit: headerRow,
      topLeftCell: `${columnLetters(COL.indicator + 1)}${headerRow + 1}`,
      activeCell: `${columnLetters(COL.points)}${headerRow + 1}`,
      tabSelected: true,
    } as Partial<ExcelJS.WorksheetView>,
  ];
  ws.autoFilter = `A${headerRow}:${columnLetters(LAST_COL)}${last}`;
  printSetup(ws, { title, pageLabel: l('PRINT_PAGE'), widths: columns.map((c) => c.width), titleRows: [headerRow, headerRow], orientation: 'landscape' });
  // No password (a hash needs a random salt, and the lock only guards against slips). Filtering
  // works on the locked sheet; rows and columns can be resized but not inserted or deleted.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });

  const written = await wb.xlsx.writeBuffer();
  return pinZipEntryTimes(new Uint8Array(written as ArrayBuffer));
}

/** Agencies by group in the framework's order, each group in the order the scores came. */
function ordered(model: FrameworkModel, scores: readonly AgencyScore[]): AgencyScore[] {
  const order = new Map(model.framework.groups.map((g, i) => [g.id, i]));
  return scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (order.get(a.s.agency.group) ?? Infinity) - (order.get(b.s.agency.group) ?? Infinity) || a.i - b.i)
    .map((x) => x.s);
}

/** The agency's inputs in a few characters: "3/4", "có", "87.5", "Mức 2"; "thiếu" when missing. */
export function inputsText(model: FrameworkModel, leaf: LeafAudit, lang: Lang): string {
  if (leaf.notApplicable?.by === 'declared') return t('NA_DECLARED', lang, { reason: leaf.notApplicable.reason ?? t('NA_NO_REASON', lang) });
  if (leaf.status === 'missing') return t('WB_INPUT_MISSING', lang);
  const n = (v: string) => localNumber(v, lang);
  const { numerator, denominator, value, best, points, ...rest } = leaf.inputs;
  const parts: string[] = [];
  if (numerator !== undefined || denominator !== undefined) parts.push(`${numerator ?? ''}/${denominator ?? ''}`);
  if (value !== undefined) {
    const rule = model.nodes.get(leaf.code)?.node.rule;
    if (leaf.rule === 'boolean' && (value === 'true' || value === 'false')) parts.push(t(value === 'true' ? 'WB_INPUT_YES' : 'WB_INPUT_NO', lang));
    else if (rule?.type === 'choice') parts.push(rule.options.find((o) => o.key === value)?.label[lang] ?? value);
    else parts.push(best !== undefined ? `${n(value)}/${n(best)}` : n(value));
  } else if (best !== undefined) parts.push(`/${n(best)}`);
  if (points !== undefined) parts.push(n(points));
  for (const key of Object.keys(rest).sort()) parts.push(`${key}=${rest[key]}`);
  return parts.join('; ');
}

/**
 * Evidence as a link only for http and https addresses; anything else stays text. The link is a
 * HYPERLINK formula with its text as the cached result, not a cell hyperlink: LibreOffice shows a
 * cell hyperlink as one unbreakable field that runs over the next cells in print, while a
 * formula's text wraps within the cell like any text (and still opens the address in both
 * programs). Excel takes at most 255 characters of address in HYPERLINK: a longer one stays text.
 */
function evidenceValue(text: string): ExcelJS.CellValue {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 255 && text.length <= 255) {
        return { formula: `HYPERLINK(${quoted(url.href)},${quoted(text)})`, result: text };
      }
    } catch {
      // not a URL: text
    }
  }
  return text;
}

function invalid(error: string, l: (key: string, params?: Params) => string) {
  return { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: l('TPL_DV_TITLE'), error } as const;
}

/** Width of the one column of an instructions sheet: A4 portrait at full scale. */
export const HELP_WIDTH = 80;

function helpSheet(ws: ExcelJS.Worksheet, model: FrameworkModel, lang: Lang, sheet: string, year: number, naColumn: boolean): void {
  const fw = model.framework;
  const params: Params = { framework: fw.name[lang], id: fw.id, version: fw.version, sheet, column: t('REV_COL_NA_DECISION', lang), reject: t('REV_NA_REJECT', lang) };
  const keys = ['REV_HELP_TITLE', 'REV_HELP_FRAMEWORK', '', 'REV_HELP_WHERE', 'REV_HELP_CONFIRM', 'REV_HELP_POINTS', 'REV_HELP_INPUTS', ...(naColumn ? ['REV_HELP_NA'] : []), 'REV_HELP_REASON', '', 'REV_HELP_ROWS'];
  ws.getColumn(1).width = HELP_WIDTH;
  // One text cell per row: a row with a single cell is never taken for a header.
  keys.forEach((key, i) => {
    if (key === '') return;
    const cell = ws.getCell(i + 1, 1);
    const text = t(key, lang, params);
    const title = key === 'REV_HELP_TITLE';
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (title) cell.font = { ...FONT, bold: true, size: 14 };
    ws.getRow(i + 1).height = rowHeight(wrappedLines(text, title ? HELP_WIDTH / (14 / 11) : HELP_WIDTH, title), title ? 14 : 11);
  });
  printSetup(ws, { title: t('REV_TITLE', lang, { year }), pageLabel: t('PRINT_PAGE', lang), widths: [HELP_WIDTH], orientation: 'portrait' });
}

function unlock(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
  cell.fill = solid(FILL_INPUT);
}



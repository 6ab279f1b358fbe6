import { cellRef, columnLetters, type Grid, type GridCell, type GridSheet } from '../core/grid.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { normaliseCode } from '../core/text.js';
import type { FrameworkModel } from '../framework/model.js';
import { cellText } from './cells.js';
import { columnRole, type ColumnRole } from './columns.js';
import { isMetadataSheet } from './metadata.js';
import { NumberingResolver } from './numbering.js';

/** How far down a sheet the header row is looked for (title rows and captions sit above it). */
const HEADER_SEARCH_ROWS = 40;

export type Layout = 'long' | 'wide';

export interface Header {
  readonly row: number;
  /** Column number by role (first column that names it). */
  readonly roles: ReadonlyMap<ColumnRole, number>;
  /** Indicator columns of the wide layout: column number → indicator code. */
  readonly indicatorColumns: ReadonlyMap<number, string>;
  /** Header cells that name a role an earlier cell of the same row already names (the first one is read). */
  readonly duplicates: readonly DuplicateHeader[];
  /** Header text of each column, for messages. */
  readonly texts: ReadonlyMap<number, string>;
  /** Fields of the header row(s) of a CSV file, to tell ragged lines. */
  readonly width: number;
}

export interface DuplicateHeader {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly firstColumn: number;
  readonly firstText: string;
}

export interface SheetChoice {
  readonly sheet: GridSheet;
  readonly header: Header;
  readonly layout: Layout;
}

/**
 * The sheet that holds the form. A workbook may carry a cover letter ("Công văn"), instructions
 * or a summary beside it, and any of them may have a row that looks like a header ("STT | Nội
 * dung | Ghi chú"): each sheet is scored by its content — the columns its header names and the
 * rows below that carry a known indicator code or numbering (wide layout: agency rows) — and
 * the best one is read; on a tie, the first visible one. Returns the issues that explain the choice.
 */
export function chooseSheet(grid: Grid, sheets: readonly GridSheet[], model: FrameworkModel): { choice?: SheetChoice; issues: DtiIssue[] } {
  const usable = sheets.filter((s) => !isMetadataSheet(s));
  let best: (SheetChoice & { score: number }) | undefined;
  let withHeader = 0;
  for (const sheet of usable) {
    const header = findHeader(sheet, model);
    if (!header) continue;
    const layout = layoutOf(header);
    if (layout === undefined) continue;
    withHeader++;
    const score = header.roles.size + header.indicatorColumns.size + contentRows(sheet, header, layout, model);
    // On a tie, a visible sheet is preferred to a hidden one (a hidden copy or a lookup sheet).
    if (!best || score > best.score || (score === best.score && best.sheet.hidden && !sheet.hidden)) best = { sheet, header, layout, score };
  }
  if (!best) return { issues: [noHeader(grid, usable.length > 0 ? usable : sheets)] };
  const issues: DtiIssue[] = [];
  if (withHeader > 1) {
    issues.push(
      issue('I_SHEET_CHOSEN', { file: grid.file, sheet: best.sheet.name }, {
        sheet: best.sheet.name,
        others: usable.filter((s) => s !== best!.sheet).map((s) => `"${s.name}"`).join(', '),
      }),
    );
  }
  return { choice: best, issues };
}

/**
 * Long: one row per indicator (a code column, or numbering and names). Wide: one row per agency
 * and a column per indicator; a wide sheet names its agency on every row, so without an agency
 * column a row that merely holds an indicator code and a note is no header.
 */
function layoutOf(header: Header): Layout | undefined {
  if (header.roles.has('indicator') || (header.roles.has('number') && header.roles.has('name'))) return 'long';
  if (header.indicatorColumns.size > 0 && (header.roles.has('agencyCode') || header.roles.has('agencyName'))) return 'wide';
  return undefined;
}

/** Rows below the header that read as the form's own: a known indicator (long) or an agency (wide). */
function contentRows(sheet: GridSheet, header: Header, layout: Layout, model: FrameworkModel): number {
  const column = layout === 'long' ? (header.roles.get('indicator') ?? header.roles.get('number')!) : (header.roles.get('agencyCode') ?? header.roles.get('agencyName')!);
  const numbering = new NumberingResolver(model);
  let count = 0;
  for (const row of sheet.rows) {
    const cell = row[column - 1];
    if (!cell || cell.row <= header.row) continue;
    const text = cellText(cell);
    if (text === '') continue;
    if (layout === 'wide' || model.nodes.has(normaliseCode(text)) || numbering.resolve(text) !== undefined) count++;
  }
  return count;
}

/**
 * No sheet has a header: the message names the sheets tried, the columns recognised on the
 * row that came closest (with their cells), and the columns a form needs that are missing —
 * worded as a province's form words them, since that is what the analyst will write.
 */
/** Longest cell text that counts as a header in the no-header message. */
const MESSAGE_HEADER_MAX = 60;

function noHeader(grid: Grid, tried: readonly GridSheet[]): DtiIssue {
  let closest: { sheet: GridSheet; cells: { role: ColumnRole; text: string; row: number; column: number }[] } | undefined;
  for (const sheet of tried) {
    const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
    for (let r = 0; r < limit; r++) {
      const cells: { role: ColumnRole; text: string; row: number; column: number }[] = [];
      for (const cell of sheet.rows[r] ?? []) {
        // A long sentence in a data row ("Số liệu trích xuất từ Hệ thống…") is a note, not a header.
        if (!cell || cellText(cell).length > MESSAGE_HEADER_MAX) continue;
        const role = columnRole(cellText(cell));
        if (role && !cells.some((c) => c.role === role)) cells.push({ role, text: cellText(cell), row: cell.row, column: cell.column });
      }
      if (cells.length > (closest?.cells.length ?? 0)) closest = { sheet, cells };
    }
  }
  const roles = new Set(closest?.cells.map((c) => c.role));
  const missing: string[] = [];
  if (!roles.has('indicator') && !roles.has('number')) missing.push('"STT" / "Mã chỉ số"');
  if (!roles.has('indicator') && !roles.has('name')) missing.push('"Tên chỉ số" / "Nội dung"');
  if (!['value', 'numerator', 'denominator', 'points'].some((r) => roles.has(r as ColumnRole))) missing.push('"Giá trị" / "Điểm tự đánh giá"');
  if (!roles.has('evidence')) missing.push('"Tài liệu kiểm chứng"');
  const found = (closest?.cells ?? []).map((c) => `"${c.text}" (${grid.kind === 'xlsx' ? cellRef(c.row, c.column) : c.column})`).join(', ') || '—';
  const where = grid.kind === 'xlsx' ? { file: grid.file, sheet: (closest?.sheet ?? tried[0])?.name ?? '' } : { file: grid.file };
  const params = { found, missing: missing.join(', ') || '—' };
  return grid.kind === 'xlsx'
    ? issue('E_NO_HEADER_SHEET', where, { ...params, sheets: tried.map((s) => `"${s.name}"`).join(', ') })
    : issue('E_NO_HEADER', where, params);
}

export function findHeader(sheet: GridSheet, model: FrameworkModel): Header | undefined {
  let best: Header | undefined;
  let bestScore = 1;
  let bestIndex = -1;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const { roles, indicatorColumns, duplicates } = headerRow(sheet.rows[r] ?? [], model);
    const score = roles.size + (indicatorColumns.size > 0 ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      bestIndex = r;
      best = { row: rowNumberOf(sheet, r), roles, indicatorColumns, duplicates, texts: new Map(), width: 0 };
    }
  }
  if (!best) return undefined;
  const texts = new Map<number, string>();
  let width = sheet.rows[bestIndex]?.length ?? 0;
  // Official forms merge headers over two rows ("Kết quả tự đánh giá" above "Giá trị | Tử số | Mẫu số"):
  // a neighbouring row's recognised headers fill the columns the best row leaves unnamed.
  const taken = new Set(best.roles.values());
  const roles = new Map(best.roles);
  let row = best.row;
  for (const r of [bestIndex - 1, bestIndex + 1]) {
    if (r < 0 || r >= sheet.rows.length) continue;
    const other = headerRow(sheet.rows[r] ?? [], model).roles;
    const fresh = [...other].filter(([role, column]) => !roles.has(role) && !taken.has(column));
    if (fresh.length === 0) continue;
    for (const [role, column] of fresh) roles.set(role, column);
    if (r > bestIndex) row = rowNumberOf(sheet, r);
    width = Math.max(width, sheet.rows[r]?.length ?? 0);
  }
  // For messages: each column's header text, from the header row, else from the row above or below it.
  for (const r of [bestIndex, bestIndex - 1, bestIndex + 1]) {
    for (const cell of sheet.rows[r] ?? []) {
      const text = cellText(cell);
      if (cell && text !== '' && !texts.has(cell.column)) texts.set(cell.column, text);
    }
  }
  return { row, roles, indicatorColumns: best.indicatorColumns, duplicates: best.duplicates, texts, width };
}

function rowNumberOf(sheet: GridSheet, index: number): number {
  return sheet.rows[index]?.find((c) => c)?.row ?? index + 1;
}

function headerRow(cells: ReadonlyArray<GridCell | undefined>, model: FrameworkModel) {
  const roles = new Map<ColumnRole, number>();
  const indicatorColumns = new Map<number, string>();
  const duplicates: DuplicateHeader[] = [];
  const roleTexts = new Map<ColumnRole, string>();
  for (const cell of cells) {
    if (!cell) continue;
    const text = cellText(cell);
    if (text === '') continue;
    const role = columnRole(text);
    if (role && !roles.has(role)) {
      roles.set(role, cell.column);
      roleTexts.set(role, text);
    } else if (role) {
      duplicates.push({ row: cell.row, column: cell.column, text, firstColumn: roles.get(role)!, firstText: roleTexts.get(role)! });
    } else {
      const code = normaliseCode(text);
      if (model.nodes.has(code)) indicatorColumns.set(cell.column, code);
    }
  }
  return { roles, indicatorColumns, duplicates };
}


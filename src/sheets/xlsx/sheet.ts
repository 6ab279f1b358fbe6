import { parseRange, type CellRange, type CellValue, type GridCell } from '../../core/grid.js';
import { tooLarge } from './limits.js';
import { formatNumber, isoDateText, KIND_NUMBER, type FormatKind } from './styles.js';
import { cleanCellText, TOK_END, TOK_OPEN, TOK_TEXT, XmlScanner } from './xml.js';

// ---------------------------------------------------------------------------------------------
// Sheets.

export interface SheetContext {
  readonly strings: readonly string[];
  readonly styleKinds: readonly FormatKind[];
  readonly date1904: boolean;
  readonly maxRows: number;
  readonly file: string;
}

type Merge = CellRange;

export interface ParsedSheet {
  rows: (GridCell | undefined)[][];
  hiddenRows: Set<number>;
  merges: Merge[];
}

const EMPTY_ROW: readonly (GridCell | undefined)[] = Object.freeze([]);
const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"([^"]+)"/i;
const LINK_SCHEMES = /^(https?:|mailto:)/i;

/** Cell types (the t attribute), as small numbers for the hot loop. */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_INLINE = 2;
const T_STR = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

/** Element names the sheet loop cares about, recognised from their length and letters without a substring. */
const E_OTHER = 0;
const E_C = 1;
const E_V = 2;
const E_F = 3;
const E_T = 4;
const E_IS = 5;
const E_ROW = 6;
const E_RPH = 7;
const E_SHEET_DATA = 8;
const E_WORKSHEET = 9;
const E_MERGE_CELL = 10;
const E_HYPERLINK = 11;

function sheetElement(sc: XmlScanner): number {
  switch (sc.nameLength) {
    case 1: {
      const c = sc.nameChar(0);
      return c === 99 ? E_C : c === 118 ? E_V : c === 102 ? E_F : c === 116 ? E_T : E_OTHER;
    }
    case 2:
      return sc.nameIs('is') ? E_IS : E_OTHER;
    case 3:
      return sc.nameIs('row') ? E_ROW : sc.nameIs('rPh') ? E_RPH : E_OTHER;
    case 9:
      return sc.nameIs('sheetData') ? E_SHEET_DATA : sc.nameIs('worksheet') ? E_WORKSHEET : sc.nameIs('mergeCell') ? E_MERGE_CELL : sc.nameIs('hyperlink') ? E_HYPERLINK : E_OTHER;
    default:
      return E_OTHER;
  }
}

/** The t attribute of a cell, read in place. */
function cellType(sc: XmlScanner): number {
  const len = sc.valueLength();
  const c = sc.valueChar(0);
  if (len === 1) return c === 115 ? T_SHARED : c === 98 ? T_BOOL : c === 101 ? T_ERROR : c === 100 ? T_DATE : T_NUMBER;
  if (len === 3 && c === 115) return T_STR;
  if (len === 9 && c === 105) return T_INLINE;
  return T_NUMBER;
}

/** Parses one worksheet; undefined when its XML stops before the end tag (a truncated part). */
export function parseSheet(xml: string, sheetName: string, relLinks: ReadonlyMap<string, string>, ctx: SheetContext): ParsedSheet | undefined {
  const rows: (GridCell | undefined)[][] = [];
  const hiddenRows = new Set<number>();
  const merges: Merge[] = [];
  const hyperlinks: { ref: string; target: string }[] = [];
  const sharedFormulas = new Map<string, string>();
  const sc = new XmlScanner(xml);
  const at = { row: 0, column: 0 };
  const cell: CellParts = { row: 0, column: 0, type: T_NUMBER, style: 0, v: undefined, f: undefined, fShared: undefined, is: undefined };

  let inSheetData = false;
  let closed = false;
  let rowNumber = 0;
  let column = 0;
  let phonetic = 0;
  let target = 0; // 0 none, 1 <v>, 2 <f>, 3 <t> of an inline string

  for (let tok = sc.next(); tok !== TOK_END; tok = sc.next()) {
    if (tok === TOK_TEXT) {
      if (target === 1) cell.v += sc.text();
      else if (target === 2) cell.f += sc.text();
      else if (target === 3) cell.is += sc.text();
      continue;
    }
    const el = sheetElement(sc);
    if (el === E_OTHER) continue;
    if (tok === TOK_OPEN) {
      if (inSheetData) {
        if (el === E_C) {
          cell.type = T_NUMBER;
          cell.style = 0;
          cell.row = rowNumber;
          column++;
          while (sc.nextAttr()) {
            if (sc.attrPrefixed || sc.attrNameLength !== 1) continue;
            const a = sc.attrChar(0);
            if (a === 114 /* r */) {
              if (sc.valueRef(at)) {
                column = at.column;
                cell.row = at.row;
              }
            } else if (a === 116 /* t */) cell.type = cellType(sc);
            else if (a === 115 /* s */) cell.style = Math.max(sc.valueInt(), 0);
          }
          cell.column = column;
          cell.v = undefined;
          cell.f = undefined;
          cell.fShared = undefined;
          cell.is = undefined;
          if (sc.selfClosing) storeCell(rows, cell, sharedFormulas, ctx, sheetName);
          else {
            const v = sc.valueThenClose();
            if (v !== undefined) {
              cell.v = v;
              storeCell(rows, cell, sharedFormulas, ctx, sheetName);
            }
          }
        } else if (el === E_V) {
          cell.v = '';
          target = sc.selfClosing ? 0 : 1;
        } else if (el === E_F) {
          cell.f = '';
          let shared = false;
          let si: string | undefined;
          while (sc.nextAttr()) {
            if (sc.attrPrefixed) continue;
            if (sc.attrIs('t')) shared = sc.value() === 'shared';
            else if (sc.attrIs('si')) si = sc.value();
          }
          if (shared && si !== undefined) cell.fShared = si;
          target = sc.selfClosing ? 0 : 2;
        } else if (el === E_IS) {
          cell.is = '';
        } else if (el === E_RPH) {
          if (!sc.selfClosing) phonetic++;
        } else if (el === E_T) {
          if (cell.is !== undefined && phonetic === 0 && !sc.selfClosing) target = 3;
        } else if (el === E_ROW) {
          let r = -1;
          let hidden = false;
          while (sc.nextAttr()) {
            if (sc.attrPrefixed) continue;
            if (sc.attrIs('r')) r = sc.valueInt();
            else if (sc.attrIs('hidden')) hidden = sc.valueChar(0) === 49 /* 1 */ || sc.valueChar(0) === 116 /* true */;
          }
          rowNumber = r > 0 ? r : rowNumber + 1;
          column = 0;
          // Rows past the limit cannot hold data we keep; hidden formatting rows down to 1048576 are common.
          if (hidden && rowNumber <= ctx.maxRows) hiddenRows.add(rowNumber);
        }
      } else if (el === E_SHEET_DATA) {
        inSheetData = !sc.selfClosing;
      } else if (el === E_MERGE_CELL) {
        const range = parseRange(sc.attr('ref') ?? '');
        if (range) merges.push(range);
      } else if (el === E_HYPERLINK) {
        let ref = '';
        let rid: string | undefined;
        while (sc.nextAttr()) {
          if (sc.attrPrefixed) {
            if (sc.attrIs('id')) rid = sc.value();
          } else if (sc.attrIs('ref')) ref = sc.value();
        }
        const linkTarget = rid === undefined ? undefined : relLinks.get(rid)?.trim();
        if (linkTarget !== undefined && LINK_SCHEMES.test(linkTarget)) hyperlinks.push({ ref, target: linkTarget });
      }
    } else {
      // TOK_CLOSE
      if (el === E_V || el === E_F || el === E_T) target = 0;
      else if (el === E_C) {
        if (inSheetData) storeCell(rows, cell, sharedFormulas, ctx, sheetName);
      } else if (el === E_RPH) phonetic--;
      else if (el === E_SHEET_DATA) inSheetData = false;
      else if (el === E_WORKSHEET) closed = true;
    }
  }
  if (!closed) return undefined;

  // Only the top-left cell of a merged range keeps its value, whatever the producer wrote.
  for (const m of merges) {
    const lastRow = Math.min(m.bottom, rows.length);
    for (let r = m.top; r <= lastRow; r++) {
      const row = rows[r - 1];
      if (!row) continue;
      const lastCol = Math.min(m.right, row.length);
      for (let c = m.left; c <= lastCol; c++) if ((r !== m.top || c !== m.left) && row[c - 1]) delete row[c - 1];
      while (row.length > 0 && row[row.length - 1] === undefined) row.length--;
    }
  }
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.length--;
  for (const h of hyperlinks) attachLink(rows, h.ref, h.target, ctx.maxRows);
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = EMPTY_ROW as (GridCell | undefined)[];
  for (const r of [...hiddenRows]) if (r > rows.length) hiddenRows.delete(r);
  return { rows, hiddenRows, merges };
}

/** The cell just read, into its row (when it has anything to keep). */
function storeCell(rows: (GridCell | undefined)[][], cell: CellParts, sharedFormulas: Map<string, string>, ctx: SheetContext, sheetName: string): void {
  const made = makeCell(cell, sharedFormulas, ctx);
  if (made === undefined) return;
  if (cell.row > ctx.maxRows) throw tooLarge(ctx.file, 'maxRows', cell.row, ctx.maxRows, sheetName);
  const row = rows[cell.row - 1] ?? (rows[cell.row - 1] = []);
  row[cell.column - 1] = made;
}

function attachLink(rows: (GridCell | undefined)[][], ref: string, link: string, maxRows: number): void {
  const range = parseRange(ref);
  if (!range) return;
  for (let r = range.top; r <= Math.min(range.bottom, rows.length); r++) {
    const row = rows[r - 1];
    if (!row) continue;
    for (let c = range.left; c <= Math.min(range.right, row.length); c++) {
      const cell = row[c - 1];
      if (cell && cell.link === undefined) row[c - 1] = { ...cell, link };
    }
  }
  // A link on an empty cell is still evidence: keep it as a cell without a value.
  const single = range.top === range.bottom && range.left === range.right;
  if (single && range.top <= maxRows && !rows[range.top - 1]?.[range.left - 1]) {
    const row = rows[range.top - 1] ?? (rows[range.top - 1] = []);
    row[range.left - 1] = { value: null, row: range.top, column: range.left, link };
  }
}

/** What the sheet loop gathered about one cell. */
interface CellParts {
  row: number;
  column: number;
  type: number;
  style: number;
  v: string | undefined;
  f: string | undefined;
  fShared: string | undefined;
  is: string | undefined;
}

function makeCell(c: CellParts, sharedFormulas: Map<string, string>, ctx: SheetContext): GridCell | undefined {
  const { row, column, v } = c;
  let formula = c.f;
  if (c.fShared !== undefined) {
    if (formula) sharedFormulas.set(c.fShared, formula);
    else formula = sharedFormulas.get(c.fShared) ?? formula;
  }
  let value: CellValue;
  const type = c.type;
  if (type === T_INLINE) {
    const text = c.is ?? v;
    value = text === undefined ? null : cleanCellText(text);
  } else if (v === undefined) {
    // Only the cached result is a value: dti never calculates formulas.
    if (formula !== undefined) return { value: null, row, column, problem: { code: 'E_FORMULA_NO_RESULT', detail: formula } };
    return undefined;
  } else if (type === T_NUMBER) {
    const num = v.length === 0 ? NaN : Number(v);
    if (Number.isFinite(num)) {
      const kind = ctx.styleKinds[c.style] ?? KIND_NUMBER;
      value = kind === KIND_NUMBER ? num : formatNumber(num, kind, ctx.date1904);
    } else value = v.trim() === '' ? null : cleanCellText(v);
  } else if (type === T_SHARED) {
    value = ctx.strings[Number(v)] ?? null;
  } else if (type === T_STR) {
    value = cleanCellText(v);
  } else if (type === T_BOOL) {
    const b = v.trim();
    value = b === '1' || b === 'true';
  } else if (type === T_ERROR) {
    return { value: null, row, column, problem: { code: 'E_CELL_ERROR', detail: v.trim() } };
  } else {
    value = isoDateText(v.trim());
  }
  if (value === '' || value === null) return undefined;
  if (formula !== undefined && formula.length > 10) {
    const m = HYPERLINK_FORMULA.exec(formula);
    const link = m?.[1]?.trim();
    if (link !== undefined && LINK_SCHEMES.test(link)) return { value, row, column, link };
  }
  return { value, row, column };
}

/**
 * A Grid is what every reader (CSV, Excel) yields: cells that remember file, sheet and address.
 * Nothing above the readers knows which library read the file.
 */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** The value as the analyst meant it: text, a number, a boolean, or null for empty. */
  readonly value: CellValue;
  /** 1-based row and column. */
  readonly row: number;
  readonly column: number;
  /** Hyperlink target when the cell holds a link (evidence links). */
  readonly link?: string;
  /** Cell-level problem found while reading (error value, formula without cached result). */
  readonly problem?: { code: string; detail: string };
}

export interface GridSheet {
  readonly name: string;
  /** rows[r - 1] is row r (CSV: the r-th record); a row is sparse, cells[c - 1] is column c. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined>>;
  readonly hiddenRows?: ReadonlySet<number>;
  readonly hidden?: boolean;
  /** Merged ranges of a workbook sheet (1-based, inclusive); only the top-left cell of each holds the value. */
  readonly merges?: readonly { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }[];
}

export interface Grid {
  /** Path as given by the user (used in every message). */
  readonly file: string;
  /** 'csv' grids carry one sheet with an empty name; their cells are named by line and column. */
  readonly kind: 'csv' | 'xlsx';
  readonly sheets: readonly GridSheet[];
  /** SHA-256 of the file bytes, for the method sheet and results. */
  readonly sha256: string;
}

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Cell names made so far, by row and column: every form of a batch names the same few thousand cells. */
const cellRefs = new Map<number, string>();
/** Names kept at most (a crude bound; the map starts afresh when full). */
const CELL_REFS_MAX = 100_000;

/** The name a user sees for a cell: A1 for workbooks, "line 4, column 3" style refs for CSV are built by i18n. */
export function cellRef(row: number, column: number): string {
  // One string per cell name, shared by every location naming it, rather than one per location.
  if (!(column >= 1 && column <= 16_384 && Number.isSafeInteger(row * 16_384))) return `${columnLetters(column)}${row}`;
  const key = row * 16_384 + column;
  let ref = cellRefs.get(key);
  if (ref === undefined) {
    if (cellRefs.size >= CELL_REFS_MAX) cellRefs.clear();
    ref = `${columnLetters(column)}${row}`;
    cellRefs.set(key, ref);
  }
  return ref;
}

/** Letters → column number (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A rectangle of cells, 1-based and inclusive (merged ranges, validation ranges). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "C7" or "$C$7" → row and column; anything else → undefined. */
export function parseCellRef(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  return m ? { column: columnNumber(m[1]!), row: Number(m[2]) } : undefined;
}

/** "A1:B2" (or a single cell) → the range, corners in any order. */
export function parseRange(ref: string): CellRange | undefined {
  const [a, b] = ref.trim().split(':');
  const from = a === undefined ? undefined : parseCellRef(a);
  const to = b === undefined ? from : parseCellRef(b);
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

export function inRange(r: CellRange, row: number, column: number): boolean {
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}

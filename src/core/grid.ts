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

/** The name a user sees for a cell: A1 for workbooks, "line 4, column 3" style refs for CSV are built by i18n. */
export function cellRef(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

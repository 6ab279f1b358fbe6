import type { CellRange } from '../../core/grid.js';

// ---------------------------------------------------------------------------------------------
// Excel's bounds, and ranges walked over the cells present rather than over their area.

/** Excel's grid: columns A to XFD, rows 1 to 1,048,576. */
export const EXCEL_MAX_COLUMN = 16_384;
export const EXCEL_MAX_ROW = 1_048_576;
/** The most characters (UTF-16 code units) a cell holds in Excel. */
export const EXCEL_MAX_TEXT = 32_767;

export function insideGrid(row: number, column: number): boolean {
  return row >= 1 && row <= EXCEL_MAX_ROW && column >= 1 && column <= EXCEL_MAX_COLUMN;
}

export function rangeInsideGrid(r: CellRange): boolean {
  return insideGrid(r.top, r.left) && insideGrid(r.bottom, r.right);
}

/** Text cut to what a cell holds, never splitting a surrogate pair; the same string when it fits. */
export function capText(text: string): string {
  if (text.length <= EXCEL_MAX_TEXT) return text;
  const last = text.charCodeAt(EXCEL_MAX_TEXT - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? EXCEL_MAX_TEXT - 1 : EXCEL_MAX_TEXT);
}

/**
 * The cells present in a sheet, by row and by column, so that a merged range or a hyperlink over
 * A1:XFD1048576 costs the cells inside it, not its area: a range is walked along whichever of its
 * present rows or present columns are fewer, then over the cells in it. Every range walked is
 * charged to a work budget proportional to the cells present; only ranges that overlap again and
 * again (which Excel forbids for merges) exhaust it, and `each` then returns false.
 */
export class PresentCells {
  /** Row and column of each cell noted, in pairs: cheap to gather while the sheet is read. */
  private readonly noted: number[] = [];
  /** byRow[r - 1]: the columns holding a cell in row r; byColumn[c - 1]: the rows holding one in column c (made by prepare). */
  private readonly byRow: number[][] = [];
  private readonly byColumn: number[][] = [];
  private rows: number[] = [];
  private columns: number[] = [];
  private count = 0;
  private work = 0;
  private workLimit = 0;

  note(row: number, column: number): void {
    this.noted.push(row, column);
    this.count++;
  }

  /** Indexes what was noted, and sets the work budget for `ranges` ranges to be walked (none: nothing to index). */
  prepare(ranges: number): void {
    if (ranges === 0) return;
    const noted = this.noted;
    for (let i = 0; i < noted.length; i += 2) {
      const row = noted[i]!;
      const column = noted[i + 1]!;
      (this.byRow[row - 1] ??= []).push(column);
      (this.byColumn[column - 1] ??= []).push(row);
    }
    this.rows = sortEach(this.byRow);
    this.columns = sortEach(this.byColumn);
    this.workLimit = 8 * (this.count + ranges) + 100_000;
  }

  /** Columns present in row r, sorted, or undefined. */
  columnsOf(row: number): readonly number[] | undefined {
    return this.byRow[row - 1];
  }

  /** Calls fn(row, column) for each present cell inside the range; false when the work budget ran out. */
  each(range: CellRange, fn: (row: number, column: number) => void): boolean {
    const r0 = lowerBound(this.rows, range.top);
    const r1 = lowerBound(this.rows, range.bottom + 1);
    const c0 = lowerBound(this.columns, range.left);
    const c1 = lowerBound(this.columns, range.right + 1);
    const alongRows = r1 - r0 <= c1 - c0;
    const outer = alongRows ? this.rows : this.columns;
    const inner = alongRows ? this.byRow : this.byColumn;
    const [from, to] = alongRows ? [range.left, range.right] : [range.top, range.bottom];
    for (let i = alongRows ? r0 : c0, end = alongRows ? r1 : c1; i < end; i++) {
      const line = outer[i]!;
      const list = inner[line - 1]!;
      if (++this.work > this.workLimit) return false;
      for (let k = lowerBound(list, from); k < list.length && list[k]! <= to; k++) {
        if (++this.work > this.workLimit) return false;
        if (alongRows) fn(line, list[k]!);
        else fn(list[k]!, line);
      }
    }
    return true;
  }
}

/** Sorts (and dedupes) each list in place; returns the 1-based numbers of the lists present. */
function sortEach(lists: number[][]): number[] {
  const present: number[] = [];
  lists.forEach((list, i) => {
    if (!ascending(list)) {
      list.sort((a, b) => a - b);
      let w = 0;
      for (let k = 0; k < list.length; k++) if (k === 0 || list[k] !== list[k - 1]) list[w++] = list[k]!;
      list.length = w;
    }
    present.push(i + 1);
  });
  return present;
}

function ascending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]! <= list[i - 1]!) return false;
  return true;
}

/** The first index whose value is >= x in a sorted list. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

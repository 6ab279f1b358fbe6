import { cellRef, type Grid, type GridCell, type GridSheet } from '../core/grid.js';
import type { Location } from '../core/issues.js';
import { cleanText } from '../core/text.js';

/** The location of a cell as messages name it: A1 in workbooks, line and column in CSV. */
export function locationOf(grid: Grid, sheet: GridSheet, row: number, column?: number): Location {
  const loc: Location = { file: grid.file, row };
  if (grid.kind === 'xlsx') loc.sheet = sheet.name;
  if (column !== undefined) {
    loc.column = column;
    if (grid.kind === 'xlsx') loc.cell = cellRef(row, column);
  }
  return loc;
}

export function cellText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.value === null) return '';
  // A number or a boolean prints without spaces or accents: nothing to clean.
  return typeof cell.value === 'string' ? cleanText(cell.value) : String(cell.value);
}

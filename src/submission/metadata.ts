import type { Grid, GridSheet } from '../core/grid.js';
import type { Location } from '../core/issues.js';
import { headerKey } from '../core/text.js';
import { cellText, locationOf } from './cells.js';

export type AgencyField = 'code' | 'name' | 'group' | 'year' | 'parent' | 'tags';
export type LabelledValues = Partial<Record<AgencyField, { text: string; loc: Location }>>;

/** Labels of the agency identity cells in forms ("Tên đơn vị:", "Năm đánh giá:"), folded. */
const LABELS: ReadonlyArray<[string, AgencyField]> = [
  ['ma don vi', 'code'],
  ['agency code', 'code'],
  ['ten don vi', 'name'],
  ['ten co quan', 'name'],
  ['co quan don vi', 'name'],
  ['don vi', 'name'],
  ['agency name', 'name'],
  ['agency', 'name'],
  ['nhom don vi', 'group'],
  ['nhom', 'group'],
  ['group', 'group'],
  ['nam danh gia', 'year'],
  ['nam', 'year'],
  ['year', 'year'],
  ['don vi cap tren', 'parent'],
  ['parent', 'parent'],
  ['nhan', 'tags'],
  ['nhan don vi', 'tags'],
  ['the', 'tags'],
  ['tags', 'tags'],
];

/** Sheets that hold only the agency identity, by folded name. */
const METADATA_SHEETS = new Set(['thong tin', 'thong tin chung', 'thong tin don vi', 'metadata', 'dti']);

export function isMetadataSheet(sheet: GridSheet): boolean {
  return METADATA_SHEETS.has(headerKey(sheet.name));
}

/**
 * Reads labelled identity cells: a cell "Tên đơn vị:" with the value in the next non-empty
 * cell to its right, or "Tên đơn vị: Sở Tư pháp" in one cell. Only cells ending in a colon,
 * or in a metadata sheet, count as labels, so an ordinary header is never taken for one.
 */
export function labelledValues(grid: Grid, sheet: GridSheet, lastRow: number, anyLabel = false): LabelledValues {
  const found: LabelledValues = {};
  for (const row of sheet.rows) {
    const cells = row.filter((c) => c !== undefined);
    if (cells.length === 0 || cells[0]!.row >= lastRow) continue;
    cells.forEach((cell, i) => {
      const text = cellText(cell);
      const colon = text.indexOf(':');
      const labelText = colon >= 0 ? text.slice(0, colon) : anyLabel ? text : undefined;
      if (labelText === undefined) return;
      const key = headerKey(labelText);
      const field = LABELS.find(([label]) => label === key)?.[1];
      if (!field || found[field]) return;
      const inline = colon >= 0 ? text.slice(colon + 1).trim() : '';
      if (inline !== '') {
        found[field] = { text: inline, loc: locationOf(grid, sheet, cell.row, cell.column) };
        return;
      }
      const next = cells.slice(i + 1).find((c) => cellText(c) !== '');
      if (next) found[field] = { text: cellText(next), loc: locationOf(grid, sheet, next.row, next.column) };
    });
  }
  return found;
}

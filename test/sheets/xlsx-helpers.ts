import { expect } from 'vitest';
import type { Grid, GridCell, GridSheet } from '../../src/core/grid.js';
import type { DtiIssue } from '../../src/core/issues.js';
import { readXlsx, type XlsxLimits } from '../../src/sheets/xlsx/index.js';

/** Reads a workbook that must read cleanly (no issue at all). */
export function read(bytes: Uint8Array, limits?: Partial<XlsxLimits>): Grid {
  const { grid, issues } = readXlsx(bytes, 'book.xlsx', limits);
  expect(issues).toEqual([]);
  expect(grid).toBeDefined();
  return grid!;
}

/** Reads a workbook that must read, with the issues (warnings) it comes with. */
export function readWithIssues(bytes: Uint8Array, limits?: Partial<XlsxLimits>): { grid: Grid; issues: DtiIssue[] } {
  const { grid, issues } = readXlsx(bytes, 'book.xlsx', limits);
  expect(grid).toBeDefined();
  return { grid: grid!, issues };
}

/** A workbook that must be refused with exactly one issue: that issue. */
export function failure(bytes: Uint8Array, limits?: Partial<XlsxLimits>): DtiIssue {
  const result = readXlsx(bytes, 'book.xlsx', limits);
  expect(result.grid).toBeUndefined();
  expect(result.issues).toHaveLength(1);
  return result.issues[0]!;
}

/** The values of a sheet as a matrix (undefined where there is no cell), for compact expectations. */
export function values(sheet: GridSheet): (GridCell['value'] | undefined)[][] {
  return sheet.rows.map((row) => Array.from({ length: row.length }, (_, i) => row[i]?.value));
}

export function cell(grid: Grid, ref: string, sheet = 0): GridCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return grid.sheets[sheet]!.rows[Number(m[2]) - 1]?.[column - 1];
}

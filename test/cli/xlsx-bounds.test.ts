import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oneSheet } from '../sheets/xlsx-builder.js';
import { dti } from './run.js';

/** Workbooks past Excel's bounds and past the cell budget, through the CLI: exit 1, the file named, no stack trace. */
const dir = mkdtempSync(join(tmpdir(), 'dti-xlsx-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workbook(name: string, rows: string, after?: string): string {
  const file = join(dir, name);
  writeFileSync(file, oneSheet(rows, after === undefined ? {} : { after }));
  return file;
}

const row = (r: number, n: number) => `<row r="${r}">${Array.from({ length: n }, (_, c) => `<c><v>${c}</v></c>`).join('')}</row>`;

describe('dti validate on workbooks past the bounds', () => {
  it('refuses a cell reference past column XFD, naming the file, the sheet and the reference', () => {
    const file = workbook('outside.xlsx', '<row r="1"><c r="A1"><v>1</v></c><c r="ZZZ9"><v>2</v></c></row>');
    const r = dti(['validate', file, '-f', 'khanh-hoa-agencies', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('E_XLSX_CELL_OUTSIDE');
    expect(r.stdout).toContain('outside.xlsx');
    expect(r.stdout).toContain('ZZZ9');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at |Internal dti error/);
  });

  it('refuses a workbook past --max-cells, naming the limit', () => {
    const file = workbook('cells.xlsx', row(1, 50) + row(2, 50));
    const r = dti(['validate', file, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--max-cells', '60']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('maxCells is 61, above the limit of 60');
  });

  it('takes --max-cells only as a positive whole number (a usage error, exit 2)', () => {
    const file = workbook('small.xlsx', row(1, 2));
    const r = dti(['validate', file, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--max-cells', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-cells');
  });

  it('refuses merges that overlap again and again, naming the sheet', () => {
    const file = workbook('merges.xlsx', row(1, 200) + row(2, 200), `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(20_000)}</mergeCells>`);
    const r = dti(['validate', file, '-f', 'khanh-hoa-agencies', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('E_XLSX_RANGES_OVERLAP');
    expect(r.stdout).toContain('merges.xlsx');
  });
});

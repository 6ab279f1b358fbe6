import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/catalog.js';
import { readXlsx } from '../../src/sheets/xlsx/index.js';
import { oneSheet, rawXlsx } from './xlsx-builder.js';
import { cell, failure, read, readWithIssues, values } from './xlsx-helpers.js';

/**
 * Bounds a workbook cannot push the reader past (issue 9): Excel's grid, a cell budget, ranges
 * that cost the cells present rather than their area, and Excel's 32,767 characters per cell.
 * The large inputs are made here, in the test.
 */

const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;

describe('readXlsx: Excel\'s grid', () => {
  it('refuses a cell reference past column XFD, naming the sheet and the reference', () => {
    const found = failure(oneSheet(`<row r="1">${num('A1', 1)}${num('XFE1', 2)}</row>`));
    expect(found).toMatchObject({ code: 'E_XLSX_CELL_OUTSIDE', location: { file: 'book.xlsx', sheet: 'Sheet1' }, params: { ref: 'XFE1' } });
    expect(t(found.code, 'en', found.params)).toContain('XFE1');
  });

  it('refuses a cell reference past row 1,048,576', () => {
    expect(failure(oneSheet(`<row r="1">${num('A1', 1)}</row><row r="2"><c r="B1048577"/></row>`))).toMatchObject({ code: 'E_XLSX_CELL_OUTSIDE', params: { ref: 'B1048577' } });
  });

  it('refuses a reference of many letters, cut short in the message', () => {
    const found = failure(oneSheet(`<row r="1">${num(`${'A'.repeat(5000)}1`, 1)}</row>`));
    expect(found.code).toBe('E_XLSX_CELL_OUTSIDE');
    expect(String(found.params.ref).length).toBeLessThan(30);
  });

  it('refuses a row numbered past 1,048,576', () => {
    expect(failure(oneSheet(`<row r="1">${num('A1', 1)}</row><row r="1048577"><c><v>1</v></c></row>`)).code).toBe('E_XLSX_CELL_OUTSIDE');
  });

  it('refuses a cell implied past column XFD by cells without r', () => {
    const cells = '<c><v>1</v></c>'.repeat(16_385);
    expect(failure(oneSheet(`<row r="1">${cells}</row>`))).toMatchObject({ code: 'E_XLSX_CELL_OUTSIDE', params: { ref: 'XFE1' } });
  });

  it('refuses merged ranges and hyperlinks that reach past the grid', () => {
    expect(failure(oneSheet(`<row r="1">${num('A1', 1)}</row>`, { after: '<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>' })).code).toBe('E_XLSX_CELL_OUTSIDE');
    const links = { rId1: 'https://example.org' };
    expect(failure(oneSheet(`<row r="1">${num('A1', 1)}</row>`, { after: '<hyperlinks><hyperlink ref="A1:A2000000" r:id="rId1"/></hyperlinks>', links })).code).toBe('E_XLSX_CELL_OUTSIDE');
  });

  it('reads cells on the last column and, with the row limit raised, the last row', () => {
    const grid = read(oneSheet(`<row r="1">${num('XFD1', 1)}</row><row r="1048576">${num('A1048576', 2)}</row>`), { maxRows: 1_048_576 });
    expect(cell(grid, 'XFD1')?.value).toBe(1);
    expect(cell(grid, 'A1048576')?.value).toBe(2);
  });
});

describe('readXlsx: the cell budget', () => {
  it('refuses a workbook with more cells than maxCells, naming the limit and the sheet', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}">${num(`A${i + 1}`, i)}${num(`B${i + 1}`, i)}</row>`).join('');
    expect(failure(oneSheet(rows), { maxCells: 59 })).toMatchObject({ code: 'E_XLSX_TOO_LARGE', location: { sheet: 'Sheet1' }, params: { limit: 'maxCells', max: 59 } });
    expect(values(read(oneSheet(rows), { maxCells: 60 }).sheets[0]!)).toHaveLength(30);
  });

  it('counts cells across the sheets of a workbook, not per sheet', () => {
    const sheet = (name: string) => ({ name, rows: `<row r="1">${num('A1', 1)}${num('B1', 2)}</row>` });
    const bytes = rawXlsx({ sheets: [sheet('S1'), sheet('S2'), sheet('S3')] });
    expect(failure(bytes, { maxCells: 5 })).toMatchObject({ code: 'E_XLSX_TOO_LARGE', location: { sheet: 'S3' } });
  });

  it('counts a cell written twice once', () => {
    expect(cell(read(oneSheet(`<row r="1">${num('A1', 1)}${num('A1', 2)}</row>`), { maxCells: 1 }), 'A1')?.value).toBe(2);
  });
});

describe('readXlsx: merged ranges and hyperlinks cost the cells present', () => {
  /** A sheet of `n` rows with a value in A and in a far column. */
  const tall = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${num(`A${i + 1}`, i + 1)}${num(`XFD${i + 1}`, -(i + 1))}</row>`).join('');

  it('keeps only the top-left value of a merge over the whole sheet', () => {
    const grid = read(oneSheet(tall(2000), { after: '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>' }));
    expect(values(grid.sheets[0]!)).toEqual([[1]]);
    expect(grid.sheets[0]!.merges).toEqual([{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }]);
  });

  it('reads thousands of tall, narrow merges over a sparse sheet', () => {
    const merges = Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="${colName(i + 2)}1:${colName(i + 2)}1048576"/>`).join('');
    const grid = read(oneSheet(tall(5000), { after: `<mergeCells count="5000">${merges}</mergeCells>` }));
    expect(cell(grid, 'A5000')?.value).toBe(5000);
    expect(cell(grid, 'XFD5000')?.value).toBe(-5000);
    expect(grid.sheets[0]!.merges).toHaveLength(5000);
  });

  it('refuses a sheet whose merges overlap again and again, instead of walking them all', () => {
    const merges = '<mergeCell ref="A1:XFD1048576"/>'.repeat(50_000);
    const found = failure(oneSheet(tall(5000), { after: `<mergeCells>${merges}</mergeCells>` }));
    expect(found).toMatchObject({ code: 'E_XLSX_RANGES_OVERLAP', location: { sheet: 'Sheet1' } });
    expect(t(found.code, 'vi')).not.toBe(t(found.code, 'en'));
  });

  it('links the cells present under a hyperlink over the whole sheet', () => {
    const grid = read(oneSheet(tall(1000), { after: '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId1"/></hyperlinks>', links: { rId1: 'https://example.org/x' } }));
    expect(cell(grid, 'A1000')?.link).toBe('https://example.org/x');
    expect(cell(grid, 'XFD1')?.link).toBe('https://example.org/x');
  });
});

describe('readXlsx: 32,767 characters per cell', () => {
  it('cuts a longer inline text at 32,767 with a warning naming the cell', () => {
    const { grid, issues } = readWithIssues(oneSheet(`<row r="2">${text('C2', 'x'.repeat(40_000))}</row>`));
    expect((cell(grid, 'C2')?.value as string).length).toBe(32_767);
    expect(issues).toEqual([
      { severity: 'warning', code: 'W_XLSX_TEXT_CUT', location: { file: 'book.xlsx', sheet: 'Sheet1', row: 2, column: 3, cell: 'C2' }, params: { length: 40_000, max: 32_767, cells: 1 } },
    ]);
  });

  it('never splits a character outside the BMP when cutting', () => {
    const { grid } = readWithIssues(oneSheet(`<row r="1">${text('A1', `${'x'.repeat(32_766)}😀tail`)}</row>`));
    expect(cell(grid, 'A1')?.value).toBe('x'.repeat(32_766));
  });

  it('cuts a huge shared string once, shares it between the cells, and warns once with their count', () => {
    const huge = 'y'.repeat(1_000_000);
    const rows = Array.from({ length: 500 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join('');
    const { grid, issues } = readWithIssues(oneSheet(rows, { sharedStrings: [huge] }));
    const first = cell(grid, 'A1')?.value as string;
    expect(first.length).toBe(32_767);
    // The very same string in every cell (one copy in memory), not 500 copies.
    expect(grid.sheets[0]!.rows.every((row) => row[0]?.value === first)).toBe(true);
    expect(issues).toEqual([
      { severity: 'warning', code: 'W_XLSX_TEXT_CUT', location: { file: 'book.xlsx', sheet: 'Sheet1', row: 1, column: 1, cell: 'A1' }, params: { length: 1_000_000, max: 32_767, cells: 500 } },
    ]);
  });

  it('leaves a text of exactly 32,767 characters whole, without a warning', () => {
    const grid = read(oneSheet(`<row r="1">${text('A1', 'z'.repeat(32_767))}</row>`));
    expect((cell(grid, 'A1')?.value as string).length).toBe(32_767);
  });
});

describe('readXlsx: crafted texts', () => {
  // The patterns that run on cell text are linear (no nested repetition): these read as text.
  it('reads long runs of what entities, escapes and dates start with as plain text', () => {
    const runs = ['&#x' + '1'.repeat(30_000), '_x' + '0'.repeat(30_000), ' '.repeat(30_000), '2024-01-01'.repeat(3000)];
    const rows = runs.map((s, i) => `<row r="${i + 1}">${text(`A${i + 1}`, s.replace(/&/g, '&amp;'))}</row>`).join('');
    const { grid } = readWithIssues(oneSheet(rows));
    expect(values(grid.sheets[0]!).map((r) => (r[0] as string).length)).toEqual(runs.map((s) => s.length));
  });

  it('reads a HYPERLINK formula of 200,000 characters without a link', () => {
    const formula = `HYPERLINK(${' '.repeat(200_000)}`;
    const result = readXlsx(oneSheet(`<row r="1"><c r="A1" t="str"><f>${formula}</f><v>x</v></c></row>`), 'book.xlsx');
    expect(result.grid?.sheets[0]!.rows[0]![0]).toEqual({ value: 'x', row: 1, column: 1 });
  });
});

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

describe('readXlsx: DTDs', () => {
  it('refuses a part that declares a DTD, which OPC forbids, rather than leave entity references in the text', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a0 "lol"><!ENTITY a1 "&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;">]>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a1;</t></is></c></row></sheetData></worksheet>';
    const found = failure(rawXlsx({ sheets: [{ name: 'S', xml }] }));
    expect(found.code).toBe('E_XLSX_CORRUPT');
    expect(found.params.detail).toContain('DTD');
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvFormat, csvLine } from '../../src/report/csv.js';

const excelVi = csvFormat('excel', 'vi');
const excelEn = csvFormat('excel', 'en');
const plain = csvFormat('plain', 'en');

describe('CSV fields', () => {
  it('quotes a field holding either list separator, whatever the file uses', () => {
    for (const format of [excelVi, excelEn, plain]) {
      expect(csvCell('Sở A;=1+1', format)).toBe('"Sở A;=1+1"');
      expect(csvCell('Sở A,=1+1', format)).toBe('"Sở A,=1+1"');
    }
  });

  it('neutralises text a spreadsheet would run as a formula: = + - @ tab CR, and their full-width forms', () => {
    for (const text of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '＝1+1']) {
      const cell = csvCell(text, excelVi);
      expect(cell.startsWith(`"'`), text).toBe(true);
      // Read back with either separator it is one field starting with the apostrophe.
      for (const delimiter of [';', ',']) {
        const [row] = parse(cell + '\r\n', { delimiter, relax_quotes: false }) as string[][];
        expect(row, `${text} split on ${delimiter}`).toEqual([`'${text}`]);
      }
    }
  });

  it('keeps a whole line of hostile fields in its columns when read with ";" or ","', () => {
    const cells = ['Sở A;=1+1', '=HYPERLINK("http://x";"y")', 'a "quoted" word', 'two\nlines', 0.5];
    for (const format of [excelVi, excelEn]) {
      const [row] = parse(csvLine(cells, format), { delimiter: format.separator }) as string[][];
      expect(row).toHaveLength(cells.length);
      expect(row![0]).toBe('Sở A;=1+1');
      expect(row![1]!.startsWith("'=")).toBe(true);
    }
  });

  it('writes numbers with a decimal comma under vi in the Excel style and a point otherwise', () => {
    expect(csvCell(0.8123, excelVi)).toBe('0,8123');
    expect(csvCell(0.8123, excelEn)).toBe('0.8123');
    expect(csvCell(-0.5, plain)).toBe('-0.5');
    expect(csvLine([1.5, 'x'], excelVi)).toBe('1,5;x\r\n');
  });
});

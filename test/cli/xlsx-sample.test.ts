import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../../src/results/schema.js';
import { dti } from './run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dti-xlsx-'));

describe('the Excel sample', () => {
  it('ranks the 29 filled forms exactly as the CSV sample', () => {
    const fromXlsx = dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '--format', 'csv', '-q']);
    const fromCsv = dti(['score', 'fixtures/khanh-hoa-2023/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--format', 'csv', '-q']);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
  });

  it('reads every official-form layout without an error', () => {
    const r = dti(['score', 'fixtures/khanh-hoa-2023/official-forms', '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const doc = resultsSchema.parse(JSON.parse(r.stdout));
    expect(doc.summary).toMatchObject({ agencies: 5, errors: 0 });
    expect(doc.issues.filter((i) => i.code === 'I_ROW_HIDDEN').length).toBeGreaterThan(0);
    expect(doc.issues.some((i) => i.code === 'W_SUBTOTAL_MISMATCH')).toBe(false);
  });

  it('gives the official forms the points of the same agencies in the CSV sample', () => {
    const forms = resultsSchema.parse(JSON.parse(dti(['score', 'fixtures/khanh-hoa-2023/official-forms', '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']).stdout));
    const csv = resultsSchema.parse(JSON.parse(dti(['score', 'fixtures/khanh-hoa-2023/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']).stdout));
    const points = new Map(csv.groups.flatMap((g) => g.agencies.map((a) => [a.code, a.points])));
    for (const a of forms.groups.flatMap((g) => g.agencies)) expect([a.code, a.points]).toEqual([a.code, points.get(a.code)]);
  });

  it('writes results.xlsx, byte-identical from run to run', async () => {
    const dir = tmp();
    for (const name of ['a.xlsx', 'b.xlsx']) {
      expect(dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '-o', join(dir, name), '-q']).code).toBe(0);
    }
    expect(readFileSync(join(dir, 'a.xlsx'))).toEqual(readFileSync(join(dir, 'b.xlsx')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toContain('Xếp hạng');
  });
});

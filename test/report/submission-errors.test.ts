import ExcelJS from 'exceljs';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { rankingTable } from '../../src/cli/ranking-table.js';
import { issue } from '../../src/core/issues.js';
import { rankScores } from '../../src/engine/rank.js';
import { scoreSubmissions } from '../../src/engine/score.js';
import { buildResults } from '../../src/results/build.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { resultsWorkbook } from '../../src/report/workbook.js';
import { TINY, model, submissions } from '../helpers/build.js';

const m = model(TINY);
const subs = submissions(m, [
  ['A', 'dept', '1.1', 'có', null, null, null, 'QĐ 1'],
  ['A', 'dept', '1.2', null, 3, 4],
  ['B', 'dept', '1.1', 'có', null, null, null, 'QĐ 2'],
  ['B', 'dept', '1.2', null, 1, 4],
]);
const scores = scoreSubmissions(m, subs);
// An error naming agency B, and a warning naming A: only errors mark an agency.
const found = [issue('E_YEAR_MISMATCH', { file: 'test.csv', row: 4 }, { agency: 'B', year: 2022, expected: 2023 }), issue('W_YEAR_MISSING', { file: 'test.csv', row: 2 }, { agency: 'A', year: 2023 })];
const doc = buildResults(m, rankScores(m, scores), [...scores.flatMap((s) => s.issues), ...found], { lang: 'en', toolVersion: '0', inputs: [] });
const agency = (code: string) => doc.groups.flatMap((g) => g.agencies).find((a) => a.code === code)!;

describe('an agency whose submission has errors', () => {
  it('carries the count of its errors in results.json, and a clean one none', () => {
    expect(agency('B').errors).toBe(1);
    expect(agency('A').errors).toBeUndefined();
  });

  it('is marked in the ranking table printed by dti score', () => {
    const text = rankingTable(doc, 'en', new Chalk({ level: 0 }));
    expect(text).toContain('Submission errors');
    expect(text.split('\n').find((l) => / B /.test(l))).toContain('⚠ 1');
    expect(text.split('\n').find((l) => / A /.test(l))).not.toContain('⚠');
  });

  it('is marked in summary.md', () => {
    const md = summaryMarkdown(doc, { lang: 'vi' });
    expect(md).toContain('Lỗi trong bản nộp');
    expect(md.split('\n').find((l) => l.includes('(B)'))).toContain('⚠ 1');
  });

  it('is marked in the ranked workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await resultsWorkbook(doc, m, { lang: 'en' })) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('Submission errors'))!;
    const column = header.indexOf('Submission errors');
    expect(rows.find((r) => r.includes('B'))![column]).toBe(1);
    expect(rows.find((r) => r.includes('A'))![column] ?? null).toBeNull();
  });
});

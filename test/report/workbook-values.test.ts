import { mkdtempSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dti } from '../cli/run.js';
import { workbookValues } from '../helpers/workbook-values.js';

// The value of every cell of the ranked workbook as main wrote it before the workbook writer
// streamed its rows (test/report/fixtures/*-values.txt, dumped from that version's output): a
// writer may change the bytes, never what a reader of the workbook sees.
const env = { SOURCE_DATE_EPOCH: '1700000000' };
const fixture = (name: string) => readFileSync(join('test/report/fixtures', name), 'utf8');

describe('the ranked workbook holds the same cell values as before it was streamed', () => {
  it('dti rank on the 2024 sample, with the review, last year and a units map', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dti-values-')), 'rank');
    const r = dti(['rank', 'fixtures/khanh-hoa-2024', '-f', 'khanh-hoa-agencies', '--year', '2024', '--review', 'fixtures/khanh-hoa-2024/review.csv', '--previous', 'fixtures/khanh-hoa-2023/results-2023.json', '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv', '--out', out, '-q'], env);
    expect(r.code).toBe(0);
    expect(await workbookValues(join(out, 'results.xlsx'))).toBe(fixture('rank-2024-values.txt'));
  });

  it('dti score -o results.xlsx on the 29 sample workbooks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dti-values-')), 'results.xlsx');
    const r = dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '-q', '-o', file], env);
    expect(r.code).toBe(0);
    expect(await workbookValues(file)).toBe(fixture('score-2023-values.txt'));
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Adjustment } from '../../src/engine/adjustment.js';
import { scoreAndRank } from '../../src/pipeline.js';
import { explain } from '../../src/report/explain.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { resultsWorkbook } from '../../src/report/workbook.js';
import { resultsSchema } from '../../src/results/schema.js';
import { model } from '../helpers/build.js';
import { Y2025, base, subs, withRow } from '../helpers/y2025.js';

const m = model(Y2025);
// A: tagged, declares 1.2 not applicable with a reason, has a bonus. B: untagged (2.1 out), claim on 1.2 rejected.
const rows = [
  ...withRow(withRow(withRow(base('A'), ['A', 'so', '1.1', 'có']), ['A', 'so', '1.2', 'Không áp dụng', 'Không có cơ sở trực thuộc']), ['A', 'so', '9.1', 1, undefined, 'QĐ 15']),
  ['A', 'so', '2.1', 100] as const,
  ...withRow(withRow(base('B'), ['B', 'so', '1.1', 'có']), ['B', 'so', '1.2', 'KAD', 'Chưa có']),
] as Parameters<typeof subs>[0];
const reject: Adjustment = { agency: 'B', indicator: '1.2', rejectNotApplicable: true, reason: 'Đơn vị có 2 cơ sở', loc: { file: 'review.csv', row: 2, column: 3 } };
const run = scoreAndRank(m, subs(rows, { A: ['has-public-services'] }), [], [], 'vi', [reject]);
const doc = run.results;
const agency = (code: string) => doc.groups.flatMap((g) => g.agencies).find((a) => a.code === code)!;

describe('results of a 2025 framework', () => {
  it('give each agency its own max, tags, bonus and penalty, and why a leaf did not apply (results.json)', () => {
    expect(resultsSchema.safeParse(doc).success).toBe(true);
    const a = agency('A');
    expect([a.points, a.maxPoints, a.index, a.bonusPoints, a.penaltyPoints, a.tags]).toEqual([65, 80, 0.8125, 5, 0, ['has-public-services']]);
    expect(a.leaves.find((l) => l.code === '1.2')).toMatchObject({ status: 'not-applicable', maxPoints: 0, notApplicable: { by: 'declared', reason: 'Không có cơ sở trực thuộc' } });
    expect(a.indicators.map((i) => [i.code, i.maxPoints])).toEqual([['1', 40], ['2', 40]]);
    expect(agency('B').leaves.find((l) => l.code === '2.1')).toMatchObject({ status: 'not-applicable', notApplicable: { by: 'tag', tags: ['has-public-services'] } });
  });

  it('show the own max, bonus and penalty and the reasons in summary.md', () => {
    const md = summaryMarkdown(doc, { lang: 'vi' });
    expect(md).toContain('| Hạng | Đơn vị | Điểm | Điểm tối đa của đơn vị | Chỉ số DTI | Điểm thưởng | Điểm trừ | Xếp loại |');
    expect(md).toContain('| 2 | Đơn vị B (B) | 40,00 | 80,00 | 0,5000 | 0,00 | 0,00 | – |');
    expect(md).toContain('- **Đơn vị A (A)**, 1.2: không áp dụng theo khai của đơn vị: Không có cơ sở trực thuộc');
    expect(md).toContain('- **Đơn vị B (B)**, 2.1: không áp dụng: đơn vị không có nhãn Có dịch vụ công');
    expect(md).toContain('Hội đồng thẩm định không chấp nhận: Đơn vị có 2 cơ sở');
    // One line per agency and reason, however many indicators it covers.
    expect(md.split('\n').filter((line) => line.startsWith('- **Đơn vị B (B)**,'))).toHaveLength(2);
  });

  it('explain an agency’s own max and each indicator that did not apply', () => {
    const text = explain(doc, 'B', undefined, 'en', m)!;
    expect(text).toContain('Total 40/80 points');
    expect(text).toMatch(/2\.1 +Public services: not applicable: the agency is not tagged Provides public services/);
    expect(explain(doc, 'B', '1.2', 'en', m)).toContain('the appraisal council rejected this: Đơn vị có 2 cơ sở');
    expect(explain(doc, 'A', '9.1', 'en', m)).toContain('Bonus: added to the total, outside the max; at most 10');
  });

  it('add the agency’s own max, bonus and penalty columns to the ranked workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await resultsWorkbook(doc, m, { lang: 'en' })) as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(col("Agency's max points")).toBeGreaterThan(0);
    const row = [4, 5].map((r) => ws.getRow(r)).find((r) => r.getCell(col('Agency code')).value === 'B')!;
    expect([row.getCell(col("Agency's max points")).value, row.getCell(col('Bonus points')).value, row.getCell(col('Penalty points')).value]).toEqual([80, 0, 0]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { loadFramework } from '../../src/framework/load.js';
import { submissionTemplate } from '../../src/template/write.js';
import { readAgencyList } from '../../src/submission/agencies.js';
import { readSubmissions } from '../../src/submission/read.js';

// The 2025 sample's filled forms (fixtures/khanh-hoa-2025/xlsx, written by scripts/make-2025-fixtures.mjs)
// must be today's template: forms from an older template (a section's plain SUM over its penalty rows)
// disagree with the engine's subtotal cross-check. Regenerate them when the template changes.
const DIR = 'fixtures/khanh-hoa-2025/xlsx';
const AGENCIES = 'fixtures/khanh-hoa-2025/agencies.csv';
const loaded = loadFramework('khanh-hoa-2025');
if (!loaded.ok) throw new Error('khanh-hoa-2025 did not load');
const model = loaded.model;

/** One agency of each block; every form of a block comes from the same template. */
const FORMS = [
  { code: 'SGDDT', group: 'so-nganh' },
  { code: 'BHXH', group: 'co-quan-trung-uong' },
  { code: 'P-CAMLINH', group: 'cap-xa' },
];

/** The points column (H) of the form sheet by indicator code: max (C) and formula. */
async function pointsColumn(bytes: Uint8Array): Promise<Map<string, { max: unknown; formula: string | undefined }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Tự đánh giá')!;
  const out = new Map<string, { max: unknown; formula: string | undefined }>();
  ws.eachRow((row, n) => {
    const code = row.getCell(1).value;
    const key = typeof code === 'string' ? code : `row ${n}`;
    out.set(key, { max: row.getCell(3).value, formula: row.getCell(8).formula });
  });
  return out;
}

describe('the 2025 sample forms', () => {
  for (const { code, group } of FORMS) {
    it(`${code} has the maxima and points formulas dti template writes today`, async () => {
      const template = await submissionTemplate(model, { lang: 'vi', group, agency: { code, name: code }, year: 2025 });
      const expected = [...(await pointsColumn(template)).entries()].filter(([, v]) => v.formula !== undefined);
      const form = await pointsColumn(readFileSync(join(DIR, `${code}.xlsx`)));
      expect(expected.length).toBeGreaterThan(0);
      for (const [key, v] of expected) expect(form.get(key), `${code} ${key}`).toEqual(v);
    });
  }

  it('save section and total results that take the penalties off, as their formulas do', () => {
    // With the agency list's tags, as `dti rank --agencies` reads them: they decide which rows count.
    const { agencies } = readAgencyList(readFileSync(AGENCIES), AGENCIES, model);
    const { submissions, issues } = readSubmissions(FORMS.map((f) => join(DIR, `${f.code}.xlsx`)), model, { agencies });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const scores = scoreSubmissions(model, submissions);
    // SGDDT and P-CAMLINH declare a penalty (9.3, 9.4).
    expect(scores.map((s) => [s.agency.code, s.penaltyPoints.toNumber() > 0])).toEqual([
      ['SGDDT', true],
      ['BHXH', false],
      ['P-CAMLINH', true],
    ]);
    for (const s of scores) {
      expect(s.issues.filter((i) => i.code === 'W_SUBTOTAL_MISMATCH' || i.code === 'W_TOTAL_MISMATCH'), s.agency.code).toEqual([]);
    }
  });
});

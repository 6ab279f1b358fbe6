import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { resultsSchema } from '../../src/results/schema.js';
import { ROOT, dti } from './run.js';

const LONG = 'fixtures/khanh-hoa-2023/agencies-long.csv';
const tmp = () => mkdtempSync(join(tmpdir(), 'dti-cli-review-'));

describe('dti review-template', () => {
  // A path relative to the project root, as a user types it: tmp/review-…/review.xlsx, removed afterwards.
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const local = mkdtempSync(join(ROOT, 'tmp', 'review-'));
  afterAll(() => {
    rmSync(local, { recursive: true, force: true });
    try {
      rmdirSync(join(ROOT, 'tmp'));
    } catch {
      // not empty: someone else's files
    }
  });

  it('writes the reviewers workbook for the sample (exit 0)', () => {
    const out = relative(ROOT, join(local, 'review.xlsx'));
    const r = dti(['review-template', LONG, '-f', 'khanh-hoa-agencies', '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(ROOT, out))).toBe(true);
    expect(r.stderr).toContain(`Đã ghi ${out}`);
    expect(r.stderr).toContain('Bảng thẩm định: 1188 dòng cho 29 đơn vị');
  });

  it('titles the workbook with the submissions\' year, or --year, never the framework\'s', async () => {
    const title = async (args: string[]) => {
      const out = join(tmp(), 'review.xlsx');
      expect(dti(['review-template', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--out', out, '-q', ...args]).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      return String(wb.getWorksheet('Thẩm định')!.getCell('A1').value);
    };
    // The 2024 submissions, framework of 2023.
    expect(await title([])).toMatch(/NĂM 2024$/);
    expect(await title(['--year', '2025'])).toMatch(/NĂM 2025$/);
    expect(dti(['review-template', LONG, '-f', 'khanh-hoa-agencies', '--out', join(tmp(), 'x.xlsx'), '--year', '24']).code).toBe(2);
  });

  it('writes the same bytes twice', () => {
    const dir = tmp();
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    expect(dti(['review-template', LONG, '-f', 'khanh-hoa-agencies', '-o', a, '-q']).code).toBe(0);
    expect(dti(['review-template', LONG, '-f', 'khanh-hoa-agencies', '-o', b, '-q']).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('refuses an --out that is not an .xlsx file, and a missing input (exit 2)', () => {
    const csv = dti(['review-template', LONG, '-f', 'khanh-hoa-agencies', '-o', join(tmp(), 'review.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('E_REVIEW_TEMPLATE_OUT_XLSX');
    const missing = dti(['review-template', 'nope.csv', '-f', 'khanh-hoa-agencies', '-o', join(tmp(), 'review.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('E_INPUT_NOT_FOUND');
  });
});

describe('dti score --review', () => {
  it('applies the council decisions of the 2024 sample, keeping the computed points and the reasons', () => {
    const r = dti(['score', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--review', 'fixtures/khanh-hoa-2024/review.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Áp dụng 3 điều chỉnh của hội đồng thẩm định từ fixtures/khanh-hoa-2024/review.csv');
    const doc = resultsSchema.parse(JSON.parse(r.stdout));
    const leaf = (agency: string, code: string) =>
      doc.groups.flatMap((g) => g.agencies).find((a) => a.code === agency)!.leaves.find((l) => l.code === code)!;
    expect(leaf('SYT', '1.2')).toMatchObject({
      points: 5,
      computedPoints: 20,
      appraisal: { reviewer: 'Tổ thẩm định số 1', loc: { file: 'fixtures/khanh-hoa-2024/review.csv', row: 2 } },
    });
    expect(leaf('STP', '1.3')).toMatchObject({ points: 4.29, computedPoints: 15 });
    expect(doc.inputs.map((i) => i.file)).toEqual(['fixtures/khanh-hoa-2024/agencies-long.csv', 'fixtures/khanh-hoa-2024/review.csv', 'khanh-hoa-agencies']);

    const without = resultsSchema.parse(JSON.parse(dti(['score', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']).stdout));
    const syt = (d: typeof doc) => d.groups.flatMap((g) => g.agencies).find((a) => a.code === 'SYT')!.points;
    expect(syt(without) - syt(doc)).toBe(15);
  });

  it('exits 1 and names the review cell of an agency that is not among the submissions', () => {
    const dir = tmp();
    const review = join(dir, 'review.csv');
    writeFileSync(review, 'Mã đơn vị,Mã chỉ số,Điểm thẩm định,Lý do,Người thẩm định\nVPUB,1.2,10,Thiếu biên bản,Tổ 1\nSO-KHONG-CO,1.2,5,x,Tổ 1\n');
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--review', review]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`lỗi E_REVIEW_UNKNOWN_AGENCY ${review} › dòng 3, cột 1: Đơn vị "SO-KHONG-CO" (chỉ số 1.2) không có trong các bản tự đánh giá đã đọc`);
    expect(r.stderr).toContain('Áp dụng 1 điều chỉnh');
  });

  it('speaks English with --lang en', () => {
    const review = join(tmp(), 'review.csv');
    writeFileSync(review, 'agency_code,indicator,approved_points,reason\nVPUB,7.7,1,x\n');
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--review', review, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error E_REVIEW_UNKNOWN_INDICATOR ${review} › line 2, column 2: Agency VPUB: "7.7" is not a scored sub-indicator of group so-nganh`);
  });

  it('reads a review workbook written by dti review-template, and writes the appraisal into results.xlsx', () => {
    const dir = tmp();
    const review = join(dir, 'review.xlsx');
    expect(dti(['review-template', LONG, '-f', 'khanh-hoa-agencies', '-o', review, '-q']).code).toBe(0);
    const out = join(dir, 'results.xlsx');
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--review', review, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Áp dụng 0 điều chỉnh');
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a review file that does not exist, or that is also the --out file (exit 2)', () => {
    const missing = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--review', 'nope.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('E_INPUT_NOT_FOUND');
    const review = join(tmp(), 'review.csv');
    writeFileSync(review, 'agency_code,indicator,approved_points,reason\n');
    const same = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--review', review, '--out', review]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('E_OUT_IS_INPUT');
  });

  it('does not read the review file as a submission when it sits in the folder given', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'agencies.csv'), readFileSync(LONG));
    const review = join(dir, 'review.csv');
    writeFileSync(review, 'Mã đơn vị,Mã chỉ số,Điểm thẩm định,Lý do\nVPUB,1.2,10,Thiếu biên bản\n');
    const r = dti(['score', dir, '-f', 'khanh-hoa-agencies', '--review', review, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('29 đơn vị từ 1 tệp');
  });
});

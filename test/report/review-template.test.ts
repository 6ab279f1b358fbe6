import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreSubmissions, type AgencyScore } from '../../src/engine/score.js';
import { loadFramework } from '../../src/framework/load.js';
import { REVIEW_COLUMNS, REVIEW_HEADER_ROW, reviewColumns, reviewTemplate } from '../../src/report/review-template.js';
import { documentDate } from '../../src/report/workbook-dates.js';
import { readReview } from '../../src/review/read.js';
import { readSubmissions } from '../../src/submission/read.js';

const loaded = loadFramework('khanh-hoa-agencies', 'vi');
if (!loaded.ok) throw new Error('framework');
const m = loaded.model;
const read = readSubmissions(['fixtures/khanh-hoa-2023/agencies-long.csv'], m);
const scores = scoreSubmissions(m, read.submissions);
const ROWS = scores.reduce((n, s) => n + s.leaves.filter((l) => l.status !== 'given-above').length, 0);
const HEADER = REVIEW_HEADER_ROW;
const col = (key: (typeof REVIEW_COLUMNS)[number]['key']) => REVIEW_COLUMNS.findIndex((c) => c.key === key) + 1;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, agency: string, indicator: string): number {
  for (let r = HEADER + 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, col('agencyCode')).value === agency && ws.getCell(r, col('indicator')).value === indicator) return r;
  }
  throw new Error(`no row for ${agency} ${indicator}`);
}

function leaf(s: readonly AgencyScore[], agency: string, code: string) {
  return s.find((x) => x.agency.code === agency)!.leaves.find((l) => l.code === code)!;
}

/** Saves a workbook the way a reviewer's Excel would, and returns the file. */
async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'dti-review-')), name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describe('review template', async () => {
  const bytes = await reviewTemplate(m, scores, { lang: 'vi' });
  const wb = await load(bytes);
  const ws = wb.getWorksheet('Thẩm định')!;

  it('has instructions and the review sheet, with a title above the header', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Thẩm định']);
    expect(ws.getCell(1, 1).value).toBe('BẢNG THẨM ĐỊNH KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM 2023');
    expect(wb.getWorksheet('Hướng dẫn')!.getCell(1, 1).value).toBe('HƯỚNG DẪN THẨM ĐỊNH');
  });

  it('has the header row the reader reads back', () => {
    expect(REVIEW_COLUMNS.map((_, i) => ws.getCell(HEADER, i + 1).value)).toEqual([
      'Nhóm',
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã chỉ số',
      'Tên chỉ số',
      'Điểm tối đa',
      'Dữ liệu tự đánh giá',
      'Tài liệu kiểm chứng',
      'Điểm tự chấm',
      'Điểm tính toán',
      'Điểm thẩm định',
      'Giá trị điều chỉnh',
      'Tử số điều chỉnh',
      'Mẫu số điều chỉnh',
      'Lý do điều chỉnh',
      'Người thẩm định',
    ]);
  });

  it('has one row per agency and scored leaf, departments first, with inputs, self-scored and computed points', () => {
    expect(ROWS).toBe(1188);
    expect(ws.rowCount).toBe(HEADER + ROWS);
    const values = (r: number) => REVIEW_COLUMNS.slice(0, 10).map((_, i) => ws.getCell(r, i + 1).value ?? null);
    expect(values(HEADER + 1)).toEqual([
      'Sở, ban, ngành',
      'VPUB',
      'Văn phòng UBND tỉnh',
      '1.1',
      'Người đứng đầu cơ quan, đơn vị là Trưởng Ban chỉ đạo (Tổ công tác) chuyển đổi số',
      20,
      'Người đứng đầu',
      null,
      null,
      20,
    ]);
    expect(values(rowOf(ws, 'VPUB', '1.3')).slice(5)).toEqual([20, '10/10', null, null, 20]);
    expect(ws.getCell(rowOf(ws, 'VPUB', '1.2'), col('evidence')).value).toMatch(/^Thông báo số 34/);
    // Every group's agencies come together, the framework's first group first.
    const groups = Array.from({ length: ROWS }, (_, i) => ws.getCell(HEADER + 1 + i, 1).value);
    expect(groups.indexOf('UBND cấp huyện')).toBe(groups.lastIndexOf('Sở, ban, ngành') + 1);
    // A self-score that differs from the rules' points shows both.
    const differing = scores.flatMap((s) => s.leaves.filter((l) => l.selfPoints !== undefined).map((l) => ({ s, l })));
    for (const { s, l } of differing.slice(0, 5)) {
      const r = rowOf(ws, s.agency.code, l.code);
      expect(ws.getCell(r, col('self')).value).toBe(Number(l.selfPoints!.toString()));
      expect(ws.getCell(r, col('computed')).value).toBe(Number(l.points.toString()));
    }
  });

  it('links web evidence through a HYPERLINK formula whose text wraps in print, its text the cached result', () => {
    const linked = scores.flatMap((s) => s.leaves.filter((l) => /^https?:\/\//.test(l.evidence ?? '')).map((l) => ({ s, l })));
    expect(linked.length).toBeGreaterThan(0);
    const { s, l } = linked[0]!;
    const cell = ws.getCell(rowOf(ws, s.agency.code, l.code), col('evidence'));
    expect(cell.value).toEqual({ formula: `HYPERLINK("${new URL(l.evidence!).href}","${l.evidence}")`, result: l.evidence });
    expect(cell.alignment.wrapText).toBe(true);
  });

  it('doubles the quotes of evidence text inside the HYPERLINK formula, and leaves an address past 255 characters as text', async () => {
    const one = scores.find((x) => x.leaves.some((l) => l.status !== 'given-above'))!;
    const target = one.leaves.find((l) => l.status !== 'given-above')!;
    const quoted = 'https://example.gov.vn/a.pdf "bản ký"';
    const long = 'https://example.gov.vn/' + 'a'.repeat(260);
    const cellWith = async (evidence: string) => {
      const changed = { ...one, leaves: one.leaves.map((l) => (l === target ? { ...l, evidence } : l)) };
      const book = await load(await reviewTemplate(m, [changed], { lang: 'vi' }));
      const sheet = book.getWorksheet('Thẩm định')!;
      return sheet.getCell(rowOf(sheet, one.agency.code, target.code), col('evidence')).value;
    };
    const withQuotes = (await cellWith(quoted)) as { formula: string; result: string };
    expect(withQuotes.result).toBe(quoted);
    expect(withQuotes.formula).toContain('"https://example.gov.vn/a.pdf ""bản ký"""');
    expect(await cellWith(long)).toBe(long);
  });

  it('unlocks only the decision cells, validates points against the max, and protects the sheet without a password', () => {
    const r = rowOf(ws, 'VPUB', '1.3');
    const unlocked = REVIEW_COLUMNS.map((_, i) => i + 1).filter((c) => ws.getCell(r, c).protection?.locked === false);
    expect(unlocked.map((c) => REVIEW_COLUMNS[c - 1]!.key)).toEqual(['points', 'value', 'numerator', 'denominator', 'reason', 'reviewer']);
    expect(ws.getCell(HEADER, col('points')).protection?.locked).not.toBe(false);
    expect(ws.getCell(r, col('points')).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 20] });
    expect(ws.getCell(r, col('numerator')).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, autoFilter: true });
    expect(protection).not.toHaveProperty('hashValue');
  });

  it('freezes the header and the identity columns, and filters every column', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER, xSplit: col('indicator') });
    expect(ws.autoFilter).toBe(`A${HEADER}:P${HEADER + ROWS}`);
    // Every column has its width (exceljs leaves out a width of 9, its default).
    expect(REVIEW_COLUMNS.map((_, i) => ws.getColumn(i + 1).width)).toEqual(REVIEW_COLUMNS.map((c) => c.width));
    expect(ws.getColumn(col('indicatorName')).width).toBeGreaterThan(ws.getColumn(col('indicator')).width!);
  });

  it('reads back, untouched, as no adjustment at all', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dti-review-')), 'review.xlsx');
    writeFileSync(file, bytes);
    expect(readReview(file, m, read.submissions)).toMatchObject({ adjustments: [], issues: [] });
  });

  it('round trip: two decisions filled in Excel are read back, and scoring uses the appraised points and keeps the computed ones', async () => {
    const filled = await load(bytes);
    const sheet = filled.getWorksheet('Thẩm định')!;
    const approved = rowOf(sheet, 'VPUB', '1.2');
    sheet.getCell(approved, col('points')).value = 10;
    sheet.getCell(approved, col('reason')).value = 'Chỉ có 2 biên bản họp';
    sheet.getCell(approved, col('reviewer')).value = 'Tổ thẩm định số 1';
    const corrected = rowOf(sheet, 'VPUB', '1.3');
    sheet.getCell(corrected, col('numerator')).value = 5;
    sheet.getCell(corrected, col('reason')).value = 'Theo biên bản, 5 cuộc họp do người đứng đầu chủ trì';
    const file = await save(filled, 'tham-dinh.xlsx');

    const review = readReview(file, m, read.submissions);
    expect(review.issues).toEqual([]);
    expect(review.adjustments).toMatchObject([
      { agency: 'VPUB', indicator: '1.2', points: { raw: 10, loc: { file, sheet: 'Thẩm định', cell: `K${approved}` } }, reason: 'Chỉ có 2 biên bản họp', reviewer: 'Tổ thẩm định số 1' },
      { agency: 'VPUB', indicator: '1.3', numerator: { raw: 5, loc: { cell: `M${corrected}` } }, reason: 'Theo biên bản, 5 cuộc họp do người đứng đầu chủ trì' },
    ]);

    const appraised = scoreSubmissions(m, read.submissions, review.adjustments);
    const a = leaf(appraised, 'VPUB', '1.2');
    expect([a.points.toString(), a.computedPoints?.toString()]).toEqual(['10', '20']);
    expect(a.appraisal).toMatchObject({ reason: 'Chỉ có 2 biên bản họp', reviewer: 'Tổ thẩm định số 1', loc: { cell: `D${approved}` } });
    const b = leaf(appraised, 'VPUB', '1.3');
    expect([b.points.toString(), b.computedPoints?.toString()]).toEqual(['10', '20']);
    const before = scores.find((s) => s.agency.code === 'VPUB')!.points;
    expect(appraised.find((s) => s.agency.code === 'VPUB')!.points.toString()).toBe(before.minus(20).toString());
    // The other agencies are untouched.
    expect(appraised.filter((s) => s.agency.code !== 'VPUB').map((s) => s.points.toString())).toEqual(
      scores.filter((s) => s.agency.code !== 'VPUB').map((s) => s.points.toString()),
    );
  });

  it('is byte-identical from run to run, with the document date pinned', async () => {
    const again = await reviewTemplate(m, scores, { lang: 'vi' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(wb.created?.toISOString()).toBe(documentDate().toISOString());
    const dated = await reviewTemplate(m, scores, { lang: 'vi', sourceDateEpoch: 1700000000 });
    expect((await load(dated)).created?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('speaks English with lang en, and its English headers read back too', async () => {
    const en = await load(await reviewTemplate(m, scores, { lang: 'en' }));
    expect(en.worksheets.map((w) => w.name)).toEqual(['Instructions', 'Review']);
    const sheet = en.getWorksheet('Review')!;
    expect(sheet.getCell(HEADER, col('points')).value).toBe('Approved points');
    expect(sheet.getCell(HEADER + 1, 1).value).toBe('Departments');
    expect(sheet.getCell(HEADER + 1, col('inputs')).value).toBe('The head');
    const r = rowOf(sheet, 'SYT', '1.2');
    sheet.getCell(r, col('points')).value = 5;
    sheet.getCell(r, col('reason')).value = 'One set of minutes';
    const review = readReview(await save(en, 'review-en.xlsx'), m, read.submissions);
    expect(review.issues).toEqual([]);
    expect(review.adjustments).toMatchObject([{ agency: 'SYT', indicator: '1.2', points: { raw: 5 }, reason: 'One set of minutes' }]);
  });

  it('reports, at their cells, decisions that contradict each other or lack a reason', async () => {
    const filled = await load(bytes);
    const sheet = filled.getWorksheet('Thẩm định')!;
    const both = rowOf(sheet, 'VPUB', '1.3');
    sheet.getCell(both, col('points')).value = 10;
    sheet.getCell(both, col('denominator')).value = 12;
    sheet.getCell(both, col('reason')).value = 'x';
    const silent = rowOf(sheet, 'SYT', '1.2');
    sheet.getCell(silent, col('points')).value = 5;
    const review = readReview(await save(filled, 'review.xlsx'), m, read.submissions);
    expect(review.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ['E_REVIEW_CONFLICT', `K${both}`],
      ['W_REVIEW_NO_REASON', `O${silent}`],
    ]);
    expect(review.adjustments.map((a) => a.agency)).toEqual(['SYT']);
  });
});

describe('review template of a framework whose indicators may be declared not applicable', async () => {
  const y25 = loadFramework('khanh-hoa-2025', 'vi');
  if (!y25.ok) throw new Error('framework');
  const m25 = y25.model;
  const read25 = readSubmissions(['fixtures/khanh-hoa-2025/csv/submissions-2025.csv'], m25);
  const scores25 = scoreSubmissions(m25, read25.submissions);
  const columns = reviewColumns(m25);
  const col25 = (key: string) => columns.findIndex((c) => c.key === key) + 1;
  const find = (ws: ExcelJS.Worksheet, agency: string, indicator: string) => {
    for (let r = HEADER + 1; r <= ws.rowCount; r++) {
      if (ws.getCell(r, col25('agencyCode')).value === agency && ws.getCell(r, col25('indicator')).value === indicator) return r;
    }
    throw new Error(`no row for ${agency} ${indicator}`);
  };
  const bytes = await reviewTemplate(m25, scores25, { lang: 'vi', year: 2025 });

  it('adds the N/A decision column, open with a list of the answers only on the rows of a claim', async () => {
    const ws = (await load(bytes)).getWorksheet('Thẩm định')!;
    expect(ws.getCell(HEADER, col25('naDecision')).value).toBe('Chấp nhận không áp dụng');
    expect(ws.getCell(HEADER, col25('naDecision') + 1).value).toBe('Lý do điều chỉnh');
    const claim = ws.getCell(find(ws, 'P-NHATRANG', '7.6'), col25('naDecision'));
    expect(claim.value ?? null).toBeNull();
    expect(claim.protection?.locked).toBe(false);
    expect(claim.dataValidation).toMatchObject({ type: 'list', formulae: ['"Chấp nhận,Không chấp nhận"'], errorStyle: 'stop' });
    const noClaim = ws.getCell(find(ws, 'P-NHATRANG', '7.1'), col25('naDecision'));
    expect(noClaim.protection?.locked).not.toBe(false);
    expect(noClaim.dataValidation?.type).toBeUndefined();
  });

  it('offers the answers in English with lang en', async () => {
    const ws = (await load(await reviewTemplate(m25, scores25, { lang: 'en', year: 2025 }))).getWorksheet('Review')!;
    expect(ws.getCell(HEADER, col25('naDecision')).value).toBe('N/A decision');
    expect(ws.getCell(find(ws, 'P-NHATRANG', '7.6'), col25('naDecision')).dataValidation).toMatchObject({ formulae: ['"Accept,Reject"'] });
  });

  it('reads "Không chấp nhận" typed in that column as a rejected claim, and the indicator is then scored as missing', async () => {
    expect(leaf(scores25, 'P-NHATRANG', '7.6').status).toBe('not-applicable');
    const filled = await load(bytes);
    const sheet = filled.getWorksheet('Thẩm định')!;
    const r = find(sheet, 'P-NHATRANG', '7.6');
    sheet.getCell(r, col25('naDecision')).value = 'Không chấp nhận';
    sheet.getCell(r, col25('reason')).value = 'Phường có 2 hợp tác xã đang hoạt động';
    const review = readReview(await save(filled, 'tham-dinh-2025.xlsx'), m25, read25.submissions);
    expect(review.issues).toEqual([]);
    expect(review.adjustments).toMatchObject([{ agency: 'P-NHATRANG', indicator: '7.6', rejectNotApplicable: true, reason: 'Phường có 2 hợp tác xã đang hoạt động' }]);
    const appraised = leaf(scoreSubmissions(m25, read25.submissions, review.adjustments), 'P-NHATRANG', '7.6');
    expect(appraised.status).toBe('missing');
    expect(appraised.points.toString()).toBe('0');
    expect(appraised.notApplicableClaim?.rejected).toMatchObject({ reason: 'Phường có 2 hợp tác xã đang hoạt động' });
  });
});

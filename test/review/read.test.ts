import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/framework/load.js';
import { hasMessage } from '../../src/i18n/catalog.js';
import { reviewColumnRole } from '../../src/review/columns.js';
import { parseReview, readReview } from '../../src/review/read.js';
import { readSubmissions } from '../../src/submission/read.js';
import { TINY, grid, model } from '../helpers/build.js';

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);
const tmp = () => mkdtempSync(join(tmpdir(), 'dti-review-'));

describe('review columns', () => {
  it.each([
    ['Mã đơn vị', 'agencyCode'],
    ['agency_code', 'agencyCode'],
    ['MA DON VI', 'agencyCode'],
    ['Mã chỉ số', 'indicator'],
    ['indicator', 'indicator'],
    ['Điểm thẩm định', 'points'],
    ['Điểm được duyệt', 'points'],
    ['Diem duoc duyet', 'points'],
    ['approved_points', 'points'],
    ['Giá trị điều chỉnh', 'value'],
    ['value', 'value'],
    ['Tử số', 'numerator'],
    ['Tử số điều chỉnh', 'numerator'],
    ['numerator', 'numerator'],
    ['Mẫu số', 'denominator'],
    ['denominator', 'denominator'],
    ['Lý do', 'reason'],
    ['Lý do điều chỉnh', 'reason'],
    ['Ly do dieu chinh (neu co)', 'reason'],
    ['reason', 'reason'],
    ['Người thẩm định', 'reviewer'],
    ['reviewer', 'reviewer'],
    // Descriptive columns of the template are claimed by name, never taken for a decision.
    ['Điểm tự chấm', 'selfPoints'],
    ['Điểm tự đánh giá', 'selfPoints'],
    ['Điểm tính toán', 'computedPoints'],
    ['Dữ liệu tự đánh giá', 'inputs'],
    ['Giá trị tự đánh giá', 'inputs'],
  ])('reads "%s" as %s', (header, role) => {
    expect(reviewColumnRole(header)).toBe(role);
  });

  it('reads the NFD spelling as the NFC one', () => {
    expect(reviewColumnRole('Điểm thẩm định'.normalize('NFD'))).toBe('points');
  });

  it('does not take an unrelated header', () => {
    expect(reviewColumnRole('Ghi chú')).toBeUndefined();
    expect(reviewColumnRole('Điểm')).toBeUndefined();
  });
});

describe('parseReview', () => {
  const HEADER = ['Mã đơn vị', 'Mã chỉ số', 'Điểm thẩm định', 'Giá trị điều chỉnh', 'Tử số', 'Mẫu số', 'Lý do', 'Người thẩm định'];

  it('reads approved points and corrected inputs with the reason, reviewer and cells', () => {
    const { adjustments, issues } = parseReview(
      grid([HEADER, ['D1', '1.2', 15, null, null, null, 'Thiếu biên bản', 'Tổ 1'], ['D2', '2.1.', null, null, 3, 4, 'Số liệu Cổng DVC', null]], 'review.csv'),
    );
    expect(issues).toEqual([]);
    expect(adjustments).toEqual([
      {
        agency: 'D1',
        indicator: '1.2',
        points: { raw: 15, loc: { file: 'review.csv', row: 2, column: 3 } },
        reason: 'Thiếu biên bản',
        reviewer: 'Tổ 1',
        loc: { file: 'review.csv', row: 2, column: 2 },
        cells: { agency: { file: 'review.csv', row: 2, column: 1 }, indicator: { file: 'review.csv', row: 2, column: 2 } },
      },
      {
        agency: 'D2',
        indicator: '2.1',
        numerator: { raw: 3, loc: { file: 'review.csv', row: 3, column: 5 } },
        denominator: { raw: 4, loc: { file: 'review.csv', row: 3, column: 6 } },
        reason: 'Số liệu Cổng DVC',
        loc: { file: 'review.csv', row: 3, column: 2 },
        cells: { agency: { file: 'review.csv', row: 3, column: 1 }, indicator: { file: 'review.csv', row: 3, column: 2 } },
      },
    ]);
  });

  it('reads English and unaccented headers, in any order, below title rows', () => {
    const rows = [
      ['Biên bản thẩm định năm 2023'],
      [],
      ['reviewer', 'reason', 'approved_points', 'indicator', 'agency_code'],
      ['HĐTĐ', 'x', '12,5', '1.2', 'D1'],
    ];
    const { adjustments, issues } = parseReview(grid(rows));
    expect(issues).toEqual([]);
    expect(adjustments).toMatchObject([{ agency: 'D1', indicator: '1.2', points: { raw: '12,5' }, reason: 'x', reviewer: 'HĐTĐ' }]);

    const unaccented = parseReview(grid([['Ma don vi', 'Ma chi so', 'Diem duoc duyet', 'Ly do dieu chinh'], ['D1', '1.2', 3, 'y']]));
    expect(unaccented.adjustments).toMatchObject([{ agency: 'D1', indicator: '1.2', points: { raw: 3 }, reason: 'y' }]);
  });

  it('gives nothing for rows that confirm the self-assessment, and warns of a reason without a decision', () => {
    const { adjustments, issues } = parseReview(
      grid([HEADER, ['D1', '1.1', null, null, null, null, null, null], ['D1', '1.2', null, null, null, null, 'Đồng ý', 'Tổ 1'], [], ['D1', '2.1', '', ' ', null, null, null, 'Tổ 1']]),
    );
    expect(adjustments).toEqual([]);
    expect(issues).toEqual([
      { severity: 'warning', code: 'W_REVIEW_NO_DECISION', location: { file: 'test.csv', row: 3, column: 7 }, params: { agency: 'D1', indicator: '1.2' } },
    ]);
  });

  it('refuses a row with both approved points and corrected inputs', () => {
    const { adjustments, issues } = parseReview(grid([HEADER, ['D1', '2.1', 20, '80%', null, null, 'x', null]]));
    expect(adjustments).toEqual([]);
    expect(issues).toEqual([
      { severity: 'error', code: 'E_REVIEW_CONFLICT', location: { file: 'test.csv', row: 2, column: 3 }, params: { agency: 'D1', indicator: '2.1' } },
    ]);
  });

  it('warns of an adjustment without a reason and keeps it', () => {
    const { adjustments, issues } = parseReview(grid([HEADER, ['D1', '1.2', 15, null, null, null, null, 'Tổ 1']]));
    expect(adjustments).toMatchObject([{ agency: 'D1', indicator: '1.2', reason: '', reviewer: 'Tổ 1' }]);
    expect(issues).toEqual([
      { severity: 'warning', code: 'W_REVIEW_NO_REASON', location: { file: 'test.csv', row: 2, column: 7 }, params: { agency: 'D1', indicator: '1.2' } },
    ]);
    const noColumn = parseReview(grid([['agency_code', 'indicator', 'approved_points'], ['D1', '1.2', 15]]));
    expect(noColumn.issues).toMatchObject([{ code: 'W_REVIEW_NO_REASON', location: { row: 2 } }]);
    expect(noColumn.issues[0]!.location.column).toBeUndefined();
  });

  it('reports a decision without its agency or indicator', () => {
    const { adjustments, issues } = parseReview(grid([HEADER, [null, '1.2', 15, null, null, null, 'x', null], ['D1', null, 15, null, null, null, 'x', null]]));
    expect(adjustments).toEqual([]);
    expect(issues).toMatchObject([
      { code: 'E_REVIEW_AGENCY_MISSING', location: { row: 2, column: 1 } },
      { code: 'E_REVIEW_INDICATOR_MISSING', location: { row: 3, column: 2 } },
    ]);
  });

  it('names workbook cells A1-style and reports an unreadable decision cell', () => {
    const g = grid([HEADER, ['D1', '1.2', 15, null, null, null, 'x', null]], 'review.xlsx', 'xlsx');
    const { adjustments } = parseReview(g);
    expect(adjustments[0]!.points!.loc).toEqual({ file: 'review.xlsx', sheet: 'Sheet1', row: 2, column: 3, cell: 'C2' });
    const broken = grid([HEADER, ['D1', '1.2', null, null, null, null, 'x', null]], 'review.xlsx', 'xlsx');
    (broken.sheets[0]!.rows[1] as unknown[])[2] = { value: null, row: 2, column: 3, problem: { code: 'E_CELL_ERROR', detail: '#REF!' } };
    const read = parseReview(broken);
    expect(read.adjustments).toEqual([]);
    expect(read.issues).toMatchObject([{ code: 'E_CELL_ERROR', location: { cell: 'C2' } }]);
  });

  it('says so when no sheet has a review header', () => {
    // A header needs the agency code, the indicator and at least one decision column.
    expect(codes(parseReview(grid([['Mã đơn vị', 'Mã chỉ số', 'Điểm tự chấm', 'Điểm tính toán', 'Lý do']])).issues)).toEqual(['E_REVIEW_NO_HEADER']);
    expect(codes(parseReview(grid([['Mã chỉ số', 'Điểm thẩm định', 'Lý do']])).issues)).toEqual(['E_REVIEW_NO_HEADER']);
    expect(parseReview(grid([['Mã đơn vị', 'Mã chỉ số', 'Mẫu số']])).issues).toEqual([]);
    expect(codes(parseReview(grid([['a', 'b']])).issues)).toEqual(['E_REVIEW_NO_HEADER']);
  });

  it('has a message in both languages for every finding', () => {
    for (const code of ['E_REVIEW_NO_HEADER', 'E_REVIEW_CONFLICT', 'W_REVIEW_NO_REASON', 'W_REVIEW_NO_DECISION', 'E_REVIEW_AGENCY_MISSING', 'E_REVIEW_INDICATOR_MISSING']) {
      expect(hasMessage(code), code).toBe(true);
    }
  });
});

describe('readReview', () => {
  const loaded = loadFramework('khanh-hoa-agencies', 'vi');
  if (!loaded.ok) throw new Error('framework');
  const m = loaded.model;

  it('reads the sample review file and checks it against the 2024 submissions', () => {
    const read = readSubmissions(['fixtures/khanh-hoa-2024/agencies-long.csv'], m);
    const review = readReview('fixtures/khanh-hoa-2024/review.csv', m, read.submissions);
    expect(review.issues).toEqual([]);
    expect(review.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(review.adjustments.map((a) => [a.agency, a.indicator, a.points?.raw ?? null, a.numerator?.raw ?? null, a.denominator?.raw ?? null, a.reviewer])).toEqual([
      ['SYT', '1.2', '5', null, null, 'Tổ thẩm định số 1'],
      ['STP', '1.3', null, '3', '14', 'Tổ thẩm định số 1'],
      ['NTR', '2.5', '20.53', null, null, 'Tổ thẩm định số 2'],
    ]);
  });

  it('reports errors at the review file cells when checked against submissions', () => {
    const dir = tmp();
    const file = join(dir, 'review.csv');
    writeFileSync(file, 'agency_code,indicator,approved_points,reason\nNOPE,1.2,5,x\nVPUB,1.2,5,\n');
    const read = readSubmissions(['fixtures/khanh-hoa-2023/agencies-long.csv'], m);
    const review = readReview(file, m, read.submissions);
    expect(review.adjustments.map((a) => a.agency)).toEqual(['VPUB']);
    expect(review.issues).toMatchObject([
      { code: 'W_REVIEW_NO_REASON', location: { file, row: 3, column: 4 } },
      { code: 'E_REVIEW_UNKNOWN_AGENCY', location: { file, row: 2, column: 1 } },
    ]);
  });

  it('reports a file it cannot read', () => {
    const review = readReview(join(tmp(), 'missing.csv'), model(TINY));
    expect(review.adjustments).toEqual([]);
    expect(codes(review.issues)).toEqual(['E_FILE_UNREADABLE']);
  });
});

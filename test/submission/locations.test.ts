import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { renderIssue } from '../../src/i18n/render.js';
import { parseGrid } from '../../src/submission/parse.js';
import { TINY, grid, longRows, model } from '../helpers/build.js';

const m = model(TINY);

/** An official form: code in A, value D, numerator E, denominator F, self-score G, evidence H. */
const FORM = [
  ['Mã đơn vị: STP'],
  ['Nhóm:', 'dept'],
  ['STT', 'Tên chỉ số', 'Điểm tối đa', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
  ['I', 'Nhận thức số', 40, null, null, null, 32.5, null],
  ['1.1', 'Kế hoạch', 10, 'Có', null, null, 10, 'QĐ 12/QĐ-STP'],
  ['1.2', 'Họp', 30, null, 3, 4, 22.5, null],
  ['II', 'Chính quyền số', 60, null, null, null, 35, null],
  ['2.1', 'Dịch vụ công', 30, '40%', null, null, 15, null],
  ['2.2', 'Cổng', 30, null, null, null, 20, null],
  [null, 'Tổng cộng', 100, null, null, null, 67.5, null],
];

function scoreForm(edit: (rows: (string | number | null)[][]) => void) {
  const rows = FORM.map((r) => [...r]);
  edit(rows);
  const parsed = parseGrid(grid(rows, 'stp.xlsx', 'xlsx'), m);
  return { parsed, score: scoreSubmissions(m, parsed.submissions)[0]! };
}

describe('every finding points at the cell to change', () => {
  it('a missing evidence document at the evidence cell, not the code cell', () => {
    const { score } = scoreForm((rows) => (rows[4]![7] = null));
    expect(score.issues.find((i) => i.code === 'W_EVIDENCE_MISSING')?.location).toMatchObject({ cell: 'H5', row: 5, column: 8 });
  });

  it('a missing value at the value cell of the indicator\'s row', () => {
    const { score } = scoreForm((rows) => (rows[4]![3] = null));
    expect(score.issues.find((i) => i.code === 'W_MISSING_VALUE')?.location).toMatchObject({ cell: 'D5' });
  });

  it('a missing ratio at its numerator cell', () => {
    const { score } = scoreForm((rows) => {
      rows[5]![4] = null;
      rows[5]![5] = null;
    });
    expect(score.issues.find((i) => i.code === 'W_MISSING_VALUE')?.location).toMatchObject({ cell: 'E6' });
  });

  it('a subtotal mismatch at the subtotal, naming the rows it sums', () => {
    const { score } = scoreForm((rows) => (rows[3]![6] = 30));
    const w = score.issues.find((i) => i.code === 'W_SUBTOTAL_MISMATCH')!;
    expect(w.location).toMatchObject({ cell: 'G4' });
    expect(w.params.cells).toBe('G5:G6');
    expect(renderIssue(w, 'en')).toContain('(G5:G6)');
  });

  it('a total mismatch at the total, naming the subtotals it sums', () => {
    const { score } = scoreForm((rows) => (rows[9]![6] = 70));
    const w = score.issues.find((i) => i.code === 'W_TOTAL_MISMATCH')!;
    expect(w.location).toMatchObject({ cell: 'G10' });
    expect(w.params.cells).toBe('G4, G7');
  });

  it('a total mismatch on a form without subtotals names the indicator rows', () => {
    const { score } = scoreForm((rows) => {
      rows[3]![6] = null;
      rows[6]![6] = null;
      rows[9]![6] = 70;
    });
    expect(score.issues.find((i) => i.code === 'W_TOTAL_MISMATCH')!.params.cells).toBe('G5:G6, G8:G9');
  });

  it('a missing value in a CSV file at its line and the value column', () => {
    const parsed = parseGrid(grid(longRows([['A', 'dept', '1.2', null, 1, 2], ['A', 'dept', '1.1']])), m);
    const [s] = scoreSubmissions(m, parsed.submissions);
    expect(s!.issues.find((i) => i.code === 'W_MISSING_VALUE' && i.params.indicator === '1.1')?.location).toEqual({ file: 'test.csv', row: 3, column: 6 });
  });
});

describe('an unknown indicator code', () => {
  const codeRows = (code: string) => longRows([['A', 'dept', code, 'có']]);

  it.each([
    ['1.1a', '1.1'],
    ['1-2', '1.2'],
    ['2.11', '2.1'],
  ])('"%s" suggests the nearest known code, "%s"', (typed, near) => {
    const out = parseGrid(grid(codeRows(typed)), m);
    const e = out.issues.find((i) => i.code === 'E_UNKNOWN_INDICATOR')!;
    expect(e.params.suggestion).toBe(near);
    expect(renderIssue(e, 'en')).toContain(`did you mean "${near}"?`);
    expect(renderIssue(e, 'vi')).toContain(`có phải là "${near}"?`);
  });

  it('suggests nothing when no code is near', () => {
    const out = parseGrid(grid(codeRows('7.4.9')), m);
    const e = out.issues.find((i) => i.code === 'E_UNKNOWN_INDICATOR')!;
    expect(e.params.suggestion).toBeUndefined();
    expect(renderIssue(e, 'en')).not.toContain('did you mean');
  });
});

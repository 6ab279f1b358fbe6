import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { parseGrid } from '../../src/submission/parse.js';
import { TINY, grid, model } from '../helpers/build.js';

const m = model(TINY);

/** An official-form sheet: title rows, labelled identity cells, numbering instead of codes, section rows. */
const FORM = [
  ['PHỤ LỤC'],
  ['BẢNG TỰ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2023'],
  ['Tên đơn vị:', null, 'Sở Tư pháp'],
  ['Mã đơn vị: STP'],
  ['Nhóm:', 'dept', null, 'Năm đánh giá:', '2023'],
  [],
  ['STT', 'Tên chỉ số/tiêu chí', 'Điểm tối đa', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
  ['I', 'Nhận thức số', 40, null, null, null, 32.5, null],
  ['1.1', 'Kế hoạch', 10, 'Có', null, null, 10, 'QĐ 12/QĐ-STP'],
  ['1.2', 'Họp', 30, null, 3, 4, 22.5, null],
  ['II', 'Chính quyền số', 60, null, null, null, 35, null],
  ['2.1', 'Dịch vụ công', 30, '40%', null, null, 15, null],
  ['2.2', 'Cổng', 30, null, null, null, 20, null],
  [null, 'Tổng cộng', 100, null, null, null, 67.5, null],
];

describe('official-form sheets', () => {
  it('take the agency identity from labelled cells above the header', () => {
    const out = parseGrid(grid(FORM, 'stp.xlsx', 'xlsx'), m);
    expect(out.issues).toEqual([]);
    expect(out.submissions[0]!.agency).toEqual({ code: 'STP', name: 'Sở Tư pháp', group: 'dept', year: 2023 });
  });

  it('match rows by hierarchical numbering when there is no code column', () => {
    const out = parseGrid(grid(FORM, 'stp.xlsx', 'xlsx'), m);
    expect(out.submissions[0]!.entries.map((e) => e.indicator)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
    expect(out.submissions[0]!.entries[2]!.loc.cell).toBe('A10');
  });

  it('take the identity from a "Thông tin" sheet when the form has none', () => {
    const g = grid(FORM.slice(6), 'stp.xlsx', 'xlsx');
    const info = grid([['Mã đơn vị', 'STP'], ['Tên đơn vị', 'Sở Tư pháp'], ['Nhóm', 'dept']], 'stp.xlsx', 'xlsx').sheets[0]!;
    const out = parseGrid({ ...g, sheets: [...g.sheets, { ...info, name: 'Thông tin' }] }, m);
    expect(out.submissions[0]!.agency.code).toBe('STP');
  });

  it('say so when a form names no agency', () => {
    const out = parseGrid(grid(FORM.slice(6), 'x.xlsx', 'xlsx'), m);
    expect(out.issues.map((i) => i.code)).toEqual(['E_AGENCY_IDENTITY_MISSING']);
  });

  it('cross-check subtotal rows against the points below them', () => {
    const rows = FORM.map((r) => [...r]);
    rows[7]![6] = 30; // section I claims 30 where 10 + 22.5 = 32.5
    const subs = parseGrid(grid(rows, 'stp.xlsx', 'xlsx'), m).submissions;
    const [s] = scoreSubmissions(m, subs);
    const w = s!.issues.filter((i) => i.code === 'W_SUBTOTAL_MISMATCH');
    expect(w).toMatchObject([{ location: { cell: 'G8' }, params: { indicator: '1', given: '30', expected: '32.5' } }]);
    expect(s!.nodes.get('1')!.origin).toBe('rules');
  });

  it('cross-check the total row against the rows above it', () => {
    const rows = FORM.map((r) => [...r]);
    rows[13]![6] = 70;
    const [s] = scoreSubmissions(m, parseGrid(grid(rows, 'stp.xlsx', 'xlsx'), m).submissions);
    expect(s!.issues.filter((i) => i.code === 'W_TOTAL_MISMATCH')).toMatchObject([{ location: { cell: 'G14' }, params: { given: '70', expected: '67.5' } }]);
    expect(s!.points.toString()).toBe('67.5');
  });

  it('read a consistent form without warnings about subtotals', () => {
    const [s] = scoreSubmissions(m, parseGrid(grid(FORM, 'stp.xlsx', 'xlsx'), m).submissions);
    expect(s!.issues.filter((i) => i.code === 'W_SUBTOTAL_MISMATCH' || i.code === 'W_TOTAL_MISMATCH')).toEqual([]);
    expect(s!.points.toString()).toBe('67.5');
  });

  it('report a cell with an error value at that cell', () => {
    const g = grid(FORM, 'stp.xlsx', 'xlsx');
    const sheet = g.sheets[0]!;
    const rows = sheet.rows.map((r) => [...r]);
    rows[9]![4] = { value: null, row: 10, column: 5, problem: { code: 'E_CELL_ERROR', detail: '#DIV/0!' } };
    const out = parseGrid({ ...g, sheets: [{ ...sheet, rows }] }, m);
    expect(out.issues).toMatchObject([{ code: 'E_CELL_ERROR', location: { cell: 'E10' }, params: { detail: '#DIV/0!' } }]);
  });
});

describe('headers merged over two rows', () => {
  it('are read as one header, the data starting below the second row', () => {
    const rows = [
      ['Tên đơn vị: Sở Tư pháp'],
      ['Mã đơn vị: STP'],
      ['Nhóm: dept'],
      ['STT', 'Tên chỉ số', 'Điểm tối đa', 'Kết quả tự đánh giá', null, null, null],
      [null, null, null, 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm tự chấm'],
      ['1.1', 'Kế hoạch', 10, 'Có', null, null, 10],
      ['1.2', 'Họp', 30, null, 3, 4, 22.5],
    ];
    const out = parseGrid(grid(rows, 'stp.xlsx', 'xlsx'), m);
    expect(out.issues).toEqual([]);
    const entries = out.submissions[0]!.entries;
    expect(entries.map((e) => [e.indicator, e.value?.raw ?? null, e.numerator?.raw ?? null, e.points?.raw])).toEqual([
      ['1.1', 'Có', null, 10],
      ['1.2', null, 3, 22.5],
    ]);
  });
});

describe('an agency list', () => {
  const list = [
    { code: 'STP', name: 'Sở Tư pháp', group: 'dept', loc: { file: 'agencies.csv', row: 2 } },
    { code: 'X1', name: 'UBND huyện X', group: 'dist', loc: { file: 'agencies.csv', row: 3 } },
  ];

  it('completes what a form leaves out', () => {
    const rows = FORM.filter((_, i) => i !== 4); // no "Nhóm:" row
    const out = parseGrid(grid(rows, 'stp.xlsx', 'xlsx'), m, { agencies: list });
    expect(out.issues).toEqual([]);
    expect(out.submissions[0]!.agency).toMatchObject({ code: 'STP', group: 'dept' });
  });

  it('refuses an agency that is not listed', () => {
    const out = parseGrid(grid(FORM, 'stp.xlsx', 'xlsx'), m, { agencies: list.slice(1) });
    expect(out.issues).toMatchObject([{ code: 'E_AGENCY_NOT_LISTED', location: { cell: 'A4' } }]);
    expect(out.submissions).toEqual([]);
  });

  it('makes a disagreement with the list an error that names both places', () => {
    const rows = FORM.map((r) => [...r]);
    rows[4]![1] = 'dist';
    const out = parseGrid(grid(rows, 'stp.xlsx', 'xlsx'), m, { agencies: list });
    expect(out.issues).toMatchObject([{ code: 'E_AGENCY_LIST_CONFLICT', location: { cell: 'B5' }, params: { field: 'group', value: 'dist', listed: 'dept', listedAt: '2' } }]);
  });
});

describe('a form never filled in', () => {
  const blank = FORM.map((r, i) => (i >= 7 ? r.map((c, j) => (j >= 3 ? null : c)) : [...r]));

  it('is one error for the file, and no submission', () => {
    const out = parseGrid(grid(blank, 'stp.xlsx', 'xlsx'), m);
    expect(out.issues).toMatchObject([{ code: 'E_SUBMISSION_EMPTY', location: { file: 'stp.xlsx', cell: 'A4' }, params: { agency: 'STP' } }]);
    expect(out.submissions).toEqual([]);
  });

  it('drops the warnings about its rows (formulas never recalculated)', () => {
    const g = grid(blank, 'stp.xlsx', 'xlsx');
    const sheet = g.sheets[0]!;
    const rows = sheet.rows.map((r) => [...r]);
    for (const r of [8, 9, 11, 12]) rows[r]![6] = { value: null, row: r + 1, column: 7, problem: { code: 'E_FORMULA_NO_RESULT', detail: 'IF(D9="Có",10,0)' } };
    const out = parseGrid({ ...g, sheets: [{ ...sheet, rows }] }, m);
    expect(out.issues.map((i) => i.code)).toEqual(['E_SUBMISSION_EMPTY']);
  });

  it('is never filled when its points column holds only zeros (a template\'s formulas saved before any input)', () => {
    const zeros = blank.map((r, i) => (i >= 7 ? r.map((c, j) => (j === 6 ? 0 : c)) : [...r]));
    expect(parseGrid(grid(zeros, 'stp.xlsx', 'xlsx'), m).issues.map((i) => i.code)).toEqual(['E_SUBMISSION_EMPTY']);
  });

  it('is scored as soon as one row has a value', () => {
    const one = blank.map((r) => [...r]);
    one[8]![3] = 'Có';
    const out = parseGrid(grid(one, 'stp.xlsx', 'xlsx'), m);
    expect(out.issues).toEqual([]);
    expect(out.submissions).toHaveLength(1);
  });

  it('in a sheet of many agencies, is an error for that agency alone', () => {
    const rows = [
      ['agency_code', 'group', 'year', 'indicator', 'value', 'points'],
      ['A', 'dept', 2023, '1.1', 'có', null],
      ['B', 'dept', 2023, '1.1', null, null],
      ['B', 'dept', 2023, '1.2', null, null],
    ];
    const out = parseGrid(grid(rows), m);
    expect(out.issues).toMatchObject([{ code: 'E_SUBMISSION_EMPTY', location: { row: 3 }, params: { agency: 'B' } }]);
    expect(out.submissions.map((s) => s.agency.code)).toEqual(['A']);
  });
});

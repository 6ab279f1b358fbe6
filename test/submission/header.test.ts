import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/core/grid.js';
import { t } from '../../src/i18n/catalog.js';
import { renderIssue } from '../../src/i18n/render.js';
import { parseGrid } from '../../src/submission/parse.js';
import { TINY, grid, model } from '../helpers/build.js';

const m = model(TINY);

/** A workbook of named sheets, each from rows (null = empty cell). */
function workbook(sheets: Record<string, (string | number | null)[][]>, file = 'book.xlsx'): Grid {
  return { ...grid([], file, 'xlsx'), sheets: Object.entries(sheets).map(([name, rows]) => ({ ...grid(rows, file, 'xlsx').sheets[0]!, name })) };
}

const IDENTITY = [['Mã đơn vị: STP'], ['Nhóm:', 'dept']];
const FORM = [
  ...IDENTITY,
  ['STT', 'Nội dung đánh giá', 'Điểm chuẩn', 'Kết quả', 'Tử số', 'Mẫu số', 'Tự đánh giá', 'Hồ sơ minh chứng'],
  ['1.1', 'Kế hoạch', 10, 'Có', null, null, 10, 'QĐ 12'],
  ['1.2', 'Họp', 30, null, 3, 4, 22.5, null],
  ['2.1', 'Dịch vụ công', 30, '40%', null, null, 15, null],
];
/** A cover letter whose list of attachments looks like a header ("STT | Nội dung | Ghi chú"). */
const LETTER = [
  ['UBND TỈNH KHÁNH HÒA'],
  ['V/v gửi kết quả tự đánh giá chuyển đổi số năm 2023'],
  ['STT', 'Nội dung', 'Ghi chú'],
  ['1', 'Bảng tự đánh giá', 'đính kèm'],
  ['2', 'Tài liệu kiểm chứng', 'đính kèm'],
];

describe('a workbook with a cover letter beside the form', () => {
  it('reads the form, whichever sheet comes first', () => {
    const out = parseGrid(workbook({ 'Công văn': LETTER, 'Biểu mẫu': FORM }), m);
    expect(out.submissions.map((s) => s.entries.map((e) => e.indicator))).toEqual([['1.1', '1.2', '2.1']]);
    expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('names the sheet it read and the ones it left', () => {
    const out = parseGrid(workbook({ 'Công văn': LETTER, 'Biểu mẫu': FORM }), m);
    const chosen = out.issues.find((i) => i.code === 'I_SHEET_CHOSEN')!;
    expect(chosen.location).toEqual({ file: 'book.xlsx', sheet: 'Biểu mẫu' });
    expect(renderIssue(chosen, 'en')).toContain('sheet "Biểu mẫu"');
    expect(renderIssue(chosen, 'en')).toContain('"Công văn"');
  });

  it('says nothing of the choice when only one sheet has a header', () => {
    const out = parseGrid(workbook({ 'Hướng dẫn': [['Điền vào các ô màu vàng']], 'Biểu mẫu': FORM }), m);
    expect(out.issues.map((i) => i.code)).toEqual([]);
  });
});

describe('a sheet without a recognisable header', () => {
  const rows = [['Bảng tự đánh giá'], ['STT', 'Nội dung chi tiết', 'Cột 3', 'Cột 4'], ['1', 'x', '2', '3']];

  it('names the columns recognised, with their cells, and those missing', () => {
    const out = parseGrid(workbook({ 'Tự đánh giá': [['Bảng'], ['STT', 'Cột 2', 'Cột 3', 'Tài liệu kiểm chứng']], 'Công văn': [['V/v']] }), m);
    expect(out.issues).toHaveLength(1);
    const i = out.issues[0]!;
    expect(i.code).toBe('E_NO_HEADER_SHEET');
    expect(i.location).toEqual({ file: 'book.xlsx', sheet: 'Tự đánh giá' });
    expect(i.params).toEqual({
      sheets: '"Tự đánh giá", "Công văn"',
      found: '"STT" (A2), "Tài liệu kiểm chứng" (D2)',
      missing: '"Tên chỉ số" / "Nội dung", "Giá trị" / "Điểm tự đánh giá"',
    });
  });

  it('does not list the long CSV layout\'s column names', () => {
    const out = parseGrid(workbook({ Sheet1: rows.map((r) => r.map((c) => (c === 'Nội dung chi tiết' ? 'Mô tả' : c))) }), m);
    for (const lang of ['vi', 'en'] as const) {
      const text = renderIssue(out.issues[0]!, lang);
      expect(text).not.toMatch(/agency_code|indicator, value/);
      expect(text).toContain('"Sheet1"');
      expect(text).toContain('"STT" (A2)');
    }
  });

  it('says when no column at all was recognised in a CSV file', () => {
    const out = parseGrid(grid([['foo', 'bar'], ['1', '2']]), m);
    expect(out.issues.map((i) => i.code)).toEqual(['E_NO_HEADER']);
    expect(out.issues[0]!.params.found).toBe('—');
    expect(renderIssue(out.issues[0]!, 'vi')).toContain(t('E_NO_HEADER', 'vi', out.issues[0]!.params));
  });
});

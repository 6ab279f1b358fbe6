import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { scoreAndRank } from '../../src/pipeline.js';
import type { ResultsDoc } from '../../src/results/schema.js';
import { resultsWorkbook } from '../../src/report/workbook.js';
import { documentDate, pinZipEntryTimes, zipEntryNames } from '../../src/report/workbook-dates.js';
import { parseGrid } from '../../src/submission/parse.js';
import { LONG_HEADER, TINY, grid, model } from '../helpers/build.js';

// The grid is inline, so the file readers behind the pipeline are never called; standing them
// in keeps this test independent of the sheets layer (xlsx and CSV readers).
vi.mock('../../src/submission/read.js', () => ({
  readSubmissions: () => {
    throw new Error('not used');
  },
}));

const FRAMEWORK = {
  ...TINY,
  name: { vi: 'Bộ chỉ số thử', en: 'Test framework' },
  groups: [
    { id: 'dept', name: { vi: 'Sở, ban, ngành', en: 'Departments' } },
    { id: 'dist', name: { vi: 'Cấp huyện', en: 'Districts' } },
  ],
  classes: [
    { code: 'good', name: { vi: 'Tốt', en: 'Good' }, min: 0.7 },
    { code: 'fair', name: { vi: 'Khá', en: 'Fair' }, min: 0.5 },
  ],
};

/** [code, name, group, indicator, value, numerator, denominator, points, evidence] */
type Row = [string, string, string, string, string | number | null, number | null, number | null, number | null, string | null];

const ROWS: Row[] = [
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '1.1', 'có', null, null, null, 'https://example.gov.vn/ke-hoach.pdf'],
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '1.2', null, 3, 4, 25, 'https://example.gov.vn/hop.pdf'],
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '2.1', 60, null, null, null, null],
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '2.2', null, null, null, 20, null],
  ['D2', '=HYPERLINK("http://x")', 'dept', '1.1', 'không', null, null, null, null],
  ['D2', '=HYPERLINK("http://x")', 'dept', '1.2', null, 1, 2, 20, 'javascript:alert(1)'],
  ['D2', '=HYPERLINK("http://x")', 'dept', '2.1', 80, null, null, null, null],
  ['D2', '=HYPERLINK("http://x")', 'dept', '2.2', null, null, null, 25, null],
  ['D3', '+1', 'dept', '1.1', 'có', null, null, null, 'x'],
  ['D3', '+1', 'dept', '1.2', null, 1, 4, null, null],
  ['D3', '+1', 'dept', '2.1', 20, null, null, null, null],
  ['D3', '+1', 'dept', '2.2', null, null, null, 10, null],
  ['D4', '@Sở Y tế', 'dept', '1.1', 'có', null, null, null, 'x'],
  ['D4', '@Sở Y tế', 'dept', '1.2', null, 0, 4, null, null],
  ['D4', '@Sở Y tế', 'dept', '2.1', 10, null, null, null, null],
  ['D4', '@Sở Y tế', 'dept', '2.2', null, null, null, 5, null],
  ['X1', 'Huyện Diên Khánh', 'dist', '1.1', 'có', null, null, null, 'x'],
  ['X1', 'Huyện Diên Khánh', 'dist', '1.2', null, 1, 4, null, null],
  ['X1', 'Huyện Diên Khánh', 'dist', '2.1', 40, null, null, null, null],
  ['X1', 'Huyện Diên Khánh', 'dist', '3.1', 5, null, null, null, null],
  ['X2', '-Huyện Cam Lâm', 'dist', '1.1', 'có', null, null, null, 'x'],
  ['X2', '-Huyện Cam Lâm', 'dist', '1.2', null, 4, 4, null, null],
  ['X2', '-Huyện Cam Lâm', 'dist', '2.1', 80, null, null, null, null],
  ['X2', '-Huyện Cam Lâm', 'dist', '3.1', 10, null, null, null, null],
];

const INPUTS = [{ file: 'nop/so-tttt.csv', sha256: 'ab'.repeat(32) }];

function run(framework: object = FRAMEWORK, lang: 'vi' | 'en' = 'vi') {
  const m = model(framework);
  const rows = [LONG_HEADER, ...ROWS.map(([code, name, group, ind, value, num, den, pts, ev]) => [code, name, group, 2023, ind, value, num, den, pts, ev, null])];
  const parsed = parseGrid(grid(rows, 'nop/so-tttt.csv'), m);
  expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const { results } = scoreAndRank(m, parsed.submissions, parsed.issues, INPUTS, lang);
  return { m, doc: results };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Values of a row from column 1, empty cells as null. */
function rowValues(ws: ExcelJS.Worksheet, row: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ws.getCell(row, i + 1).value ?? null);
}

/** Row number of the first cell in column `col` whose value is `value`. */
function findRow(ws: ExcelJS.Worksheet, col: number, value: unknown): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === value) return r;
  throw new Error(`${String(value)} not found in column ${col} of ${ws.name}`);
}

/** exceljs reads conditional formats back but does not declare them. */
function colourScales(ws: ExcelJS.Worksheet): { ref: string; rules: { type: string }[] }[] {
  return (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
}

function headerColumn(ws: ExcelJS.Worksheet, row: number, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(row, c).value === header) return c;
  throw new Error(`header ${header} not found in row ${row} of ${ws.name}`);
}

describe('ranked workbook', async () => {
  const { m, doc } = run();
  const bytes = await resultsWorkbook(doc, m, { lang: 'vi' });
  const wb = await load(bytes);

  it('has the ranking, the main indicators, one sheet per main indicator, detail, self vs computed, issues and method', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Xếp hạng',
      'Chỉ số chính',
      '1 Awareness',
      '2 Government',
      '3 Society',
      'Chi tiết',
      'Tự chấm – Thẩm định',
      'Vấn đề',
      'Phương pháp',
    ]);
  });

  it('ranks each group in its own table with title and header rows', () => {
    const ws = sheet(wb, 'Xếp hạng');
    expect(ws.getCell('A1').value).toBe('Kết quả xếp hạng chỉ số chuyển đổi số (DTI) – Bộ chỉ số thử – năm 2023');
    expect(ws.getCell('A2').value).toBe('Nhóm: Sở, ban, ngành (4 đơn vị, tối đa 100 điểm)');
    // Without last year's results there is no rank-change column; main indicators have their own sheet.
    const header = rowValues(ws, 3, 7);
    expect(header).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Điểm', 'Chỉ số DTI', 'Xếp loại', 'Trụ cột Government: chỉ số']);
    const pillarRank = headerColumn(ws, 3, 'Trụ cột Society: hạng');
    expect(pillarRank).toBe(ws.getRow(3).cellCount);
    const mains = sheet(wb, 'Chỉ số chính');
    expect(rowValues(mains, 3, 5)).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị', '1 Awareness: chỉ số', '1: hạng']);

    const dept = doc.groups.find((g) => g.id === 'dept')!;
    expect(dept.agencies.map((a) => [a.code, a.rank])).toEqual([
      ['D1', 1],
      ['D2', 2],
      ['D3', 3],
      ['D4', 4],
    ]);
    dept.agencies.forEach((a, i) => {
      const r = 4 + i;
      expect(rowValues(ws, r, 6)).toEqual([a.rank, a.code, a.name, a.points, a.index, a.class?.name.vi ?? null]);
      expect(mains.getCell(r, 4).value).toBe(a.indicators.find((x) => x.code === '1')!.index);
      expect(mains.getCell(r, 5).value).toBe(a.indicators.find((x) => x.code === '1')!.rank);
    });
    // D1: 10 + 22.5 (3/4 of 30) + 22.5 (60 % of a target of 80 %, of 30) + 20 = 75 of 100.
    expect(rowValues(ws, 4, 6)).toEqual([1, 'D1', 'Sở Thông tin và Truyền thông', 75, 0.75, 'Tốt']);
    expect(rowValues(ws, 7, 6)).toEqual([4, 'D4', '@Sở Y tế', 18.75, 0.1875, null]);

    const distTitle = findRow(ws, 1, 'Nhóm: Cấp huyện (2 đơn vị, tối đa 100 điểm)');
    expect(distTitle).toBe(4 + 4 + 1);
    expect(ws.getCell(distTitle + 1, 1).value).toBe('Hạng');
    expect(rowValues(ws, distTitle + 2, 3)).toEqual([1, 'X2', '-Huyện Cam Lâm']);
    expect(rowValues(ws, distTitle + 3, 3)).toEqual([2, 'X1', 'Huyện Diên Khánh']);
    // Indicator 2.2 is for departments only: the Society index is blank for them, set for districts.
    const society = headerColumn(mains, 3, '3 Society: chỉ số');
    expect(mains.getCell(4, society).value).toBeNull();
    expect(mains.getCell(distTitle + 2, society).value).toBe(1);
  });

  it('marks the top three rows bold with a light fill', () => {
    const ws = sheet(wb, 'Xếp hạng');
    for (const r of [4, 5, 6]) {
      expect(ws.getCell(r, 3).font?.bold).toBe(true);
      expect(ws.getCell(r, 3).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    expect(ws.getCell(7, 3).font?.bold).toBeFalsy();
    expect(ws.getCell(7, 3).fill?.type === 'pattern' ? ws.getCell(7, 3).fill : undefined).not.toMatchObject({ pattern: 'solid' });
  });

  it('formats points, indices and ranks at the framework precision', () => {
    const ws = sheet(wb, 'Xếp hạng');
    expect(ws.getCell(4, 4).numFmt).toBe('0.00');
    expect(ws.getCell(4, 5).numFmt).toBe('0.0000');
    const mains = sheet(wb, 'Chỉ số chính');
    expect(mains.getCell(4, 4).numFmt).toBe('0.0000');
    expect(mains.getCell(4, 5).numFmt).toBe('0');
  });

  it('freezes header rows, scales index colours and sets up printing', () => {
    const ranking = sheet(wb, 'Xếp hạng');
    // Two groups: the identity columns (rank, code, name) and the sheet title are frozen.
    expect(ranking.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    // The streaming writer makes no Excel tables; with two groups the sheet has no filter (a sheet has one).
    expect(Object.keys((ranking as unknown as { tables: Record<string, unknown> }).tables)).toEqual([]);
    expect(ranking.autoFilter).toBeUndefined();
    const cf = colourScales(ranking);
    expect(cf.length).toBeGreaterThan(0);
    expect(cf.every((c) => c.rules[0]?.type === 'colorScale')).toBe(true);
    expect(cf.map((c) => c.ref)).toContain('E4:E7');
    // One hue, light to dark: no red–green pair, readable to colour-blind readers and in grey print.
    const colours = (cf[0]!.rules[0] as unknown as { color: { argb: string }[] }).color.map((c) => c.argb);
    const lightness = colours.map((argb) => [1, 3, 5].reduce((sum, i) => sum + parseInt(argb.slice(2 + i - 1, 2 + i + 1), 16), 0));
    expect(lightness).toEqual([...lightness].sort((a, b) => b - a));
    expect(colours.every((argb) => parseInt(argb.slice(6, 8), 16) >= parseInt(argb.slice(2, 4), 16))).toBe(true);
    // Small groups: each starts its own printed page, with its own title and header.
    expect(ranking.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ranking.headerFooter.oddHeader).toContain('Kết quả xếp hạng chỉ số chuyển đổi số (DTI)');
    expect(ranking.headerFooter.oddFooter).toBe('&CTrang &P/&N');

    const detail = sheet(wb, 'Chi tiết');
    expect(detail.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(detail.autoFilter).toBe(`A1:${detail.getColumn(detail.columnCount).letter}7`);

    const issues = sheet(wb, 'Vấn đề');
    expect(issues.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(issues.autoFilter).toMatch(/^A1:F\d+$/);
  });

  it('fits column widths to Vietnamese text, within a cap', () => {
    const ws = sheet(wb, 'Xếp hạng');
    const name = ws.getColumn(3).width!;
    expect(name).toBeGreaterThanOrEqual('Sở Thông tin và Truyền thông'.length);
    expect(name).toBeLessThanOrEqual(62);
    expect(ws.getColumn(1).width).toBeLessThan(20);
    // The long pillar headers wrap onto several lines; their row is tall enough for them.
    const pillar = headerColumn(ws, 3, 'Trụ cột Government: chỉ số');
    expect(ws.getCell(3, pillar).alignment?.wrapText).toBe(true);
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(45);
  });

  it('writes one sheet per main indicator with its sub-indicators, points, index and rank', () => {
    const ws = sheet(wb, '2 Government');
    expect(rowValues(ws, 1, 8)).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Nhóm', '2.1 Online services', '2.2 Portal', '2 Government: điểm', 'Chỉ số']);
    // D1: 2.1 at 60 % with full points at 80 % → 22.5; 2.2 manual 20.
    const d1 = findRow(ws, 2, 'D1');
    expect(rowValues(ws, d1, 8)).toEqual([2, 'D1', 'Sở Thông tin và Truyền thông', 'Sở, ban, ngành', 22.5, 20, 42.5, 0.7083]);
    // Rows sorted by this indicator's rank within each group; 2.2 does not apply to districts.
    expect(rowValues(ws, 2, 2)).toEqual([1, 'D2']);
    const x2 = findRow(ws, 2, 'X2');
    expect(rowValues(ws, x2, 7)).toEqual([1, 'X2', '-Huyện Cam Lâm', 'Cấp huyện', 30, null, 30]);
    expect(ws.autoFilter).toBe('A1:H7');
    expect(colourScales(ws).map((c) => c.ref)).toEqual(['H2:H5', 'H6:H7']);
  });

  it('lists every leaf with points and compact inputs in the detail sheet', () => {
    const ws = sheet(wb, 'Chi tiết');
    expect(rowValues(ws, 1, 7)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Nhóm', '1.1', '1.1: dữ liệu', '1.2', '1.2: dữ liệu']);
    const d1 = findRow(ws, 1, 'D1');
    expect(rowValues(ws, d1, 11)).toEqual(['D1', 'Sở Thông tin và Truyền thông', 'Sở, ban, ngành', 10, 'có', 22.5, '3/4', 22.5, '60', 20, '20']);
    const d2 = findRow(ws, 1, 'D2');
    expect(ws.getCell(d2, 5).value).toBe('không');
  });

  it('lists self-scored points that differ from the computed ones, with http(s) evidence as links only', () => {
    const ws = sheet(wb, 'Tự chấm – Thẩm định');
    expect(rowValues(ws, 1, 11)).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã chỉ số',
      'Tên chỉ số',
      'Điểm tự chấm',
      'Điểm tính toán',
      'Điểm thẩm định',
      'Chênh lệch (kết quả − tự chấm)',
      'Lý do điều chỉnh',
      'Người thẩm định',
      'Tài liệu kiểm chứng',
    ]);
    expect(rowValues(ws, 2, 10)).toEqual(['D1', 'Sở Thông tin và Truyền thông', '1.2', 'Meetings', 25, 22.5, null, -2.5, null, null]);
    expect(ws.getCell(2, 11).value).toEqual({ text: 'https://example.gov.vn/hop.pdf', hyperlink: 'https://example.gov.vn/hop.pdf' });
    expect(rowValues(ws, 3, 10)).toEqual(['D2', '=HYPERLINK("http://x")', '1.2', 'Meetings', 20, 15, null, -5, null, null]);
    expect(ws.getCell(3, 11).value).toBe('javascript:alert(1)');
    expect(ws.getCell(4, 1).value).toBeNull();
  });

  it('shows the appraisal council\'s points beside the self-scored and computed ones, with the reason and reviewer', async () => {
    const m = model(FRAMEWORK);
    const rows = [LONG_HEADER, ...ROWS.map(([code, name, group, ind, value, num, den, pts, ev]) => [code, name, group, 2023, ind, value, num, den, pts, ev, null])];
    const parsed = parseGrid(grid(rows, 'nop/so-tttt.csv'), m);
    const loc = { file: 'tham-dinh.csv', row: 2, column: 3 };
    const adjustments = [
      // Self 25, computed 22.5, approved 20: the difference is counted from what counts.
      { agency: 'D1', indicator: '1.2', points: { raw: 20, loc }, reason: 'Thiếu biên bản họp quý IV', reviewer: 'Tổ thẩm định số 1', loc },
      // No self-score: computed 22.5 (60 % against an 80 % target), corrected to 80 %: 30.
      { agency: 'D1', indicator: '2.1', value: { raw: 80, loc: { ...loc, row: 3 } }, reason: 'Số liệu Cổng DVC', loc: { ...loc, row: 3 } },
    ];
    const { results } = scoreAndRank(m, parsed.submissions, parsed.issues, INPUTS, 'vi', adjustments);
    const ws = sheet(await load(await resultsWorkbook(results, m, { lang: 'vi' })), 'Tự chấm – Thẩm định');
    expect(rowValues(ws, 2, 10)).toEqual(['D1', 'Sở Thông tin và Truyền thông', '1.2', 'Meetings', 25, 22.5, 20, -5, 'Thiếu biên bản họp quý IV', 'Tổ thẩm định số 1']);
    expect(rowValues(ws, 3, 10)).toEqual(['D1', 'Sở Thông tin và Truyền thông', '2.1', 'Online services', null, 22.5, 30, null, 'Số liệu Cổng DVC', null]);
    expect(ws.getCell(4, 1).value).toBe('D2');
  });

  it('lists every issue with severity, code, file and message', () => {
    const ws = sheet(wb, 'Vấn đề');
    expect(rowValues(ws, 1, 6)).toEqual(['Mức độ', 'Mã vấn đề', 'Tệp', 'Trang tính', 'Vị trí', 'Nội dung']);
    expect(ws.rowCount).toBe(doc.issues.length + 1);
    const self = findRow(ws, 2, 'W_SELF_SCORE_DIFFERS');
    expect(ws.getCell(self, 1).value).toBe('cảnh báo');
    expect(ws.getCell(self, 3).value).toBe('nop/so-tttt.csv');
    expect(ws.getCell(self, 6).value).toBe(doc.issues.find((i) => i.code === 'W_SELF_SCORE_DIFFERS')!.message);
  });

  it('records the method: framework, settings, rules in words, input hashes and tool version', () => {
    const ws = sheet(wb, 'Phương pháp');
    const value = (label: string) => ws.getCell(findRow(ws, 1, label), 2).value;
    expect(value('Mã bộ chỉ số')).toBe('tiny');
    expect(value('Tên bộ chỉ số')).toBe('Bộ chỉ số thử');
    expect(value('Phiên bản')).toBe('1');
    expect(value('Năm đánh giá')).toBe(2023);
    expect(value('Điểm tối đa – Sở, ban, ngành')).toBe(100);
    expect(value('Số chữ số thập phân của điểm')).toBe(2);
    expect(value('Số chữ số thập phân của chỉ số')).toBe(4);
    expect(value('Xét đồng hạng')).toBe('theo giá trị chính xác');
    expect(value('Công cụ tính')).toBe(`dti ${doc.tool.version}`);
    const leaf = findRow(ws, 1, '2.1');
    expect(rowValues(ws, leaf, 6)).toEqual(['2.1', 'Online services', 30, 30, null, 'tỷ lệ tử số/mẫu số, đạt 80% là đủ điểm']);
    expect(ws.getCell(findRow(ws, 1, '2.2'), 4).value).toBeNull();
    expect(ws.getCell(findRow(ws, 1, '1.1'), 5).value).toBe('có');
    const file = findRow(ws, 1, 'nop/so-tttt.csv');
    expect(ws.getCell(file, 2).value).toBe('ab'.repeat(32));
  });

  it('stores text that looks like a formula as text', () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      );
    }
    const ws = sheet(wb, 'Xếp hạng');
    for (const name of ['=HYPERLINK("http://x")', '+1', '@Sở Y tế', '-Huyện Cam Lâm']) {
      const cell = ws.getCell(findRow(ws, 3, name), 3);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
    }
    // And in the XML itself: no <f> element anywhere.
    const xml = new TextDecoder().decode(bytes);
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('is byte-identical from one run to the next, with fixed dates', async () => {
    const again = await resultsWorkbook(run().doc, m, { lang: 'vi' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(wb.creator).toBe('dti');
    expect(wb.lastModifiedBy).toBe('dti');
    expect(wb.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    // Every zip entry carries the same fixed time (the entries' order is the streaming writer's).
    expect(Buffer.from(pinZipEntryTimes(bytes)).equals(Buffer.from(bytes))).toBe(true);
    expect(zipEntryNames(bytes)).toContain('[Content_Types].xml');

    const epoch = await resultsWorkbook(doc, m, { lang: 'vi', sourceDateEpoch: 1700000000 });
    expect((await load(epoch)).created.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(Buffer.from(epoch).equals(Buffer.from(bytes))).toBe(false);
  });

  it('writes labels in English with lang en', async () => {
    const en = run(FRAMEWORK, 'en');
    const book = await load(await resultsWorkbook(en.doc, en.m, { lang: 'en' }));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Main indicators', '1 Awareness', '2 Government', '3 Society', 'Detail', 'Self vs computed', 'Issues', 'Method']);
    const ws = sheet(book, 'Ranking');
    expect(ws.getCell('A2').value).toBe('Group: Departments (4 agencies, max 100 points)');
    expect(rowValues(ws, 3, 6)).toEqual(['Rank', 'Agency code', 'Agency name', 'Points', 'DTI index', 'Class']);
    expect(ws.getCell('F4').value).toBe('Good');
    expect(ws.headerFooter.oddFooter).toBe('&CPage &P of &N');
    expect(sheet(book, 'Method').getCell(findRow(sheet(book, 'Method'), 1, 'Ties judged on'), 2).value).toBe('the exact value');
  });
});

describe('workbook options', () => {
  it('shows indices as percentages with two fewer decimals, and freezes a lone group with its title and header', async () => {
    const framework = { ...FRAMEWORK, precision: { points: 1, index: 4, indexDisplay: 'percent' } };
    const { m, doc } = run(framework);
    const one: ResultsDoc = { ...doc, groups: doc.groups.filter((g) => g.id === 'dept') };
    const wb = await load(await resultsWorkbook(one, m, { lang: 'vi' }));
    const ws = sheet(wb, 'Xếp hạng');
    expect(ws.getCell('D4').numFmt).toBe('0.0');
    expect(ws.getCell('E4').numFmt).toBe('0.00%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
    // The title is in every page's header; the table's header row is repeated.
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    // One group: a filter over its header and rows.
    expect(ws.autoFilter).toBe('A3:J7');
    // Indicator 3 is for districts only: no district, no sheet.
    expect(wb.worksheets.map((w) => w.name)).not.toContain('3 Society');
  });

  it('makes sheet names Excel accepts: no forbidden characters, 31 characters at most, unique', async () => {
    const long = structuredClone(FRAMEWORK) as typeof FRAMEWORK;
    long.indicators[0]!.name = { vi: "Nhận thức số: [cấp tỉnh] / 'huyện' *?\\ và nhiều chữ hơn nữa", en: 'x' } as never;
    // Codes differing only in case give sheet names Excel sees as equal.
    long.indicators[0]!.code = 'A' as never;
    long.indicators[1]!.code = 'a' as never;
    long.indicators[1]!.name = long.indicators[0]!.name;
    const { m, doc } = run(long);
    const names = (await load(await resultsWorkbook(doc, m, { lang: 'vi' }))).worksheets.map((w) => w.name);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\']/);
    }
    expect(names[2]).toBe('A Nhận thức số cấp tỉnh ’huyện’');
    expect(names[3]).toBe('a Nhận thức số cấp tỉnh ’hu (2)');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('writes a workbook with nothing scored', async () => {
    const { m, doc } = run();
    const empty: ResultsDoc = { ...doc, groups: doc.groups.map((g) => ({ ...g, agencies: [] })), issues: [] };
    const wb = await load(await resultsWorkbook(empty, m, { lang: 'vi' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'Chi tiết', 'Tự chấm – Thẩm định', 'Vấn đề', 'Phương pháp']);
    expect(sheet(wb, 'Vấn đề').autoFilter).toBe('A1:F1');
  });

  it('rejects a source date that is not a whole number of seconds', async () => {
    expect(() => documentDate(1.5)).toThrow(RangeError);
    expect(documentDate(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('zip entry times', () => {
  it('sets every entry to 1980-01-01 00:00 and changes nothing else', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 'x';
    const raw = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const pinned = pinZipEntryTimes(raw);
    expect(pinned.length).toBe(raw.length);
    const view = new DataView(pinned.buffer, pinned.byteOffset, pinned.byteLength);
    let changed = 0;
    for (let i = 0; i < raw.length; i++) if (raw[i] !== pinned[i]) changed++;
    expect(changed).toBeLessThanOrEqual(zipEntryNames(raw).length * 8);
    // The first local header: time 0, date 1980-01-01.
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(0x21);
    expect(zipEntryNames(pinned)).toEqual(zipEntryNames(raw));
    await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(pinned) as unknown as ArrayBuffer)).resolves.toBeDefined();
  });

  it('refuses what is not a zip archive', () => {
    expect(() => pinZipEntryTimes(new Uint8Array(100))).toThrow(/central directory/);
  });
});

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v libreoffice'], { encoding: 'utf8' }).status === 0;

describe('LibreOffice', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  if (!hasLibreOffice) {
    // eslint-disable-next-line no-console
    console.warn('LibreOffice (libreoffice) is not on PATH: the workbook conversion check is skipped');
  }

  it.skipIf(!hasLibreOffice)(
    'opens the workbook and converts its first sheet to CSV with the agency names',
    async () => {
      const { m, doc } = run();
      const dir = mkdtempSync(join(tmpdir(), 'dti-wb-'));
      dirs.push(dir);
      const file = join(dir, 'ket-qua.xlsx');
      writeFileSync(file, await resultsWorkbook(doc, m, { lang: 'vi' }));
      execFileSync(
        'libreoffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', join(dir, 'out'), file],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const out = readdirSync(join(dir, 'out'));
      expect(out).toContain('ket-qua.csv');
      const csv = readFileSync(join(dir, 'out', 'ket-qua.csv'), 'utf8');
      expect(csv).toContain('Sở Thông tin và Truyền thông');
      expect(csv).toContain('=HYPERLINK(');
    },
    180_000,
  );
});

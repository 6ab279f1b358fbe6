import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { compareYears } from '../../src/compare/compare.js';
import { readPrevious, readUnitsMap } from '../../src/compare/read-previous.js';
import { hasMessage, t } from '../../src/i18n/catalog.js';
import { renderIssue } from '../../src/i18n/render.js';
import { scoreAndRank } from '../../src/pipeline.js';
import { resultsJson } from '../../src/report/json.js';
import { resultsWorkbook } from '../../src/report/workbook.js';
import { resultsSchema, type ResultsDoc } from '../../src/results/schema.js';
import { parseGrid } from '../../src/submission/parse.js';
import { LONG_HEADER, TINY, grid, model } from '../helpers/build.js';

const dir = mkdtempSync(join(tmpdir(), 'dti-previous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FRAMEWORK = {
  ...TINY,
  name: { vi: 'Bộ chỉ số thử', en: 'Test framework' },
  groups: [
    { id: 'dept', name: { vi: 'Sở, ban, ngành', en: 'Departments' } },
    { id: 'dist', name: { vi: 'Cấp huyện', en: 'Districts' } },
  ],
  pillars: [
    { code: 'gov', name: { vi: 'Chính quyền số', en: 'Government' } },
    { code: 'soc', name: { vi: 'Xã hội số', en: 'Society' } },
  ],
  classes: [
    { code: 'good', name: { vi: 'Tốt', en: 'Good' }, min: 0.7 },
    { code: 'fair', name: { vi: 'Khá', en: 'Fair' }, min: 0.5 },
  ],
};

/** [code, name, group, indicator, value, numerator, denominator, points] */
type Row = [string, string, string, string, string | number | null, number | null, number | null, number | null];

const ROWS: Row[] = [
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '1.1', 'có', null, null, null],
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '1.2', null, 3, 4, null],
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '2.1', 60, null, null, null],
  ['D1', 'Sở Thông tin và Truyền thông', 'dept', '2.2', null, null, null, 20],
  ['D2', 'Sở Y tế | Ban "A"', 'dept', '1.1', 'không', null, null, null],
  ['D2', 'Sở Y tế | Ban "A"', 'dept', '1.2', null, 1, 2, null],
  ['D2', 'Sở Y tế | Ban "A"', 'dept', '2.1', 80, null, null, null],
  ['D2', 'Sở Y tế | Ban "A"', 'dept', '2.2', null, null, null, 25],
  ['D3', '=HYPERLINK("http://x")', 'dept', '1.1', 'có', null, null, null],
  ['D3', '=HYPERLINK("http://x")', 'dept', '1.2', null, 1, 4, null],
  ['D3', '=HYPERLINK("http://x")', 'dept', '2.1', 20, null, null, null],
  ['D3', '=HYPERLINK("http://x")', 'dept', '2.2', null, null, null, 10],
  // D4 ties D3 on every value: both third.
  ['D4', 'Sở Nội vụ', 'dept', '1.1', 'có', null, null, null],
  ['D4', 'Sở Nội vụ', 'dept', '1.2', null, 1, 4, null],
  ['D4', 'Sở Nội vụ', 'dept', '2.1', 20, null, null, null],
  ['D4', 'Sở Nội vụ', 'dept', '2.2', null, null, null, 10],
  ['X1', 'Huyện Diên Khánh', 'dist', '1.1', 'có', null, null, null],
  ['X1', 'Huyện Diên Khánh', 'dist', '1.2', null, 1, 4, null],
  ['X1', 'Huyện Diên Khánh', 'dist', '2.1', 40, null, null, null],
  ['X1', 'Huyện Diên Khánh', 'dist', '3.1', 5, null, null, null],
  ['X2', 'Huyện Cam Lâm', 'dist', '1.1', 'có', null, null, null],
  ['X2', 'Huyện Cam Lâm', 'dist', '1.2', null, 4, 4, null],
  ['X2', 'Huyện Cam Lâm', 'dist', '2.1', 80, null, null, null],
  ['X2', 'Huyện Cam Lâm', 'dist', '3.1', 10, null, null, null],
];

function run(framework: object = FRAMEWORK, lang: 'vi' | 'en' = 'vi', rows: Row[] = ROWS) {
  const m = model(framework);
  const lines = [LONG_HEADER, ...rows.map(([code, name, group, ind, value, num, den, pts]) => [code, name, group, 2023, ind, value, num, den, pts, null, null])];
  const parsed = parseGrid(grid(lines, 'nop/2023.csv'), m);
  const { results } = scoreAndRank(m, parsed.submissions, parsed.issues, [{ file: 'nop/2023.csv', sha256: 'ab'.repeat(32) }], lang);
  return { m, doc: results };
}

async function workbookFile(name: string, framework: object = FRAMEWORK, lang: 'vi' | 'en' = 'vi', rows?: Row[]) {
  const { m, doc } = run(framework, lang, rows);
  const file = join(dir, name);
  writeFileSync(file, await resultsWorkbook(doc, m, { lang }));
  return { doc, file };
}

/** What the ranking sheet shows of a document, to compare a document with its workbook read back. */
function shown(doc: ResultsDoc) {
  return doc.groups.map((g) => ({
    id: g.id,
    ranked: g.ranked,
    maxPoints: g.maxPoints,
    agencies: g.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      points: a.points,
      index: a.index,
      rank: a.rank,
      complete: a.complete,
      class: a.class?.name.vi,
      indicators: a.indicators.map((i) => [i.code, i.index, i.rank]),
    })),
  }));
}

describe('results.json', () => {
  it('reads back exactly what was written', () => {
    const { doc } = run();
    const file = join(dir, 'results.json');
    writeFileSync(file, resultsJson(doc));
    const back = readPrevious(file);
    expect(back.issues).toEqual([]);
    expect(back.doc).toEqual(doc);
  });

  it('accepts a byte order mark', () => {
    const { doc } = run();
    const file = join(dir, 'bom.json');
    writeFileSync(file, '\uFEFF' + resultsJson(doc));
    expect(readPrevious(file).doc).toEqual(doc);
  });

  it('refuses JSON that is not a results document, naming the file and the first problems', () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ tool: { name: 'dti', version: '1' }, groups: [{ id: 'x' }] }));
    const back = readPrevious(file);
    expect(back.doc).toBeUndefined();
    expect(back.issues).toHaveLength(1);
    const [found] = back.issues;
    expect(found).toMatchObject({ code: 'E_PREVIOUS_INVALID', severity: 'error', location: { file } });
    expect(renderIssue(found!, 'vi')).toContain(`Tệp ${file} không phải tệp kết quả DTI`);
    expect(renderIssue(found!, 'en')).toMatch(/is not a DTI results document .*: \w+/);
  });

  it('refuses text that is not JSON, an unknown extension and a missing file', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "tool": ');
    expect(readPrevious(file).issues.map((i) => i.code)).toEqual(['E_PREVIOUS_NOT_JSON']);
    const txt = join(dir, 'results.txt');
    writeFileSync(txt, 'x');
    expect(readPrevious(txt).issues.map((i) => [i.code, i.params])).toEqual([['E_PREVIOUS_FILE_TYPE', { ext: '.txt' }]]);
    expect(readPrevious(join(dir, 'nothing.json')).issues.map((i) => i.code)).toEqual(['E_FILE_UNREADABLE']);
  });
});

describe('a ranking sheet whose groups are longer than a printed page', async () => {
  // 40 departments: more than a landscape page holds, so the groups share one header row.
  const many: Row[] = Array.from({ length: 40 }, (_, i) => [`L${String(i).padStart(2, '0')}`, `Sở số ${i}`, 'dept', '2.1', (i * 7) % 100, null, null, null]);
  const { doc, file } = await workbookFile('long.xlsx', FRAMEWORK, 'vi', [...ROWS, ...many]);

  it('has one header row under the sheet title, repeated on every printed page, and none of each group\'s own', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Xếp hạng')!;
    expect(ws.getCell('B2').value).toBe('Mã đơn vị');
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const codeHeaders: number[] = [];
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === 'Mã đơn vị') codeHeaders.push(n);
    });
    expect(codeHeaders).toEqual([2]);
    expect(String(ws.getCell('A3').value)).toMatch(/^Nhóm: Sở, ban, ngành/);
  });

  it('reads back the same groups, agencies and main indicators', () => {
    const back = readPrevious(file);
    expect(back.issues.map((i) => i.code)).toEqual(['I_PREVIOUS_FROM_WORKBOOK']);
    expect(shown(back.doc!)).toEqual(shown(doc));
  });
});

describe('the ranked workbook read back', async () => {
  const { doc, file } = await workbookFile('ranked.xlsx');
  const back = readPrevious(file);

  it('gives the same groups, codes, names, points, indices, ranks and main indicators', () => {
    expect(back.issues.map((i) => i.code)).toEqual(['I_PREVIOUS_FROM_WORKBOOK']);
    expect(back.doc).toBeDefined();
    expect(shown(back.doc!)).toEqual(shown(doc));
    // D3 and D4 tie for third.
    expect(back.doc!.groups[0]!.agencies.map((a) => [a.code, a.rank])).toEqual([
      ['D1', 1],
      ['D2', 2],
      ['D3', 3],
      ['D4', 3],
    ]);
    expect(resultsSchema.safeParse(back.doc).success).toBe(true);
  });

  it('reads the framework settings and inputs from the method sheet', () => {
    expect(back.doc!.framework).toEqual({ ...doc.framework, name: { vi: doc.framework.name.vi, en: doc.framework.name.vi } });
    expect(back.doc!.lang).toBe('vi');
    expect(back.doc!.inputs).toEqual(doc.inputs);
    expect(back.doc!.tool).toEqual(doc.tool);
    expect(back.doc!.groups.map((g) => [g.id, g.name.vi])).toEqual([
      ['dept', 'Sở, ban, ngành'],
      ['dist', 'Cấp huyện'],
    ]);
  });

  it('compares with this year as the results document does', () => {
    const json = compareYears(doc, doc);
    const workbook = compareYears(doc, back.doc!);
    const view = (c: typeof json) => c.groups.map((g) => g.agencies.map((a) => [a.code, a.status, a.previous?.index, a.previous?.rank, a.rankChange, a.indicators.map((i) => i.previous)]));
    expect(view(workbook)).toEqual(view(json));
    // The workbook has no leaves: the leaf comparison is not made.
    expect(workbook.framework.leaves).toBeNull();
    expect(json.framework.leaves).not.toBeNull();
  });

  it('reads an English workbook', async () => {
    const en = await workbookFile('ranked-en.xlsx', FRAMEWORK, 'en');
    const read = readPrevious(en.file);
    expect(read.doc?.lang).toBe('en');
    expect(shown(read.doc!)).toEqual(shown(en.doc).map((g) => ({ ...g, agencies: g.agencies.map((a) => ({ ...a, class: en.doc.groups.flatMap((x) => x.agencies).find((x) => x.code === a.code)?.class?.name.en })) })));
    expect(read.doc!.framework.ties).toBe(en.doc.framework.ties);
  });

  it('reads indices shown as percentages, groups not ranked and incomplete agencies', async () => {
    const framework = {
      ...FRAMEWORK,
      precision: { points: 2, index: 4, indexDisplay: 'percent' },
      missing: 'incomplete',
      groups: [FRAMEWORK.groups[0], { ...FRAMEWORK.groups[1], ranked: false }],
    };
    // D4 gives nothing for 2.2: incomplete, not ranked.
    const rows = ROWS.filter((r) => !(r[0] === 'D4' && r[3] === '2.2'));
    const pct = await workbookFile('percent.xlsx', framework, 'vi', rows);
    const read = readPrevious(pct.file);
    expect(read.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(shown(read.doc!)).toEqual(shown(pct.doc));
    expect(read.doc!.framework.precision.indexDisplay).toBe('percent');
    expect(read.doc!.groups[1]!.ranked).toBe(false);
    const d4 = read.doc!.groups[0]!.agencies.find((a) => a.code === 'D4')!;
    expect(d4).toMatchObject({ rank: null, complete: false });
  });

  it('refuses a workbook without a ranking sheet', () => {
    const back = readPrevious('fixtures/khanh-hoa-2023/xlsx/BDT.xlsx');
    expect(back.doc).toBeUndefined();
    expect(back.issues.map((i) => i.code)).toEqual(['E_PREVIOUS_NO_RANKING']);
    expect(renderIssue(back.issues[0]!, 'vi')).toBe('Tệp fixtures/khanh-hoa-2023/xlsx/BDT.xlsx không có trang "Xếp hạng" (hoặc "Ranking") của bảng xếp hạng do dti ghi');
  });
});

describe('units map', () => {
  it('reads current_code, previous_code pairs', () => {
    expect(readUnitsMap('fixtures/khanh-hoa-2024/units-map.csv')).toEqual({
      map: [
        { current: 'NHVN', previous: 'NHO' },
        { current: 'NHVN', previous: 'VNI' },
      ],
      issues: [],
    });
  });

  it('reads Vietnamese headers, reports rows without a code and repeated pairs', () => {
    const file = join(dir, 'chuyen-doi.csv');
    writeFileSync(file, 'Bảng chuyển đổi đơn vị\nMã đơn vị mới;Mã đơn vị cũ\nDNG;DNG\nDNG;QNA\n;NTH\nDNG;QNA\n\n');
    const read = readUnitsMap(file);
    expect(read.map).toEqual([
      { current: 'DNG', previous: 'DNG' },
      { current: 'DNG', previous: 'QNA' },
    ]);
    expect(read.issues.map((i) => [i.code, i.location.row, i.params])).toEqual([
      ['E_UNITS_MAP_CODE_MISSING', 5, { column: 'Mã đơn vị mới' }],
      ['W_UNITS_MAP_DUPLICATE', 6, { current: 'DNG', previous: 'QNA', first: 4 }],
    ]);
    expect(renderIssue(read.issues[0]!, 'en')).toBe('This row has no code in the "Mã đơn vị mới" column; skipped');
  });

  it('refuses a file without the two columns', () => {
    const file = join(dir, 'no-header.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    expect(readUnitsMap(file).issues.map((i) => i.code)).toEqual(['E_UNITS_MAP_NO_HEADER']);
    const empty = join(dir, 'empty-map.csv');
    writeFileSync(empty, 'current_code,previous_code\n');
    expect(readUnitsMap(empty)).toEqual({ map: [], issues: [expect.objectContaining({ code: 'W_UNITS_MAP_EMPTY' })] });
  });
});

describe('messages', () => {
  it('has every reading code in both languages', () => {
    for (const code of [
      'E_PREVIOUS_NOT_JSON',
      'E_PREVIOUS_INVALID',
      'E_PREVIOUS_FILE_TYPE',
      'E_PREVIOUS_NO_RANKING',
      'E_PREVIOUS_NO_AGENCIES',
      'W_PREVIOUS_BAD_VALUE',
      'W_PREVIOUS_NO_METHOD',
      'I_PREVIOUS_FROM_WORKBOOK',
      'E_UNITS_MAP_NO_HEADER',
      'E_UNITS_MAP_CODE_MISSING',
      'W_UNITS_MAP_DUPLICATE',
      'W_UNITS_MAP_EMPTY',
      'WB_METHOD_GROUP_ID',
    ]) {
      expect(hasMessage(code), code).toBe(true);
      expect(t(code, 'vi')).not.toBe(t(code, 'en'));
    }
  });
});

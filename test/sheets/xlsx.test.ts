import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Grid, GridCell, GridSheet } from '../../src/core/grid.js';
import { hasMessage, t } from '../../src/i18n/catalog.js';
import { DEFAULT_XLSX_LIMITS, readXlsx, type XlsxLimits } from '../../src/sheets/xlsx/index.js';
import { excel, oneSheet, rawXlsx, worksheetXml, zipParts } from './xlsx-builder.js';

function read(bytes: Uint8Array, limits?: Partial<XlsxLimits>): Grid {
  const { grid, issues } = readXlsx(bytes, 'book.xlsx', limits);
  expect(issues).toEqual([]);
  expect(grid).toBeDefined();
  return grid!;
}

/** The values of a sheet as a matrix (undefined where there is no cell), for compact expectations. */
function values(sheet: GridSheet): (GridCell['value'] | undefined)[][] {
  return sheet.rows.map((row) => Array.from({ length: row.length }, (_, i) => row[i]?.value));
}

function cell(grid: Grid, ref: string, sheet = 0): GridCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return grid.sheets[sheet]!.rows[Number(m[2]) - 1]?.[column - 1];
}

function failure(bytes: Uint8Array, limits?: Partial<XlsxLimits>) {
  const result = readXlsx(bytes, 'book.xlsx', limits);
  expect(result.grid).toBeUndefined();
  expect(result.issues).toHaveLength(1);
  return result.issues[0]!;
}

describe('readXlsx: the workbook', () => {
  it('reads every sheet, by name, in workbook order', async () => {
    const bytes = await excel((wb) => {
      wb.addWorksheet('Tổng hợp').getCell('A1').value = 'a';
      wb.addWorksheet('Sở Y tế').getCell('A1').value = 'b';
      wb.addWorksheet('Huyện').getCell('A1').value = 'c';
    });
    expect(read(bytes).sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Sở Y tế', 'Huyện']);
  });

  it('marks hidden and very hidden sheets as hidden', async () => {
    const bytes = await excel((wb) => {
      wb.addWorksheet('Visible').getCell('A1').value = 1;
      wb.addWorksheet('Hidden', { state: 'hidden' }).getCell('A1').value = 2;
      wb.addWorksheet('VeryHidden', { state: 'veryHidden' }).getCell('A1').value = 3;
    });
    expect(read(bytes).sheets.map((s) => s.hidden ?? false)).toEqual([false, true, true]);
  });

  it('names the file, the kind and the SHA-256 of the bytes', async () => {
    const bytes = await excel((wb) => (wb.addWorksheet('S').getCell('A1').value = 1));
    const grid = read(bytes);
    expect(grid.file).toBe('book.xlsx');
    expect(grid.kind).toBe('xlsx');
    expect(grid.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('indexes rows by row number, with empty rows as empty lists and no trailing empty rows', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="3"><c r="C3"><v>5</v></c></row><row r="9"><c r="A9"/></row>'));
    const rows = grid.sheets[0]!.rows;
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([]);
    expect(rows[2]![2]).toEqual({ value: 5, row: 3, column: 3 });
    expect(rows[2]![0]).toBeUndefined();
  });

  it('skips chart sheets, which hold no cells', () => {
    const bytes = rawXlsx({
      sheets: [{ name: 'Data', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
      parts: {
        'xl/workbook.xml':
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rIdC"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      },
    });
    expect(read(bytes).sheets.map((s) => s.name)).toEqual(['Data']);
  });
});

describe('readXlsx: cell values', () => {
  it('reads shared strings', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Mã đơn vị', 'Tên đơn vị']);
      ws.addRow(['SYT', 'Sở Y tế']);
    });
    expect(values(read(bytes).sheets[0]!)).toEqual([
      ['Mã đơn vị', 'Tên đơn vị'],
      ['SYT', 'Sở Y tế'],
    ]);
  });

  it('reads inline strings', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Điểm tự chấm</t></is></c></row>'));
    expect(cell(grid, 'A1')?.value).toBe('Điểm tự chấm');
  });

  it('concatenates rich text runs and leaves out phonetic runs', () => {
    const sst = {
      xml:
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<si><r><rPr><b/></rPr><t>Chỉ số </t></r><r><t xml:space="preserve">1.1 </t></r><r><rPr><i/></rPr><t>(điểm)</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
        '</sst>',
    };
    const grid = read(oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>', { sharedStrings: sst }));
    expect(cell(grid, 'A1')?.value).toBe('Chỉ số 1.1 (điểm)');
    expect(cell(grid, 'B1')?.value).toBe('ab');
  });

  it('reads rich text written by exceljs', async () => {
    const bytes = await excel((wb) => {
      wb.addWorksheet('S').getCell('A1').value = { richText: [{ text: 'Nhận thức ', font: { bold: true } }, { text: 'số' }] };
    });
    expect(cell(read(bytes), 'A1')?.value).toBe('Nhận thức số');
  });

  it('reads the cached text of a formula that returns a string (t="str")', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="str"><f>UPPER("x")</f><v>X &amp; Y</v></c></row>'));
    expect(cell(grid, 'A1')).toEqual({ value: 'X & Y', row: 1, column: 1 });
  });

  it('reads booleans', async () => {
    const bytes = await excel((wb) => wb.addWorksheet('S').addRow([true, false]));
    expect(values(read(bytes).sheets[0]!)).toEqual([[true, false]]);
  });

  it('keeps plain numbers as numbers', async () => {
    const bytes = await excel((wb) => wb.addWorksheet('S').addRow([2023, 12.5, -0.25, 0]));
    expect(values(read(bytes).sheets[0]!)).toEqual([[2023, 12.5, -0.25, 0]]);
  });

  it('turns an error value into a cell problem with no value', () => {
    const grid = read(oneSheet('<row r="7"><c r="C7" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'));
    expect(cell(grid, 'C7')).toEqual({ value: null, row: 7, column: 3, problem: { code: 'E_CELL_ERROR', detail: '#DIV/0!' } });
  });

  it('uses the cached result of a formula, including a cached 0', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1"><f>2*3</f><v>6</v></c></row>'));
    expect(cell(grid, 'A1')).toEqual({ value: 0, row: 1, column: 1 });
    expect(cell(grid, 'B1')?.value).toBe(6);
  });

  it('reports a formula without a cached result as a cell problem naming the formula, never as 0', () => {
    const grid = read(oneSheet('<row r="4"><c r="D4"><f>SUM(D1:D3)</f></c></row>'));
    expect(cell(grid, 'D4')).toEqual({ value: null, row: 4, column: 4, problem: { code: 'E_FORMULA_NO_RESULT', detail: 'SUM(D1:D3)' } });
  });

  it('uses the cached values of shared formulas, and names the shared formula when one has none', () => {
    const grid = read(
      oneSheet(
        '<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>0</v></c></row>' +
          '<row r="3"><c r="B3"><f t="shared" si="0"/><v>8</v></c></row>' +
          '<row r="4"><c r="B4"><f t="shared" si="0"/></c></row>',
      ),
    );
    expect(cell(grid, 'B2')?.value).toBe(0);
    expect(cell(grid, 'B3')?.value).toBe(8);
    expect(cell(grid, 'B4')?.problem).toEqual({ code: 'E_FORMULA_NO_RESULT', detail: 'A2*2' });
  });

  it('reads formula results written by exceljs, including a result of 0', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 4;
      ws.getCell('B1').value = { formula: 'A1*0', result: 0 };
      ws.getCell('C1').value = { formula: 'A1*2', result: 8 };
    });
    expect(values(read(bytes).sheets[0]!)).toEqual([[4, 0, 8]]);
  });

  it('leaves out empty cells and cells holding empty text', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" s="0"/><c r="B1" t="inlineStr"><is><t></t></is></c><c r="C1"><v>1</v></c></row>'));
    expect(values(grid.sheets[0]!)).toEqual([[undefined, undefined, 1]]);
  });
});

describe('readXlsx: number formats', () => {
  it('reads a percent-formatted number as percent text with 15 significant digits', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow([0.658, 0.5, 1]);
      ws.getCell('A1').numFmt = '0.0%';
      ws.getCell('B1').numFmt = '0%';
      ws.getCell('C1').numFmt = '0.00%';
    });
    expect(values(read(bytes).sheets[0]!)).toEqual([['65.8%', '50%', '100%']]);
  });

  it('reads the built-in percent formats 9 and 10', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" s="1"><v>0.07</v></c><c r="B1" s="2"><v>0.1234</v></c></row>', { styles: { cellXfs: [0, 9, 10] } }));
    expect(values(grid.sheets[0]!)).toEqual([['7%', '12.34%']]);
  });

  it('reads a date-formatted number as an ISO date, in UTC', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = new Date(Date.UTC(2023, 2, 15));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    expect(cell(read(bytes), 'A1')?.value).toBe('2023-03-15');
  });

  it('reads a date with a time of day as an ISO date-time', () => {
    // 45000 is 2023-03-15; .4375 of a day is 10:30.
    const grid = read(oneSheet('<row r="1"><c r="A1" s="1"><v>45000.4375</v></c></row>', { styles: { cellXfs: [0, 22] } }));
    expect(cell(grid, 'A1')?.value).toBe('2023-03-15T10:30:00');
  });

  it('recognises custom date formats, with locale and colour prefixes and quoted text', () => {
    const grid = read(
      oneSheet('<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000</v></c><c r="C1" s="3"><v>45000</v></c></row>', {
        styles: { cellXfs: [0, 164, 165, 166], numFmts: { 164: '[$-42A]dd/mm/yyyy', 165: '[Red]d" tháng "m" năm "yyyy', 166: 'mmm\\-yy' } },
      }),
    );
    expect(values(grid.sheets[0]!)).toEqual([['2023-03-15', '2023-03-15', '2023-03-15']]);
  });

  it('reads a time of day alone as a time', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" s="1"><v>0.4375</v></c></row>', { styles: { cellXfs: [0, 164], numFmts: { 164: 'hh:mm AM/PM' } } }));
    expect(cell(grid, 'A1')?.value).toBe('10:30:00');
  });

  it('keeps numbers in other formats as numbers: thousands, currency, durations, text', () => {
    const grid = read(
      oneSheet('<row r="1"><c r="A1" s="1"><v>1234.5</v></c><c r="B1" s="2"><v>1500000</v></c><c r="C1" s="3"><v>1.5</v></c><c r="D1" s="4"><v>7</v></c></row>', {
        styles: { cellXfs: [0, 4, 164, 46, 49], numFmts: { 164: '#,##0 "₫";[Red]-#,##0 "₫"' } },
      }),
    );
    expect(values(grid.sheets[0]!)).toEqual([[1234.5, 1500000, 1.5, 7]]);
  });

  it('honours the 1904 date system', () => {
    // In the 1904 system serial 43538 is 2023-03-15 (1462 days less than in the 1900 system).
    const grid = read(oneSheet('<row r="1"><c r="A1" s="1"><v>43538</v></c></row>', { styles: { cellXfs: [0, 14] }, date1904: true }));
    expect(cell(grid, 'A1')?.value).toBe('2023-03-15');
  });

  it('reads dates before March 1900 without Lotus\'s phantom 29 February', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c><c r="C1" s="1"><v>61</v></c></row>', { styles: { cellXfs: [0, 14] } }));
    expect(values(grid.sheets[0]!)).toEqual([['1900-01-01', '1900-02-28', '1900-03-01']]);
  });
});

describe('readXlsx: merged cells, hidden rows, links', () => {
  it('records merged ranges and keeps the value only in the top-left cell', () => {
    const grid = read(
      oneSheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c></row>',
        { after: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>' },
      ),
    );
    expect(grid.sheets[0]!.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(values(grid.sheets[0]!)).toEqual([['Tiêu đề'], [undefined, undefined, 2]]);
  });

  it('reads merges written by exceljs', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'Nhóm';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = 1;
    });
    const grid = read(bytes);
    expect(grid.sheets[0]!.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(values(grid.sheets[0]!)).toEqual([['Nhóm'], [1]]);
  });

  it('lists hidden rows', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRows([['a'], ['b'], ['c']]);
      ws.getRow(2).hidden = true;
    });
    expect([...(read(bytes).sheets[0]!.hiddenRows ?? [])]).toEqual([2]);
  });

  it('attaches http(s) and mailto hyperlinks to their cells', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('E5').value = { text: 'Quyết định 123', hyperlink: 'https://vanban.gov.vn/qd-123.pdf' };
      ws.getCell('E6').value = { text: 'Liên hệ', hyperlink: 'mailto:dti@example.gov.vn' };
    });
    const grid = read(bytes);
    expect(cell(grid, 'E5')).toEqual({ value: 'Quyết định 123', row: 5, column: 5, link: 'https://vanban.gov.vn/qd-123.pdf' });
    expect(cell(grid, 'E6')?.link).toBe('mailto:dti@example.gov.vn');
  });

  it('drops hyperlinks to files, relative targets and places inside the workbook', () => {
    const grid = read(
      oneSheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>', {
        after: '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId2"/><hyperlink ref="C1" location="Sheet2!A1"/></hyperlinks>',
        links: { rId1: 'file:///C:/minh-chung.pdf', rId2: '../minh-chung/qd.pdf' },
      }),
    );
    expect(grid.sheets[0]!.rows[0]!.map((c) => c?.link)).toEqual([undefined, undefined, undefined]);
  });

  it('takes the target of a HYPERLINK formula as the link', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="str"><f>HYPERLINK("https://dti.gov.vn/a.pdf","Tài liệu")</f><v>Tài liệu</v></c></row>'));
    expect(cell(grid, 'A1')?.link).toBe('https://dti.gov.vn/a.pdf');
  });
});

describe('readXlsx: text', () => {
  it('normalises text to NFC and keeps non-breaking spaces', () => {
    const nfd = 'Nhận thức số'.normalize('NFD');
    const grid = read(oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${nfd}</t></is></c></row>`, { sharedStrings: [`Điểm\u00a0tự chấm`.normalize('NFD')] }));
    expect(cell(grid, 'A1')?.value).toBe('Nhận thức số'.normalize('NFC'));
    const shared = read(oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sharedStrings: [`Điểm\u00a0tự chấm`.normalize('NFD')] }));
    expect(cell(shared, 'A1')?.value).toBe('Điểm\u00a0tự chấm'.normalize('NFC'));
  });

  it('decodes XML entities, character references and Office _xHHHH_ escapes', () => {
    const grid = read(
      oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;b&gt; &amp; &quot;c&quot; &#273;&#x1EA1;</t></is></c><c r="B1" t="inlineStr"><is><t>dòng 1_x000D_\ndòng 2 _x005F_x000D_</t></is></c></row>'),
    );
    expect(cell(grid, 'A1')?.value).toBe('a <b> & "c" đạ');
    expect(cell(grid, 'B1')?.value).toBe('dòng 1\ndòng 2 _x000D_'); // CR LF is one break (test/sheets/xlsx-producers.test.ts)
  });

  it('reads text inside CDATA sections as it is', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a & <b>]]></t></is></c></row>'));
    expect(cell(grid, 'A1')?.value).toBe('a & <b>');
  });
});

describe('readXlsx: files from other producers', () => {
  it('resolves absolute part paths in the workbook rels', () => {
    const grid = read(rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['x'], absoluteTargets: true }));
    expect(cell(grid, 'A1')?.value).toBe('x');
  });

  it('reads a workbook without sharedStrings and styles parts', () => {
    const bytes = rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" s="3"><v>2</v></c></row>' }] });
    expect(values(read(bytes).sheets[0]!)).toEqual([['a', 2]]);
  });

  it('implies columns and rows from their position when cells and rows have no r attribute', () => {
    const grid = read(oneSheet('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row><c><v>2</v></c><c r="D2"><v>3</v></c><c><v>4</v></c></row>'));
    expect(values(grid.sheets[0]!)).toEqual([
      ['a', 1],
      [2, undefined, undefined, 3, 4],
    ]);
    expect(cell(grid, 'E2')).toEqual({ value: 4, row: 2, column: 5 });
  });

  it('reads elements written with a namespace prefix', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(values(read(rawXlsx({ sheets: [{ name: 'S', xml }] })).sheets[0]!)).toEqual([['a', 1]]);
  });

  it('reads a package without root rels from xl/workbook.xml', () => {
    const grid = read(rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }], omit: ['_rels/.rels', '[Content_Types].xml'] }));
    expect(cell(grid, 'A1')?.value).toBe(1);
  });

  it('finds the workbook part where the package rels point', () => {
    const base = rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const moved = rawXlsx({
      sheets: [],
      omit: ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'],
      parts: {
        '_rels/.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook2.xml"/></Relationships>',
        'xl/workbook2.xml':
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook2.xml.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        'xl/worksheets/sheet1.xml': worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'),
      },
    });
    expect(values(read(moved).sheets[0]!)).toEqual(values(read(base).sheets[0]!));
  });

  it('reads a workbook saved by LibreOffice', () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/xlsx/libreoffice-saved.xlsx', import.meta.url))));
    const grid = read(bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(['Tự đánh giá', 'Ẩn']);
    expect(grid.sheets[1]!.hidden).toBe(true);
    const sheet = grid.sheets[0]!;
    expect(values(sheet).slice(0, 6)).toEqual([
      ['Bộ chỉ số DTI 2023 – Sở Thông tin và Truyền thông'],
      ['Mã chỉ số', 'Tên chỉ số', 'Giá trị', 'Tỷ lệ', 'Ngày ban hành', 'Điểm', 'Minh chứng'],
      ['1.1', 'Nhận thức số', 12.5, '65.8%', '2023-03-15', 0, 'Quyết định 123'],
      ['1.2', 'Thể chế số', 3, '100%', '2023-12-31', 6, 'Liên hệ'],
      ['1.3', 'Hạ tầng số', true, undefined, undefined, 10],
      ['1.4', 'Nhân lực số', null],
    ]);
    expect(cell(grid, 'G3')?.link).toBe('https://vanban.gov.vn/qd-123.pdf');
    expect(cell(grid, 'G4')?.link).toBe('mailto:dti@example.gov.vn');
    expect(cell(grid, 'C6')?.problem).toEqual({ code: 'E_CELL_ERROR', detail: '#DIV/0!' });
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 7 }]);
    expect([...(sheet.hiddenRows ?? [])]).toEqual([5]);
  });
});

describe('readXlsx: files that are not readable workbooks', () => {
  it('reports a PDF or a text file renamed .xlsx as not a workbook', () => {
    expect(failure(strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')).code).toBe('E_XLSX_NOT_WORKBOOK');
    expect(failure(strToU8('Mã,Giá trị\n1.1,12\n')).code).toBe('E_XLSX_NOT_WORKBOOK');
    expect(failure(new Uint8Array(0)).code).toBe('E_XLSX_NOT_WORKBOOK');
  });

  it('reports a password-protected workbook as encrypted', () => {
    expect(failure(oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])).code).toBe('E_XLSX_ENCRYPTED');
  });

  it('reports an old .xls workbook as the old format, with the way to convert it', () => {
    const found = failure(oleFile(['Root Entry', 'Workbook', '\u0005SummaryInformation']));
    expect(found.code).toBe('E_XLS_OLD_FORMAT');
    expect(found.location).toEqual({ file: 'book.xlsx' });
    expect(t(found.code, 'en')).toContain('libreoffice --headless --convert-to xlsx');
    expect(t(found.code, 'vi')).toContain('định dạng Excel cũ');
  });

  it('reports a truncated workbook as corrupt', async () => {
    const bytes = await excel((wb) => wb.addWorksheet('S').addRow([1, 2, 3]));
    const found = failure(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(found.code).toBe('E_XLSX_CORRUPT');
    expect(found.params.detail).toEqual(expect.any(String));
  });

  it('reports a zip without xl/workbook.xml as not a workbook', () => {
    expect(failure(zipParts({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' })).code).toBe('E_XLSX_NOT_WORKBOOK');
    expect(failure(zipSync({})).code).toBe('E_XLSX_NOT_WORKBOOK');
  });

  it('reports a workbook without sheets as empty', () => {
    expect(failure(rawXlsx({ sheets: [] })).code).toBe('E_XLSX_EMPTY');
  });

  it('reports a workbook whose sheets are all empty as empty', async () => {
    expect(failure(rawXlsx({ sheets: [{ name: 'A' }, { name: 'B', rows: '<row r="1"><c r="A1" s="1"/></row>' }] })).code).toBe('E_XLSX_EMPTY');
    expect(failure(await excel((wb) => wb.addWorksheet('S'))).code).toBe('E_XLSX_EMPTY');
  });

  it('keeps empty sheets of a workbook that has data elsewhere', () => {
    const grid = read(rawXlsx({ sheets: [{ name: 'Bìa' }, { name: 'Dữ liệu', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    expect(grid.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['Bìa', 0],
      ['Dữ liệu', 1],
    ]);
  });

  it('reports a sheet whose part is missing as corrupt', () => {
    const found = failure(rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }], omit: ['xl/worksheets/sheet1.xml'] }));
    expect(found.code).toBe('E_XLSX_CORRUPT');
    expect(found.params.detail).toContain('xl/worksheets/sheet1.xml');
  });

  it('reports shared strings named by the workbook but missing from the package as corrupt', () => {
    const found = failure(rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['x'], omit: ['xl/sharedStrings.xml'] }));
    expect(found.code).toBe('E_XLSX_CORRUPT');
    expect(found.params.detail).toContain('xl/sharedStrings.xml');
  });

  it('never throws, whatever the bytes', async () => {
    const good = await excel((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Mã', 'Giá trị', 0.5]);
      ws.getCell('C1').numFmt = '0%';
    });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        readXlsx(bytes, 'x.xlsx');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.nat(255), fc.nat(good.length), (at, byte, cut) => {
        const damaged = good.slice(0, Math.max(cut, at + 1));
        damaged[at] = byte;
        const result = readXlsx(damaged, 'x.xlsx');
        expect(result.grid !== undefined || result.issues.length === 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readXlsx: limits', () => {
  it('has documented defaults: 50 MB file, 300 MB inflated, 100 000 rows, 2 000 000 cells', () => {
    expect(DEFAULT_XLSX_LIMITS).toEqual({ maxFileBytes: 50 * 1024 * 1024, maxInflatedBytes: 300 * 1024 * 1024, maxRows: 100_000, maxCells: 2_000_000, maxCompressionRatio: 200 });
  });

  it('refuses a file above maxFileBytes before reading it', async () => {
    const bytes = await excel((wb) => wb.addWorksheet('S').addRow([1]));
    const found = failure(bytes, { maxFileBytes: 1000 });
    expect(found).toMatchObject({ code: 'E_XLSX_TOO_LARGE', params: { limit: 'maxFileBytes', value: bytes.length, max: 1000 } });
  });

  it('refuses a zip bomb from its declared sizes, before inflating it', () => {
    const huge = '<row><c><v>1</v></c></row>'.repeat(200_000); // 5.4 MB that deflates to a few KB
    const bytes = oneSheet(huge);
    expect(bytes.length).toBeLessThan(100_000);
    const before = process.memoryUsage().arrayBuffers;
    const found = failure(bytes, { maxInflatedBytes: 1_000_000 });
    expect(found).toMatchObject({ code: 'E_XLSX_TOO_LARGE', params: { limit: 'maxInflatedBytes', max: 1_000_000 } });
    expect(found.params.value).toBeGreaterThan(5_000_000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4_000_000);
  });

  it('refuses a part that deflates far better than any real sheet', () => {
    const bytes = zipParts({ ...unzipParts(oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>')), 'xl/sharedStrings.xml': `<sst>${'<si><t>a</t></si>'.repeat(300_000)}</sst>` });
    const found = failure(bytes);
    expect(found).toMatchObject({ code: 'E_XLSX_TOO_LARGE', params: { limit: 'maxCompressionRatio', max: 200 } });
  });

  it('cannot be made to inflate more than an entry declares', () => {
    const bytes = oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>${'<row><c><v>2</v></c></row>'.repeat(1000)}`);
    const lying = declareSize(bytes, 'xl/worksheets/sheet1.xml', 100);
    const found = failure(lying);
    expect(found).toMatchObject({ code: 'E_ZIP_SIZE_MISMATCH', params: { part: 'xl/worksheets/sheet1.xml', declared: 100 } });
  });

  it('refuses a sheet with a value below maxRows, naming the sheet', () => {
    const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="11"><c r="A11"><v>1</v></c></row>');
    expect(read(bytes, { maxRows: 11 }).sheets[0]!.rows).toHaveLength(11);
    const found = failure(bytes, { maxRows: 10 });
    expect(found).toMatchObject({ code: 'E_XLSX_TOO_LARGE', location: { file: 'book.xlsx', sheet: 'Sheet1' }, params: { limit: 'maxRows', value: 11, max: 10 } });
  });

  it('ignores formatted but empty rows far below the data', () => {
    const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576" hidden="1" s="2" customFormat="1"><c r="A1048576" s="2"/></row>');
    const sheet = read(bytes).sheets[0]!;
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.hiddenRows).toBeUndefined();
  });
});

describe('readXlsx: messages', () => {
  it('has a Vietnamese and an English message for every issue it reports', () => {
    for (const code of ['E_XLSX_NOT_WORKBOOK', 'E_XLSX_ENCRYPTED', 'E_XLS_OLD_FORMAT', 'E_XLSX_CORRUPT', 'E_XLSX_EMPTY', 'E_XLSX_TOO_LARGE', 'E_CELL_ERROR', 'E_FORMULA_NO_RESULT']) {
      expect(hasMessage(code), code).toBe(true);
    }
    expect(t('E_XLSX_TOO_LARGE', 'vi', { limit: 'maxRows', value: 200000, max: 100000 })).toContain('200000');
  });
});

/** A minimal OLE compound file: the signature, then directory entry names in UTF-16LE. */
function oleFile(streams: string[]): Uint8Array {
  const out = new Uint8Array(512 + 128 * streams.length);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  streams.forEach((name, i) => out.set(Buffer.from(name, 'utf16le'), 512 + 128 * i));
  return out;
}

function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Rewrites the uncompressed size the central directory declares for one entry. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = Buffer.from(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (Buffer.from(out.subarray(i + 46, i + 46 + nameLength)).equals(wanted)) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

import { openWorkbook } from '../helpers/forms.js';
import { recalculateInLibreOffice } from '../helpers/libreoffice.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rules/index.js';
import { scoreSubmissions, type AgencyScore } from '../../src/engine/score.js';
import { loadFramework } from '../../src/framework/load.js';
import type { FrameworkModel } from '../../src/framework/model.js';
import { TEMPLATE_HEADERS, TEMPLATE_SHEETS, submissionTemplate } from '../../src/template/write.js';
import { readXlsx } from '../../src/sheets/xlsx/index.js';
import { parseGrid } from '../../src/submission/parse.js';
import { TINY, fillOneInput, model as inlineModel } from '../helpers/build.js';
import { Y2025 } from '../helpers/y2025.js';
import { checkTemplate } from '../../src/template/check.js';

const loaded = loadFramework('khanh-hoa-agencies');
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const KH: FrameworkModel = loaded.model;
const PLACES = KH.framework.precision.points;

const STP = { code: 'STP', name: 'Sở Tư pháp' };

function form(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  return wb.getWorksheet(TEMPLATE_SHEETS.form)!;
}

/** Header row number and each indicator's row, found the way a person would: by reading column A. */
function layout(ws: ExcelJS.Worksheet): { header: number; rows: Map<string, number> } {
  let header = 0;
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const a = row.getCell(1).value;
    if (a === TEMPLATE_HEADERS[0]) header = n;
    else if (header > 0 && typeof a === 'string' && a !== '') rows.set(a, n);
  });
  return { header, rows };
}

function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as { formula?: string } | null;
  return v && typeof v === 'object' && 'formula' in v ? v.formula : undefined;
}

function isLocked(cell: ExcelJS.Cell): boolean {
  return cell.protection?.locked !== false;
}

describe('submission template: layout', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh', agency: STP });
    wb = await openWorkbook(bytes);
  });

  it('has the instructions, the form and two hidden sheets, the form active', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Hướng dẫn', 'visible'],
      ['Tự đánh giá', 'visible'],
      ['_dti', 'hidden'],
      ['_lists', 'hidden'],
    ]);
    expect(wb.views[0]?.activeTab).toBe(1);
  });

  it('puts the identity in labelled cells above an empty row and the header row', () => {
    const ws = form(wb);
    const { header } = layout(ws);
    const identity = [4, 5, 6, 7].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value]);
    expect(identity).toEqual([
      ['Mã đơn vị:', 'STP'],
      ['Tên đơn vị:', 'Sở Tư pháp'],
      ['Nhóm:', 'Sở, ban, ngành'],
      ['Năm đánh giá:', 2023],
    ]);
    expect(header).toBe(9);
    expect(ws.getRow(8).cellCount).toBe(0);
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual([...TEMPLATE_HEADERS]);
  });

  it('leaves the identity blank without an agency, and writes the year asked for', async () => {
    const blank = form(await openWorkbook(await submissionTemplate(KH, { lang: 'vi', group: 'cap-huyen', year: 2024 })));
    expect([4, 5, 6, 7].map((r) => blank.getCell(r, 2).value)).toEqual([null, null, 'UBND cấp huyện', 2024]);
    expect(blank.getCell(1, 1).value).toContain('NĂM 2024');
  });

  it('lists the nodes of the group in framework order, with the group’s max points', () => {
    const ws = form(wb);
    const { rows } = layout(ws);
    const expected = [...KH.nodes.values()].filter((n) => KH.applies(n, 'so-nganh')).map((n) => n.code);
    expect([...rows.keys()]).toEqual(expected);
    expect(rows.has('1.8')).toBe(false); // districts only
    expect(rows.has('7')).toBe(false);
    for (const [code, r] of rows) {
      expect(ws.getCell(r, 3).value, code).toBe(KH.maxFor(KH.nodes.get(code)!, 'so-nganh').toNumber());
    }
    const total = ws.getRow(Math.max(...rows.values()) + 1);
    expect(total.getCell(1).value).toBeNull();
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(1000);
    expect(formulaOf(total.getCell(8))).toMatch(/^ROUND\(SUM\(H\d+,H\d+,/);
  });

  it('sums the children of main indicators and intermediate branches, in bold', () => {
    const ws = form(wb);
    const { rows } = layout(ws);
    const r62 = rows.get('6.2')!;
    expect(formulaOf(ws.getCell(r62, 8))).toBe(`ROUND(SUM(H${rows.get('6.2.a')}:H${rows.get('6.2.c')}),2)`);
    const r6 = rows.get('6')!;
    expect(formulaOf(ws.getCell(r6, 8))).toBe(`ROUND(SUM(H${rows.get('6.1')}:H${rows.get('6.2')},H${rows.get('6.3')}:H${rows.get('6.7')}),2)`);
    expect(ws.getCell(r6, 2).font?.bold).toBe(true);
    expect(ws.getCell(r62, 2).font?.bold).toBe(true);
    expect(ws.getCell(rows.get('6.1')!, 2).font?.bold).toBeFalsy();
  });

  it('caches the blank state’s results: 0 for sums, "" for the self-scores', () => {
    // exceljs reads neither back (it drops a cached 0 and an empty text), so the file's own reader is asked.
    const sheet = readXlsx(bytes, 'STP.xlsx').grid!.sheets.find((s) => s.name === TEMPLATE_SHEETS.form)!;
    const { rows } = layout(form(wb));
    for (const [code, r] of rows) {
      const node = KH.nodes.get(code)!;
      const cell = sheet.rows[r - 1]?.[7];
      if (node.isLeaf) expect(cell, code).toBeUndefined();
      else expect(cell, code).toMatchObject({ value: 0 });
    }
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet2.xml']!);
    expect(xml).toMatch(new RegExp(`<c r="H${rows.get('1.1')}"[^>]*t="str"><f>[^<]+</f><v></v></c>`));
  });

  it('describes each rule and marks required evidence', () => {
    const ws = form(wb);
    const { rows } = layout(ws);
    expect(ws.getCell(rows.get('1.4')!, 2).value).toMatch(/\(\*\)$/);
    expect(ws.getCell(rows.get('1.4')!, 4).value).toMatch(/^Có\/Không/);
    expect(ws.getCell(rows.get('4.3')!, 4).value).toMatch(/đạt 80% là đủ điểm/);
    expect(ws.getCell(rows.get('3.5')!, 4).value).toMatch(/Mẫu số bằng 0.*đủ điểm/);
  });

  it('protects the form without a password and locks the workbook structure', async () => {
    const protection = (form(wb) as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(protection).not.toHaveProperty('hashValue');
    // Rows and columns cannot be inserted or deleted, nor the rows sorted.
    for (const what of ['insertRows', 'insertColumns', 'deleteRows', 'deleteColumns', 'sort']) expect(protection[what]).toBeUndefined();
    const xml = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
    expect(xml).toContain('<workbookProtection lockStructure="1"/>');
    expect(xml.indexOf('<workbookProtection')).toBeLessThan(xml.indexOf('<bookViews'));
  });

  it('unlocks exactly the input cells: identity, the rule’s inputs, evidence and explanation', () => {
    const ws = form(wb);
    const { header, rows } = layout(ws);
    expect([4, 5, 6, 7].map((r) => isLocked(ws.getCell(r, 2)))).toEqual([false, false, true, false]);
    const inputs: Record<Rule['type'], number[]> = {
      boolean: [5],
      tiers: [5],
      count: [5],
      choice: [5],
      manual: [5],
      ratio: [6, 7],
      relative: [5, 8],
    };
    for (const [code, r] of rows) {
      const node = KH.nodes.get(code)!;
      const unlocked = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((c) => !isLocked(ws.getCell(r, c)));
      expect(unlocked, code).toEqual(node.isLeaf ? [...inputs[node.node.rule!.type], 9, 10].sort((a, b) => a - b) : []);
    }
    for (let c = 1; c <= 10; c++) expect(isLocked(ws.getCell(header, c))).toBe(true);
    expect(isLocked(ws.getCell(1, 1))).toBe(true);
  });

  it('validates inputs by rule: whole numbers, percentages, points, lists', () => {
    const ws = form(wb);
    const { rows } = layout(ws);
    const dv = (code: string, col: number) => ws.getCell(rows.get(code)!, col).dataValidation;
    expect(dv('1.3', 6)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('1.3', 7)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('1.6', 5)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('2.3', 5)).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(dv('1.2', 5)).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('2.5', 5)).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 35] });
    expect(dv('4.5', 8)).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 30] });
    expect(dv('1.4', 5)).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    const choice = dv('1.1', 5)!;
    expect(choice).toMatchObject({ type: 'list', showErrorMessage: true });
    const [, col, from, to] = /^'_lists'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(choice.formulae[0] as string)!;
    const lists = wb.getWorksheet('_lists')!;
    const labels = [];
    for (let r = Number(from); r <= Number(to); r++) labels.push(lists.getCell(`${col}${r}`).value);
    expect(labels).toEqual(['Người đứng đầu', 'Cấp phó', 'Chưa có']);
    expect(ws.getCell(rows.get('1.3')!, 5).dataValidation).toBeUndefined();
  });

  it('computes the self-score by formula, blank until filled; relative indicators take the agency’s estimate', () => {
    const ws = form(wb);
    const { rows } = layout(ws);
    for (const [code, r] of rows) {
      const node = KH.nodes.get(code)!;
      const cell = ws.getCell(r, 8);
      if (!node.isLeaf) continue;
      if (node.node.rule!.type === 'relative') {
        expect(formulaOf(cell), code).toBeUndefined();
        expect(cell.note, code).toBeTruthy();
        continue;
      }
      expect(formulaOf(cell), code).toMatch(/^IF\(/);
      expect(cell.numFmt).toBe('0.00');
    }
    const r13 = rows.get('1.3')!;
    expect(formulaOf(ws.getCell(r13, 8))).toBe(
      `IF(AND(F${r13}="",G${r13}=""),"",IF(OR(NOT(ISNUMBER(F${r13})),NOT(ISNUMBER(G${r13}))),0,IF(OR(F${r13}<0,G${r13}<0),0,IF(F${r13}>G${r13},0,IF(G${r13}=0,0,ROUND(MIN(1,F${r13}/G${r13})*20,2))))))`,
    );
    expect(formulaOf(ws.getCell(rows.get('3.5')!, 8))).toContain(`=0,30,ROUND(`); // a denominator of 0 gives full points
    expect(formulaOf(ws.getCell(rows.get('4.3')!, 8))).toContain('MIN(1,F');
    expect(formulaOf(ws.getCell(rows.get('4.3')!, 8))).toMatch(/\/0\.8\)\*40,2\)/);
    expect(formulaOf(ws.getCell(rows.get('1.6')!, 8))).toContain('ROUND(MIN(20,E');
    expect(formulaOf(ws.getCell(rows.get('2.5')!, 8))).toContain('ROUND(E');
    const r12 = rows.get('1.2')!;
    expect(formulaOf(ws.getCell(r12, 8))).toContain(`IF(E${r12}>=4,20,IF(E${r12}>=3,15,IF(E${r12}>=2,10,IF(E${r12}>=1,5,0))))`);
    const r11 = rows.get('1.1')!;
    expect(formulaOf(ws.getCell(r11, 8))).toBe(
      `IF(E${r11}="","",IF(OR(TRIM(E${r11})="Người đứng đầu",TRIM(E${r11})="The head",TRIM(E${r11})="nguoi-dung-dau"),20,` +
        `IF(OR(TRIM(E${r11})="Cấp phó",TRIM(E${r11})="A deputy",TRIM(E${r11})="cap-pho"),10,` +
        `IF(OR(TRIM(E${r11})="Chưa có",TRIM(E${r11})="None",TRIM(E${r11})="khong-co"),0,` +
        `IF(TRIM(E${r11})="1",20,IF(TRIM(E${r11})="2",10,IF(TRIM(E${r11})="3",0,0)))))))`,
    );
  });

  it('records framework, version and group in the hidden _dti sheet', () => {
    const meta = wb.getWorksheet('_dti')!;
    const rows = new Map<string, unknown>();
    meta.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('framework_id')).toBe('khanh-hoa-agencies');
    expect(rows.get('framework_version')).toBe(KH.framework.version);
    expect(rows.get('group')).toBe('so-nganh');
    expect(rows.get('sheet')).toBe('Tự đánh giá');
    expect(rows.get('header_row')).toBe(9);
  });

  it('freezes the header, sizes columns for Vietnamese text and prints landscape, fit to width, header repeated', () => {
    const ws = form(wb);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(36);
    // The identity labels fit beside their value cells: "Đơn vị cấp trên:" is the longest.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual('Đơn vị cấp trên:'.length);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '9:9' });
    expect(ws.headerFooter.oddFooter).toBe('&CTrang &P/&N');
  });

  it('gives rows with wrapped text the height of their lines', () => {
    const ws = form(wb);
    // Every leaf row's rule text wraps in its column; its row is at least one line per line of text.
    for (let r = 10; r <= ws.rowCount; r++) {
      const rule = ws.getCell(r, 4).value;
      if (typeof rule !== 'string') continue;
      expect(ws.getCell(r, 4).alignment?.wrapText).toBe(true);
      expect(ws.getRow(r).height).toBeGreaterThanOrEqual(15 * rule.split('\n').length);
    }
  });

  it('writes instructions in Vietnamese, with English below when asked', async () => {
    const text = (w: ExcelJS.Workbook) => {
      const lines: string[] = [];
      w.getWorksheet(TEMPLATE_SHEETS.instructions)!.eachRow((row) => lines.push(String(row.getCell(1).value)));
      return lines.join('\n');
    };
    const vi = text(wb);
    expect(vi).toContain('HƯỚNG DẪN');
    expect(vi).toMatch(/Có\/Không/);
    expect(vi).toMatch(/dấu phẩy \(65,8\)/);
    expect(vi).toMatch(/\(\*\)/);
    expect(vi).not.toContain('HOW TO FILL IN');
    const enBook = await openWorkbook(await submissionTemplate(KH, { lang: 'en', group: 'so-nganh' }));
    const en = text(enBook);
    expect(en.indexOf('HƯỚNG DẪN')).toBeLessThan(en.indexOf('HOW TO FILL IN'));
    // The form keeps the Vietnamese headers the reader expects; names and rules follow the language.
    const ws = form(enBook);
    const { header, rows } = layout(ws);
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual([...TEMPLATE_HEADERS]);
    expect(ws.getCell(rows.get('1')!, 2).value).toBe('Digital awareness');
  });

  it('shows informational nodes greyed, with no inputs and no formula', async () => {
    const m = inlineModel(TINY);
    const ws = form(await openWorkbook(await submissionTemplate(m, { lang: 'vi', group: 'dept' })));
    const { rows } = layout(ws);
    expect([...rows.keys()]).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '9', '9.1']);
    for (const code of ['9', '9.1']) {
      const r = rows.get(code)!;
      expect(ws.getCell(r, 4).value).toMatch(/Không tính điểm/);
      expect(ws.getCell(r, 3).value).toBeNull();
      expect(ws.getCell(r, 8).value).toBeNull();
      expect(ws.getCell(r, 2).font?.color?.argb).toBe('FF808080');
      for (let c = 1; c <= 10; c++) expect(isLocked(ws.getCell(r, c))).toBe(true);
    }
    // The total sums main indicators only: the informational one is left out.
    const total = ws.getRow(rows.get('9.1')! + 1);
    expect(formulaOf(total.getCell(8))).toBe(`ROUND(SUM(H${rows.get('1')},H${rows.get('2')}),2)`);
  });

  it('asks for the parent unit where the group is ranked within parents', async () => {
    const m = inlineModel({ ...TINY, groups: [TINY.groups[0], { id: 'dist', name: 'Districts', rankScope: 'parent' }] });
    const agency = { code: 'X1', name: 'Xã 1', parent: 'Huyện A' };
    const bytes = await submissionTemplate(m, { lang: 'vi', group: 'dist', agency });
    const ws = form(await openWorkbook(bytes));
    expect([ws.getCell(8, 1).value, ws.getCell(8, 2).value, isLocked(ws.getCell(8, 2))]).toEqual(['Đơn vị cấp trên:', 'Huyện A', false]);
    expect(layout(ws).header).toBe(10);
    const parsed = parseGrid(fillOneInput(readXlsx(bytes, 'X1.xlsx').grid!), m);
    expect(parsed.submissions[0]!.agency).toEqual({ code: 'X1', name: 'Xã 1', group: 'dist', year: 2023, parent: 'Huyện A' });
    // A department-level form has no such row.
    expect(layout(form(await openWorkbook(await submissionTemplate(m, { lang: 'vi', group: 'dept' })))).header).toBe(9);
  });

  it('refuses a group the framework does not have', async () => {
    await expect(submissionTemplate(KH, { lang: 'vi', group: 'nope' })).rejects.toThrow(/unknown group/);
  });
});

describe('submission template: bytes', () => {
  it('are identical from run to run', async () => {
    const a = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh', agency: STP });
    await new Promise((r) => setTimeout(r, 1100)); // a second later: any clock in the bytes would show
    const b = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh', agency: STP });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('carry pinned document dates and zip entry times', async () => {
    const bytes = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh', sourceDateEpoch: 1700000000 });
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    expect(core).toContain('2023-11-14T22:13:20Z');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([0, (0 << 9) | (1 << 5) | 1]);
  });

  it('read back untouched: the reader finds the form and its agency, and calls it never filled (one error)', async () => {
    const bytes = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh', agency: STP });
    const read = readXlsx(bytes, 'STP.xlsx');
    expect(read.issues).toEqual([]);
    const parsed = parseGrid(read.grid!, KH);
    expect(parsed.issues).toMatchObject([{ code: 'E_SUBMISSION_EMPTY', params: { agency: 'STP' } }]);
    expect(parsed.submissions).toEqual([]);
  });

  it('read back with one value typed: the agency is read, and the rest is missing values', async () => {
    const bytes = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh', agency: STP });
    const parsed = parseGrid(fillOneInput(readXlsx(bytes, 'STP.xlsx').grid!), KH);
    expect(parsed.issues).toEqual([]);
    expect(parsed.submissions[0]!.agency).toEqual({ code: 'STP', name: 'Sở Tư pháp', group: 'so-nganh', year: 2023 });
    const [score] = scoreSubmissions(KH, parsed.submissions);
    expect(new Set(score!.issues.map((i) => i.code))).toEqual(new Set(['W_MISSING_VALUE']));
  });

  it('give a blank form its group from the hidden sheet when the agency only fills its code', async () => {
    const wb = await openWorkbook(await submissionTemplate(KH, { lang: 'vi', group: 'cap-huyen' }));
    form(wb).getCell('B4').value = 'NT';
    form(wb).getCell('B6').value = null; // even with the group cell emptied
    const read = readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'NT.xlsx');
    const parsed = parseGrid(fillOneInput(read.grid!), KH);
    expect(parsed.submissions[0]!.agency).toMatchObject({ code: 'NT', group: 'cap-huyen' });
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip: fill the inputs of a generated template, read the file back, score it.

interface Fill {
  value?: string | number;
  numerator?: number;
  denominator?: number;
  /** The agency's own estimate (relative rules). */
  points?: number;
  evidence?: string;
}

/** Values typed for a rule, by case number: blanks, edges and ordinary values of each family. */
function fillFor(rule: Rule, max: number, k: number): Fill | undefined {
  const pick = <T,>(xs: readonly T[]) => xs[k % xs.length]!;
  switch (rule.type) {
    case 'boolean':
      return pick([{ value: 'Có' }, { value: 'Không' }, { value: 'x' }, { value: 'Đạt' }, { value: 'chưa' }, { value: 'yes' }, undefined]);
    case 'ratio':
      return pick([
        { numerator: 3, denominator: 4 },
        { numerator: 0, denominator: 0 },
        { numerator: 7, denominator: 9 },
        { numerator: 5, denominator: 3 },
        { numerator: 1, denominator: 3 },
        { numerator: 12, denominator: 12 },
        { numerator: 2, denominator: 0 },
        undefined,
        { numerator: 45, denominator: 100 },
      ]);
    case 'tiers':
      return rule.basis === 'percent'
        ? pick([{ value: 0.05 }, { value: 0.1 }, { value: 0.45 }, { value: 0.5 }, { value: 99 }, { value: 100 }, { value: 97.9 }, { value: 80 }, undefined])
        : pick([{ value: 0 }, { value: 1 }, { value: 2.5 }, { value: 3 }, { value: 4 }, { value: 7 }, undefined]);
    case 'count':
      return pick([{ value: 0 }, { value: 1 }, { value: 3 }, { value: 7 }, { value: 100 }, { value: 2.5 }, undefined]);
    case 'choice':
      return pick([{ value: rule.options[0]!.label.vi }, { value: rule.options[1]!.key }, { value: '3' }, { value: rule.options[1]!.label.en }, undefined]);
    case 'manual':
      return pick([{ value: 12.345 }, { value: 0 }, { value: max }, { value: max + 1 }, { value: 7 }, undefined]);
    case 'relative':
      return pick([{ value: 42, points: max }, { value: 0, points: 0 }, undefined]);
  }
}

const YES = new Set(['có', 'x', 'đạt', 'yes']);

function roundHalfUp(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f + 1e-9) / f;
}

/**
 * The points a rule gives for what was typed, worked out here from the rule's definition (not
 * with the engine's code): undefined when nothing was typed.
 */
function expectedPoints(rule: Rule, max: number, fill: Fill | undefined): number | undefined {
  if (fill === undefined) return undefined;
  const v = fill.value;
  const n = typeof v === 'number' ? v : NaN;
  switch (rule.type) {
    case 'boolean':
      return YES.has(String(v).toLowerCase()) ? max : 0;
    case 'ratio': {
      const a = fill.numerator!;
      const b = fill.denominator!;
      if (a > b) return 0;
      if (b === 0) return rule.zeroDenominator === 'full' ? max : 0;
      return roundHalfUp(Math.min(1, a / b / ((rule.target ?? 100) / 100)) * max, PLACES);
    }
    case 'tiers': {
      if (n < 0 || (rule.basis === 'percent' && n > 100)) return 0;
      const reached = rule.tiers.filter((x) => n >= x.min).sort((x, y) => y.min - x.min);
      return reached[0]?.points ?? 0;
    }
    case 'count':
      if (!Number.isInteger(n) || n < 0) return 0;
      return roundHalfUp(Math.min(rule.cap ?? max, max, n * rule.pointsPerItem), PLACES);
    case 'choice': {
      // A key or label first; a position only when nothing else matches.
      const o = rule.options.find((x) => [x.key, x.label.vi, x.label.en].includes(String(v))) ?? rule.options[Number(v) - 1];
      return o?.points ?? 0;
    }
    case 'manual':
      return n >= 0 && n <= max ? roundHalfUp(n, PLACES) : 0;
    case 'relative':
      // One agency scored alone is its own best: full points for any value above 0.
      return n > 0 ? max : 0;
  }
}

interface Scenario {
  readonly file: string;
  readonly group: string;
  readonly agency: { code: string; name: string };
  /** Shifts the case numbers so that each scenario types other values for the same indicator. */
  readonly shift: number;
  readonly fills: Map<string, Fill | undefined>;
}

function scenario(file: string, group: string, agency: { code: string; name: string }, shift: number): Scenario {
  const fills = new Map<string, Fill | undefined>();
  KH.leavesFor(group).forEach((leaf, k) => {
    const fill = fillFor(leaf.node.rule!, KH.maxFor(leaf, group).toNumber(), k + shift);
    fills.set(leaf.code, fill && leaf.node.evidenceRequired && (k + shift) % 2 === 0 ? { ...fill, evidence: `Quyết định số ${k}/QĐ` } : fill);
  });
  return { file, group, agency, shift, fills };
}

const SCENARIOS: Scenario[] = [
  scenario('STP.xlsx', 'so-nganh', STP, 0),
  scenario('SYT.xlsx', 'so-nganh', { code: 'SYT', name: 'Sở Y tế' }, 1),
  scenario('SXD.xlsx', 'so-nganh', { code: 'SXD', name: 'Sở Xây dựng' }, 4),
  scenario('NT.xlsx', 'cap-huyen', { code: 'NT', name: 'UBND thành phố Nha Trang' }, 2),
  scenario('CR.xlsx', 'cap-huyen', { code: 'CR', name: 'UBND thành phố Cam Ranh' }, 5),
];

/** Types the scenario's values into the template's input cells with exceljs, as an agency would in Excel. */
async function filled(s: Scenario): Promise<Uint8Array> {
  return fillIn(await submissionTemplate(KH, { lang: 'vi', group: s.group, agency: s.agency }), s.fills);
}

async function fillIn(template: Uint8Array, fills: ReadonlyMap<string, Fill | undefined>): Promise<Uint8Array> {
  const wb = await openWorkbook(template);
  const ws = form(wb);
  const { rows } = layout(ws);
  for (const [code, fill] of fills) {
    if (!fill) continue;
    const r = rows.get(code)!;
    if (fill.value !== undefined) ws.getCell(r, 5).value = fill.value;
    if (fill.numerator !== undefined) ws.getCell(r, 6).value = fill.numerator;
    if (fill.denominator !== undefined) ws.getCell(r, 7).value = fill.denominator;
    if (fill.points !== undefined) ws.getCell(r, 8).value = fill.points;
    if (fill.evidence !== undefined) ws.getCell(r, 9).value = fill.evidence;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function scoreFile(bytes: Uint8Array, file: string, m: FrameworkModel = KH): { score: AgencyScore; readIssues: string[] } {
  const read = readXlsx(bytes, file);
  expect(read.issues).toEqual([]);
  const parsed = parseGrid(read.grid!, m);
  expect(parsed.submissions).toHaveLength(1);
  const [score] = scoreSubmissions(m, parsed.submissions);
  return { score: score!, readIssues: parsed.issues.map((i) => i.code) };
}

describe('submission template: round trip', () => {
  it('covers every rule family in each group', () => {
    for (const group of ['so-nganh', 'cap-huyen']) {
      const families = new Set(KH.leavesFor(group).map((l) => l.node.rule!.type));
      expect([...families].sort()).toEqual(['boolean', 'choice', 'count', 'manual', 'ratio', 'relative', 'tiers']);
    }
  });

  it.each(SCENARIOS.map((s) => [s.file, s] as const))('%s: the engine scores what was typed as the rules say', async (file, s) => {
    const { score, readIssues } = scoreFile(await filled(s), file);
    // Unrecalculated, the self-score formulas carry no result (exceljs drops an empty one): only that is said of them.
    expect(new Set(readIssues)).toEqual(new Set(['W_FORMULA_NO_RESULT']));
    expect(score.agency).toMatchObject({ code: s.agency.code, name: s.agency.name, group: s.group, year: 2023 });
    let typed = 0;
    for (const leaf of score.leaves) {
      const rule = KH.nodes.get(leaf.code)!.node.rule!;
      const fill = s.fills.get(leaf.code);
      const expected = expectedPoints(rule, leaf.maxPoints.toNumber(), fill);
      if (expected === undefined) {
        expect(leaf.status, leaf.code).toBe('missing');
        continue;
      }
      typed++;
      expect(leaf.status, leaf.code).toBe('scored');
      expect(leaf.points.toNumber(), `${leaf.code} ${rule.type} ${JSON.stringify(fill)}`).toBe(expected);
    }
    expect(typed).toBeGreaterThan(score.leaves.length / 2);
  });
});

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v libreoffice'], { encoding: 'utf8' }).status === 0;

describe('submission template: recalculated by LibreOffice', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  if (!hasLibreOffice) {
    // eslint-disable-next-line no-console
    console.warn('LibreOffice (libreoffice) is not on PATH: the template formula check (self-score = engine points) is skipped');
  }

  it.skipIf(!hasLibreOffice)(
    'computes, in every formula, the points the engine gives (no self-score differs, every subtotal adds up)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dti-tpl-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'in'));
      const blank = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh' });
      writeFileSync(join(dir, 'in', 'blank.xlsx'), blank);
      for (const s of SCENARIOS) writeFileSync(join(dir, 'in', s.file), await filled(s));
      // A framework that zeroes points without their required evidence: the formula does too.
      const zeroing = inlineModel({ ...TINY, evidenceMissing: 'zero' });
      const evidence = (given: boolean) =>
        new Map<string, Fill>([
          ['1.1', { value: 'Có', ...(given ? { evidence: 'QĐ 12/QĐ-STP' } : {}) }],
          ['1.2', { numerator: 2, denominator: 3 }],
          ['2.1', { numerator: 1, denominator: 2 }],
          ['2.2', { value: 17.5 }],
        ]);
      for (const given of [true, false]) {
        const template = await submissionTemplate(zeroing, { lang: 'vi', group: 'dept', agency: { code: `E${given}`, name: 'Sở' } });
        writeFileSync(join(dir, 'in', `evidence-${given}.xlsx`), await fillIn(template, evidence(given)));
      }
      // Bonus (capped) and penalty rows: the section and the total take the penalty off, as the engine does.
      const y2025 = inlineModel(Y2025);
      const bonusPenalty = new Map<string, Fill>([
        ['1.1', { value: 'Có' }],
        ['1.2', { value: 'Có' }],
        ['2.2', { value: 'Không' }],
        ['9.1', { value: 3 }],
        ['9.2', { value: 'Có' }],
      ]);
      const bpTemplate = await submissionTemplate(y2025, { lang: 'vi', group: 'so', agency: { code: 'BP', name: 'Sở' } });
      expect(checkTemplate(bpTemplate, 'bonus-penalty.xlsx', y2025)).toEqual([]);
      writeFileSync(join(dir, 'in', 'bonus-penalty.xlsx'), await fillIn(bpTemplate, bonusPenalty));
      recalculateInLibreOffice(
        dir,
        [
          join(dir, 'in', 'blank.xlsx'),
          ...SCENARIOS.map((s) => join(dir, 'in', s.file)),
          join(dir, 'in', 'evidence-true.xlsx'),
          join(dir, 'in', 'evidence-false.xlsx'),
          join(dir, 'in', 'bonus-penalty.xlsx'),
        ],
        join(dir, 'out'),
      );

      // The untouched template opens and recalculates without a single problem.
      const b = readXlsx(readFileSync(join(dir, 'out', 'blank.xlsx')), 'blank.xlsx');
      expect(b.issues).toEqual([]);
      expect(b.grid!.sheets.map((x) => x.name)).toEqual(['Hướng dẫn', 'Tự đánh giá', '_dti', '_lists']);

      for (const s of SCENARIOS) {
        const { score, readIssues } = scoreFile(readFileSync(join(dir, 'out', s.file)), s.file);
        expect(readIssues, s.file).toEqual([]);
        const codes = score.issues.map((i) => i.code);
        expect(codes, s.file).not.toContain('W_SELF_SCORE_DIFFERS');
        expect(codes, s.file).not.toContain('W_SUBTOTAL_MISMATCH');
        for (const leaf of score.leaves) {
          const rule = KH.nodes.get(leaf.code)!.node.rule!;
          if (leaf.status === 'missing') {
            expect(leaf.selfPoints, `${s.file} ${leaf.code}`).toBeUndefined();
          } else if (rule.type !== 'manual') {
            // The formula's result (relative: the estimate typed) is the agency's self-score.
            expect(leaf.selfPoints?.toNumber(), `${s.file} ${leaf.code} ${rule.type} ${JSON.stringify(s.fills.get(leaf.code))}`).toBe(leaf.points.toNumber());
          }
        }
      }
      for (const given of [true, false]) {
        const { score, readIssues } = scoreFile(readFileSync(join(dir, 'out', `evidence-${given}.xlsx`)), `evidence-${given}.xlsx`, zeroing);
        expect(readIssues).toEqual([]);
        expect(score.issues.map((i) => i.code)).not.toContain('W_SELF_SCORE_DIFFERS');
        expect(score.issues.map((i) => i.code)).not.toContain('W_SUBTOTAL_MISMATCH');
        const plan = score.leaves.find((l) => l.code === '1.1')!;
        expect([plan.points.toNumber(), plan.selfPoints?.toNumber()]).toEqual(given ? [10, 10] : [0, 0]);
        expect(score.points.toNumber()).toBe((given ? 10 : 0) + 20 + 18.75 + 17.5);
      }
      const bp = scoreFile(readFileSync(join(dir, 'out', 'bonus-penalty.xlsx')), 'bonus-penalty.xlsx', y2025);
      const bpCodes = bp.score.issues.map((i) => i.code);
      for (const code of ['W_SELF_SCORE_DIFFERS', 'W_SUBTOTAL_MISMATCH', 'W_TOTAL_MISMATCH']) expect(bpCodes).not.toContain(code);
      expect(['9.1', '9.2'].map((c) => bp.score.leaves.find((l) => l.code === c)?.selfPoints?.toNumber())).toEqual([10, 20]);
      expect([bp.score.points.toNumber(), bp.score.bonusPoints.toNumber(), bp.score.penaltyPoints.toNumber()]).toEqual([60, 10, 20]);
    },
    240_000,
  );
});

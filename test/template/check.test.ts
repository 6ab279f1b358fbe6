import { formRows, openWorkbook } from '../helpers/forms.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sortIssues, type DtiIssue } from '../../src/core/issues.js';
import { loadFramework } from '../../src/framework/load.js';
import type { FrameworkModel } from '../../src/framework/model.js';
import { hasMessage, t } from '../../src/i18n/catalog.js';
import { templateCheckMessages } from '../../src/i18n/messages/template-check.js';
import { TEMPLATE_HEADERS, TEMPLATE_SHEETS, submissionTemplate } from '../../src/template/write.js';
import { checkTemplate, normaliseFormula } from '../../src/template/check.js';
import { TINY, model as inlineModel } from '../helpers/build.js';

const loaded = loadFramework('khanh-hoa-agencies');
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const KH: FrameworkModel = loaded.model;
const GROUPS = KH.framework.groups.map((g) => g.id);
const FILE = 'mau.xlsx';

/** What exceljs's own writing costs every edited copy: it cannot write the workbook's structure lock. */
const EXCELJS_LOSS = 'W_TPL_WORKBOOK_UNLOCKED';

/** Edits a copy of the template with exceljs, as a province might script it, and checks the result. */
async function edited(template: Uint8Array, edit: (ws: ExcelJS.Worksheet, rows: Map<string, number>, wb: ExcelJS.Workbook) => void): Promise<DtiIssue[]> {
  const wb = await openWorkbook(template);
  const ws = wb.getWorksheet(TEMPLATE_SHEETS.form)!;
  edit(ws, formRows(ws), wb);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return checkTemplate(bytes, FILE, KH).filter((i) => i.code !== EXCELJS_LOSS);
}

/** exceljs shares a style object between the cells that were saved with it: a cell gets its own before its lock changes. */
function lock(cell: ExcelJS.Cell, locked: boolean): void {
  cell.style = { ...cell.style, protection: { locked } };
}

const brief = (issues: readonly DtiIssue[]) => sortIssues(issues).map((i) => [i.code, i.location.sheet, i.location.cell]);

/** Rewrites one part of the package (bytes in, bytes out), keeping every other part as it is. */
function rewritePart(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[name] = strToU8(change(strFromU8(parts[name]!)));
  return zipSync(parts);
}

describe('checkTemplate: fresh templates', () => {
  it.each(GROUPS)('a fresh template of %s checks clean, with the framework given or found by its id', async (group) => {
    const bytes = await submissionTemplate(KH, { lang: 'vi', group });
    expect(checkTemplate(bytes, FILE, KH)).toEqual([]);
    expect(checkTemplate(bytes, FILE)).toEqual([]);
  });

  it('checks clean whatever the language or agency the template was made for', async () => {
    const bytes = await submissionTemplate(KH, { lang: 'en', group: 'cap-huyen', agency: { code: 'NT', name: 'UBND thành phố Nha Trang' }, year: 2024 });
    expect(checkTemplate(bytes, FILE)).toEqual([]);
  });

  it('checks a template with informational rows, a parent unit cell and evidence that zeroes points', async () => {
    const m = inlineModel({
      ...TINY,
      evidenceMissing: 'zero',
      groups: [TINY.groups[0], { id: 'dist', name: 'Districts', rankScope: 'parent' }],
    });
    for (const group of ['dept', 'dist']) {
      expect(checkTemplate(await submissionTemplate(m, { lang: 'vi', group }), FILE, m)).toEqual([]);
    }
  });

  it('finds nothing but the lost structure lock and the old version label in the 29 forms LibreOffice saved (values typed, formulas recalculated)', () => {
    const dir = 'fixtures/khanh-hoa-2023/xlsx';
    const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    expect(files).toHaveLength(29);
    for (const f of files) {
      const file = join(dir, f);
      // The forms were made when the framework's version read "…, modelled"; it now reads "…, bản mô phỏng".
      expect(brief(checkTemplate(readFileSync(file), file)), f).toEqual([
        ['W_TPL_VERSION_DIFFERS', '_dti', 'B3'],
        ['W_TPL_WORKBOOK_UNLOCKED', undefined, undefined],
      ]);
    }
  });

  it('reads Excel’s ways of writing: a shared formula, a list validation in the x14 extension', async () => {
    const bytes = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh' });
    const rows = formRows((await openWorkbook(bytes)).getWorksheet(TEMPLATE_SHEETS.form)!);
    // 1.4 and 1.7 are both yes/no for 20 points: Excel may store 1.7's formula as a copy of 1.4's.
    const [r14, r17, r11] = [rows.get('1.4')!, rows.get('1.7')!, rows.get('1.1')!];
    const excelish = rewritePart(bytes, 'xl/worksheets/sheet2.xml', (xml) => {
      let out = xml.replace(new RegExp(`(<c r="H${r14}"[^>]*>)<f>`), `$1<f t="shared" ref="H${r14}:H${r17}" si="0">`);
      out = out.replace(new RegExp(`(<c r="H${r17}"[^>]*>)<f>[^<]*</f>`), `$1<f t="shared" si="0"/>`);
      // The choice list of 1.1, moved where Excel 2010+ puts validations that refer to another sheet.
      const dv = new RegExp(`<dataValidation [^>]*sqref="E${r11}"[^>]*>.*?</dataValidation>`).exec(out)![0];
      out = out.replace(dv, '');
      const x14 =
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
        '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
        '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>_lists!$A$1:$A$3</xm:f></x14:formula1>' +
        `<xm:sqref>E${r11}</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
      return out.replace('</worksheet>', `${x14}</worksheet>`);
    });
    const xml = strFromU8(unzipSync(excelish)['xl/worksheets/sheet2.xml']!);
    expect(xml).toContain(`<f t="shared" si="0"/>`);
    expect(xml).toContain('<x14:dataValidation ');
    expect(checkTemplate(excelish, FILE)).toEqual([]);
    // The expanded copy is compared like any other formula: point it at the wrong rows and it is caught.
    const wrong = rewritePart(excelish, 'xl/worksheets/sheet2.xml', (x) => x.replace(`ref="H${r14}:H${r17}" si="0">IF(E${r14}=`, `ref="H${r14}:H${r17}" si="0">IF(E${r14 + 1}=`));
    expect(brief(checkTemplate(wrong, FILE)).map((b) => b[2])).toEqual([`H${r14}`, `H${r17}`]);
  });

  it('compares formulas as a spreadsheet means them', () => {
    expect(normaliseFormula('=round( sum($H$11:H17) , 2 )')).toBe('ROUND(SUM(H11:H17),2)');
    expect(normaliseFormula('IF(E5>=0.80,_xlfn.MIN(1,2),"Có  x")')).toBe('IF(E5>=0.8,MIN(1,2),"Có  x")');
    expect(normaliseFormula('IF(E5="có",1,0)')).not.toBe(normaliseFormula('IF(E5="Có",1,0)'));
  });
});

describe('checkTemplate: a template edited by hand', () => {
  let template: Uint8Array;
  let rows: Map<string, number>;
  beforeAll(async () => {
    template = await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh' });
    rows = formRows((await openWorkbook(template)).getWorksheet(TEMPLATE_SHEETS.form)!);
  });
  const r = (code: string) => rows.get(code)!;

  it('an untouched copy written by exceljs only loses the workbook’s structure lock', async () => {
    const wb = await openWorkbook(template);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(brief(checkTemplate(bytes, FILE))).toEqual([['W_TPL_WORKBOOK_UNLOCKED', undefined, undefined]]);
  });

  it('a deleted row: the indicator is missing where its row was', async () => {
    const issues = await edited(template, (ws) => ws.spliceRows(r('1.3'), 1));
    const missing = issues.filter((i) => i.code === 'E_TPL_CODE_MISSING');
    expect(brief(missing)).toEqual([['E_TPL_CODE_MISSING', 'Tự đánh giá', `A${r('1.3')}`]]);
    expect(missing[0]!.params).toMatchObject({ code: '1.3' });
  });

  it('a deleted row whose neighbours’ formulas were not moved (exceljs does not move them): each row says so', async () => {
    const issues = await edited(template, (ws) => ws.spliceRows(r('1.3'), 1));
    // 1.4 now sits on 1.3's row with a formula still pointing one row down.
    expect(issues).toContainEqual(expect.objectContaining({ code: 'E_TPL_FORMULA_CHANGED', location: expect.objectContaining({ cell: `H${r('1.3')}` }) }));
  });

  it('a changed max', async () => {
    const issues = await edited(template, (ws) => (ws.getCell(r('1.2'), 3).value = 25));
    expect(brief(issues)).toEqual([['E_TPL_MAX_DIFFERS', 'Tự đánh giá', `C${r('1.2')}`]]);
    expect(issues[0]!.params).toEqual({ code: '1.2', expected: '20', found: '25' });
  });

  it('a changed total', async () => {
    const total = Math.max(...rows.values()) + 1;
    const issues = await edited(template, (ws) => (ws.getCell(total, 3).value = 900));
    expect(brief(issues)).toEqual([['E_TPL_MAX_DIFFERS', 'Tự đánh giá', `C${total}`]]);
  });

  it('a removed validation', async () => {
    // exceljs keeps validations in a model its types do not declare.
    const issues = await edited(template, (ws) => (ws as unknown as { dataValidations: { remove(address: string): void } }).dataValidations.remove(`E${r('1.4')}`));
    expect(brief(issues)).toEqual([['E_TPL_VALIDATION_MISSING', 'Tự đánh giá', `E${r('1.4')}`]]);
    expect(issues[0]!.params).toMatchObject({ code: '1.4', column: 'Giá trị', expected: 'list: Có, Không' });
  });

  it('a validation changed: another range, another type, another list, or one that only warns', async () => {
    const issues = await edited(template, (ws) => {
      ws.getCell(r('2.5'), 5).dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 50], showErrorMessage: true };
      ws.getCell(r('1.3'), 6).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true };
      ws.getCell(r('1.4'), 5).dataValidation = { type: 'list', formulae: ['"Có,Không,Chưa rõ"'], showErrorMessage: true };
      ws.getCell(r('1.6'), 5).dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true, errorStyle: 'warning' };
    });
    expect(brief(issues)).toEqual([
      ['E_TPL_VALIDATION_CHANGED', 'Tự đánh giá', `F${r('1.3')}`],
      ['E_TPL_VALIDATION_CHANGED', 'Tự đánh giá', `E${r('1.4')}`],
      ['E_TPL_VALIDATION_CHANGED', 'Tự đánh giá', `E${r('2.5')}`],
      ['W_TPL_VALIDATION_WEAK', 'Tự đánh giá', `E${r('1.6')}`],
    ]);
    expect(issues.find((i) => i.location.cell === `E${r('2.5')}`)!.params).toMatchObject({ expected: 'decimal 0..35', found: 'decimal between 0, 50' });
  });

  it('a formula overwritten by a number, or by another formula', async () => {
    const issues = await edited(template, (ws) => {
      ws.getCell(r('1.2'), 8).value = 20;
      ws.getCell(r('1.6'), 8).value = { formula: `MIN(20,E${r('1.6')})` } as ExcelJS.CellFormulaValue;
    });
    expect(brief(issues)).toEqual([
      ['E_TPL_FORMULA_MISSING', 'Tự đánh giá', `H${r('1.2')}`],
      ['E_TPL_FORMULA_CHANGED', 'Tự đánh giá', `H${r('1.6')}`],
    ]);
    expect(issues[0]!.params).toMatchObject({ code: '1.2', found: '20' });
    expect(issues[1]!.params).toMatchObject({ code: '1.6', found: `MIN(20,E${r('1.6')})` });
  });

  it('a section sum that leaves a row out, and one written differently that adds the same rows', async () => {
    const issues = await edited(template, (ws) => {
      ws.getCell(r('1'), 8).value = { formula: `ROUND(SUM(H${r('1.1')}:H${r('1.6')}),2)` } as ExcelJS.CellFormulaValue;
      ws.getCell(r('2'), 8).value = { formula: `round(SUM(H${r('2.1')},H${r('2.2')}:H${r('2.5')}), 2)` } as ExcelJS.CellFormulaValue;
    });
    expect(brief(issues)).toEqual([['E_TPL_FORMULA_CHANGED', 'Tự đánh giá', `H${r('1')}`]]);
  });

  it('an unprotected sheet, and a protection that lets rows be deleted', async () => {
    expect(brief(await edited(template, (ws) => ws.unprotect()))).toEqual([['E_TPL_UNPROTECTED', 'Tự đánh giá', undefined]]);
    const weak = await edited(template, (ws) => ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, deleteRows: true }));
    expect(brief(weak)).toEqual([['W_TPL_PROTECTION_WEAK', 'Tự đánh giá', undefined]]);
    expect(weak[0]!.params).toMatchObject({ allowed: 'deleteRows' });
  });

  it('input cells locked and fixed cells unlocked, one finding per row', async () => {
    const issues = await edited(template, (ws) => {
      lock(ws.getCell(r('1.3'), 6), true);
      lock(ws.getCell(r('1.3'), 7), true);
      lock(ws.getCell(r('1.2'), 3), false);
      lock(ws.getCell(r('1.2'), 8), false);
      lock(ws.getCell('B4'), true);
    });
    expect(brief(issues)).toEqual([
      ['E_TPL_INPUT_LOCKED', 'Tự đánh giá', 'B4'],
      ['E_TPL_CELL_UNLOCKED', 'Tự đánh giá', `C${r('1.2')}`],
      ['E_TPL_INPUT_LOCKED', 'Tự đánh giá', `F${r('1.3')}`],
    ]);
    expect(issues[1]!.params).toEqual({ code: '1.2', cells: `C${r('1.2')}, H${r('1.2')}` });
  });

  it('codes: one replaced, one of the other group, two swapped, one repeated', async () => {
    const issues = await edited(template, (ws) => {
      ws.getCell(r('2.3'), 1).value = '2.9';
      ws.getCell(r('2.4'), 1).value = '1.8'; // districts only
      ws.getCell(r('3.1'), 1).value = '3.2';
      ws.getCell(r('3.2'), 1).value = '3.1';
      ws.getCell(r('5.5'), 1).value = '5.4';
    });
    const codes = issues.filter((i) => i.code.startsWith('E_TPL_CODE'));
    expect(brief(codes)).toEqual(
      expect.arrayContaining([
        ['E_TPL_CODE_EXTRA', 'Tự đánh giá', `A${r('2.3')}`],
        ['E_TPL_CODE_NOT_IN_GROUP', 'Tự đánh giá', `A${r('2.4')}`],
        ['E_TPL_CODE_MISSING', 'Tự đánh giá', `A${r('2.3')}`],
        ['E_TPL_CODE_MISSING', 'Tự đánh giá', `A${r('2.4')}`],
        ['E_TPL_CODE_DUPLICATE', 'Tự đánh giá', `A${r('5.5')}`],
        ['E_TPL_CODE_MISSING', 'Tự đánh giá', `A${r('5.5')}`],
      ]),
    );
    expect(codes).toHaveLength(7);
    // Of two swapped rows, one is out of order: the other is where the framework has it.
    const order = codes.filter((i) => i.code === 'E_TPL_CODE_ORDER');
    expect(order).toHaveLength(1);
    expect([`A${r('3.1')}`, `A${r('3.2')}`]).toContain(order[0]!.location.cell);
    // The swapped rows keep their own rule's formula and validation, which no longer fit the code they carry.
    expect(issues.filter((i) => i.location.row === r('3.1')).map((i) => i.code)).toContain('E_TPL_VALIDATION_MISSING');
  });

  it('a header renamed, a group changed, the hidden sheets shown', async () => {
    const issues = await edited(template, (ws, _rows, wb) => {
      ws.getCell(9, 5).value = 'Số liệu';
      ws.getCell('B6').value = 'UBND cấp huyện';
      wb.getWorksheet(TEMPLATE_SHEETS.meta)!.state = 'visible';
    });
    expect(brief(issues)).toEqual([
      ['E_TPL_GROUP_CELL_CHANGED', 'Tự đánh giá', 'B6'],
      ['E_TPL_HEADER_CHANGED', 'Tự đánh giá', 'E9'],
      ['W_TPL_SHEET_VISIBLE', '_dti', undefined],
    ]);
  });

  it('what the hidden _dti sheet says: an unknown framework, another version, none at all', async () => {
    const meta = (edit: (ws: ExcelJS.Worksheet) => void) =>
      edited(template, (_ws, _rows, wb) => edit(wb.getWorksheet(TEMPLATE_SHEETS.meta)!));
    const unknown = async (value: string) => {
      const wb = await openWorkbook(template);
      wb.getWorksheet(TEMPLATE_SHEETS.meta)!.getCell('B2').value = value;
      return checkTemplate(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), FILE);
    };
    expect(brief(await unknown('tinh-khac'))).toEqual([['E_TPL_UNKNOWN_FRAMEWORK', '_dti', 'B2']]);
    // An id is never taken for a path.
    expect(brief(await unknown('frameworks/khanh-hoa-agencies.yaml'))).toEqual([['E_TPL_UNKNOWN_FRAMEWORK', '_dti', 'B2']]);
    expect(brief(await meta((ws) => (ws.getCell('B3').value = 'cũ')))).toEqual([['W_TPL_VERSION_DIFFERS', '_dti', 'B3']]);
    expect(brief(await meta((ws) => (ws.getCell('B5').value = 'khoi-khac')))).toEqual([['E_TPL_UNKNOWN_GROUP', '_dti', 'B5']]);
    const removed = await openWorkbook(template);
    removed.removeWorksheet(removed.getWorksheet(TEMPLATE_SHEETS.meta)!.id);
    expect(brief(checkTemplate(new Uint8Array((await removed.xlsx.writeBuffer()) as ArrayBuffer), FILE))).toEqual([['E_TPL_NO_FRAMEWORK', undefined, undefined]]);
    const other = inlineModel(TINY);
    expect(brief(checkTemplate(template, FILE, other))).toEqual([['E_TPL_FRAMEWORK_DIFFERS', '_dti', 'B2']]);
    // A framework given by id (as dti check does with framework files) is used before the bundled one.
    const renamed = inlineModel({ ...TINY, id: 'khanh-hoa-agencies' });
    const withRenamed = checkTemplate(template, FILE, undefined, { frameworks: new Map([['khanh-hoa-agencies', renamed]]) });
    expect(withRenamed.map((i) => i.code)).toContain('E_TPL_UNKNOWN_GROUP'); // TINY has no so-nganh group
  });

  it('a workbook that is not a template, or not a workbook', () => {
    const form = 'fixtures/khanh-hoa-2023/official-forms/merged-two-row-header.xlsx';
    expect(brief(checkTemplate(readFileSync(form), form))).toEqual([['E_TPL_NO_FRAMEWORK', undefined, undefined]]);
    expect(checkTemplate(new TextEncoder().encode('not a zip'), 'x.xlsx').map((i) => i.code)).toEqual(['E_XLSX_NOT_WORKBOOK']);
  });
});

describe('template check messages', () => {
  it('every code has a Vietnamese message with its diacritics and an English one', () => {
    for (const [key, m] of Object.entries(templateCheckMessages)) {
      expect(hasMessage(key), key).toBe(true);
      expect(m.vi, key).not.toBe(m.en);
      expect(m.vi, key).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
      expect(t(key, 'en'), key).not.toBe(key);
    }
  });
});

import { formRows, openWorkbook } from '../helpers/forms.js';
import { recalculateInLibreOffice } from '../helpers/libreoffice.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { loadFramework } from '../../src/framework/load.js';
import { checkTemplate } from '../../src/template/check.js';
import { TEMPLATE_HEADERS, TEMPLATE_SHEETS, submissionTemplate } from '../../src/template/write.js';
import { readXlsx } from '../../src/sheets/xlsx/index.js';
import { parseGrid } from '../../src/submission/parse.js';

// khanh-hoa-2025 lets a commune declare 7.2 (relative) and 7.6 (ratio) not applicable.
const loaded = loadFramework('khanh-hoa-2025');
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const KH25 = loaded.model;
const AGENCY = { code: 'P-NHATRANG', name: 'UBND phường Nha Trang' };
const VALUE = 5;
const NOTE = 10;

describe('submission template: indicators the agency may declare not applicable', () => {
  it('lets the value cell take "Không áp dụng" (list or formula validation) and still passes dti check', async () => {
    const bytes = await submissionTemplate(KH25, { lang: 'vi', group: 'cap-xa', agency: AGENCY });
    expect(checkTemplate(bytes, 'cap-xa.xlsx', KH25)).toEqual([]);
    const ws = (await openWorkbook(bytes)).getWorksheet(TEMPLATE_SHEETS.form)!;
    const rows = formRows(ws);
    // Ratio: the value cell, otherwise unused, is open for the answer only.
    const ratio = ws.getCell(rows.get('7.6')!, VALUE);
    expect(ratio.protection?.locked).toBe(false);
    expect(ratio.dataValidation).toMatchObject({ type: 'list', formulae: ['"Không áp dụng"'], errorStyle: 'stop' });
    expect(ratio.dataValidation.prompt).toContain('Không áp dụng');
    expect(ratio.dataValidation.error).toBe('Ô này chỉ nhận "Không áp dụng"; ghi tử số và mẫu số ở hai cột bên phải.');
    // Relative: a number ≥ 0 or the answer.
    const relative = ws.getCell(rows.get('7.2')!, VALUE);
    expect(relative.dataValidation).toMatchObject({ type: 'custom', errorStyle: 'stop' });
    expect(relative.dataValidation.formulae![0]).toContain('"Không áp dụng"');
    // Elsewhere nothing changes: 7.1 may not be declared not applicable.
    expect(ws.getCell(rows.get('7.1')!, VALUE).dataValidation?.formulae?.[0] ?? '').not.toContain('Không áp dụng');
  });

  it('leaves the self-score blank for the answer', async () => {
    const ws = (await openWorkbook(await submissionTemplate(KH25, { lang: 'vi', group: 'cap-xa', agency: AGENCY }))).getWorksheet(TEMPLATE_SHEETS.form)!;
    const r = formRows(ws).get('7.6')!;
    const formula = (ws.getCell(r, 8).value as { formula: string }).formula;
    expect(formula.startsWith(`IF(OR(AND(F${r}="",G${r}=""),TRIM(E${r})="Không áp dụng"),"",`)).toBe(true);
  });

  /** The form with 7.6 filled in as given, read back and scored. */
  async function score76(fill: (ws: ExcelJS.Worksheet, row: number) => void) {
    const wb = await openWorkbook(await submissionTemplate(KH25, { lang: 'vi', group: 'cap-xa', agency: AGENCY }));
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.form)!;
    fill(ws, formRows(ws).get('7.6')!);
    const read = readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'P-NHATRANG.xlsx');
    expect(read.issues).toEqual([]);
    const parsed = parseGrid(read.grid!, KH25);
    expect(parsed.issues.filter((i) => i.code.includes('NA'))).toEqual([]);
    return scoreSubmissions(KH25, parsed.submissions)[0]!;
  }

  it('reads "Không áp dụng" with a reason back as an accepted claim: the indicator is out of the agency’s maximum', async () => {
    const score = await score76((ws, r) => {
      ws.getCell(r, VALUE).value = 'Không áp dụng';
      ws.getCell(r, NOTE).value = 'Trên địa bàn phường không có hợp tác xã';
    });
    const leaf = score.leaves.find((l) => l.code === '7.6')!;
    expect(leaf.status).toBe('not-applicable');
    expect(leaf.notApplicable).toMatchObject({ by: 'declared', reason: 'Trên địa bàn phường không có hợp tác xã' });
    const answered = await score76((ws, r) => {
      ws.getCell(r, 6).value = 1;
      ws.getCell(r, 7).value = 2;
    });
    const max76 = KH25.maxFor(KH25.nodes.get('7.6')!, 'cap-xa');
    expect(max76.isZero()).toBe(false);
    expect(score.maxPoints.toString()).toBe(answered.maxPoints.minus(max76).toString());
    expect(score.issues.map((i) => i.code)).not.toContain('W_NA_NO_REASON');
    expect(score.issues.map((i) => i.code)).not.toContain('E_NA_NOT_ALLOWED');
  });
});

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v libreoffice'], { encoding: 'utf8' }).status === 0;

describe('submission template with "Không áp dụng", recalculated by LibreOffice', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.skipIf(!hasLibreOffice)(
    'leaves the declared rows without points and the section and total sums as the engine adds them',
    async () => {
      const wb = await openWorkbook(await submissionTemplate(KH25, { lang: 'vi', group: 'cap-xa', agency: AGENCY }));
      const ws = wb.getWorksheet(TEMPLATE_SHEETS.form)!;
      const rows = formRows(ws);
      for (const code of ['7.2', '7.6']) {
        ws.getCell(rows.get(code)!, VALUE).value = 'Không áp dụng';
        ws.getCell(rows.get(code)!, NOTE).value = 'Phường không có hợp tác xã';
      }
      ws.getCell(rows.get('7.1')!, 6).value = 3;
      ws.getCell(rows.get('7.1')!, 7).value = 4;
      ws.getCell(rows.get('7.1')!, 9).value = 'Báo cáo số 12/BC-UBND';
      const dir = mkdtempSync(join(tmpdir(), 'dti-tpl-na-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'na.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
      recalculateInLibreOffice(dir, [join(dir, 'in', 'na.xlsx')], join(dir, 'out'));
      const saved = readFileSync(join(dir, 'out', 'na.xlsx'));
      // LibreOffice keeps the validations as written (it only drops the workbook's structure lock).
      expect(checkTemplate(saved, 'na.xlsx', KH25).map((i) => i.code)).toEqual(['W_TPL_WORKBOOK_UNLOCKED']);
      const read = readXlsx(saved, 'na.xlsx');
      expect(read.issues).toEqual([]);
      const parsed = parseGrid(read.grid!, KH25);
      const [score] = scoreSubmissions(KH25, parsed.submissions);
      const codes = [...parsed.issues, ...score!.issues].map((i) => i.code);
      for (const code of ['W_SELF_SCORE_DIFFERS', 'W_SUBTOTAL_MISMATCH', 'W_TOTAL_MISMATCH', 'W_FORMULA_NO_RESULT']) expect(codes).not.toContain(code);
      for (const code of ['7.2', '7.6']) {
        const leaf = score!.leaves.find((l) => l.code === code)!;
        expect(leaf.status, code).toBe('not-applicable');
        expect(leaf.selfPoints, code).toBeUndefined();
      }
      const ratio = score!.leaves.find((l) => l.code === '7.1')!;
      expect(ratio.selfPoints?.toString()).toBe(ratio.points.toString());
    },
    240_000,
  );
});

import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Grid } from '../../src/core/grid.js';
import { loadFramework } from '../../src/framework/load.js';
import type { FrameworkModel } from '../../src/framework/model.js';
import { parseFramework } from '../../src/framework/parse.js';
import { submissionTemplate } from '../../src/template/write.js';
import { readXlsx } from '../../src/sheets/xlsx/index.js';
import { checkTemplate } from '../../src/template/check.js';
import { importTemplate } from '../../src/template/import.js';
import { TINY, grid, model as inlineModel } from '../helpers/build.js';

const loaded = loadFramework('khanh-hoa-agencies');
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const KH: FrameworkModel = loaded.model;

function read(bytes: Uint8Array, file: string): Grid {
  const r = readXlsx(bytes, file);
  expect(r.issues).toEqual([]);
  return r.grid!;
}

/** code, name, max points of every node, in document order. */
function outline(m: FrameworkModel, group: string): [string, string, number][] {
  return [...m.nodes.values()].filter((n) => m.applies(n, group)).map((n) => [n.code, n.node.name.vi, m.maxFor(n, group).toNumber()]);
}

const codesOf = (issues: readonly { code: string }[]) => issues.map((i) => i.code);
const errors = (issues: readonly { severity: string }[]) => issues.filter((i) => i.severity === 'error');

describe('importTemplate: a dti template', () => {
  it.each(['so-nganh', 'cap-huyen'])('gives back the codes, names and max points of %s, and loads', async (group) => {
    const bytes = await submissionTemplate(KH, { lang: 'vi', group });
    const result = importTemplate(read(bytes, `${group}.xlsx`), {});
    expect(errors(result.issues)).toEqual([]);
    expect(codesOf(result.issues)).toEqual(['I_IMPORT_RULES_MANUAL']);
    const m = result.model!;
    expect(m).toBeDefined();
    expect(outline(m, 'don-vi')).toEqual(outline(KH, group));
    expect(m.framework).toMatchObject({ id: 'khanh-hoa-agencies', version: KH.framework.version, year: 2023, maxPoints: 1000 });
    expect(m.framework.groups).toEqual([expect.objectContaining({ id: 'don-vi', name: { vi: KH.group(group)!.name.vi, en: KH.group(group)!.name.vi } })]);
    for (const leaf of m.leavesFor('don-vi')) expect(leaf.node.rule, leaf.code).toEqual({ type: 'manual' });
    // Required evidence comes back from the (*) after the names.
    const required = (x: FrameworkModel, g: string) => x.leavesFor(g).filter((l) => l.node.evidenceRequired).map((l) => l.code);
    expect(required(m, 'don-vi')).toEqual(required(KH, group));
    expect(result.issues[0]!.params).toEqual({ count: KH.leavesFor(group).length });
  });

  it('writes YAML that is the framework, with the template’s rule texts as comments above the rules', async () => {
    const result = importTemplate(read(await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh' }), 'mau.xlsx'), { lang: 'en' });
    expect(parseYaml(result.yaml!)).toEqual(JSON.parse(JSON.stringify(result.framework)));
    expect(result.yaml).toMatch(/^# Framework drafted by "dti framework import" from mau\.xlsx, sheet "Tự đánh giá"\./);
    expect(result.yaml).toContain('a scoring rule cannot be inferred reliably from words');
    // 1.2's rule, in the template's words, right above its manual rule.
    expect(result.yaml).toMatch(/code: "1\.2"[^]*?# The workbook's scoring rule:\n\s+#\s+theo ngưỡng: ≥ 4 → 20; ≥ 3 → 15; ≥ 2 → 10; ≥ 1 → 5\n[^]*?rule: \{ type: manual \}/);
  });

  it('takes the id, group and sheet asked for', async () => {
    const result = importTemplate(read(await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh' }), 'mau.xlsx'), {
      id: 'khanh-hoa-so-nganh',
      group: 'so-nganh',
      sheet: 'Tự đánh giá',
    });
    expect(result.model!.framework.id).toBe('khanh-hoa-so-nganh');
    expect(result.model!.framework.groups.map((g) => g.id)).toEqual(['so-nganh']);
    const missing = importTemplate(read(await submissionTemplate(KH, { lang: 'vi', group: 'so-nganh' }), 'mau.xlsx'), { sheet: 'Sheet9' });
    expect(codesOf(missing.issues)).toEqual(['E_SHEET_NOT_FOUND']);
    expect(missing.framework).toBeUndefined();
  });

  it('keeps informational rows unscored, and the draft makes a template that checks clean', async () => {
    const tiny = inlineModel(TINY);
    const result = importTemplate(read(await submissionTemplate(tiny, { lang: 'vi', group: 'dept' }), 'tiny.xlsx'), { id: 'tiny-draft' });
    expect(errors(result.issues)).toEqual([]);
    const m = result.model!;
    expect(outline(m, 'don-vi')).toEqual(outline(tiny, 'dept'));
    expect(m.nodes.get('9')!.informational).toBe(true);
    expect(m.nodes.get('9.1')!.node.rule).toBeUndefined();
    const again = await submissionTemplate(m, { lang: 'vi', group: 'don-vi' });
    expect(checkTemplate(again, 'again.xlsx', m)).toEqual([]);
  });
});

describe('importTemplate: official forms', () => {
  it('imports a form numbered by STT (no code column), adding the missing intermediate row', () => {
    const file = 'fixtures/khanh-hoa-2023/official-forms/merged-two-row-header.xlsx';
    const result = importTemplate(read(readFileSync(file), file), {});
    expect(errors(result.issues)).toEqual([]);
    const m = result.model!;
    // Official forms list main indicators and leaves; 6.2 (over 6.2.a–c) has no row of its own.
    const expected = outline(KH, 'so-nganh').map(([code, name, max]) => [code, code === '6.2' ? '6.2' : code.includes('.') ? name : name.toUpperCase(), max]);
    expect(outline(m, 'don-vi')).toEqual(expected);
    const added = result.issues.find((i) => i.code === 'W_IMPORT_PARENT_ADDED')!;
    expect(added.location).toMatchObject({ sheet: 'Phụ lục I', cell: 'A45' });
    expect(added.params).toEqual({ code: '6.2', child: '6.2.a' });
    expect(m.framework).toMatchObject({ id: 'merged-two-row-header', year: 2023 });
    expect(m.framework.name.vi).toBe('BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023');
    expect(m.framework.groups[0]!.name.vi).toBe('Sở, ban, ngành');
  });

  it.each(['hidden-row.xlsx', 'nfd-headers.xlsx', 'text-numbers-decimal-comma.xlsx', 'libreoffice-saved.xlsx'])('imports %s too', (name) => {
    const file = `fixtures/khanh-hoa-2023/official-forms/${name}`;
    const result = importTemplate(read(readFileSync(file), file), {});
    expect(errors(result.issues)).toEqual([]);
    expect(result.model).toBeDefined();
    const group = result.model!.framework.groups[0]!.name.vi === 'Sở, ban, ngành' ? 'so-nganh' : 'cap-huyen';
    expect(result.model!.leavesFor('don-vi').map((l) => l.code)).toEqual(KH.leavesFor(group).map((l) => l.code));
    expect(result.model!.totalFor('don-vi').toNumber()).toBe(1000);
  });

  it('reports max points that do not add up at the cell they come from', async () => {
    const file = 'fixtures/khanh-hoa-2023/official-forms/merged-two-row-header.xlsx';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    wb.worksheets[0]!.getCell('C12').value = 25; // 1.1: 20 → 25, so 1 (150) no longer adds up
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = importTemplate(read(bytes, 'sua.xlsx'), { out: 'sua.yaml' });
    expect(result.model).toBeUndefined();
    expect(result.yaml).toBeDefined(); // the draft is there to be fixed
    const sum = result.issues.find((i) => i.code === 'E_FW_SUM_MISMATCH')!;
    expect(sum.location).toMatchObject({ file: 'sua.xlsx', sheet: 'Phụ lục I', cell: 'C11', path: 'indicators[0].maxPoints' });
    expect(sum.params).toMatchObject({ code: '1', declared: '150', sum: '155' });
  });
});

describe('importTemplate: numbering, codes and values', () => {
  const HEADER = ['STT', 'Nội dung', 'Điểm tối đa', 'Cách tính điểm'];

  it('reads Roman main indicators, numbered sub-indicators and lettered criteria', () => {
    const g = grid([
      ['BẢNG CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2024'],
      HEADER,
      ['I', 'Nhận thức số', 30, null],
      ['1', 'Kế hoạch', 10, 'Có: 10 điểm'],
      ['2', 'Họp ban chỉ đạo', 20, null],
      ['a', 'Họp định kỳ', 15, '≥ 4 cuộc: 15'],
      ['đ', 'Họp đột xuất', 5, null],
      ['II', 'Hạ tầng số', 20, null],
      ['1', 'Máy tính (*)', 20, 'Tỷ lệ'],
      [null, 'Tổng cộng', 50, null],
    ]);
    const result = importTemplate(g, { id: 'thu', group: 'xa' });
    expect(errors(result.issues)).toEqual([]);
    const m = result.model!;
    expect(outline(m, 'xa')).toEqual([
      ['1', 'Nhận thức số', 30],
      ['1.1', 'Kế hoạch', 10],
      ['1.2', 'Họp ban chỉ đạo', 20],
      ['1.2.a', 'Họp định kỳ', 15],
      ['1.2.dd', 'Họp đột xuất', 5],
      ['2', 'Hạ tầng số', 20],
      ['2.1', 'Máy tính', 20],
    ]);
    expect(m.nodes.get('2.1')!.node.evidenceRequired).toBe(true);
    expect(m.framework.maxPoints).toBe(50);
    expect(m.framework.year).toBe(2024);
    expect(codesOf(result.issues).sort()).toEqual(['I_IMPORT_CODE_RENAMED', 'I_IMPORT_RULES_MANUAL']);
    expect(result.issues.find((i) => i.code === 'I_IMPORT_CODE_RENAMED')!.location).toMatchObject({ row: 7, column: 1 });
  });

  it('reports what cannot be imported at its cell', () => {
    const g = grid([
      HEADER,
      ['a', 'Trước mọi số', 5, null],
      ['1', 'Một', 10, null],
      ['1.1', 'Một một', 'mười', null],
      ['1.1', 'Lặp', 10, null],
      ['1.2', '', 10, null],
      ['1.3', 'Thiếu điểm', null, null],
      ['1/4', 'Mã lạ', 1, null],
    ]);
    const result = importTemplate(g, { id: 'loi' });
    const at = (code: string) => result.issues.filter((i) => i.code === code).map((i) => [i.location.row, i.location.column]);
    expect(at('E_IMPORT_NUMBERING')).toEqual([[2, 1]]);
    expect(at('E_IMPORT_MAX_INVALID')).toEqual([[4, 3]]);
    expect(at('E_IMPORT_CODE_DUPLICATE')).toEqual([[5, 1]]);
    expect(at('W_IMPORT_NAME_MISSING')).toEqual([[6, 2]]);
    expect(at('E_IMPORT_CODE_INVALID')).toEqual([[8, 1]]);
    // The loader's own findings: 1.3 has no max (1.1's bad max was said already, once).
    expect(at('E_FW_NO_MAX')).toEqual([[7, 1]]);
    expect(result.model).toBeUndefined();
    expect(result.issues.find((i) => i.code === 'E_FW_NO_MAX')!.location.path).toBe('indicators[0].children[2]');
  });

  it('says when there is no indicator table', () => {
    expect(codesOf(importTemplate(grid([['Tên', 'Giá trị'], ['a', 1]]), {}).issues)).toEqual(['E_IMPORT_NO_HEADER']);
    expect(codesOf(importTemplate(grid([HEADER]), {}).issues)).toEqual(['E_IMPORT_NO_ROWS']);
  });

  it('drafts a framework the loader takes as it is', () => {
    const result = importTemplate(grid([HEADER, ['1', 'Một', 10, null], ['1.1', 'Một một', 10, 'Có/Không']]), { id: 'mot', year: 2025 });
    const again = parseFramework(result.yaml!, 'yaml', 'mot.yaml');
    expect(again.ok).toBe(true);
    expect(codesOf(result.issues)).toEqual(['I_IMPORT_RULES_MANUAL']);
    expect(result.framework).toMatchObject({ id: 'mot', year: 2025, groups: [{ id: 'don-vi', name: 'Đơn vị' }] });
  });
});

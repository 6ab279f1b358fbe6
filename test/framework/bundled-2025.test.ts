import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildModel, type FrameworkModel } from '../../src/framework/model.js';
import { parseFramework } from '../../src/framework/parse.js';
import { readXlsx } from '../../src/sheets/xlsx/index.js';
import { importTemplate } from '../../src/template/import.js';

const FRAMEWORKS = new URL('../../frameworks/', import.meta.url);

function load(id: string): FrameworkModel {
  const file = fileURLToPath(new URL(`${id}.yaml`, FRAMEWORKS));
  const parsed = parseFramework(readFileSync(file, 'utf8'), 'yaml', file);
  expect(parsed.issues).toEqual([]);
  if (!parsed.ok) throw new Error(id);
  return buildModel(parsed.model.framework);
}

/** Scored leaves (bonus and penalty left out) of a group, counted per main indicator. */
function leafCounts(m: FrameworkModel, group: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of m.leavesFor(group).filter((x) => x.effect === 'score')) {
    const main = l.code.split('.')[0]!;
    out[main] = (out[main] ?? 0) + 1;
  }
  return out;
}

const maxOf = (m: FrameworkModel, code: string, group: string) => m.maxFor(m.nodes.get(code)!, group).toNumber();

describe('vn-province-2025: the provincial DTI of 405/QĐ-BKHCN, a draft', () => {
  const m = load('vn-province-2025');
  const mains = m.mainFor('tinh');

  it('has the 8 main indicators of 405 in order: the five foundation ones, then the three activities', () => {
    expect(mains.map((n) => [n.code, n.node.name.vi])).toEqual([
      ['1', 'Nhận thức số'],
      ['2', 'Thể chế số'],
      ['3', 'Hạ tầng số'],
      ['4', 'Nhân lực số'],
      ['5', 'An toàn thông tin mạng'],
      ['6', 'Hoạt động chính quyền số'],
      ['7', 'Hoạt động kinh tế số'],
      ['8', 'Hoạt động xã hội số'],
    ]);
  });

  it('has 47 sub-indicators on 1000 points, split as 922 did: 100 × 5, 200, 150, 150', () => {
    expect(m.leavesFor('tinh')).toHaveLength(47);
    expect(mains.map((n) => maxOf(m, n.code, 'tinh'))).toEqual([100, 100, 100, 100, 100, 200, 150, 150]);
    expect(m.totalFor('tinh').toNumber()).toBe(1000);
  });

  it('keeps 922’s pillar rule: the foundation in every pillar, each activity in its own (700 / 650 / 650)', () => {
    expect(m.framework.pillars.map((p) => p.code)).toEqual(['cqs', 'kts', 'xhs']);
    const pillarMax = (p: string) => mains.filter((n) => n.node.pillars?.includes(p)).reduce((s, n) => s + maxOf(m, n.code, 'tinh'), 0);
    expect(['cqs', 'kts', 'xhs'].map(pillarMax)).toEqual([700, 650, 650]);
  });

  it('says it is a draft and states what it assumes', () => {
    expect(m.framework.name.vi).toMatch(/dự thảo/);
    expect(m.framework.name.en).toMatch(/draft/);
    const p = m.framework.provenance!;
    expect(p).toMatch(/^DRAFT/);
    expect(p).toMatch(/ASSUMED/);
    expect(p).toContain('100 x 5 foundation, 200, 150, 150');
    expect(p).toContain('pillar rule');
    expect(p).toContain('every sub-indicator');
  });

  it('is what `dti framework import` drafts from an annex workbook of the same table (codes, names, max points)', async () => {
    // The official annex as provinces print it: STT | Chỉ số | Điểm tối đa, numbered 1, 1.1 …
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP TỈNH']);
    ws.addRow(['STT', 'Chỉ số', 'Điểm tối đa']);
    for (const n of m.nodes.values()) ws.addRow([n.code, n.node.name.vi, maxOf(m, n.code, 'tinh')]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = readXlsx(bytes, 'phu-luc-405.xlsx');
    const imported = importTemplate(read.grid!, { id: 'vn-province-2025', group: 'tinh', year: 2025 });
    expect(imported.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const outline = (x: FrameworkModel) => [...x.nodes.values()].map((n) => [n.code, n.node.name.vi, maxOf(x, n.code, 'tinh'), n.children.map((c) => c.code)]);
    expect(outline(imported.model!)).toEqual(outline(m));
  });
});

describe('khanh-hoa-2025: departments, central agencies and communes after the merger', () => {
  const m = load('khanh-hoa-2025');

  it('has three blocks with their own maxima: departments 1000, central agencies 800 (not ranked), communes 1000', () => {
    expect(m.framework.groups.map((g) => [g.id, g.ranked, m.totalFor(g.id).toNumber()])).toEqual([
      ['so-nganh', true, 1000],
      ['co-quan-trung-uong', false, 800],
      ['cap-xa', true, 1000],
    ]);
  });

  it('gives communes 47 sub-indicators in the 8 groups of 405, 5/3/5/6/4/10/6/8, as Hà Nội does', () => {
    expect(leafCounts(m, 'cap-xa')).toEqual({ 1: 5, 2: 3, 3: 5, 4: 6, 5: 4, 6: 10, 7: 6, 8: 8 });
    expect(m.mainFor('cap-xa').filter((n) => maxOf(m, n.code, 'cap-xa') > 0).map((n) => n.node.name.vi)).toEqual([
      'Nhận thức số',
      'Thể chế số',
      'Hạ tầng số',
      'Nhân lực số',
      'An toàn thông tin mạng',
      'Hoạt động chính quyền số',
      'Hoạt động kinh tế số',
      'Hoạt động xã hội số',
    ]);
  });

  it('gives departments 34 sub-indicators, one of them (7.7) only for departments with digital-economy duties', () => {
    const counts = leafCounts(m, 'so-nganh');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(34);
    expect(counts['7']).toBe(1);
    expect(m.nodes.get('7.7')!.onlyFor).toEqual([['digital-economy-duties']]);
  });

  it('scores digital society (8) for communes only, as Đà Nẵng does', () => {
    expect(m.framework.groups.filter((g) => m.applies(m.nodes.get('8')!, g.id)).map((g) => g.id)).toEqual(['cap-xa']);
  });

  it('puts 200 department points on public-service indicators that apply only to agencies with public services', () => {
    const publicServices = m.leavesFor('so-nganh').filter((l) => l.onlyFor.some((tags) => tags.includes('has-public-services')));
    expect(publicServices.reduce((s, l) => s + maxOf(m, l.code, 'so-nganh'), 0)).toBe(200);
    expect(m.framework.tags.map((t) => t.id)).toEqual(['has-public-services', 'digital-economy-duties']);
  });

  it('lets agencies answer "Không áp dụng" on a few indicators only', () => {
    expect(m.leavesFor('cap-xa').filter((l) => l.notApplicableAllowed).map((l) => l.code)).toEqual(['6.5', '7.2', '7.6', '8.4']);
  });

  it('has a group of bonus and penalty points outside every maximum, with their caps', () => {
    const nine = m.nodes.get('9')!;
    expect(nine.node.name.vi).toBe('Điểm thưởng và điểm trừ');
    expect(nine.children.map((c) => [c.code, c.effect, m.capFor(c, 'cap-xa').toNumber()])).toEqual([
      ['9.1', 'bonus', 30],
      ['9.2', 'bonus', 20],
      ['9.3', 'penalty', 50],
      ['9.4', 'penalty', 30],
    ]);
    for (const g of m.framework.groups) expect(maxOf(m, '9', g.id)).toBe(0);
    expect(m.framework.indexClamp).toBe(true);
  });

  it('has class thresholds per block', () => {
    expect(m.classesFor('co-quan-trung-uong').map((c) => c.code)).toEqual(['hoan-thanh-tot', 'hoan-thanh', 'chua-hoan-thanh']);
    expect(m.classesFor('cap-xa').map((c) => [c.code, c.min])).toEqual([
      ['xuat-sac', 0.85],
      ['tot', 0.7],
      ['kha', 0.55],
      ['trung-binh', 0],
    ]);
    expect(m.classesFor('so-nganh')).toEqual(m.framework.classes);
  });

  it('requires evidence, as 1299/QĐ-UBND does, on most self-scored indicators', () => {
    const leaves = m.leavesFor('so-nganh');
    expect(leaves.filter((l) => l.node.evidenceRequired).length).toBeGreaterThan(leaves.length * 0.8);
    expect(m.framework.evidenceMissing).toBe('flag');
  });

  it('says what follows a real decision and what is modelled', () => {
    const p = m.framework.provenance!;
    expect(p).toContain('1299/QĐ-UBND');
    expect(p).toMatch(/FOLLOWS THE REAL DECISION/);
    expect(p).toMatch(/MODELLED, NOT FROM THE DECISION/);
  });
});

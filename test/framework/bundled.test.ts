import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledFrameworkIds } from '../../src/framework/load.js';
import { buildModel, type FrameworkModel, type FrameworkNode } from '../../src/framework/model.js';
import { parseFramework } from '../../src/framework/parse.js';
import { ruleSchema } from '../../src/engine/rules/index.js';

const FRAMEWORKS = new URL('../../frameworks/', import.meta.url);

function parseBundled(id: string) {
  const file = fileURLToPath(new URL(`${id}.yaml`, FRAMEWORKS));
  return parseFramework(readFileSync(file, 'utf8'), 'yaml', file);
}

function load(id: string): FrameworkModel {
  const parsed = parseBundled(id);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  // Rebuilt from the validated framework, as a caller of the library would.
  return buildModel(parsed.model.framework);
}

const codes = (nodes: readonly FrameworkNode[]) => nodes.map((n) => n.code);
const points = (model: FrameworkModel, node: FrameworkNode, group: string) => model.maxFor(node, group).toNumber();
const allNodes = (model: FrameworkModel) => [...model.nodes.values()];
const RULE_TYPES = ruleSchema.options.map((o) => o.shape.type.value);

describe('bundled frameworks', () => {
  it.each(['vn-province-2022', 'khanh-hoa-agencies'])('%s parses without error issues', (id) => {
    const parsed = parseBundled(id);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parsed.ok).toBe(true);
  });

  it('are both listed among the bundled framework ids', () => {
    expect(bundledFrameworkIds()).toEqual(expect.arrayContaining(['vn-province-2022', 'khanh-hoa-agencies']));
  });

  it.each(['vn-province-2022', 'khanh-hoa-agencies'])('%s names every node in Vietnamese and English', (id) => {
    const model = load(id);
    for (const n of allNodes(model)) {
      expect(n.node.name.vi, n.code).not.toBe('');
      expect(n.node.name.en, n.code).not.toBe(n.node.name.vi);
    }
  });

  it.each(['vn-province-2022', 'khanh-hoa-agencies'])('%s says where it comes from and what is modelled', (id) => {
    const { provenance } = load(id).framework;
    expect(provenance).toMatch(/modelled/i);
  });
});

describe('vn-province-2022: the provincial DTI of Decision 922/QĐ-BTTTT', () => {
  const model = load('vn-province-2022');
  const main = (code: string) => model.nodes.get(code)!;

  it('assesses one group, the provinces', () => {
    expect(model.framework.groups.map((g) => g.id)).toEqual(['tinh']);
  });

  it('has the 9 main indicators 1 to 9, in order', () => {
    expect(codes(model.roots)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(model.roots.map((r) => r.node.name.vi)).toEqual([
      'Nhận thức số',
      'Thể chế số',
      'Hạ tầng số',
      'Nhân lực số',
      'An toàn thông tin mạng',
      'Đô thị thông minh',
      'Hoạt động chính quyền số',
      'Hoạt động kinh tế số',
      'Hoạt động xã hội số',
    ]);
  });

  it('has 10, 11, 7, 13, 12, 3, 22, 12 and 8 sub-indicators: 98 in all', () => {
    const counts = model.roots.map((r) => r.children.length);
    expect(counts).toEqual([10, 11, 7, 13, 12, 3, 22, 12, 8]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(98);
  });

  it('numbers sub-indicators after their main indicator (1.1 … 1.10)', () => {
    for (const r of model.roots) {
      expect(codes(r.children)).toEqual(r.children.map((_, i) => `${r.code}.${i + 1}`));
    }
  });

  it('gives the main indicators 100, 100, 100, 100, 100, 0, 200, 150 and 150 points', () => {
    expect(model.roots.map((r) => points(model, r, 'tinh'))).toEqual([100, 100, 100, 100, 100, 0, 200, 150, 150]);
  });

  it('totals 1000 points', () => {
    expect(model.framework.maxPoints).toBe(1000);
    expect(model.totalFor('tinh').toNumber()).toBe(1000);
  });

  it('collects smart city (6) without scoring it', () => {
    expect(main('6').informational).toBe(true);
    expect(codes(model.mainFor('tinh'))).not.toContain('6');
    expect(model.leavesFor('tinh').some((l) => l.code.startsWith('6.'))).toBe(false);
  });

  it("gives sub-indicators max points that add up exactly to their main indicator's", () => {
    for (const r of model.mainFor('tinh')) {
      const sum = r.children.reduce((acc, c) => acc + points(model, c, 'tinh'), 0);
      expect(sum, r.code).toBe(points(model, r, 'tinh'));
    }
  });

  it('counts the foundation indicators 1-5 in every pillar and each activity indicator in its own pillar', () => {
    const pillars = Object.fromEntries(model.pillarsFor('tinh').map((p) => [p.pillar.code, codes(p.mains)]));
    expect(pillars).toEqual({
      cqs: ['1', '2', '3', '4', '5', '7'],
      kts: ['1', '2', '3', '4', '5', '8'],
      xhs: ['1', '2', '3', '4', '5', '9'],
    });
  });

  it('has pillar maxima of 700 (government), 650 (economy) and 650 (society)', () => {
    const maxima = model.pillarsFor('tinh').map((p) => [p.pillar.code, p.mains.reduce((acc, m) => acc + points(model, m, 'tinh'), 0)]);
    expect(maxima).toEqual([
      ['cqs', 700],
      ['kts', 650],
      ['xhs', 650],
    ]);
  });

  it('keeps points to 3 decimals, publishes indices with 4 and judges ties on exact values', () => {
    expect(model.framework.precision).toEqual({ points: 3, index: 4, indexDisplay: 'decimal' });
    expect(model.framework.ties).toBe('exact');
  });

  it('scores its sub-indicators with a mix of rule families', () => {
    const used = new Set(model.leavesFor('tinh').map((l) => l.node.rule!.type));
    expect([...used].sort()).toEqual(['boolean', 'choice', 'count', 'manual', 'ratio', 'relative', 'tiers']);
  });
});

describe('khanh-hoa-agencies: a province scoring its own departments and districts', () => {
  const model = load('khanh-hoa-agencies');
  const DEPT = 'so-nganh';
  const DIST = 'cap-huyen';

  it('is the 2023 framework', () => {
    expect(model.framework.id).toBe('khanh-hoa-agencies');
    expect(model.framework.year).toBe(2023);
  });

  it('assesses two groups: departments and district-level units', () => {
    expect(model.framework.groups.map((g) => [g.id, g.name.vi])).toEqual([
      [DEPT, 'Sở, ban, ngành'],
      [DIST, 'UBND cấp huyện'],
    ]);
  });

  it('has the 8 main indicators of the Khánh Hòa framework, in order', () => {
    expect(codes(model.roots)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(model.roots.map((r) => r.node.name.vi)).toEqual([
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

  it('totals 1000 points for each group', () => {
    expect(model.totalFor(DEPT).toNumber()).toBe(1000);
    expect(model.totalFor(DIST).toNumber()).toBe(1000);
  });

  it('does not assess departments on digital-economy (7) and digital-society (8) activity', () => {
    expect(codes(model.mainFor(DEPT))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(codes(model.mainFor(DIST))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('has some sub-indicators that apply to one group only', () => {
    const dept = new Set(codes(model.leavesFor(DEPT)));
    const dist = new Set(codes(model.leavesFor(DIST)));
    const onlyDept = [...dept].filter((c) => !dist.has(c));
    const onlyDistInShared = [...dist].filter((c) => !dept.has(c) && !c.startsWith('7.') && !c.startsWith('8.'));
    expect(onlyDept.length).toBeGreaterThan(0);
    expect(onlyDistInShared.length).toBeGreaterThan(0);
  });

  it('has between 50 and 70 sub-indicators, some with a deeper level', () => {
    const below = allNodes(model).filter((n) => n.depth > 0);
    expect(below.length).toBeGreaterThanOrEqual(50);
    expect(below.length).toBeLessThanOrEqual(70);
    expect(codes(model.nodes.get('6.2')!.children)).toEqual(['6.2.a', '6.2.b', '6.2.c']);
  });

  it('uses every rule family at least twice', () => {
    const leaves = allNodes(model).filter((n) => n.isLeaf && !n.informational);
    for (const type of RULE_TYPES) {
      expect(leaves.filter((l) => l.node.rule?.type === type).length, type).toBeGreaterThanOrEqual(2);
    }
  });

  it('scores steering committee meetings by tiers: 4 → 20, 3 → 15, 2 → 10, 1 → 5', () => {
    expect(model.nodes.get('1.2')!.node.rule).toEqual({
      type: 'tiers',
      basis: 'value',
      tiers: [
        { min: 4, points: 20 },
        { min: 3, points: 15 },
        { min: 2, points: 10 },
        { min: 1, points: 5 },
      ],
    });
  });

  it('scores the head of the steering committee by role: the head full points, a deputy half, none 0', () => {
    const rule = model.nodes.get('1.1')!.node.rule!;
    expect(rule.type).toBe('choice');
    const options = rule.type === 'choice' ? rule.options.map((o) => [o.key, o.points]) : [];
    expect(options).toEqual([
      ['nguoi-dung-dau', 20],
      ['cap-pho', 10],
      ['khong-co', 0],
    ]);
  });

  it('requires a document as evidence for the yes/no indicators of plans and rules', () => {
    const plan = model.nodes.get('1.4')!.node;
    expect(plan.rule?.type).toBe('boolean');
    expect(plan.evidenceRequired).toBe(true);
  });

  it('keeps points to 2 decimals, publishes indices with 4 and judges ties on published values', () => {
    expect(model.framework.precision).toEqual({ points: 2, index: 4, indexDisplay: 'decimal' });
    expect(model.framework.ties).toBe('published');
  });

  it('classes agencies as Tốt from 0.9, Khá from 0.8, Trung bình from 0.6, else Yếu', () => {
    expect(model.framework.classes.map((c) => [c.code, c.name.vi, c.name.en, c.min])).toEqual([
      ['tot', 'Tốt', 'Good', 0.9],
      ['kha', 'Khá', 'Fair', 0.8],
      ['trung-binh', 'Trung bình', 'Average', 0.6],
      ['yeu', 'Yếu', 'Weak', 0],
    ]);
  });
});

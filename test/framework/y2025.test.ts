import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../src/framework/parse.js';
import { Y2025 } from '../helpers/y2025.js';

const parse = (fw: unknown) => parseFramework(JSON.stringify(fw), 'json', 'fw.json', 'en');
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('2025 framework features', () => {
  it('load: tags, onlyFor, N/A allowed, bonus and penalty, per-group totals and group classes', () => {
    const out = parse(Y2025);
    expect(out.issues).toEqual([]);
    if (!out.ok) return;
    const m = out.model;
    expect(['so', 'tw', 'xa'].map((g) => m.totalFor(g).toNumber())).toEqual([100, 80, 90]);
    expect(m.nodes.get('9.2')!.effect).toBe('penalty');
    expect(m.maxFor(m.nodes.get('9')!, 'so').toNumber()).toBe(0);
    expect(m.capFor(m.nodes.get('9')!, 'so').toNumber()).toBe(30);
    expect(m.classesFor('xa').map((c) => c.code)).toEqual(['tot', 'kha']);
    expect(m.classesFor('so').map((c) => c.code)).toEqual(['a', 'b']);
  });

  it('report an onlyFor tag the framework does not declare', () => {
    const fw = clone(Y2025);
    (fw.indicators[1]!.children[0] as { onlyFor: string[] }).onlyFor = ['has-services'];
    expect(parse(fw).issues.map((i) => [i.code, i.location.path, i.params.tag])).toEqual([['E_FW_UNKNOWN_TAG', 'indicators[1].children[0].onlyFor', 'has-services']]);
  });

  it('check a group’s declared total against its indicators', () => {
    const fw = clone(Y2025);
    fw.maxPointsByGroup.tw = 100;
    expect(parse(fw).issues.map((i) => [i.code, i.location.path, i.params.sum])).toEqual([['E_FW_SUM_MISMATCH', 'maxPointsByGroup.tw', '80']]);
  });

  it('keep bonus and penalty points out of a branch’s declared maximum', () => {
    const fw = clone(Y2025) as any;
    fw.indicators[2].maxPoints = 30;
    expect(parse(fw).issues.map((i) => [i.code, i.location.path])).toContainEqual(['E_FW_SUM_MISMATCH', 'indicators[2].maxPoints']);
  });
});

describe('the normalised 2025 framework', () => {
  it('loads back with the same tags, applicability, effects, caps and totals', async () => {
    const { normaliseFramework } = await import('../../src/framework/normalise.js');
    const first = parse(Y2025);
    if (!first.ok) throw new Error('Y2025 does not load');
    const again = parse(normaliseFramework(first.model));
    expect(again.issues).toEqual([]);
    if (!again.ok) return;
    expect(normaliseFramework(again.model)).toEqual(normaliseFramework(first.model));
    const m = again.model;
    expect(['so', 'tw', 'xa'].map((g) => m.totalFor(g).toNumber())).toEqual([100, 80, 90]);
    expect(m.capFor(m.nodes.get('9.1')!, 'so').toNumber()).toBe(10);
    expect(m.nodes.get('2.1')!.onlyFor).toEqual([['has-public-services']]);
    expect(m.nodes.get('1.2')!.notApplicableAllowed).toBe(true);
  });
});

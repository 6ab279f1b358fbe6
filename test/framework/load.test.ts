import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../src/framework/parse.js';
import { normaliseFramework } from '../../src/framework/normalise.js';
import { loadFramework } from '../../src/framework/load.js';
import { TINY } from '../helpers/build.js';
import { t } from '../../src/i18n/catalog.js';

const parse = (fw: unknown, lang: 'vi' | 'en' = 'en') => parseFramework(JSON.stringify(fw), 'json', 'fw.json', lang);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('loading a framework file', () => {
  it('accepts a valid framework', () => {
    expect(parse(TINY).ok).toBe(true);
  });

  it('reports a schema problem with its path in the file', () => {
    const fw = clone(TINY) as any;
    fw.indicators[1].children[0].rule.target = 150;
    const out = parse(fw);
    expect(out.ok).toBe(false);
    expect(out.issues.map((i) => [i.code, i.location.path])).toEqual([['E_FW_SCHEMA', 'indicators[1].children[0].rule.target']]);
    expect(out.issues[0]!.params.detail).toMatch(/100/);
  });

  it('reports every schema problem, not only the first', () => {
    const fw = clone(TINY) as any;
    fw.indicators[0].children[0].rule = { type: 'dice' };
    fw.groups[0].id = 'Bad Id';
    expect(parse(fw).issues.length).toBeGreaterThanOrEqual(2);
  });

  it('words schema problems in the language they are shown in, with no English in Vietnamese', () => {
    const fw = clone(TINY) as any;
    fw.year = 'năm nay';
    const [found] = parse(fw, 'vi').issues;
    expect(t('E_FW_SCHEMA', 'vi', found!.params)).toBe('cần một số, nhưng là văn bản');
    expect(t('E_FW_SCHEMA', 'en', found!.params)).toBe('a number expected, found text');
  });

  it('rejects children whose max points do not add up to their parent', () => {
    const fw = clone(TINY) as any;
    fw.indicators[0].children[1].maxPoints = 25;
    const out = parse(fw);
    expect(out.ok).toBe(false);
    expect(out.issues.find((i) => i.code === 'E_FW_SUM_MISMATCH')).toMatchObject({
      location: { path: 'indicators[0].maxPoints' },
      params: { code: '1', declared: '40', sum: '35' },
    });
  });

  it('checks the sums for every group separately', () => {
    const fw = clone(TINY) as any;
    fw.indicators[1].maxPointsByGroup = { dist: 25 };
    const out = parse(fw);
    expect(out.issues.some((i) => i.code === 'E_FW_SUM_MISMATCH' && i.params.group === 'dist')).toBe(true);
  });

  it('rejects duplicated codes, unknown groups and unknown pillars', () => {
    const fw = clone(TINY) as any;
    fw.indicators[0].children[1].code = '1.1';
    fw.indicators[1].children[1].groups = ['nowhere'];
    fw.indicators[2].pillars = ['eco'];
    const codes = parse(fw).issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['E_FW_DUPLICATE_CODE', 'E_FW_UNKNOWN_GROUP', 'E_FW_UNKNOWN_PILLAR']));
  });

  it('rejects a scored leaf without a rule', () => {
    const fw = clone(TINY) as any;
    delete fw.indicators[0].children[0].rule;
    expect(parse(fw).issues.map((i) => i.code)).toContain('E_FW_NO_RULE');
  });

  it('rejects tiers that give more points than the indicator max', () => {
    const fw = clone(TINY) as any;
    fw.indicators[0].children[1].rule = { type: 'tiers', tiers: [{ min: 4, points: 40 }] };
    expect(parse(fw).issues.map((i) => i.code)).toContain('E_FW_RULE_POINTS_OVER_MAX');
  });

  it('reports a syntax error in YAML with the file', () => {
    const out = parseFramework('id: [unclosed', 'yaml', 'broken.yaml');
    expect(out.issues[0]).toMatchObject({ code: 'E_FW_SYNTAX', location: { file: 'broken.yaml' } });
  });

  it('says an unknown framework is neither bundled nor a file', () => {
    const out = loadFramework('no-such-framework');
    expect(out.ok).toBe(false);
    expect(out.issues[0]!.code).toBe('E_FW_NOT_FOUND');
  });
});

describe('the normalised framework', () => {
  it('fills in branch max points and children on every node', () => {
    const fw = clone(TINY) as any;
    delete fw.indicators[0].maxPoints;
    const out = parse(fw);
    if (!out.ok) throw new Error('load failed');
    const json = normaliseFramework(out.model) as any;
    expect(json.indicators[0]).toMatchObject({ code: '1', name: { vi: 'Awareness', en: 'Awareness' }, maxPoints: 40 });
    expect(json.indicators[0].children[0].children).toEqual([]);
    expect(json.indicators[0].children[0].rule).toEqual({ type: 'boolean' });
  });

  it('loads back as the same framework', () => {
    const first = parse(TINY);
    if (!first.ok) throw new Error('load failed');
    const json = normaliseFramework(first.model);
    const second = parse(json);
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    expect(normaliseFramework(second.model)).toEqual(json);
  });
});

import { describe, expect, it } from 'vitest';
import { compareYears, findAgency, formatRankChange, rankChangeText, strippedNameKey } from '../../src/compare/compare.js';
import { readPrevious, readUnitsMap } from '../../src/compare/read-previous.js';
import { comparisonSchema, type AgencyComparison, type Comparison } from '../../src/compare/schema.js';
import { loadFramework } from '../../src/framework/load.js';
import { hasMessage, t } from '../../src/i18n/catalog.js';
import { scoreAndRank, scoreFiles } from '../../src/pipeline.js';
import type { ResultsDoc } from '../../src/results/schema.js';
import { parseGrid } from '../../src/submission/parse.js';
import { LONG_HEADER, grid, model } from '../helpers/build.js';

// ---------------------------------------------------------------------------------------------
// Results documents from the real pipeline on inline data: every leaf is scored manually, so
// each agency's points (and so its indices) are exactly the figures given.

interface Main {
  readonly code: string;
  readonly name: string;
  readonly leaves: readonly string[];
}

function framework(id: string, year: number, mains: readonly Main[], leafMax: number, groups: { id: string; name: string }[]) {
  return {
    id,
    name: { vi: `Bộ chỉ số ${id}`, en: `Framework ${id}` },
    version: '1',
    year,
    precision: { points: 2, index: 4 },
    groups: groups.map((g) => ({ id: g.id, name: { vi: g.name, en: g.id } })),
    indicators: mains.map((m) => ({
      code: m.code,
      name: { vi: m.name, en: `Indicator ${m.code}` },
      children: m.leaves.map((code) => ({ code, name: `Chỉ số ${code}`, maxPoints: leafMax, rule: { type: 'manual' } })),
    })),
  };
}

/** [code, name, group, points of each leaf in framework order] */
type AgencyRow = [string, string, string, number[]];

function results(fw: ReturnType<typeof framework>, agencies: readonly AgencyRow[]): ResultsDoc {
  const m = model(fw);
  const leaves = fw.indicators.flatMap((i) => i.children.map((c) => c.code));
  const rows = [
    LONG_HEADER,
    ...agencies.flatMap(([code, name, group, points]) => leaves.map((leaf, i) => [code, name, group, fw.year, leaf, null, null, null, points[i]!, null, null])),
  ];
  const parsed = parseGrid(grid(rows, `nop-${fw.year}.csv`), m);
  expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return scoreAndRank(m, parsed.submissions, parsed.issues, [], 'vi').results;
}

const row = (c: Comparison, code: string): AgencyComparison => {
  const found = findAgency(c, code);
  if (!found) throw new Error(`no ${code} in the comparison`);
  return found;
};

// ---------------------------------------------------------------------------------------------
// Provinces before and after the 2025 reorganisation: Đà Nẵng + Quảng Nam, Khánh Hòa + Ninh Thuận.

const PROVINCE_MAINS: Main[] = [
  { code: '1', name: 'Nền tảng chung', leaves: ['1.1'] },
  { code: '2', name: 'Hoạt động', leaves: ['2.1'] },
];
const provinces = (year: number) => framework('vn-province', year, PROVINCE_MAINS, 5000, [{ id: 'tinh', name: 'Tỉnh, thành phố' }]);

// Index = (points of 1.1 + points of 2.1) / 10 000.
const PROVINCES_2023: AgencyRow[] = [
  ['DNG', 'Đà Nẵng', 'tinh', [4500, 3835]], // 0.8335
  ['HUE', 'Thừa Thiên Huế', 'tinh', [3600, 3500]], // 0.7100
  ['KHA', 'Khánh Hòa', 'tinh', [3300, 3200]], // 0.6500
  ['LDG', 'Lâm Đồng', 'tinh', [3000, 3000]], // 0.6000
  ['QNA', 'Quảng Nam', 'tinh', [3000, 2803]], // 0.5803
  ['NTH', 'Ninh Thuận', 'tinh', [2700, 2800]], // 0.5500
];
const PROVINCES_2024: AgencyRow[] = [
  ['DNG', 'Đà Nẵng', 'tinh', [4000, 3500]], // 0.7500
  ['HUE', 'Huế', 'tinh', [3600, 3600]], // 0.7200
  ['KHA', 'Khánh Hòa', 'tinh', [3200, 3200]], // 0.6400
  ['LDG', 'Lâm Đồng', 'tinh', [3100, 3000]], // 0.6100
];
const UNITS_MAP = [
  { current: 'DNG', previous: 'DNG' },
  { current: 'DNG', previous: 'QNA' },
  { current: 'KHA', previous: 'KHA' },
  { current: 'KHA', previous: 'NTH' },
];

describe('merged units', () => {
  const before = results(provinces(2023), PROVINCES_2023);
  const now = results(provinces(2024), PROVINCES_2024);
  const c = compareYears(now, before, { unitsMap: UNITS_MAP });

  it('reads the documents as the pipeline ranked them', () => {
    expect(before.groups[0]!.agencies.map((a) => [a.code, a.index, a.rank])).toEqual([
      ['DNG', 0.8335, 1],
      ['HUE', 0.71, 2],
      ['KHA', 0.65, 3],
      ['LDG', 0.6, 4],
      ['QNA', 0.5803, 5],
      ['NTH', 0.55, 6],
    ]);
    expect(comparisonSchema.safeParse(c).success).toBe(true);
  });

  it("gives a merged unit the plain mean of its former units' indices: (0.8335 + 0.5803) / 2 = 0.7069", () => {
    const dng = row(c, 'DNG');
    expect(dng.status).toBe('merged');
    expect(dng.matchedBy).toBe('map');
    expect(dng.previous).toMatchObject({ index: 0.7069, codes: ['DNG', 'QNA'], names: ['Đà Nẵng', 'Quảng Nam'], rankRecomputed: true });
    expect(dng.indexChange).toBe(0.0431);
    expect(row(c, 'KHA').previous?.index).toBe(0.6);
    expect(c.merges).toEqual([
      { code: 'DNG', name: 'Đà Nẵng', group: 'tinh', previous: ['DNG', 'QNA'], index: 0.7069 },
      { code: 'KHA', name: 'Khánh Hòa', group: 'tinh', previous: ['KHA', 'NTH'], index: 0.6 },
    ]);
    const merged = c.issues.filter((i) => i.code === 'I_UNITS_MERGED');
    expect(merged.map((i) => i.params)).toEqual([
      { agency: 'DNG', codes: 'DNG, QNA', index: '0.7069' },
      { agency: 'KHA', codes: 'KHA, NTH', index: '0.6000' },
    ]);
    expect(t('I_UNITS_MERGED', 'vi', merged[0]!.params)).toBe(
      'Đơn vị DNG được hợp nhất từ DNG, QNA: chỉ số năm trước là trung bình cộng của các đơn vị cũ, 0,7069',
    );
  });

  it("recomputes last year's ranks among this year's units, with shared ranks for ties", () => {
    // Previous values: HUE 0.7100, DNG 0.7069, KHA 0.6000, LDG 0.6000 → 1, 2, 3, 3.
    expect(c.groups[0]!.agencies.map((a) => [a.code, a.rank, a.previous?.rank, a.rankChange])).toEqual([
      ['DNG', 1, 2, 1],
      ['HUE', 2, 1, -1],
      ['KHA', 3, 3, 0],
      ['LDG', 4, 3, -1],
    ]);
    // Lâm Đồng was 4th of the 63-style list; among this year's units it was tied 3rd.
    expect(row(c, 'LDG').previous).toMatchObject({ index: 0.6, rank: 3, codes: ['LDG'], rankRecomputed: true });
    expect(row(c, 'HUE').status).toBe('renamed'); // Thừa Thiên Huế → Huế, same code
    expect(row(c, 'LDG').status).toBe('same');
  });

  it('compares main indicators with the mean over the former units', () => {
    // DNG 2023: 0.9 and 0.767; QNA: 0.6 and 0.5606 → 0.75 and 0.6638.
    expect(row(c, 'DNG').indicators).toEqual([
      { code: '1', name: { vi: 'Nền tảng chung', en: 'Indicator 1' }, index: 0.8, previous: 0.75, change: 0.05 },
      { code: '2', name: { vi: 'Hoạt động', en: 'Indicator 2' }, index: 0.7, previous: 0.6638, change: 0.0362 },
    ]);
  });

  it('lists nothing as gone when every former unit is mapped', () => {
    expect(c.gone).toEqual([]);
    expect(c.issues.some((i) => i.code === 'I_AGENCIES_GONE')).toBe(false);
    expect(c.framework.changed).toBe(false);
  });

  it('without the map, the former units are gone and the published ranks are kept', () => {
    const plain = compareYears(now, before);
    expect(row(plain, 'DNG')).toMatchObject({ status: 'same', previous: { index: 0.8335, rank: 1, rankRecomputed: false }, rankChange: 0 });
    expect(row(plain, 'LDG').previous?.rank).toBe(4);
    expect(plain.gone.map((g) => g.code)).toEqual(['QNA', 'NTH']);
    expect(plain.issues.find((i) => i.code === 'I_AGENCIES_GONE')?.params).toEqual({ count: 2, codes: 'QNA, NTH' });
  });

  it('warns about map codes that match nothing', () => {
    const odd = compareYears(now, before, { unitsMap: [...UNITS_MAP, { current: 'XYZ', previous: 'DNG' }, { current: 'LDG', previous: 'DNO' }] });
    expect(odd.issues.filter((i) => i.code.startsWith('W_UNITS_MAP')).map((i) => [i.code, i.params])).toEqual([
      ['W_UNITS_MAP_UNKNOWN_CURRENT', { agency: 'XYZ' }],
      ['W_UNITS_MAP_UNKNOWN_PREVIOUS', { agency: 'LDG', previous: 'DNO' }],
    ]);
    // LDG's map entry found nothing: it is matched by its code as before.
    expect(row(odd, 'LDG').matchedBy).toBe('code');
  });

  it('takes pairs that differ only by case or spacing as one pair, not a merge of a unit with itself', () => {
    const twice = compareYears(now, before, { unitsMap: [...UNITS_MAP, { current: 'dng', previous: 'qna' }, { current: 'HUE', previous: 'HUE' }, { current: 'HUE', previous: 'hue' }] });
    expect(row(twice, 'DNG').previous).toEqual(row(c, 'DNG').previous);
    expect(row(twice, 'HUE').status).not.toBe('merged');
    expect(twice.issues.filter((i) => i.code === 'I_UNITS_MERGED')).toHaveLength(2);
  });

  it('reads a large units map in linear time: 200,000 pairs, most of them repeats of a few', () => {
    // With a list searched for each pair this took minutes; sets make it a fraction of a second (the test's timeout is the check).
    const big = Array.from({ length: 200_000 }, (_, i) => ({ current: i % 2 ? 'DNG' : 'dng', previous: i % 3 ? 'QNA' : `X${i}` }));
    const r = compareYears(now, before, { unitsMap: [...UNITS_MAP, ...big] });
    expect(row(r, 'DNG').status).toBe('merged');
  }, 20_000);
});

// ---------------------------------------------------------------------------------------------
// Agencies of a province under a framework that changed: codes, names, new and gone units.

const GROUPS = [
  { id: 'so-nganh', name: 'Sở, ban, ngành' },
  { id: 'cap-huyen', name: 'Cấp huyện' },
];
const MAINS_2023: Main[] = [
  { code: '1', name: 'Nhận thức số', leaves: ['1.1'] },
  { code: '2', name: 'Chính quyền số', leaves: ['2.1'] },
  { code: '3', name: 'Đô thị thông minh', leaves: ['3.1'] },
];
const MAINS_2025: Main[] = [
  { code: '1', name: 'Nhận thức số', leaves: ['1.1'] },
  { code: '2', name: 'Chính quyền số', leaves: ['2.1', '2.2'] },
  { code: '4', name: 'Kinh tế số', leaves: ['4.1'] },
];

const AGENCIES_2023: AgencyRow[] = [
  ['STTTT', 'Sở Thông tin và Truyền thông', 'so-nganh', [45, 40, 35]], // 0.8, 1st
  ['BDT', 'Ban Dân tộc', 'so-nganh', [40, 35, 30]], // 0.7, 2nd
  ['SVHTT', 'Sở Văn hóa và Thể thao', 'so-nganh', [30, 30, 30]], // 0.6, 3rd
  ['BQLKKT', 'Ban Quản lý Khu kinh tế Vân Phong', 'so-nganh', [20, 20, 20]], // 0.4, 4th
  ['VNI', 'H. Vạn Ninh', 'cap-huyen', [25, 25, 25]], // 0.5, 1st
  ['NTR', 'TP. Nha Trang', 'cap-huyen', [20, 20, 20]], // 0.4, 2nd
];
const AGENCIES_2025: AgencyRow[] = [
  ['SVHTT', 'Sở Văn hóa, Thể thao và Du lịch', 'so-nganh', [50, 50, 50, 40]], // 0.95, 1st (was 3rd)
  ['STTTT', 'Sở Thông tin và Truyền thông', 'so-nganh', [45, 45, 45, 45]], // 0.9, 2nd (was 1st)
  ['BDTTG', 'Ban Dân tộc', 'so-nganh', [40, 40, 40, 40]], // 0.8, 3rd (was 2nd, as BDT)
  ['SNGV', 'Sở Ngoại vụ', 'so-nganh', [30, 30, 30, 30]], // 0.6, new
  ['VN', 'UBND huyện Vạn Ninh', 'cap-huyen', [35, 35, 35, 35]], // 0.7, 1st (was 1st, as VNI)
  ['NTR', 'UBND thành phố Nha Trang', 'cap-huyen', [25, 25, 25, 25]], // 0.5, 2nd (was 2nd)
];

describe('matching agencies from one year to the next', () => {
  const before = results(framework('kh-2023', 2023, MAINS_2023, 50, GROUPS), AGENCIES_2023);
  const now = results(framework('kh-2025', 2025, MAINS_2025, 50, GROUPS), AGENCIES_2025);
  const c = compareYears(now, before);

  it('matches by code first', () => {
    expect(row(c, 'STTTT')).toMatchObject({ status: 'same', matchedBy: 'code', previous: { index: 0.8, rank: 1, codes: ['STTTT'] } });
    // Same code, new name: the same unit renamed.
    expect(row(c, 'SVHTT')).toMatchObject({ status: 'renamed', matchedBy: 'code', previous: { index: 0.6, rank: 3, names: ['Sở Văn hóa và Thể thao'] } });
  });

  it('then by name, with a warning naming both codes', () => {
    expect(row(c, 'BDTTG')).toMatchObject({ status: 'renamed', matchedBy: 'name', previous: { index: 0.7, rank: 2, codes: ['BDT'] } });
    const warning = c.issues.find((i) => i.code === 'W_MATCHED_BY_NAME' && i.params.agency === 'BDTTG')!;
    expect(warning.severity).toBe('warning');
    expect(warning.params).toEqual({ agency: 'BDTTG', name: 'Ban Dân tộc', previous: 'BDT', previousName: 'Ban Dân tộc' });
    const text = t('W_MATCHED_BY_NAME', 'vi', warning.params);
    expect(text).toContain('BDTTG');
    expect(text).toContain('BDT (Ban Dân tộc)');
    expect(t('W_MATCHED_BY_NAME', 'en', warning.params)).toContain('matched by name with BDT');
  });

  it('strips unit types only when the plain names do not match', () => {
    expect(strippedNameKey('UBND huyện Vạn Ninh')).toBe('van ninh');
    expect(strippedNameKey('H. Vạn Ninh')).toBe('van ninh');
    expect(strippedNameKey('UBND TP. Nha Trang')).toBe('nha trang');
    expect(strippedNameKey('Sở Y tế')).toBe('y te');
    expect(strippedNameKey('Huyện')).toBe('huyen');
    expect(row(c, 'VN')).toMatchObject({ status: 'renamed', matchedBy: 'name', previous: { codes: ['VNI'], index: 0.5, rank: 1 } });
    expect(c.issues.filter((i) => i.code === 'W_MATCHED_BY_NAME').map((i) => [i.params.agency, i.params.previous])).toEqual([
      ['BDTTG', 'BDT'],
      ['VN', 'VNI'],
    ]);
  });

  it('marks new agencies and lists the ones gone', () => {
    expect(row(c, 'SNGV')).toMatchObject({ status: 'new', matchedBy: null, previous: null, rankChange: null, indexChange: null });
    expect(row(c, 'SNGV').indicators.every((i) => i.previous === null && i.change === null)).toBe(true);
    expect(c.gone).toEqual([{ code: 'BQLKKT', name: 'Ban Quản lý Khu kinh tế Vân Phong', group: 'so-nganh', index: 0.4, rank: 4 }]);
    expect(c.issues.find((i) => i.code === 'I_AGENCIES_GONE')).toMatchObject({ severity: 'info', params: { count: 1, codes: 'BQLKKT' } });
  });

  it('gives rank changes as positive for a move up', () => {
    expect(c.groups.map((g) => g.agencies.map((a) => [a.code, a.rankChange]))).toEqual([
      [
        ['SVHTT', 2],
        ['STTTT', -1],
        ['BDTTG', -1],
        ['SNGV', null],
      ],
      [
        ['VN', 0],
        ['NTR', 0],
      ],
    ]);
    expect(row(c, 'SVHTT').indexChange).toBe(0.35);
    expect(row(c, 'STTTT').indexChange).toBe(0.1);
    expect(c.groups.flatMap((g) => g.agencies.map((a) => rankChangeText(a, 'vi')))).toEqual(['↑2', '↓1', '↓1', 'mới', '=', '=']);
    expect(rankChangeText(row(c, 'SNGV'), 'en')).toBe('new');
  });

  it('compares the main indicators both frameworks have, and reports those added and dropped', () => {
    expect(c.framework).toMatchObject({
      previous: { id: 'kh-2023', year: 2023 },
      current: { id: 'kh-2025', year: 2025 },
      changed: true,
      indicators: { shared: ['1', '2'], added: ['4'], dropped: ['3'] },
      leaves: { shared: ['1.1', '2.1'], added: ['2.2', '4.1'], dropped: ['3.1'] },
    });
    expect(c.framework.names['3']).toEqual({ vi: 'Đô thị thông minh', en: 'Indicator 3' });
    expect(c.framework.names['4']).toEqual({ vi: 'Kinh tế số', en: 'Indicator 4' });
    // STTTT: 1 was 45/50 = 0.9 and is 0.9; 2 was 40/50 = 0.8 and is 90/100 = 0.9; 4 is new.
    expect(row(c, 'STTTT').indicators.map((i) => [i.code, i.index, i.previous, i.change])).toEqual([
      ['1', 0.9, 0.9, 0],
      ['2', 0.9, 0.8, 0.1],
      ['4', 0.9, null, null],
    ]);
    const changed = c.issues.find((i) => i.code === 'I_FRAMEWORK_CHANGED')!;
    expect(changed.params).toEqual({ previous: 'kh-2023 1', current: 'kh-2025 1', added: '4', dropped: '3' });
    expect(c.currentYear).toBe(2025);
    expect(c.previousYear).toBe(2023);
  });

  it('matches no one when a name fits several of last year\'s units', () => {
    const twice = results(framework('kh-2023', 2023, MAINS_2023, 50, GROUPS), [
      ['YT1', 'Sở Y tế', 'so-nganh', [10, 10, 10]],
      ['YT2', 'Sở Y tế', 'cap-huyen', [10, 10, 10]],
    ]);
    const next = results(framework('kh-2023', 2024, MAINS_2023, 50, GROUPS), [['SYT', 'Sở Y tế', 'so-nganh', [20, 20, 20]]]);
    const d = compareYears(next, twice);
    expect(row(d, 'SYT').status).toBe('new');
    expect(d.issues.map((i) => i.code)).toEqual(['W_NAME_MATCH_AMBIGUOUS', 'I_AGENCIES_GONE']);
    expect(d.issues[0]!.params).toEqual({ agency: 'SYT', name: 'Sở Y tế', codes: 'YT1, YT2' });
  });

  it('warns when the results compared with are not from an earlier year', () => {
    expect(compareYears(before, before).issues.map((i) => i.code)).toEqual(['W_PREVIOUS_YEAR_NOT_EARLIER']);
  });
});

describe('formatRankChange', () => {
  it('shows up, down, level and new', () => {
    expect(formatRankChange(3, 'vi')).toBe('↑3');
    expect(formatRankChange(-1, 'vi')).toBe('↓1');
    expect(formatRankChange(0, 'en')).toBe('=');
    expect(formatRankChange(null, 'vi')).toBe('mới');
    expect(formatRankChange(null, 'en')).toBe('new');
  });
});

describe('the Khánh Hòa sample, 2023 → 2024', () => {
  const fw = loadFramework('khanh-hoa-agencies');
  if (!fw.ok) throw new Error('framework did not load');
  const now = scoreFiles(['fixtures/khanh-hoa-2024/agencies-long.csv'], fw.model).results;
  const previous = readPrevious('fixtures/khanh-hoa-2023/results-2023.json');
  const units = readUnitsMap('fixtures/khanh-hoa-2024/units-map.csv');

  it('reads last year and the units map', () => {
    expect(previous.issues).toEqual([]);
    expect(units).toEqual({ map: [{ current: 'NHVN', previous: 'NHO' }, { current: 'NHVN', previous: 'VNI' }], issues: [] });
  });

  it('finds the renamed, recoded, new, gone and merged agencies', () => {
    const c = compareYears(now, previous.doc!, { unitsMap: units.map });
    expect(c.previousYear).toBe(2023);
    expect(c.currentYear).toBe(2024);
    expect(row(c, 'SVHTT')).toMatchObject({ status: 'renamed', matchedBy: 'code' });
    expect(row(c, 'BDTTG')).toMatchObject({ status: 'renamed', matchedBy: 'name', previous: { codes: ['BDT'] } });
    expect(row(c, 'SNGV').status).toBe('new');
    expect(c.gone.map((g) => g.code)).toEqual(['BQLKKT']);
    const nhvn = row(c, 'NHVN');
    expect(nhvn.status).toBe('merged');
    const all = previous.doc!.groups.flatMap((g) => g.agencies);
    const nho = all.find((a) => a.code === 'NHO')!.index;
    const vni = all.find((a) => a.code === 'VNI')!.index;
    expect(nhvn.previous!.index).toBe(Number(((nho + vni) / 2).toFixed(4)));
    expect(nhvn.previous!.rankRecomputed).toBe(true);
    // The district group's previous ranks are a competition ranking of the previous values.
    const district = c.groups.find((g) => g.id === nhvn.group)!.agencies.filter((a) => a.previous);
    for (const a of district) {
      expect(a.previous!.rank).toBe(1 + district.filter((b) => b.previous!.index > a.previous!.index).length);
    }
    expect(row(c, 'STTTT')).toMatchObject({ status: 'same', previous: { rankRecomputed: false } });
    expect(c.framework.changed).toBe(false);
  });
});

describe('a block of last year that this year no longer has (the district level after July 2025)', () => {
  const before = results(framework('kh-2024', 2024, MAINS_2023, 50, GROUPS), AGENCIES_2023);
  const blocks2025 = [
    { id: 'so-nganh', name: 'Sở, ban, ngành' },
    { id: 'cap-xa', name: 'Xã, phường, đặc khu' },
  ];
  const now = results(framework('kh-2025', 2025, MAINS_2025, 50, blocks2025), [
    ['STTTT', 'Sở Thông tin và Truyền thông', 'so-nganh', [45, 45, 45, 45]],
    ['P-NHATRANG', 'UBND phường Nha Trang', 'cap-xa', [40, 40, 40, 40]],
  ]);
  const c = compareYears(now, before);

  it('is reported once, as a block, with its units', () => {
    expect(c.goneGroups).toEqual([{ id: 'cap-huyen', name: { vi: 'Cấp huyện', en: 'cap-huyen' }, codes: ['VNI', 'NTR'] }]);
    expect(c.issues.find((i) => i.code === 'I_GROUP_GONE')?.params).toEqual({ group: 'cap-huyen', count: 2, codes: 'VNI, NTR' });
  });

  it('keeps its units in the gone list, and names only the other units in I_AGENCIES_GONE', () => {
    expect(c.gone.map((g) => g.code).sort()).toEqual(['BDT', 'BQLKKT', 'NTR', 'SVHTT', 'VNI']);
    expect(c.issues.find((i) => i.code === 'I_AGENCIES_GONE')?.params).toEqual({ count: 3, codes: 'BDT, SVHTT, BQLKKT' });
  });

  it('is not a block gone when one of its units is mapped to this year', () => {
    const mapped = compareYears(now, before, { unitsMap: [{ current: 'P-NHATRANG', previous: 'NTR' }] });
    expect(mapped.goneGroups).toEqual([]);
    expect(mapped.gone.map((g) => g.code)).toContain('VNI');
  });

  it('parses from a comparison written before block tracking existed', () => {
    const { goneGroups: _, ...old } = c;
    expect(comparisonSchema.parse(JSON.parse(JSON.stringify(old))).goneGroups).toEqual([]);
  });
});

describe('messages', () => {
  it('has every comparison code in both languages', () => {
    for (const code of [
      'W_MATCHED_BY_NAME',
      'W_NAME_MATCH_AMBIGUOUS',
      'I_UNITS_MERGED',
      'W_UNITS_MAP_UNKNOWN_CURRENT',
      'W_UNITS_MAP_UNKNOWN_PREVIOUS',
      'W_PREVIOUS_YEAR_NOT_EARLIER',
      'I_FRAMEWORK_CHANGED',
      'I_AGENCIES_GONE',
      'I_GROUP_GONE',
      'CMP_NEW',
    ]) {
      expect(hasMessage(code), code).toBe(true);
      expect(t(code, 'vi')).not.toBe(t(code, 'en'));
    }
  });
});

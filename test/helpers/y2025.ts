import type { Submission } from '../../src/engine/input.js';
import type { AgencyScore } from '../../src/engine/score.js';
import type { FrameworkModel } from '../../src/framework/model.js';
import { parseGrid } from '../../src/submission/parse.js';
import { LONG_HEADER, grid, model } from './build.js';

/**
 * A small framework with the 2025 features (issue 11): tags and onlyFor, N/A allowed, bonus and
 * penalty, three blocks with their own maxima and classes. Engine, framework and report tests share it.
 */
export const Y2025 = {
  id: 'mini-2025',
  name: { vi: 'Bộ chỉ số thử 2025', en: 'Test framework 2025' },
  version: '1',
  year: 2025,
  maxPointsByGroup: { so: 100, tw: 80, xa: 90 },
  precision: { points: 2, index: 4 },
  tags: [
    { id: 'has-public-services', name: { vi: 'Có dịch vụ công', en: 'Provides public services' } },
    { id: 'digital-economy-duties', name: { vi: 'Có nhiệm vụ kinh tế số', en: 'Has digital-economy duties' } },
  ],
  groups: [
    { id: 'so', name: { vi: 'Sở, ban, ngành', en: 'Departments' } },
    { id: 'tw', name: { vi: 'Cơ quan Trung ương', en: 'Central agencies' }, ranked: false },
    {
      id: 'xa',
      name: { vi: 'Xã, phường, đặc khu', en: 'Communes and wards' },
      classes: [
        { code: 'tot', name: { vi: 'Tốt', en: 'Good' }, min: 0.8 },
        { code: 'kha', name: { vi: 'Khá', en: 'Fair' }, min: 0.5 },
      ],
    },
  ],
  pillars: [{ code: 'gov', name: { vi: 'Chính quyền số', en: 'Digital government' } }],
  classes: [
    { code: 'a', name: { vi: 'Xuất sắc', en: 'Excellent' }, min: 0.9 },
    { code: 'b', name: { vi: 'Tốt', en: 'Good' }, min: 0.6 },
  ],
  indicators: [
    {
      code: '1',
      name: { vi: 'Nhận thức số', en: 'Digital awareness' },
      pillars: ['gov'],
      children: [
        { code: '1.1', name: { vi: 'Kế hoạch', en: 'Plan' }, maxPoints: 40, rule: { type: 'boolean' } },
        { code: '1.2', name: { vi: 'Tuyên truyền', en: 'Outreach' }, maxPoints: 20, notApplicableAllowed: true, rule: { type: 'boolean' } },
      ],
    },
    {
      code: '2',
      name: { vi: 'Hoạt động', en: 'Activity' },
      pillars: ['gov'],
      children: [
        {
          code: '2.1',
          name: { vi: 'Dịch vụ công', en: 'Public services' },
          maxPoints: 20,
          onlyFor: ['has-public-services'],
          groups: ['so', 'tw'],
          rule: { type: 'ratio', target: 100 },
        },
        { code: '2.2', name: { vi: 'Kinh tế số', en: 'Digital economy' }, maxPoints: 20, maxPointsByGroup: { xa: 30 }, groups: ['so', 'xa'], rule: { type: 'boolean' } },
      ],
    },
    {
      code: '9',
      name: { vi: 'Điểm thưởng và điểm trừ', en: 'Bonus and penalty' },
      children: [
        { code: '9.1', name: { vi: 'Giải thưởng', en: 'Awards' }, maxPoints: 10, effect: 'bonus', rule: { type: 'count', pointsPerItem: 5 } },
        { code: '9.2', name: { vi: 'Sự cố an toàn thông tin', en: 'Security incident' }, maxPoints: 20, effect: 'penalty', rule: { type: 'boolean' } },
      ],
    },
  ],
};

export type Row = [agency: string, group: string, indicator: string, value: string | number | null, note?: string, evidence?: string];

/** Long-layout submissions with a value, an evidence and a note column; tags as the agency list would give them. */
export function subs(rows: Row[], tags: Record<string, string[]> = {}, fw: FrameworkModel = model(Y2025)): Submission[] {
  const cells = rows.map(([agency, group, indicator, value, note = null, evidence = null]) => [
    agency, `Đơn vị ${agency}`, group, 2025, indicator, value, null, null, null, evidence, note,
  ]);
  const parsed = parseGrid(grid([LONG_HEADER, ...cells], 'y2025.csv'), fw);
  if (parsed.issues.some((i) => i.severity === 'error')) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.submissions.map((s) => (tags[s.agency.code] ? { ...s, agency: { ...s.agency, tags: tags[s.agency.code] } } : s));
}

export const PUBLIC = { A: ['has-public-services'] };

/** Every leaf of a department answered no / 0, so that tests only add what they look at. */
export const base = (agency: string): Row[] => [
  [agency, 'so', '1.1', 'không'],
  [agency, 'so', '1.2', 'không'],
  [agency, 'so', '2.2', 'không'],
  [agency, 'so', '9.1', 0],
  [agency, 'so', '9.2', 'không'],
];

/** The rows with one row replaced (moved to the end). */
export const withRow = (rows: Row[], row: Row): Row[] => [...rows.filter((r) => !(r[0] === row[0] && r[2] === row[2])), row];

export const leaf = (s: AgencyScore, code: string) => s.leaves.find((l) => l.code === code)!;

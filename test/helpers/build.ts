import type { Grid, GridCell } from '../../src/core/grid.js';
import { parseFramework } from '../../src/framework/parse.js';
import type { FrameworkModel } from '../../src/framework/model.js';
import { parseGrid } from '../../src/submission/parse.js';
import type { Submission } from '../../src/submission/schema.js';

/** A framework model from an inline object; fails the test loudly when it does not load. */
export function model(framework: object): FrameworkModel {
  const parsed = parseFramework(JSON.stringify(framework), 'json', 'inline.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.model;
}

/** A CSV-like grid from rows of text (null = empty cell); row 1 is the first array. */
export function grid(rows: (string | number | null)[][], file = 'test.csv', kind: 'csv' | 'xlsx' = 'csv'): Grid {
  return {
    file,
    kind,
    sha256: '0'.repeat(64),
    sheets: [
      {
        name: kind === 'csv' ? '' : 'Sheet1',
        rows: rows.map((cells, r) =>
          cells.map((value, c): GridCell | undefined => (value === null ? undefined : { value, row: r + 1, column: c + 1 })),
        ),
      },
    ],
  };
}

export const LONG_HEADER = ['agency_code', 'agency_name', 'group', 'year', 'indicator', 'value', 'numerator', 'denominator', 'points', 'evidence', 'note'];

/** Long-layout rows: [agency, group, indicator, value, numerator, denominator, points, evidence]. */
export function longRows(rows: (string | number | null)[][]): (string | number | null)[][] {
  return [
    LONG_HEADER,
    ...rows.map(([agency, group, indicator, value = null, numerator = null, denominator = null, points = null, evidence = null]) => [
      agency!,
      `Đơn vị ${agency}`,
      group!,
      2023,
      indicator!,
      value,
      numerator,
      denominator,
      points,
      evidence,
      null,
    ]),
  ];
}

export function submissions(m: FrameworkModel, rows: (string | number | null)[][]): Submission[] {
  const parsed = parseGrid(grid(longRows(rows)), m);
  if (parsed.issues.some((i) => i.severity === 'error')) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.submissions;
}

/** A small two-group framework used across engine tests. */
export const TINY = {
  id: 'tiny',
  name: 'Tiny',
  version: '1',
  year: 2023,
  maxPoints: 100,
  precision: { points: 2, index: 4 },
  groups: [
    { id: 'dept', name: 'Departments' },
    { id: 'dist', name: 'Districts' },
  ],
  pillars: [
    { code: 'gov', name: 'Government' },
    { code: 'soc', name: 'Society' },
  ],
  indicators: [
    {
      code: '1',
      name: 'Awareness',
      maxPoints: 40,
      pillars: ['gov', 'soc'],
      children: [
        { code: '1.1', name: 'Plan issued', maxPoints: 10, rule: { type: 'boolean' }, evidenceRequired: true },
        { code: '1.2', name: 'Meetings', maxPoints: 30, rule: { type: 'ratio' } },
      ],
    },
    {
      code: '2',
      name: 'Government',
      maxPoints: 60,
      maxPointsByGroup: { dist: 30 },
      pillars: ['gov'],
      children: [
        { code: '2.1', name: 'Online services', maxPoints: 30, rule: { type: 'ratio', target: 80 } },
        { code: '2.2', name: 'Portal', maxPoints: 30, groups: ['dept'], rule: { type: 'manual' } },
      ],
    },
    {
      code: '3',
      name: 'Society',
      maxPoints: 30,
      groups: ['dist'],
      pillars: ['soc'],
      children: [{ code: '3.1', name: 'Accounts', maxPoints: 30, rule: { type: 'relative' } }],
    },
    { code: '9', name: 'Smart city', informational: true, children: [{ code: '9.1', name: 'IOC', informational: true }] },
  ],
};

/**
 * The grid with one input typed: a value under the "Giá trị" header, on the first row below it.
 * A template read back untouched is E_SUBMISSION_EMPTY; tests about a form's identity fill one cell.
 */
export function fillOneInput(g: Grid): Grid {
  return {
    ...g,
    sheets: g.sheets.map((sheet) => {
      const header = sheet.rows.findIndex((r) => r.some((c) => c !== undefined && String(c.value).trim() === 'Giá trị'));
      if (header < 0) return sheet;
      const column = sheet.rows[header]!.findIndex((c) => c !== undefined && String(c.value).trim() === 'Giá trị') + 1;
      const rows = sheet.rows.map((r) => [...r]);
      const row = rows[header + 1]!;
      const at = row.find((c) => c)?.row ?? header + 2;
      row[column - 1] = { value: '1', row: at, column };
      return { ...sheet, rows };
    }),
  };
}

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, Grid, GridCell, GridSheet } from '../src/core/grid.js';
import { issueSchema, type DtiIssue } from '../src/core/issues.js';
import { rankScores } from '../src/engine/rank.js';
import { scoreSubmissions } from '../src/engine/score.js';
import { loadFramework } from '../src/framework/load.js';
import type { FrameworkModel } from '../src/framework/model.js';
import { readCsv } from '../src/sheets/csv.js';
import { readXlsx } from '../src/sheets/xlsx/index.js';
import { COLUMN_SYNONYMS, columnRole, type ColumnRole } from '../src/submission/columns.js';
import { parseGrid } from '../src/submission/parse.js';
import { checkSubmission } from '../src/validate/checks.js';

/**
 * Whatever a sheet holds, reading, parsing, scoring, ranking and checking never throw, and every
 * issue they report is well formed and names at least its file.
 */

const RUNS = 200;

let model: FrameworkModel;
let codes: string[];
beforeAll(() => {
  const fw = loadFramework('khanh-hoa-agencies');
  if (!fw.ok) throw new Error('framework did not load');
  model = fw.model;
  codes = [...model.nodes.keys()];
});

/** Texts people and programs put in cells, the awkward ones on purpose. */
const AWKWARD = [
  '',
  ' ',
  '\u00a0',
  '\u00a065,8%\u00a0',
  '65,8',
  '1.234',
  '1,234.5',
  '1 234 567',
  '-0',
  '+5',
  '%',
  '.',
  ',',
  '0,',
  'có',
  'Có',
  'CO\u0301',
  'không',
  'x',
  'nguoi-dung-dau',
  'Người đứng đầu',
  'chuyen-trach',
  'day-du',
  '15/03/2023',
  '2023-03-15',
  '2023-03-15T10:30:00',
  '10:30:00',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '9'.repeat(400),
  '=SUM(A1:A3)',
  '=1/0',
  '#REF!',
  '#DIV/0!',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'so-nganh',
  'cap-huyen',
  'Sở, ban, ngành',
  'UBND cấp huyện',
  '2023',
  '0',
  '1',
  'I',
  'II',
  'IX',
  'a',
  'đ',
  'https://example.gov.vn/van-ban.pdf',
  'javascript:alert(1)',
  'www.example.com',
  'file:///C:/tai-lieu.pdf',
  '\uFEFF',
  '\u200b',
  '\uD800',
  'Tên đơn vị:',
  'Mã đơn vị: STP',
  'Năm: 2023',
  'Nhóm: so-nganh',
];

function arbitraries(codes: readonly string[]) {
  const indicator = fc.constantFrom(...codes, '1.1.', ' 1.2 ', '9.9', '6.2.A', '6.2');
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...AWKWARD) },
    { weight: 3, arbitrary: indicator },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 2, arbitrary: fc.constantFrom('STP', 'SNV', 'CRA', 'A', 'B') },
  );
  const value: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 3, arbitrary: fc.double() }, // NaN, ±Infinity, -0, subnormals
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, 0.1 + 0.2, 2023, 45000, Number.MAX_VALUE, Number.MIN_VALUE) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: fc.constant(null) },
  );
  // A cell problem (error value, formula without result) one time in ten; a link one time in ten.
  const problem = fc.oneof(
    { weight: 9, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.record({ code: fc.constantFrom('E_CELL_ERROR', 'E_FORMULA_NO_RESULT'), detail: fc.constantFrom('#REF!', '#DIV/0!', 'SUM(A1:A3)', '') }) },
  );
  const link = fc.oneof(
    { weight: 9, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('https://example.gov.vn/a.pdf', 'mailto:x@example.vn', 'ftp://x', '') },
  );
  /** A header cell: a synonym of a role (in any case), an indicator code, or anything. */
  const roles = Object.values(COLUMN_SYNONYMS).flat();
  const header = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...roles).chain((s) => fc.constantFrom(s, s.toUpperCase(), s.replace(/ /g, '_'), `${s} (1)`)) },
    { weight: 2, arbitrary: fc.constantFrom('Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Năm', 'Mã chỉ số', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Ghi chú') },
    { weight: 2, arbitrary: indicator },
    { weight: 1, arbitrary: text },
  );
  return { value, problem, link, header };
}

/** Roles every recognised header has: the indicator, the agency and its group (the framework has two). */
const REQUIRED: readonly ColumnRole[] = ['indicator', 'agencyCode', 'group'];

/**
 * A header a reader recognises: roles in random order (each named by a random synonym), always
 * the required ones, and other cells mixed in.
 */
function recognisedHeader(other: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const synonyms = COLUMN_SYNONYMS as Record<ColumnRole, readonly string[]>;
  const roles = Object.keys(synonyms) as ColumnRole[];
  return fc
    .tuple(
      fc.shuffledSubarray(roles.filter((r) => !REQUIRED.includes(r))),
      fc.array(fc.nat(), { minLength: roles.length, maxLength: roles.length }),
      fc.array(fc.tuple(fc.nat(), other), { maxLength: 3 }),
      fc.nat(),
    )
    .map(([picked, choices, extras, at]) => {
      const header = [...REQUIRED, ...picked].map((r, i) => synonyms[r as ColumnRole][choices[i]! % synonyms[r as ColumnRole].length]!);
      for (let i = 0; i < REQUIRED.length; i++) {
        const required = header.shift()!;
        header.splice((at + i * 7) % (header.length + 1), 0, required);
      }
      for (const [where, text] of extras) header.splice(where % (header.length + 1), 0, text);
      return header;
    });
}

interface Shape {
  kind: 'csv' | 'xlsx';
  /** Rows above the header, columns left of the table. */
  top: number;
  left: number;
  header: string[];
  /** Cells below the header; a `fit` cell takes, when its column's header names a role, a value that suits the role. */
  rows: { value: CellValue; problem: { code: string; detail: string } | null; link: string | null; fit?: number | null }[][];
  extraRows: { value: CellValue; problem: null; link: null }[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
  hidden: number[];
  hiddenSheet: boolean;
  metadata: [string, CellValue][];
}

function shapeArbitrary(codes: readonly string[]): fc.Arbitrary<Shape> {
  const a = arbitraries(codes);
  const cell = fc.record({ value: a.value, problem: a.problem, link: a.link, fit: fc.option(fc.nat(), { freq: 4 }) }); // fit three times in four
  return fc.record({
    kind: fc.constantFrom('csv' as const, 'xlsx' as const),
    top: fc.nat(4),
    left: fc.nat(3),
    header: fc.oneof(fc.array(a.header, { maxLength: 12 }), recognisedHeader(a.header)),
    rows: fc.array(fc.array(cell, { maxLength: 13 }), { maxLength: 8 }),
    extraRows: fc.array(fc.array(fc.record({ value: a.value, problem: fc.constant(null), link: fc.constant(null) }), { maxLength: 4 }), { maxLength: 3 }),
    merges: fc.array(
      fc.record({ top: fc.integer({ min: 1, max: 16 }), left: fc.integer({ min: 1, max: 16 }), h: fc.nat(3), w: fc.nat(3) }).map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
      { maxLength: 3 },
    ),
    hidden: fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 3 }),
    hiddenSheet: fc.boolean(),
    metadata: fc.array(fc.tuple(fc.constantFrom('Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Năm', 'Đơn vị cấp trên', 'x'), a.value), { maxLength: 4 }),
  });
}

/** Values that suit a column's role, so random sheets often read as submissions and reach the engine. */
function fitting(role: ColumnRole | undefined, codes: readonly string[]): readonly CellValue[] {
  switch (role) {
    case 'agencyCode':
      return ['STP', 'SNV', 'CRA', '__proto__'];
    case 'agencyName':
      return ['Sở Tư pháp', 'UBND thành phố Cam Ranh', 'constructor'];
    case 'group':
      return ['so-nganh', 'cap-huyen', 'Sở, ban, ngành'];
    case 'year':
      return [2023, '2023', 1999];
    case 'indicator':
    case 'number':
      return [...codes, 'I', 'II', 'a', 'b'];
    default:
      return AWKWARD;
  }
}

/** The shape as a Grid: the table placed at its offset, extra rows below, a metadata sheet when it has labels. */
function toGrid(s: Shape): Grid {
  const rows: (GridCell | undefined)[][] = [];
  const put = (r: number, c: number, value: CellValue, problem?: { code: string; detail: string } | null, link?: string | null) => {
    const row = rows[r - 1] ?? (rows[r - 1] = []);
    const cell: { -readonly [K in keyof GridCell]: GridCell[K] } = { value: s.kind === 'csv' && value !== null ? String(value) : value, row: r, column: c };
    if (problem) {
      cell.value = null;
      cell.problem = problem;
    }
    if (link) cell.link = link;
    row[c - 1] = cell;
  };
  if (s.top > 0) put(1, 1, 'Bảng tự đánh giá chuyển đổi số');
  const headerRow = s.top + 1;
  s.header.forEach((h, i) => put(headerRow, s.left + i + 1, h));
  const roles = s.header.map((h) => columnRole(h));
  s.rows.forEach((cells, r) =>
    cells.forEach((c, i) => {
      const pool = fitting(roles[i], codes);
      const value = c.fit === null || c.fit === undefined ? c.value : pool[c.fit % pool.length]!;
      put(headerRow + 1 + r, s.left + i + 1, value, c.problem, c.link);
    }),
  );
  const below = headerRow + s.rows.length + 1;
  s.extraRows.forEach((cells, r) => cells.forEach((c, i) => put(below + r, i + 1, c.value)));
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const sheet: GridSheet = {
    name: s.kind === 'csv' ? '' : 'Tự đánh giá',
    rows,
    ...(s.kind === 'xlsx' ? { merges: s.merges, hiddenRows: new Set(s.hidden), hidden: s.hiddenSheet } : {}),
  };
  const sheets: GridSheet[] = [sheet];
  if (s.kind === 'xlsx' && s.metadata.length > 0) {
    sheets.push({ name: 'Thông tin', rows: s.metadata.map(([label, value], i) => [{ value: label, row: i + 1, column: 1 }, { value, row: i + 1, column: 2 }]) });
  }
  return { file: `random.${s.kind}`, kind: s.kind, sheets, sha256: '0'.repeat(64) };
}

/** Every issue well formed (the schema), located in the file, with a message key of the right shape. */
function expectLocated(issues: readonly DtiIssue[], file: string): void {
  for (const i of issues) {
    expect(issueSchema.safeParse(i).success, JSON.stringify(i)).toBe(true);
    expect(i.location.file, JSON.stringify(i)).toBe(file);
  }
}

describe('parse, score, rank and check: random sheets', () => {
  it('never throw, and every issue names its file', () => {
    fc.assert(
      fc.property(shapeArbitrary(codes), (shape) => {
        const grid = toGrid(shape);
        const parsed = parseGrid(grid, model);
        expectLocated(parsed.issues, grid.file);
        const scores = scoreSubmissions(model, parsed.submissions);
        for (const s of scores) expectLocated(s.issues, grid.file);
        rankScores(model, scores);
        for (const s of parsed.submissions) expectLocated(checkSubmission(model, s, { year: 2023 }), grid.file);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throw for a sheet that reads as a submission, and score what they read', () => {
    // Headers always recognised, so the rows are read and scored, not skipped for want of a header.
    const a = arbitraries(codes);
    const header = ['agency_code', 'agency_name', 'group', 'year', 'indicator', 'value', 'numerator', 'denominator', 'points', 'evidence', 'note'];
    const row = fc.tuple(
      fc.constantFrom('STP', 'SNV', 'CRA', '__proto__', 'constructor'),
      fc.constantFrom('Sở Tư pháp', 'Sở Nội vụ', 'toString'),
      fc.constantFrom('so-nganh', 'cap-huyen', 'Sở, ban, ngành', 'x'),
      fc.constantFrom(2023, '2023', 'năm nay', null),
      fc.constantFrom(...codes),
      a.value,
      a.value,
      a.value,
      a.value,
      a.value,
      a.value,
    );
    fc.assert(
      fc.property(fc.constantFrom('csv' as const, 'xlsx' as const), fc.array(row, { maxLength: 40 }), (kind, rows) => {
        const grid = toGrid({
          kind,
          top: 0,
          left: 0,
          header,
          rows: rows.map((r) => r.map((value) => ({ value: value as CellValue, problem: null, link: null }))),
          extraRows: [],
          merges: [],
          hidden: [],
          hiddenSheet: false,
          metadata: [],
        });
        const parsed = parseGrid(grid, model);
        expectLocated(parsed.issues, grid.file);
        const scores = scoreSubmissions(model, parsed.submissions);
        for (const s of scores) {
          expectLocated(s.issues, grid.file);
          expect(s.points.isFinite()).toBe(true);
          expect(s.points.lessThanOrEqualTo(s.maxPoints)).toBe(true);
        }
        rankScores(model, scores);
        for (const s of parsed.submissions) expectLocated(checkSubmission(model, s), grid.file);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('what the properties found', () => {
  it('a figure of 1.8e308 is not a number: it rounds to Infinity, which made the agency\'s points NaN', () => {
    const grid = toGrid({
      kind: 'xlsx',
      top: 0,
      left: 0,
      header: ['agency_code', 'agency_name', 'group', 'year', 'indicator', 'value'],
      rows: [['STP', 'Sở Tư pháp', 'so-nganh', 2023, '4.5', Number.MAX_VALUE].map((value) => ({ value, problem: null, link: null }))],
      extraRows: [],
      merges: [],
      hidden: [],
      hiddenSheet: false,
      metadata: [],
    });
    const [score] = scoreSubmissions(model, parseGrid(grid, model).submissions);
    expect(score!.points.isFinite()).toBe(true);
    expect(score!.issues).toContainEqual(expect.objectContaining({ code: 'E_NOT_A_NUMBER', location: expect.objectContaining({ cell: 'F2' }) }));
  });
});

describe('readers: random bytes', () => {
  it('readCsv never throws on random bytes, and locates its issues in the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const out = readCsv(bytes, 'random.csv');
        expectLocated(out.issues, 'random.csv');
        if (out.grid) parseGrid(out.grid, model);
      }),
      { numRuns: RUNS },
    );
  });

  it('readCsv never throws on text made of delimiters, quotes, line breaks and byte order marks', () => {
    const piece = fc.constantFrom(',', ';', '\t', '"', '""', '\r', '\n', '\r\n', '\uFEFF', 'sep=;\n', ' ', '\u00a0', 'agency_code', 'indicator', 'value', 'STP', 'so-nganh', '1.1', '1.2', 'có', '65,8', 'Giá trị', 'Mã đơn vị');
    const encoding = fc.constantFrom('utf8', 'utf16le', 'latin1') as fc.Arbitrary<BufferEncoding>;
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 80 }), encoding, fc.boolean(), (pieces, enc, bom) => {
        const text = (bom && enc === 'utf16le' ? '\uFEFF' : '') + pieces.join('');
        const out = readCsv(Buffer.from(text, enc), 'random.csv', { maxRows: 50 });
        expectLocated(out.issues, 'random.csv');
        if (!out.grid) return;
        const parsed = parseGrid(out.grid, model);
        expectLocated(parsed.issues, 'random.csv');
        const scores = scoreSubmissions(model, parsed.submissions);
        for (const s of scores) expectLocated(s.issues, 'random.csv');
      }),
      { numRuns: RUNS },
    );
  });

  it('readXlsx never throws on random bytes, with or without a zip signature', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.uint8Array({ maxLength: 600 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.uint8Array({ maxLength: 600 }).map((b) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...b])),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const out = readXlsx(b, 'random.xlsx');
        expectLocated(out.issues, 'random.xlsx');
        expect(out.grid !== undefined || out.issues.length === 1).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('readXlsx never throws on a real workbook with bytes changed or cut, and what it reads parses', () => {
    const good = new Uint8Array(readFileSync('fixtures/bad/xlsx-merged-inputs.xlsx'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }), fc.nat(good.length), (changes, cut) => {
        const damaged = good.slice(0, Math.max(cut, 1));
        for (const [at, byte] of changes) if (at < damaged.length) damaged[at] = byte;
        const out = readXlsx(damaged, 'random.xlsx');
        expectLocated(out.issues, 'random.xlsx');
        if (!out.grid) return;
        const parsed = parseGrid(out.grid, model);
        expectLocated(parsed.issues, 'random.xlsx');
        for (const s of scoreSubmissions(model, parsed.submissions)) expectLocated(s.issues, 'random.xlsx');
      }),
      { numRuns: RUNS },
    );
  });
});

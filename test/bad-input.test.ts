import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DtiIssue, Location } from '../src/core/issues.js';
import { loadFramework } from '../src/framework/load.js';
import type { FrameworkModel } from '../src/framework/model.js';
import { hasMessage, t } from '../src/i18n/catalog.js';
import { validateFiles } from '../src/pipeline.js';
import { OutputError, writeFileAtomic } from '../src/report/atomic.js';
import { readCsv } from '../src/sheets/csv.js';
import { resultsSchema } from '../src/results/schema.js';
import { ROOT, dti } from './cli/run.js';

/**
 * Every kind of bad input has a fixture (fixtures/bad/, made by scripts/make-bad-fixtures.mjs),
 * and each gets a clear issue at its place, never a stack trace, and never a half-written output.
 */

// A full disk is simulated by making writeSync fail, only while `fs.enospc` is set.
const fs = vi.hoisted(() => ({ enospc: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    writeSync: (...args: Parameters<typeof actual.writeSync>) => {
      if (fs.enospc) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return (actual.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});
afterEach(() => {
  fs.enospc = false;
});

const BAD = 'fixtures/bad';
const LONG = 'fixtures/khanh-hoa-2023/agencies-long.csv';
const SHEET = 'Tự đánh giá';
const tmp = () => mkdtempSync(join(tmpdir(), 'dti-bad-'));

let model: FrameworkModel;
beforeAll(() => {
  const fw = loadFramework('khanh-hoa-agencies');
  if (!fw.ok) throw new Error('framework did not load');
  model = fw.model;
});

interface Expected {
  /** The issue the file demonstrates: its code, where it is, and the params that matter. */
  readonly code: string;
  readonly at: Omit<Location, 'file'>;
  readonly params?: Record<string, unknown>;
  /** Every issue code the file gets (the demonstrated one and what it causes downstream), sorted. */
  readonly codes: readonly string[];
  /** Agencies read from the file. */
  readonly agencies: number;
}

const EXPECTED: Record<string, Expected> = {
  'csv-date-in-number.csv': { code: 'E_DATE_NOT_NUMBER', at: { row: 7, column: 6 }, params: { indicator: '1.6', value: '15/03/2023' }, codes: ['E_DATE_NOT_NUMBER'], agencies: 1 },
  'csv-duplicate-headers.csv': {
    code: 'W_DUPLICATE_HEADER',
    at: { row: 1, column: 12 },
    params: { header: 'Giá trị', first: 'value', firstColumn: 6 },
    codes: ['W_DUPLICATE_HEADER'],
    agencies: 1,
  },
  'csv-empty.csv': { code: 'E_CSV_EMPTY', at: {}, codes: ['E_CSV_EMPTY'], agencies: 0 },
  'csv-invalid-utf8.csv': { code: 'W_CSV_INVALID_UTF8', at: { row: 8 }, params: { count: 2 }, codes: ['W_CSV_INVALID_UTF8'], agencies: 1 },
  'csv-mixed-delimiters.csv': {
    code: 'E_CSV_MIXED_DELIMITER',
    at: { row: 5 },
    params: { delimiter: ';' },
    codes: ['E_CSV_MIXED_DELIMITER', 'E_CSV_MIXED_DELIMITER', 'E_CSV_MIXED_DELIMITER', 'W_MISSING_VALUE', 'W_MISSING_VALUE', 'W_MISSING_VALUE'],
    agencies: 1,
  },
  'csv-proto-headers.csv': { code: '', at: {}, codes: [], agencies: 1 },
  'csv-ragged-rows.csv': { code: 'W_CSV_RAGGED_ROW', at: { row: 16 }, params: { fields: 6, expected: 11 }, codes: ['W_CSV_RAGGED_ROW', 'W_CSV_RAGGED_ROW'], agencies: 1 },
  'csv-stray-bom.csv': { code: 'W_CSV_STRAY_BOM', at: { row: 20 }, codes: ['W_CSV_STRAY_BOM'], agencies: 1 },
  'csv-unbalanced-quotes.csv': { code: 'E_CSV_QUOTES', at: { row: 37, column: 10 }, codes: ['E_CSV_QUOTES'], agencies: 0 },
  'csv-xlsx-renamed.csv': { code: 'E_CSV_BINARY', at: {}, params: { format: 'ZIP' }, codes: ['E_CSV_BINARY'], agencies: 0 },
  'xls-old-format.xls': { code: 'E_XLS_OLD_FORMAT', at: {}, codes: ['E_XLS_OLD_FORMAT'], agencies: 0 },
  'xlsx-date-in-number.xlsx': {
    code: 'E_DATE_NOT_NUMBER',
    at: { sheet: SHEET, cell: 'F9', row: 9, column: 6 },
    params: { indicator: '1.6', value: '2023-03-15' },
    codes: ['E_DATE_NOT_NUMBER'],
    agencies: 1,
  },
  'xlsx-empty-workbook.xlsx': { code: 'E_XLSX_EMPTY', at: {}, codes: ['E_XLSX_EMPTY'], agencies: 0 },
  'xlsx-error-values.xlsx': {
    code: 'E_CELL_ERROR',
    at: { sheet: SHEET, cell: 'F5' },
    params: { detail: '#DIV/0!', indicator: '1.2' },
    // #REF! in the numerator of 1.3 leaves its ratio incomplete; #DIV/0! leaves 1.2 without a value.
    codes: ['E_CELL_ERROR', 'E_CELL_ERROR', 'E_RATIO_INCOMPLETE', 'W_MISSING_VALUE'],
    agencies: 1,
  },
  'xlsx-formula-no-result.xlsx': {
    code: 'E_FORMULA_NO_RESULT',
    at: { sheet: SHEET, cell: 'F9' },
    params: { detail: "COUNTA('Danh sách'!B2:B60)", indicator: '1.6' },
    codes: ['E_FORMULA_NO_RESULT', 'W_MISSING_VALUE'],
    agencies: 1,
  },
  'xlsx-merged-inputs.xlsx': {
    code: 'W_MERGED_INPUT',
    at: { sheet: SHEET, cell: 'G6' },
    params: { range: 'G6:H6', cell: 'G6', columns: 'Tử số, Mẫu số' },
    // The denominator under the merge reads as empty, so the ratio of 1.3 is incomplete.
    codes: ['E_RATIO_INCOMPLETE', 'W_MERGED_INPUT'],
    agencies: 1,
  },
  'xlsx-no-header.xlsx': { code: 'E_NO_HEADER_SHEET', at: { sheet: SHEET }, codes: ['E_NO_HEADER_SHEET'], agencies: 0 },
  'xlsx-password-protected.xlsx': { code: 'E_XLSX_ENCRYPTED', at: {}, codes: ['E_XLSX_ENCRYPTED'], agencies: 0 },
  'xlsx-pdf-renamed.xlsx': { code: 'E_XLSX_NOT_WORKBOOK', at: {}, codes: ['E_XLSX_NOT_WORKBOOK'], agencies: 0 },
  'xlsx-text-renamed.xlsx': { code: 'E_XLSX_NOT_WORKBOOK', at: {}, codes: ['E_XLSX_NOT_WORKBOOK'], agencies: 0 },
  'xlsx-truncated.xlsx': { code: 'E_XLSX_CORRUPT', at: {}, codes: ['E_XLSX_CORRUPT'], agencies: 0 },
  'xlsx-zip-bomb-declared.xlsx': {
    code: 'E_XLSX_TOO_LARGE',
    at: {},
    params: { limit: 'maxInflatedBytes', max: 300 * 1024 * 1024 },
    codes: ['E_XLSX_TOO_LARGE'],
    agencies: 0,
  },
  'xlsx-zip-entry-count.xlsx': { code: 'E_ZIP_ENTRY_COUNT', at: {}, params: { declared: 65535, room: 7 }, codes: ['E_ZIP_ENTRY_COUNT'], agencies: 0 },
  'xlsx-zip64-entry-count.xlsx': { code: 'E_ZIP_ENTRY_COUNT', at: {}, params: { declared: 4_000_000_000 }, codes: ['E_ZIP_ENTRY_COUNT'], agencies: 0 },
  'xlsx-zip64-outside.xlsx': { code: 'E_ZIP_DIRECTORY', at: {}, codes: ['E_ZIP_DIRECTORY'], agencies: 0 },
  'xlsx-zip-size-lie.xlsx': { code: 'E_ZIP_SIZE_MISMATCH', at: {}, params: { part: 'xl/worksheets/sheet1.xml', declared: 1000 }, codes: ['E_ZIP_SIZE_MISMATCH'], agencies: 0 },
  'xlsx-crc-mismatch.xlsx': { code: 'E_ZIP_CRC', at: {}, params: { part: 'xl/worksheets/sheet1.xml' }, codes: ['E_ZIP_CRC'], agencies: 0 },
  'xlsx-part-name-clash.xlsx': {
    code: 'E_ZIP_NAME_CLASH',
    at: {},
    params: { part: 'xl/worksheets/Sheet1.xml', other: 'xl/worksheets/sheet1.xml' },
    codes: ['E_ZIP_NAME_CLASH'],
    agencies: 0,
  },
  'xlsx-zip-bomb-ratio.xlsx': { code: 'E_XLSX_TOO_LARGE', at: {}, params: { limit: 'maxCompressionRatio', max: 200 }, codes: ['E_XLSX_TOO_LARGE'], agencies: 0 },
};

const fixtures = readdirSync(join(ROOT, BAD)).filter((f) => f !== 'README.md').sort();

describe('fixtures/bad', () => {
  it('has an expectation for every file, and a file for every expectation', () => {
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
  });

  it('is what scripts/make-bad-fixtures.mjs makes, byte for byte', () => {
    const dir = tmp();
    const out = spawnSync(process.execPath, ['scripts/make-bad-fixtures.mjs', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    for (const f of fixtures) expect(readFileSync(join(dir, f)).equals(readFileSync(join(ROOT, BAD, f))), f).toBe(true);
  });

  it('keeps every file small', () => {
    for (const f of fixtures) expect(readFileSync(join(ROOT, BAD, f)).length, f).toBeLessThan(16 * 1024);
  });

  it('lists every file in its README, with its code', () => {
    const readme = readFileSync(join(ROOT, BAD, 'README.md'), 'utf8');
    for (const f of fixtures) {
      expect(readme, f).toContain(`\`${f}\``);
      if (EXPECTED[f]!.code) expect(readme, f).toContain(EXPECTED[f]!.code);
    }
  });
});

describe.each(fixtures)('validateFiles on fixtures/bad/%s', (name) => {
  const file = `${BAD}/${name}`;
  const run = () => validateFiles([file], model, { lang: 'en' });

  it('never throws, and locates every issue in the file', () => {
    const { issues } = run();
    for (const i of issues) expect(i.location.file).toBe(file);
  });

  it('gives the issue it demonstrates, where it is', () => {
    const expected = EXPECTED[name]!;
    const { issues, submissions } = run();
    expect(issues.map((i) => i.code).sort()).toEqual([...expected.codes].sort());
    expect(submissions).toHaveLength(expected.agencies);
    if (expected.code === '') return;
    const found = issues.find((i) => i.code === expected.code && matches(i, expected.at));
    expect(found, JSON.stringify(issues, null, 2)).toBeDefined();
    expect(found!.location).toMatchObject({ file, ...expected.at });
    if (expected.params) expect(found!.params).toMatchObject(expected.params);
  });
});

function matches(i: DtiIssue, at: Omit<Location, 'file'>): boolean {
  return Object.entries(at).every(([k, v]) => i.location[k as keyof Location] === v);
}

describe('what each bad file still gives', () => {
  const one = (name: string) => validateFiles([`${BAD}/${name}`], model, { lang: 'en' });

  it('__proto__ and constructor headers are unknown columns: the file reads as clean, and no object is polluted', () => {
    const { issues, submissions } = one('csv-proto-headers.csv');
    expect(issues).toEqual([]);
    expect(submissions[0]!.agency).toEqual({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', group: 'so-nganh', year: 2023 });
    expect(submissions[0]!.entries).toHaveLength(36);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('invalid UTF-8 in a UTF-8 file is read as UTF-8: names keep their letters, the bad bytes become U+FFFD', () => {
    const { submissions } = one('csv-invalid-utf8.csv');
    expect(submissions[0]!.agency.name).toBe('Sở Công Thương');
    expect(submissions[0]!.entries.find((e) => e.indicator === '1.7')!.note!.text).toBe('Ghi chú \uFFFD\uFFFD lỗi mã hóa');
  });

  it('text in a legacy encoding is still read as Windows-1258, with a note', () => {
    const bytes = Buffer.from('agency_code,agency_name\nSTP,S\xf5 T\xfd ph\xe1p\n', 'latin1');
    const read = readCsv(bytes, 'x.csv');
    expect(read.issues.map((i) => i.code)).toEqual(['I_CSV_ENCODING']);
    expect(read.grid!.sheets[0]!.rows[1]![1]!.value).toBe('Sơ Tư pháp');
  });

  it('a line pasted with another delimiter is skipped, never read as an agency', () => {
    const { submissions, issues } = one('csv-mixed-delimiters.csv');
    expect(submissions.map((s) => s.agency.code)).toEqual(['SNNPTNT']);
    expect(issues.filter((i) => i.code === 'E_CSV_MIXED_DELIMITER').map((i) => i.location.row)).toEqual([5, 11, 16]);
  });

  it('a stray BOM is dropped and every line is read', () => {
    const { submissions } = one('csv-stray-bom.csv');
    expect(submissions[0]!.entries).toHaveLength(36);
    expect(submissions[0]!.entries.every((e) => !e.indicator.includes('\uFEFF'))).toBe(true);
  });

  it('a duplicate header keeps the first column', () => {
    const { submissions } = one('csv-duplicate-headers.csv');
    // The stale copy in column 12 says 2 meetings; column 6 says 4.
    expect(submissions[0]!.entries.find((e) => e.indicator === '1.2')!.value!.raw).toBe('4');
  });

  it('a ragged line says how many fields it has, and the extra value is not read', () => {
    const { issues, submissions } = one('csv-ragged-rows.csv');
    expect(issues.map((i) => [i.location.row, i.params.fields])).toEqual([
      [7, 12],
      [16, 6],
    ]);
    expect(JSON.stringify(submissions)).not.toContain('số liệu đến 30/11');
  });
});

describe('messages', () => {
  const ADDED = [
    'W_DUPLICATE_HEADER',
    'W_MERGED_INPUT',
    'E_DATE_NOT_NUMBER',
    'E_CSV_MIXED_DELIMITER',
    'W_CSV_RAGGED_ROW',
    'W_CSV_INVALID_UTF8',
    'E_CSV_TOO_LARGE',
    'E_LIMIT_OPTION',
    'E_LIMIT_OPTION_INTEGER',
    'OPT_MAX_FILE_MB',
    'OPT_MAX_INFLATED_MB',
    'OPT_MAX_ROWS',
  ];

  it.each(ADDED)('%s has a Vietnamese and an English text', (code) => {
    expect(hasMessage(code)).toBe(true);
    expect(t(code, 'vi')).not.toBe(t(code, 'en'));
    expect(t(code, 'vi')).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
  });

  it('every issue a bad fixture gets has both texts', () => {
    for (const e of Object.values(EXPECTED)) for (const code of e.codes) expect(hasMessage(code), code).toBe(true);
  });

  it('the old .xls message says how to convert the file', () => {
    expect(t('E_XLS_OLD_FORMAT', 'en')).toContain('libreoffice --headless --convert-to xlsx');
    expect(t('E_XLS_OLD_FORMAT', 'vi')).toContain('libreoffice --headless --convert-to xlsx');
  });
});

describe('dti validate fixtures/bad', () => {
  it('exits 1, names every file, and prints no stack trace', () => {
    const r = dti(['validate', BAD, '-f', 'khanh-hoa-agencies', '--lang', 'en']);
    expect(r.code).toBe(1);
    for (const f of fixtures) expect(r.stdout, f).toContain(`${BAD}/${f}`);
    for (const code of new Set(Object.values(EXPECTED).map((e) => e.code).filter(Boolean))) expect(r.stdout).toContain(code);
    const all = r.stdout + r.stderr;
    expect(all).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(all).not.toContain('E_INTERNAL');
    expect(all).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/);
  });

  it('gives the same issues as JSON, each with its file', () => {
    const r = dti(['validate', BAD, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { issues: { code: string; file?: string; message: string }[] };
    for (const i of doc.issues) {
      expect(i.file).toBeDefined();
      expect(i.message).not.toBe(i.code);
    }
  });
});

/** The sample split into one CSV file per agency, as 29 agencies would send them. */
function splitSample(dir: string): string[] {
  const [header, ...lines] = readFileSync(join(ROOT, LONG), 'utf8').trimEnd().split('\n');
  const byAgency = new Map<string, string[]>();
  for (const line of lines) {
    const code = line.slice(0, line.indexOf(','));
    byAgency.set(code, [...(byAgency.get(code) ?? []), line]);
  }
  return [...byAgency].map(([code, rows]) => {
    const file = join(dir, `${code}.csv`);
    writeFileSync(file, [header, ...rows].join('\n') + '\n');
    return file;
  });
}

describe('a batch with one bad file', () => {
  it('scores the 29 good submissions and exits 1', () => {
    const dir = tmp();
    expect(splitSample(dir)).toHaveLength(29);
    copyFileSync(join(ROOT, BAD, 'xlsx-truncated.xlsx'), join(dir, 'STC-ban-cuoi.xlsx'));
    expect(readdirSync(dir)).toHaveLength(30);
    const r = dti(['score', dir, '-f', 'khanh-hoa-agencies', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const doc = resultsSchema.parse(JSON.parse(r.stdout));
    expect(doc.groups.map((g) => g.agencies.length)).toEqual([20, 9]);
    expect(r.stderr).toContain('E_XLSX_CORRUPT');
    expect(r.stderr).toContain('STC-ban-cuoi.xlsx');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('outputs are never half-written', () => {
  it('refuses --out equal to an input: exit 2, the input untouched', () => {
    const dir = tmp();
    const input = join(dir, 'STP.csv');
    copyFileSync(join(ROOT, 'fixtures/bad/csv-proto-headers.csv'), input);
    const before = readFileSync(input);
    const r = dti(['score', input, '-f', 'khanh-hoa-agencies', '--out', input, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_OUT_IS_INPUT');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['STP.csv']);
  });

  it('refuses a folder it cannot write to: exit 2, no temporary file left behind', () => {
    const dir = tmp();
    chmodSync(dir, 0o755); // readable by the user the CLI runs as
    const input = join(dir, 'in.csv');
    copyFileSync(join(ROOT, 'fixtures/bad/csv-proto-headers.csv'), input);
    chmodSync(input, 0o644);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // root writes anywhere: run the CLI as nobody then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = spawnSync(process.execPath, ['bin/dti.js', 'score', input, '-f', 'khanh-hoa-agencies', '--out', join(locked, 'results.json'), '--lang', 'en'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', DTI_LANG: '' },
      ...asUser,
    });
    expect(out.status, out.stderr).toBe(2);
    expect(out.stderr).toContain('E_OUTPUT_WRITE');
    // The system's reason in words, not its code (EACCES).
    expect(out.stderr).toContain('permission denied');
    expect(out.stderr).not.toContain('EACCES');
    expect(readdirSync(locked)).toEqual([]);
  });

  it('removes its temporary file when the final rename fails', () => {
    const dir = tmp();
    const input = join(dir, 'in.csv');
    copyFileSync(join(ROOT, 'fixtures/bad/csv-proto-headers.csv'), input);
    mkdirSync(join(dir, 'results.json')); // a folder where the file should go
    // --force gets past the refusal of an existing path, to the rename that fails.
    const r = dti(['score', input, '-f', 'khanh-hoa-agencies', '--out', join(dir, 'results.json'), '--lang', 'en', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_OUTPUT_WRITE');
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'results.json']);
    expect(readdirSync(join(dir, 'results.json'))).toEqual([]);
  });

  it('writeFileAtomic on a full disk: OutputError ENOSPC, no temporary file, the old content kept', () => {
    const dir = tmp();
    const target = join(dir, 'results.json');
    writeFileSync(target, 'old');
    fs.enospc = true;
    let thrown: unknown;
    try {
      writeFileAtomic(target, 'x'.repeat(100_000));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OutputError);
    expect(thrown).toMatchObject({ file: target, reason: 'ENOSPC' });
    expect(readdirSync(dir)).toEqual(['results.json']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('writeFileAtomic on a full disk leaves nothing when there was no file before', () => {
    const dir = tmp();
    fs.enospc = true;
    expect(() => writeFileAtomic(join(dir, 'new.csv'), 'a,b\n')).toThrow(OutputError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('resource limits', () => {
  /** A workbook of one sheet with a number in column A of every row, 1 to `rows`, deflated fast. */
  function bigWorkbook(file: string, rows: number): void {
    const parts: string[] = [];
    for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const zip = zipSync(
      {
        '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        'xl/workbook.xml': strToU8(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`),
        'xl/_rels/workbook.xml.rels': strToU8(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
        'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${main}"><sheetData>${parts.join('')}</sheetData></worksheet>`),
      },
      { level: 1 },
    );
    writeFileSync(file, zip);
  }

  /** The CLI with a small heap: a limit that holds refuses the file before memory runs out. */
  const smallHeap = { NODE_OPTIONS: '--max-old-space-size=256' };

  it('refuses a million-row sheet past --max-rows, naming the sheet and the limit, within a small heap', () => {
    const dir = tmp();
    const file = join(dir, 'million.xlsx');
    bigWorkbook(file, 1_000_000);
    const started = Date.now();
    const r = dti(['validate', file, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--max-rows', '50000'], smallHeap);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('E_XLSX_TOO_LARGE');
    expect(r.stdout).toContain('Dữ liệu: The file is too large to read safely: maxRows is 50001, above the limit of 50000');
    expect(Date.now() - started).toBeLessThan(20_000);
    // Without the option, the default of 100 000 rows holds.
    const byDefault = dti(['validate', file, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--format', 'json'], smallHeap);
    expect(byDefault.code).toBe(1);
    expect(JSON.parse(byDefault.stdout).issues).toEqual([
      expect.objectContaining({ code: 'E_XLSX_TOO_LARGE', file, sheet: 'Dữ liệu', message: expect.stringContaining('maxRows is 100001, above the limit of 100000') }),
    ]);
  });

  it('refuses a million-line CSV past 100 000 rows, within a small heap', () => {
    const dir = tmp();
    const file = join(dir, 'million.csv');
    const line = 'STP,Sở Tư pháp,so-nganh,2023,1.2,4,,,,Thông báo số 12/TB-STP,\n';
    writeFileSync(file, 'agency_code,agency_name,group,year,indicator,value,numerator,denominator,points,evidence,note\n' + line.repeat(1_000_000));
    // 70 MB: past the default --max-file-mb of 50, raised so that the row limit is what stops it.
    const r = dti(['score', file, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--format', 'json', '--max-file-mb', '100'], smallHeap);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('E_CSV_TOO_LARGE');
    expect(r.stderr).toContain('The CSV file has more than 100000 rows, too many to read safely; it was not read');
  });

  it('reads a CSV of exactly maxRows records and refuses one more', () => {
    const text = (n: number) => 'a,b\n' + '1,2\n'.repeat(n - 1);
    expect(readCsv(Buffer.from(text(10)), 'x.csv', { maxRows: 10 }).grid?.sheets[0]!.rows).toHaveLength(10);
    const refused = readCsv(Buffer.from(text(11)), 'x.csv', { maxRows: 10 });
    expect(refused.grid).toBeUndefined();
    expect(refused.issues).toEqual([{ severity: 'error', code: 'E_CSV_TOO_LARGE', location: { file: 'x.csv' }, params: { max: 10 } }]);
  });

  it('--max-file-mb and --max-inflated-mb reach the workbook reader', () => {
    const small = dti(['validate', `${BAD}/xlsx-merged-inputs.xlsx`, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--format', 'json', '--max-file-mb', '0.001']);
    expect(small.code).toBe(1);
    expect(JSON.parse(small.stdout).issues).toEqual([expect.objectContaining({ code: 'E_XLSX_TOO_LARGE', message: expect.stringContaining('maxFileBytes is') })]);
    const inflated = dti(['score', `${BAD}/xlsx-merged-inputs.xlsx`, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--max-inflated-mb', '0.01']);
    expect(inflated.code).toBe(1);
    expect(inflated.stderr).toContain('maxInflatedBytes is');
    // Raised, the declared zip bomb passes the budget and meets the compression-ratio check instead.
    const raised = dti(['validate', `${BAD}/xlsx-zip-bomb-declared.xlsx`, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--max-inflated-mb', '500']);
    expect(raised.stdout).toContain('maxCompressionRatio is');
  });

  it.each([
    ['--max-rows', 'abc', 'E_LIMIT_OPTION_INTEGER'],
    ['--max-rows', '0', 'E_LIMIT_OPTION_INTEGER'],
    ['--max-rows', '1.5', 'E_LIMIT_OPTION_INTEGER'],
    ['--max-file-mb', '-3', 'E_LIMIT_OPTION'],
    ['--max-inflated-mb', 'lots', 'E_LIMIT_OPTION'],
  ])('%s %s is a usage error (exit 2)', (option, value, code) => {
    for (const command of ['score', 'validate']) {
      const r = dti([command, `${BAD}/csv-proto-headers.csv`, '-f', 'khanh-hoa-agencies', '--lang', 'en', `${option}=${value}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(code);
      expect(r.stderr).toContain(option);
    }
  });

  it('documents the options in both languages', () => {
    for (const lang of ['en', 'vi']) {
      const help = dti(['validate', '--help', '--lang', lang]).stdout + dti(['score', '--help', '--lang', lang]).stdout;
      for (const option of ['--max-file-mb', '--max-inflated-mb', '--max-rows']) expect(help.split(option).length - 1, option).toBe(2);
    }
  });
});

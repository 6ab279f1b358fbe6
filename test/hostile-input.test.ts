import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import { bombWorkbook, deflateZeros, frameworkText, sampleAgency, sheetWorkbook, zipOf } from '../scripts/lib/hostile-inputs.mjs';
import { run } from '../src/cli/main.js';
import { templateMatcher } from '../src/compare/template-match.js';
import { normaliseCode, stripTrailing, trimBlank } from '../src/core/text.js';
import { normaliseFormula } from '../src/template/check.js';
import { resultsSchema } from '../src/results/schema.js';
import { ROOT } from './cli/run.js';

/**
 * Hostile input (issue 9): every kind fails fast through the CLI, with its file named, the
 * right exit code, no stack trace and the rest of the batch scored. Large inputs are made here
 * in a temporary folder; scripts/hostile-bench.mjs measures the time and memory they take.
 */

// An unforeseen failure is simulated by making the workbook reader throw for files named "explode".
vi.mock('../src/sheets/xlsx/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/sheets/xlsx/index.js')>();
  return {
    ...actual,
    readXlsx: (bytes: Uint8Array, file: string, limits?: Parameters<typeof actual.readXlsx>[2]) => {
      if (file.includes('explode')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return actual.readXlsx(bytes, file, limits);
    },
  };
});

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dti-hostile-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) execFileSync('rm', ['-rf', d]);
});

/**
 * The built CLI in a child process, awaited: a long run must not block this worker's event loop
 * (vitest reports a blocked worker as an error of its own).
 */
function dti(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/dti.js', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', DTI_LANG: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: unknown }).code as number | null) : 0, stdout, stderr });
    });
  });
}

const FW = ['-f', 'khanh-hoa-agencies', '--lang', 'en'];
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** No stack trace, no internal error, no JavaScript error name in what the CLI printed. */
function expectClean(r: { stdout: string; stderr: string }): void {
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(STACK);
  expect(all).not.toContain('Internal dti error');
  expect(all).not.toContain('E_INTERNAL');
  expect(all).not.toMatch(/Maximum call stack|\b(TypeError|RangeError|ReferenceError)\b/);
}

/** One clean submission (agency STP of the sample) as a CSV file in the folder. */
function goodCsv(dir: string): string {
  const { header, lines } = sampleAgency('STP');
  const file = join(dir, 'STP.csv');
  writeFileSync(file, [header, ...lines].join('\n') + '\n');
  return file;
}

/** The sample agency's CSV with one field of every line changed. */
function csvWith(dir: string, name: string, change: (fields: string[], i: number) => string[], agency = 'STP'): string {
  const { header, lines } = sampleAgency(agency);
  const file = join(dir, name);
  writeFileSync(file, [header, ...lines.map((l, i) => change(l.split(','), i).join(','))].join('\n') + '\n');
  return file;
}

describe('zip containers that lie', () => {
  it('a sheet declared at 1,000 bytes that inflates to a gigabyte is refused at the declared size; the other file is scored', async () => {
    const dir = tmp();
    goodCsv(dir);
    writeFileSync(join(dir, 'bomb.xlsx'), bombWorkbook(2 ** 30));
    const r = await dti(['score', dir, ...FW, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_ZIP_SIZE_MISMATCH .*bomb\.xlsx/);
    expect(r.stderr).toContain('declares 1000 bytes uncompressed');
    expect(resultsSchema.parse(JSON.parse(r.stdout)).groups.flatMap((g) => g.agencies.map((a) => a.code))).toEqual(['STP']);
    expectClean(r);
  });
});

describe('a template with a zip bomb in a part the values reader never reads', () => {
  it('dti check refuses it at the declared size, naming the file', async () => {
    const dir = tmp();
    const form = join(dir, 'form.xlsx');
    expect((await dti(['template', ...FW, '-g', 'so-nganh', '-o', form])).code).toBe(0);
    const parts = Object.entries(unzipSync(readFileSync(form))).map(([name, data]) => ({ name, data }));
    const bomb = { name: 'xl/calcChain.xml', data: deflateZeros(2 ** 30), method: 8, size: 1000, crc: 0 };
    writeFileSync(form, zipOf([...parts, bomb]));
    const r = await dti(['check', form, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('E_ZIP_SIZE_MISMATCH');
    expect(r.stdout + r.stderr).toContain('form.xlsx');
    expectClean(r);
  });
});

describe('CSV files past the limits', () => {
  it('a 600 MB CSV is refused from its size, before it is read', async () => {
    const dir = tmp();
    const file = join(dir, 'huge.csv');
    writeFileSync(file, '');
    truncateSync(file, 600 * 1024 * 1024); // sparse: no disk used, but stat says 600 MB
    const r = await dti(['validate', file, ...FW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(file);
    expect(r.stdout).toContain('E_XLSX_TOO_LARGE');
    expect(r.stdout).toContain('maxFileBytes is 629145600, above the limit of 52428800');
    expectClean(r);
  });

  it('--max-file-mb applies to CSV files', async () => {
    const dir = tmp();
    const file = goodCsv(dir);
    const r = await dti(['validate', file, ...FW, '--max-file-mb', '0.001']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(file);
    expect(r.stdout).toContain('E_XLSX_TOO_LARGE');
  });

  it('a 40 MB field is cut to 32,767 characters, with a warning naming its cell', async () => {
    const dir = tmp();
    const file = csvWith(dir, 'long.csv', (f, i) => (i === 2 ? [...f.slice(0, 10), 'x'.repeat(40 * 1024 * 1024)] : f));
    const r = await dti(['validate', file, ...FW, '--format', 'json']);
    expectClean(r);
    const issues = (JSON.parse(r.stdout) as { issues: { code: string; file: string; row?: number; column?: number; message: string }[] }).issues;
    const long = issues.find((i) => i.code === 'W_CSV_CELL_TOO_LONG');
    expect(long).toMatchObject({ file, row: 4, column: 11 });
    expect(long!.message).toContain('This cell holds 41943040 characters, more than the 32767 an Excel cell can');
  });

  it('16,384 trailing empty columns on every line read as the plain file', async () => {
    const dir = tmp();
    const file = csvWith(dir, 'wide.csv', (f) => [...f, ...Array<string>(16_384).fill('')]);
    const r = await dti(['score', file, ...FW, '--format', 'json']);
    expectClean(r);
    const doc = resultsSchema.parse(JSON.parse(r.stdout));
    expect(doc.groups.flatMap((g) => g.agencies.map((a) => a.code))).toEqual(['STP']);
  });
});

describe('text that made regular expressions backtrack', () => {
  it('an indicator code of 200,000 dots and a field of 400,000 spaces are findings, quickly', async () => {
    const dir = tmp();
    goodCsv(dir);
    csvWith(dir, 'dots.csv', (f, i) => (i === 0 ? [f[0]!, f[1]!, f[2]!, f[3]!, '1' + '.'.repeat(200_000) + 'a', ...f.slice(5)] : f), 'SCT');
    csvWith(dir, 'spaces.csv', (f, i) => (i === 1 ? [...f.slice(0, 5), ' '.repeat(400_000) + 'x', ...f.slice(6, 10), ' '.repeat(400_000) + 'y'] : f), 'SNV');
    const r = await dti(['validate', dir, ...FW, '--format', 'json']);
    expectClean(r);
    expect(r.code).toBe(1);
    const issues = (JSON.parse(r.stdout) as { issues: { code: string; file: string }[] }).issues;
    expect(issues.some((i) => i.file.endsWith('dots.csv') && i.code === 'W_CSV_CELL_TOO_LONG')).toBe(true);
    // The spaces are trimmed away: what is left, "x", is no number.
    expect(issues.filter((i) => i.file.endsWith('spaces.csv')).map((i) => i.code)).toContain('E_NOT_A_NUMBER');
  });

  it('the functions that met such text take linear time on it', () => {
    const dots = '1' + '.'.repeat(200_000) + 'a';
    expect(normaliseCode(dots)).toBe(dots);
    expect(normaliseCode('1.1' + '.'.repeat(200_000))).toBe('1.1');
    expect(stripTrailing('x' + '.)'.repeat(100_000) + 'y', '.)')).toHaveLength(200_002);
    expect(trimBlank(' '.repeat(400_000) + 'x' + ' '.repeat(400_000))).toBe('x');
    const title = templateMatcher('Group: {group} ({count} agencies, max {max} points)');
    expect(title.exec('Group: ' + ' ('.repeat(900) + ' agencies, max ' + ' ('.repeat(90))).toBeNull();
    expect(title.exec('Group: Sở (cấp tỉnh) (20 agencies, max 1000 points)')?.groups).toEqual({ group: 'Sở', count: 'cấp tỉnh) (20', max: '1000' });
    expect(normaliseFormula('=' + '1'.repeat(50_000) + 'A')).toBe('1'.repeat(50_000) + 'A');
  });

  it('a ranked workbook with crafted titles and headers, given as last year\'s results, is read in linear time', async () => {
    const dir = tmp();
    const input = join(dir, 'in');
    mkdirSync(input);
    goodCsv(input);
    const dashes = ' – '.repeat(600);
    const previous = join(dir, 'previous.xlsx');
    writeFileSync(
      previous,
      sheetWorkbook('Ranking', [
        ['Digital Transformation Index (DTI) ranking – ' + dashes + 'x'],
        ['Group: ' + ' ('.repeat(600) + ' agencies, max ' + ' ('.repeat(300)],
        ['Rank', 'Agency code', 'Agency name', '1 ' + ' '.repeat(1_900) + ': index', ' '.repeat(1_990) + ': rank', 'Points', 'Index'],
        [1, 'STP', 'Sở Tư pháp', 0.5, 1, 500, 0.5],
        ['x'.repeat(100_000) + ' – '.repeat(100_000)],
      ]),
    );
    const r = await dti(['rank', input, ...FW, '--year', '2024', '--out', join(dir, 'out'), '--previous', previous]);
    expectClean(r);
    expect([0, 1]).toContain(r.code);
  });
});

describe('a submissions folder holding things that are not files', () => {
  it('a link to /dev/zero, a named pipe and a link loop are reported by name; the real file is scored', async () => {
    const dir = tmp();
    goodCsv(dir);
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    execFileSync('mkfifo', [join(dir, 'pipe.xlsx')]);
    symlinkSync(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'));
    symlinkSync(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'));
    symlinkSync(dir, join(dir, 'self')); // a folder that contains itself is walked once
    const r = await dti(['score', dir, ...FW, '--format', 'json']);
    expect(r.code).toBe(1);
    for (const name of ['zero.csv', 'pipe.xlsx', 'loop-a.csv', 'loop-b.csv']) expect(r.stderr).toMatch(new RegExp(`E_INPUT_NOT_FILE .*${name.replace('.', '\\.')}`));
    expect(resultsSchema.parse(JSON.parse(r.stdout)).groups.flatMap((g) => g.agencies.map((a) => a.code))).toEqual(['STP']);
    expectClean(r);
  });

  it('a named pipe given as the only input is a usage error naming it, and never waits for a writer', async () => {
    const dir = tmp();
    const pipe = join(dir, 'only.csv');
    execFileSync('mkfifo', [pipe]);
    const r = await dti(['validate', pipe, ...FW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_INPUT_NOT_FILE .*only\.csv/);
    expectClean(r);
  });
});

describe('frameworks past the bounds', () => {
  const cases: [string, string, string, string][] = [
    ['3,000 levels deep', frameworkText({ depth: 3000 }), 'E_FW_TOO_DEEP', 'at most 6 levels'],
    ['10,000 indicators', frameworkText({ mains: 10_000 }), 'E_FW_TOO_MANY_NODES', 'at most 2000'],
    ['200,000 tiers', frameworkText({ tiers: 200_000, points: 100 }), 'E_FW_SCHEMA', 'at most 100 items'],
    ['max points of 1e308', frameworkText().replace('"maxPoints":1', '"maxPoints":1e308'), 'E_FW_SCHEMA', 'must be ≤ 100000'],
  ];
  it.each(cases)('%s: refused with a message at the file (exit 2)', async (_name, text, code, words) => {
    const dir = tmp();
    const fw = join(dir, 'framework.json');
    writeFileSync(fw, text);
    const r = await dti(['validate', goodCsv(dir), '-f', fw, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${code} .*framework\\.json`));
    expect(r.stderr).toContain(words);
    expectClean(r);
  });

  it('a framework at every bound is ranked, written, and its results read back as last year\'s', async () => {
    const dir = tmp();
    const fw = join(dir, 'framework.json');
    // 333 main indicators 6 levels deep: 1,998 indicators, leaves of 100,000 points with 100 tiers each.
    writeFileSync(fw, frameworkText({ depth: 6, mains: 333, tiers: 100, points: 100_000 }));
    const input = join(dir, 'in');
    mkdirSync(input);
    const lines = ['agency_code,agency_name,group,year,indicator,value'];
    for (const a of ['A', 'B']) for (let m = 1; m <= 333; m++) lines.push(`${a},Agency ${a},g,2024,${m}${'.1'.repeat(5)},${a === 'A' ? m % 101 : 50}`);
    writeFileSync(join(input, 'all.csv'), lines.join('\n') + '\n');
    const first = await dti(['rank', input, '-f', fw, '--year', '2024', '--out', join(dir, 'y1'), '--lang', 'en']);
    expect(first.code, first.stderr).toBe(0);
    const doc = resultsSchema.parse(JSON.parse(readFileSync(join(dir, 'y1', 'results.json'), 'utf8')));
    expect(doc.groups[0]!.agencies).toHaveLength(2);
    for (const previous of ['results.json', 'results.xlsx']) {
      const again = await dti(['rank', input, '-f', fw, '--year', '2024', '--out', join(dir, `y2-${previous}`), '--previous', join(dir, 'y1', previous), '--lang', 'en']);
      expectClean(again);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toMatch(/^error /m);
      expect(JSON.parse(readFileSync(join(dir, `y2-${previous}`, 'comparison.json'), 'utf8'))).toBeTruthy();
    }
    const form = await dti(['template', '-f', fw, '-o', join(dir, 'form.xlsx'), '--lang', 'en']);
    expect(form.code, form.stderr).toBe(0);
  });
});

describe('a batch with 200,000 findings', () => {
  it('lists the first 1,000 of the file, counts the rest, and never overflows the stack', async () => {
    const dir = tmp();
    const file = join(dir, 'many.csv');
    const lines = ['agency_code,agency_name,group,year,indicator,value'];
    for (let i = 0; i < 200_000; i++) lines.push(`STP,Sở Tư pháp,so-nganh,2023,9.${i},1`);
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await dti(['validate', file, ...FW, '--max-rows', '300000', '--format', 'json']);
    expect(r.code).toBe(1);
    expectClean(r);
    const issues = (JSON.parse(r.stdout) as { issues: { code: string; file: string; message: string }[] }).issues;
    expect(issues).toHaveLength(1_001);
    const capped = issues.find((i) => i.code === 'W_FINDINGS_CAPPED');
    expect(capped).toMatchObject({ file });
    expect(capped!.message).toMatch(/^\d+ more findings in this file are not listed \(at most 1000 a file, errors first\)/);
  });
});

describe('an unforeseen failure while reading a file', () => {
  /** The CLI in this process, so that the reader mocked above is the one it calls. */
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await run(['node', 'dti', ...args], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { NO_COLOR: '1' },
    });
    return { code, stdout, stderr };
  }

  it('in a submission: the file is named, left out, and the batch goes on', async () => {
    const dir = tmp();
    goodCsv(dir);
    writeFileSync(join(dir, 'explode.xlsx'), 'not read');
    const r = await cli(['score', dir, ...FW, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_FILE_FAILED .*explode\.xlsx: dti could not read this file because of an unforeseen failure \(Cannot read properties of undefined/);
    expect(resultsSchema.parse(JSON.parse(r.stdout)).groups.flatMap((g) => g.agencies.map((a) => a.code))).toEqual(['STP']);
    expectNoStack(r);
  });

  it('in a side file (last year\'s results): the top-level handler names the file, exit 1', async () => {
    const dir = tmp();
    const input = join(dir, 'in');
    mkdirSync(input);
    goodCsv(input);
    writeFileSync(join(dir, 'explode.xlsx'), 'not read');
    const r = await cli(['rank', input, ...FW, '--year', '2024', '--out', join(dir, 'out'), '--previous', join(dir, 'explode.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_FILE_FAILED .*explode\.xlsx/);
    expectNoStack(r);
  });

  function expectNoStack(r: { stdout: string; stderr: string }): void {
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout + r.stderr).not.toContain('Internal dti error');
  }
});

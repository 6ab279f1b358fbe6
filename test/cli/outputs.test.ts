import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, dti as spawnDti } from './run.js';

/** English unless a test says otherwise. */
const dti = (args: string[], env: Record<string, string> = {}) => spawnDti(args, { DTI_LANG: 'en', ...env });
const tmp = () => mkdtempSync(join(tmpdir(), 'dti-out-'));
const LONG = 'fixtures/khanh-hoa-2023/agencies-long.csv';
const WIDE = 'fixtures/khanh-hoa-2023/agencies-wide.csv';
const PREVIOUS = 'fixtures/khanh-hoa-2023/results-2023.json';
const rank = (inputs: string, out: string, extra: string[] = []) => dti(['rank', inputs, '-f', 'khanh-hoa-agencies', '--year', '2023', '--out', out, ...extra]);
/** A folder holding only the long-form sample, so an output folder inside it is a fair test. */
function inputFolder(): string {
  const dir = join(tmp(), 'submissions');
  mkdirSync(dir);
  copyFileSync(LONG, join(dir, 'agencies-long.csv'));
  return dir;
}
const visible = (dir: string) => readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('single output files', () => {
  it('refuses to replace an existing file with -o, naming it, unless --force', () => {
    const out = join(tmp(), 'existing.xlsx');
    writeFileSync(out, 'my own notes');
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${out} already exists`);
    expect(r.stderr).toContain('--force');
    expect(r.stdout).toBe(''); // refused before any work
    expect(readFileSync(out, 'utf8')).toBe('my own notes');
    noStack(r.stderr);
    const forced = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '-o', out, '--force', '-q']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('removes the temporary file a killed run left beside the output', () => {
    const dir = tmp();
    const out = join(dir, 'results.json');
    // pid_max is at most 4194304 on Linux: this process cannot exist.
    writeFileSync(join(dir, '.results.json.4194305.tmp'), '{"half":');
    expect(dti(['score', LONG, '-f', 'khanh-hoa-agencies', '-o', out, '-q']).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('never overwrites an input, even with --force, also through a symlink', () => {
    const dir = tmp();
    const input = join(dir, 'agencies.csv');
    copyFileSync(LONG, input);
    const link = join(dir, 'link.csv');
    symlinkSync(input, link);
    for (const out of [input, link]) {
      const r = dti(['score', input, '-f', 'khanh-hoa-agencies', '-o', out, '--force']);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain(`Output file ${out} is one of the inputs`);
    }
    expect(readFileSync(input)).toEqual(readFileSync(LONG));
  });

  it('refuses a blank form over an existing workbook unless --force', () => {
    const out = join(tmp(), 'form.xlsx');
    writeFileSync(out, 'filled form');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-g', 'so-nganh', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe('filled form');
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-g', 'so-nganh', '-o', out, '--force']).code).toBe(0);
  });
});

describe('dti template --agencies into a folder', () => {
  it('refuses a folder of filled forms, naming the first, and rewrites its own untouched forms', () => {
    const out = join(tmp(), 'forms');
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-a', WIDE, '-o', out, '-q']).code).toBe(0);
    // Untouched forms are dti's own (the manifest's hashes match): a second run replaces them.
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-a', WIDE, '-o', out, '-q']).code).toBe(0);
    // An agency fills its form in: it is no longer dti's to replace.
    const filled = join(out, 'STP.xlsx');
    writeFileSync(filled, 'filled in by the agency');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-a', WIDE, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`holds ${filled}, which dti did not write`);
    expect(readFileSync(filled, 'utf8')).toBe('filled in by the agency');
  });

  it('refuses agency codes that would become hidden, lock or reserved files, or names too long, and writes none of them', () => {
    const dir = tmp();
    const list = join(dir, 'list.csv');
    const long = 'Đ'.repeat(130); // 260 bytes of UTF-8
    const bad = ['.hidden', '~$STP', 'CON', 'nul.txt', 'COM1', long];
    writeFileSync(list, 'agency_code,agency_name,group\r\n' + bad.map((c) => `${c},Sở ${c.length},so-nganh\r\n`).join('') + 'STP,Sở Tư pháp,so-nganh\r\n');
    const out = join(dir, 'forms');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-a', list, '-o', out]);
    expect(r.code).toBe(1);
    expect((r.stderr.match(/E_AGENCIES_CODE_UNSAFE/g) ?? []).length).toBe(bad.length);
    expect(readdirSync(out).sort()).toEqual(['.dti-manifest.json', 'STP.xlsx']);
  });
});

describe('dti rank --out', () => {
  it('refuses a folder holding other files, naming one, and with --force keeps them', () => {
    const out = tmp();
    writeFileSync(join(out, 'notes.docx'), 'the director’s notes');
    const r = rank(LONG, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`holds ${join(out, 'notes.docx')}, which dti did not write`);
    expect(readdirSync(out)).toEqual(['notes.docx']);
    noStack(r.stderr);
    const forced = rank(LONG, out, ['--force', '-q']);
    expect(forced.code).toBe(0);
    expect(visible(out)).toEqual(['cap-huyen.csv', 'notes.docx', 'report.html', 'results.json', 'results.xlsx', 'so-nganh.csv', 'summary.md']);
    expect(readFileSync(join(out, 'notes.docx'), 'utf8')).toBe('the director’s notes');
  });

  it('refuses to replace a ranked workbook someone has edited since dti wrote it', () => {
    const out = join(tmp(), 'out');
    expect(rank(LONG, out, ['-q']).code).toBe(0);
    writeFileSync(join(out, 'summary.md'), 'edited by hand');
    const r = rank(LONG, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(out, 'summary.md'));
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toBe('edited by hand');
  });

  it('leaves no output of an earlier run that this run does not produce (a stale comparison.json)', () => {
    const out = join(tmp(), 'out');
    expect(rank(LONG, out, ['--previous', PREVIOUS, '-q']).code).toBe(0);
    expect(visible(out)).toContain('comparison.json');
    expect(rank(LONG, out, ['-q']).code).toBe(0);
    expect(visible(out)).toEqual(['cap-huyen.csv', 'report.html', 'results.json', 'results.xlsx', 'so-nganh.csv', 'summary.md']);
    expect(readdirSync(join(out, '..'))).toEqual(['out']); // no staging folder, backup or lock left
  });

  it('never replaces a folder that holds an input, even with --force', () => {
    const inputs = inputFolder();
    const r = rank(inputs, inputs, ['--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`The output folder ${inputs} holds the input`);
    expect(readdirSync(inputs)).toEqual(['agencies-long.csv']);
  });

  it('takes an --out that is a symlink into the input folder for what it is: its files are never read as submissions', () => {
    const inputs = inputFolder();
    const link = join(tmp(), 'out-link');
    symlinkSync(join(inputs, 'out'), link);
    expect(rank(inputs, link, ['-q']).code).toBe(0);
    const first = readFileSync(join(inputs, 'out', 'results.json'), 'utf8');
    // Second run: results.xlsx and the CSVs now sit inside the input folder, seen through the link.
    const again = rank(inputs, link, ['-q']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(link, 'results.json'), 'utf8')).toBe(first);
    expect(JSON.parse(first).summary.agencies).toBe(29); // the sample's agencies, no more
  });

  it('refuses a second run into the same folder while the first holds the lock, naming its process', async () => {
    const parent = tmp();
    const out = join(parent, 'out');
    // A live process of this machine holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(parent, '.out.dti-lock'), JSON.stringify({ pid: holder.pid, host: hostname() }));
      const r = rank(LONG, out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Another dti run (process ${holder.pid}) is writing to ${out}`);
      expect(existsSync(out)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('refuses a second real run while the first is still working, before the second does any work', async () => {
    const parent = tmp();
    const out = join(parent, 'out');
    // A batch large enough that the first run is still scoring when the second starts.
    const [header, ...rows] = readFileSync(LONG, 'utf8').trim().split('\n');
    const big = join(parent, 'big.csv');
    writeFileSync(big, [header, ...Array.from({ length: 6 }, (_, k) => rows.map((r) => r.replace(/^([^,]+),/, `$1K${k},`))).flat()].join('\n') + '\n');
    const first = spawn(process.execPath, ['bin/dti.js', 'rank', big, '-f', 'khanh-hoa-agencies', '--year', '2023', '--out', out, '-q'], { cwd: ROOT, stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => first.on('exit', resolve));
    while (!existsSync(join(parent, '.out.dti-lock'))) await new Promise((r) => setTimeout(r, 5));
    const second = rank(LONG, out);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`Another dti run (process ${first.pid}) is writing to ${out}`);
    expect(await done).toBe(0);
    expect(visible(out)).toEqual(['cap-huyen.csv', 'report.html', 'results.json', 'results.xlsx', 'so-nganh.csv', 'summary.md']);
    expect(readdirSync(parent).sort()).toEqual(['big.csv', 'out']);
  });

  it('takes over the lock of a run that died, and says so', async () => {
    const parent = tmp();
    const out = join(parent, 'out');
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => dead.on('exit', done));
    writeFileSync(join(parent, '.out.dti-lock'), JSON.stringify({ pid: dead.pid, host: hostname() }));
    // Also a staging folder that run left behind.
    mkdirSync(join(parent, `.out.dti-new-${dead.pid}`));
    writeFileSync(join(parent, `.out.dti-new-${dead.pid}`, 'results.json'), '{"half":');
    const r = rank(LONG, out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`The lock left on ${out} by a stopped run (process ${dead.pid}) was taken over`);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('restores the previous outputs left aside by a run killed between its two renames', () => {
    const parent = tmp();
    const out = join(parent, 'out');
    expect(rank(LONG, out, ['-q', '--previous', PREVIOUS]).code).toBe(0);
    // The state a kill between "old folder aside" and "new folder in place" leaves.
    renameSync(out, join(parent, '.out.dti-old'));
    const r = rank(LONG, out, ['--csv-style', 'plain']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`A previous run was stopped while replacing ${out}; its previous outputs were restored`);
    expect(visible(out)).not.toContain('comparison.json');
    expect(readdirSync(parent)).toEqual(['out']);
  });
});

describe('CSV for people and for programs', () => {
  it('writes the per-group CSVs of rank for Excel by default: BOM, ";" and a decimal comma under vi, headers in Vietnamese', () => {
    const out = join(tmp(), 'out');
    expect(rank(LONG, out, ['-q', '--lang', 'vi']).code).toBe(0);
    const bytes = readFileSync(join(out, 'so-nganh.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header!.split(';').slice(0, 8)).toEqual(['Nhóm', 'Xếp hạng', 'Mã đơn vị', 'Tên đơn vị', 'Điểm', 'Điểm tối đa', 'Chỉ số DTI', 'Xếp loại']);
    expect(first!.split(';')[6]).toMatch(/^0,\d+$/);
  });

  it('uses "," and a decimal point with English headers under en', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'csv', '-q']);
    expect(r.stdout.startsWith('\ufeffGroup,Rank,Agency code,Agency name,Points,Maximum points,DTI index,Class,')).toBe(true);
    expect(r.stdout.split('\r\n')[1]!.split(',')[6]).toMatch(/^0\.\d+$/);
  });

  it('writes the plain style for programs: no BOM, commas, decimal points, the same English headers in any language', () => {
    const vi = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'csv', '--csv-style', 'plain', '--lang', 'vi', '-q']);
    expect(vi.stdout.startsWith('group,rank,agency_code,agency_name,points,max_points,index,class,')).toBe(true);
    expect(vi.stdout.split('\r\n')[1]!.split(',')[6]).toMatch(/^0\.\d+$/);
  });

  it('refuses an unknown CSV style (exit 2)', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'csv', '--csv-style', 'tsv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CSV style "tsv" is not supported: use excel or plain');
  });
});

describe('text for people cannot be turned against them', () => {
  /** The long-form sample with one agency's name and one value made hostile. */
  function hostileSample(): string {
    const dir = tmp();
    let text = readFileSync(LONG, 'utf8').replace(/Văn phòng UBND tỉnh/g, '"Sở A;=1+1\u001b[2K\u202eUBND"');
    text = text.replace(/^(VPUB,[^\n]*?,2023,1\.2,)4,/m, '$1"x\u001b[1A\r0 errors\u2066",');
    const file = join(dir, 'hostile.csv');
    writeFileSync(file, text);
    return file;
  }

  it('shows control characters and bidirectional controls on the terminal as visible escapes', () => {
    const r = dti(['score', hostileSample(), '-f', 'khanh-hoa-agencies']);
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    expect(all).not.toMatch(/[\u001b\r\u202e\u2066]/);
    expect(r.stderr).toContain('value: "x\\x1B[1A\\r0 errors\\u2066" is not a number');
    expect(r.stdout).toContain('Sở A;=1+1\\x1B[2K\\u202EUBND');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('0 errors'))).toEqual([]);
  });

  it('keeps a name like "Sở A;=1+1" in one cell of the per-group CSV, in either separator', () => {
    const out = join(tmp(), 'out');
    expect(rank(hostileSample(), out, ['-q', '--lang', 'vi']).code).toBe(1);
    const text = readFileSync(join(out, 'so-nganh.csv'), 'utf8');
    expect(text).toContain(';"Sở A;=1+1\u001b[2K\u202eUBND";');
  });
});

describe('the units map and side files', () => {
  const rank2024 = (out: string, unitsMap: string) =>
    dti(['rank', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--year', '2024', '--previous', PREVIOUS, '--units-map', unitsMap, '--out', out]);
  const summaryWarnings = (stderr: string) => Number(/; \d+ errors, (\d+) warnings/.exec(stderr)?.[1]);

  it('takes the same pair twice, or differing only by case, as one pair and counts the repeat in the summary line', () => {
    const dir = tmp();
    const clean = join(dir, 'map.csv');
    writeFileSync(clean, 'current_code,previous_code\nNHVN,NHO\nNHVN,VNI\n');
    const repeated = join(dir, 'map-repeated.csv');
    writeFileSync(repeated, 'current_code,previous_code\nNHVN,NHO\nnhvn,nho\nNHVN,VNI\nNHVN,VNI\n');
    const a = rank2024(join(dir, 'a'), clean);
    const b = rank2024(join(dir, 'b'), repeated);
    expect(b.stderr.match(/W_UNITS_MAP_DUPLICATE/g)).toHaveLength(2);
    // The side file's findings count in the summary line, though results.json only holds the submissions'.
    expect(summaryWarnings(b.stderr)).toBe(summaryWarnings(a.stderr) + 2);
    const merged = (dirName: string) => JSON.parse(readFileSync(join(dir, dirName, 'comparison.json'), 'utf8')).groups.flatMap((g: any) => g.agencies).find((x: any) => x.code === 'NHVN');
    expect(merged('b').previous).toEqual(merged('a').previous);
    expect(merged('b').previous).toMatchObject({ index: 0.8107, codes: ['NHO', 'VNI'] });
  });

  it('does not merge a unit with itself when its code is written two ways', () => {
    const dir = tmp();
    const map = join(dir, 'map.csv');
    writeFileSync(map, 'current_code,previous_code\nNHVN,NHO\nNHVN,nho\n');
    const r = rank2024(join(dir, 'out'), map);
    expect(r.stderr).not.toContain('I_UNITS_MERGED');
    const nhvn = JSON.parse(readFileSync(join(dir, 'out', 'comparison.json'), 'utf8')).groups.flatMap((g: any) => g.agencies).find((x: any) => x.code === 'NHVN');
    expect(nhvn.previous).toMatchObject({ index: 0.846, codes: ['NHO'] });
  });
});

describe('dti rank --out a folder that cannot be made', () => {
  const args = ['rank', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--year', '2024', '-q'];

  it.skipIf(!existsSync('/proc/self'))('ends (no hang in mkdir) with an error naming the folder, and exits 2', () => {
    const r = dti([...args, '--out', '/proc/dti-x/y', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_OUT_FOLDER Không tạo được thư mục /proc/dti-x/y');
  });

  it('names the folder under a file (/dev/null/x) as not makeable, in English with --lang en', () => {
    const r = dti([...args, '--out', '/dev/null/x', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Could not make the folder /dev/null/x (part of the path is not a folder)');
  });
});

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dti } from './run.js';

// --threads only changes how the files are read: every output is the same, byte for byte.
const env = { SOURCE_DATE_EPOCH: '1700000000' };
const tmp = () => mkdtempSync(join(tmpdir(), 'dti-threads-'));
const folderBytes = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('--threads', () => {
  it('dti score writes the same results.json and prints the same table with 1 and 2 threads', () => {
    const dir = tmp();
    const runs = [1, 2].map((n) => {
      const out = join(dir, `results-${n}.json`);
      const r = dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '-q', '-o', out, '--threads', String(n)], env);
      expect(r.code).toBe(0);
      return { stdout: r.stdout, json: readFileSync(out) };
    });
    expect(runs[1]!.json.equals(runs[0]!.json)).toBe(true);
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
  });

  it('dti rank writes the same set of files with 1 and 3 threads', () => {
    const dir = tmp();
    const sets = [1, 3].map((n) => {
      const out = join(dir, `rank-${n}`);
      const r = dti(['rank', 'fixtures/khanh-hoa-2025', '-f', 'khanh-hoa-2025', '--year', '2025', '--agencies', 'fixtures/khanh-hoa-2025/agencies.csv', '--review', 'fixtures/khanh-hoa-2025/review.csv', '--out', out, '-q', '--threads', String(n)], env);
      expect(r.stderr).toBe('');
      return { code: r.code, files: folderBytes(out) };
    }).map(({ code, files }, _, all) => {
      expect(code).toBe(all[0]!.code);
      return files;
    });
    expect(Object.keys(sets[1]!)).toEqual(Object.keys(sets[0]!));
    expect(Object.keys(sets[0]!).filter((name) => !sets[1]![name]!.equals(sets[0]![name]!))).toEqual([]);
  });

  it('dti validate reports the same findings on the bad files with 1 and 2 threads', () => {
    const [one, two] = [1, 2].map((n) => dti(['validate', 'fixtures/bad', '-f', 'vn-province-2022', '--format', 'json', '--threads', String(n)]));
    expect(one!.code).toBe(1);
    expect(two!.code).toBe(one!.code);
    expect(two!.stdout).toBe(one!.stdout);
  });

  it.each(['0', '-1', 'two', '1.5', '65'])('refuses --threads %s as a usage error, in the chosen language', (value) => {
    const en = dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', `--threads=${value}`, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`Option --threads does not take "${value}": expected a whole number from 1 to 64`);
    const vi = dti(['validate', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', `--threads=${value}`]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain(`Giá trị "${value}" của --threads không hợp lệ: cần một số nguyên từ 1 đến 64`);
  });
});

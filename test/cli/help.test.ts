import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, dti } from './run.js';

describe('help and usage errors', () => {
  it('prints help in Vietnamese by default and exits 0', () => {
    const r = dti(['score', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: dti score/);
    expect(r.stdout).toContain('Tuỳ chọn:');
  });

  it('prints help in English with --lang en', () => {
    expect(dti(['--lang', 'en', '--help']).stdout).toMatch(/^Usage: dti/);
  });

  it('words a missing required option in the chosen language and exits 2', () => {
    const r = dti(['score', 'x.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Error: the required option -f, --framework <id-or-file> is missing');
  });

  it('names an unknown command and exits 2', () => {
    const r = dti(['nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lỗi: không có lệnh nope');
  });

  it('refuses an unsupported language with exit 2', () => {
    const r = dti(['score', 'x.csv', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fr');
  });
});

describe('a closed pipe', () => {
  it('ends dti quietly when the reader stops early (dti score … | head)', () => {
    const out = spawnSync('sh', ['-c', 'node bin/dti.js score fixtures/khanh-hoa-2023/agencies-long.csv -f khanh-hoa-agencies --format json -q | head -c 5'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out.stdout).toBe('{\n  "');
    expect(out.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

describe('the help in Vietnamese', () => {
  it('names what stands for a value in Vietnamese, keeping the option names', () => {
    const r = dti(['rank', '--help']);
    expect(r.stdout).toContain('Cách dùng: dti rank [tuỳ-chọn] <đường-dẫn...>');
    expect(r.stdout).toContain('-f, --framework <mã-hoặc-tệp>');
    expect(r.stdout).toContain('--year <năm>');
    expect(r.stdout).toContain('-o, --out <thư-mục>');
    expect(r.stdout).not.toMatch(/<(id-or-file|file|folder|yyyy|paths\.\.\.)>/);
  });

  it('keeps the English placeholders with --lang en', () => {
    const r = dti(['rank', '--help', '--lang', 'en']);
    expect(r.stdout).toContain('Usage: dti rank [options] <paths...>');
    expect(r.stdout).toContain('-f, --framework <id-or-file>');
  });

  it('aligns the translated terms in one column', () => {
    const lines = dti(['--help']).stdout.split('\n').filter((l) => /^ {2}(score|help) /.test(l));
    const column = (l: string) => /^ {2}\S.*?\S {2,}/.exec(l)![0].length;
    expect(lines).toHaveLength(2);
    expect(column(lines[0]!)).toBe(column(lines[1]!));
  });

  it('names a missing argument and a missing option value by their Vietnamese placeholders', () => {
    expect(dti(['rank', '-f', 'x', '--year', '2024', '--out', 'o']).stderr).toContain('thiếu tham số đường-dẫn');
    expect(dti(['rank', '--year']).stderr).toContain('tuỳ chọn --year <năm> cần một giá trị');
  });
});

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

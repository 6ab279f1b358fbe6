import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dti } from './run.js';

const LONG = 'fixtures/khanh-hoa-2023/agencies-long.csv';

describe('a usage error', () => {
  it.each([
    [['score', LONG, '-f', 'khanh-hoa-agencies', '--fromat', 'json'], 'Error: unknown option --fromat; did you mean --format? (see dti score --help)'],
    [['scroe', LONG], 'Error: unknown command scroe; did you mean score? (see dti --help)'],
    [['rank', LONG, '-f', 'khanh-hoa-agencies', '--year', '2024', '--out', 'x', '--reveiw', 'r.csv'], 'Error: unknown option --reveiw; did you mean --review? (see dti rank --help)'],
  ])('is one line with a suggestion, not the whole help: dti %j', (args, line) => {
    const r = dti([...args, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(line + '\n');
  });

  it('names a misspelt required option as unknown, not the required one as missing', () => {
    const r = dti(['score', LONG, '--framwork', 'khanh-hoa-agencies', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: unknown option --framwork; did you mean --framework? (see dti score --help)\n');
  });

  it('is in the chosen language', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--fromat', 'json']);
    expect(r.stderr).toBe('Lỗi: không có tuỳ chọn --fromat; có phải là --format? (xem dti score --help)\n');
  });

  it('suggests nothing when nothing is near', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--zzzzzzzz', '--lang', 'en']);
    expect(r.stderr).toBe('Error: unknown option --zzzzzzzz (see dti score --help)\n');
  });

  it('still reports a required option really missing as missing', () => {
    const r = dti(['score', LONG, '--lang', 'en']);
    expect(r.stderr).toBe('Error: the required option -f, --framework <id-or-file> is missing (see dti score --help)\n');
  });
});

describe('colour', () => {
  it('is forced by FORCE_COLOR into a pipe', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--lang', 'en'], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(r.stdout).toContain('\u001b[');
    expect(r.stderr).toContain('\u001b[');
  });

  it('is off with FORCE_COLOR=0, and with --no-color even when forced', () => {
    expect(dti(['score', LONG, '-f', 'khanh-hoa-agencies'], { FORCE_COLOR: '0', NO_COLOR: '' }).stdout).not.toContain('\u001b[');
    expect(dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('is off in a pipe without FORCE_COLOR', () => {
    expect(dti(['score', LONG, '-f', 'khanh-hoa-agencies'], { NO_COLOR: '' }).stdout).not.toContain('\u001b[');
  });
});

describe('dti score --group', () => {
  it('prints only the findings and counts of that group', () => {
    const all = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--format', 'json', '-q']);
    const one = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--lang', 'en', '--group', 'cap-huyen']);
    const doc = JSON.parse(all.stdout);
    const districts = new Set(doc.groups.find((g: { id: string }) => g.id === 'cap-huyen').agencies.map((a: { code: string }) => a.code));
    const theirs = doc.issues.filter((i: { message: string }) => [...districts].some((c) => i.message.startsWith(`Agency ${c}:`)));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(doc.issues.length);
    expect(one.stderr).toContain(`${districts.size} agencies from 1 file; 0 errors, ${theirs.length} warnings, 0 notes`);
    const printed = one.stderr.split('\n').filter((l) => l.startsWith('warning '));
    expect(printed.length).toBe(Math.min(20, theirs.length));
    expect(printed.every((l) => [...districts].some((c) => l.includes(`Agency ${c}:`)))).toBe(true);
  });
});

describe('--format on every command that reports findings', () => {
  it('github prints the same annotations from score, validate and rank', () => {
    const args = [LONG, '-f', 'khanh-hoa-agencies', '--format', 'github', '-q', '--lang', 'en'];
    const score = dti(['score', ...args]).stdout;
    expect(score).toMatch(/^::warning file=/);
    expect(dti(['validate', ...args]).stdout).toBe(score);
    const out = mkdtempSync(join(tmpdir(), 'dti-format-'));
    expect(dti(['rank', ...args, '--year', '2023', '--out', out]).stdout).toBe(score);
  });

  it('text on score is its table, as text is the human form on validate and rank', () => {
    const args = ['score', LONG, '-f', 'khanh-hoa-agencies', '-q'];
    expect(dti([...args, '--format', 'text']).stdout).toBe(dti([...args, '--format', 'table']).stdout);
  });
});

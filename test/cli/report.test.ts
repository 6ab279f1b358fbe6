import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sensitivity } from '../../src/analysis/sensitivity.js';
import { resultsSchema } from '../../src/results/schema.js';
import { execFile } from 'node:child_process';
import { ROOT } from './run.js';

/**
 * Runs the built `dti` as run.ts's dti() does, but without blocking: a file of synchronous spawns
 * holds the test worker so long that vitest's own messages time out on a loaded machine.
 */
function dti(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/dti.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DTI_LANG: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** The two-year sample's ranking, into a temporary folder. */
function rank2024(out: string) {
  return dti([
    'rank', 'fixtures/khanh-hoa-2024', '-f', 'khanh-hoa-agencies', '--year', '2024',
    '--review', 'fixtures/khanh-hoa-2024/review.csv',
    '--previous', 'fixtures/khanh-hoa-2023/results-2023.json',
    '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv',
    '--out', out, '-q',
  ]);
}

describe('dti rank, report, card and sensitivity on the two-year sample', () => {
  const out = mkdtempSync(join(tmpdir(), 'dti-report-'));
  let ranked: Awaited<ReturnType<typeof dti>>;
  let doc: ReturnType<typeof resultsSchema.parse>;
  beforeAll(async () => {
    ranked = await rank2024(out);
    doc = resultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
  }, 120_000);

  it('dti rank writes report.html with the other outputs', () => {
    expect(ranked.code).toBe(0);
    expect(readdirSync(out)).toContain('report.html');
  });

  it('dti report rebuilds the same report.html, byte for byte, from the rank folder', async () => {
    const file = join(out, 'again.html');
    const r = await dti(['report', out, '-o', file, '-q']);
    expect(r.code).toBe(0);
    expect(readFileSync(file)).toEqual(readFileSync(join(out, 'report.html')));
  });

  it('dti report -o - prints the same report, written in chunks, to standard output', async () => {
    const r = await dti(['report', out, '-o', '-', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(out, 'report.html'), 'utf8'));
  });

  it('dti report compares with last year from --previous and --units-map', async () => {
    const file = join(out, 'from-json.html');
    const r = await dti(['report', join(out, 'results.json'), '--previous', 'fixtures/khanh-hoa-2023/results-2023.json', '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv', '-o', file, '-q']);
    expect(r.code).toBe(0);
    expect(readFileSync(file)).toEqual(readFileSync(join(out, 'report.html')));
  });

  it('dti card writes one agency card, with its change since last year and what it needs to move up', async () => {
    const file = join(out, 'syt.html');
    const r = await dti(['card', 'syt', '--in', out, '-o', file, '--lang', 'en']);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('report card 2024: Sở Y tế (SYT)');
    expect(html).toContain('Index 2023');
    // SYT 796.66 points, rank 17; SLDTBXH 0.8030 at rank 16: 803.05 − 796.66 = 6.39.
    expect(html).toContain('6.39 more points for rank 16');
    expect(html).toContain('Chỉ có 1 biên bản họp Ban chỉ đạo');
  });

  it('dti card names an unknown agency and exits 2', async () => {
    const r = await dti(['card', 'NOPE', '--in', out, '-o', join(out, 'x.html'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no agency "NOPE"');
  });

  it('dti sensitivity prints, as JSON, what the library computes for the seed', async () => {
    const r = await dti(['sensitivity', out, '--runs', '100', '--seed', '42', '--spread', '0,1', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(sensitivity(doc, { runs: 100, seed: 42, spread: 0.1 }))));
    expect((await dti(['sensitivity', out, '--runs', '100', '--seed', '42', '--spread', '0.1', '--format', 'json'])).stdout).toBe(r.stdout);
  });

  it('dti sensitivity names the council decision that changed ranks', async () => {
    const r = await dti(['sensitivity', out, '--runs', '20', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SYT 1.2 (5.00 → 20.00 points): SDL: rank 15 → 16; SLDTBXH: rank 16 → 17; SYT: rank 17 → 15');
    expect(r.stdout).toContain('STP 1.3 (4.29 → 15.00 points): no rank changes');
  });

  it('dti sensitivity words its text in Vietnamese with the decimal comma', async () => {
    const r = await dti(['sensitivity', out, '--runs', '20', '--spread', '0,25']);
    expect(r.stdout).toContain('Độ vững của thứ hạng: 20 lần chạy, hạt giống 1, trọng số ±25 %');
    expect(r.stdout).toContain('STP 1.3 (4,29 → 15,00 điểm): không thay đổi thứ hạng nào');
  });

  it('refuses bad --runs, --seed and --spread with exit 2', async () => {
    for (const [flag, value] of [['--runs', '0'], ['--seed', '-1'], ['--spread', '1']] as const) {
      const r = await dti(['sensitivity', out, flag, value, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(flag);
    }
  });

  it('never overwrites its input', async () => {
    const input = join(out, 'copy.json');
    writeFileSync(input, readFileSync(join(out, 'results.json')));
    const r = await dti(['report', input, '-o', input, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Will not overwrite the input');
    expect(readFileSync(input)).toEqual(readFileSync(join(out, 'results.json')));
  });

  it('refuses to replace an existing file unless --force, for report and card alike', async () => {
    const file = join(out, 'someone-else.html');
    writeFileSync(file, 'a page someone wrote');
    for (const args of [['report', out, '-o', file], ['card', 'syt', '--in', out, '-o', file]]) {
      const refused = await dti([...args, '--lang', 'en']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe('a page someone wrote');
    }
    const forced = await dti(['card', 'syt', '--in', out, '-o', file, '--force', '-q']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('<html');
  });

  it('says which results file cannot be read', async () => {
    const bad = join(out, 'bad.json');
    writeFileSync(bad, '{"tool": 1}');
    const r = await dti(['report', bad, '-o', join(out, 'bad.html'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Cannot read the results ${bad}`);
  });
});

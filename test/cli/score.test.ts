import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../../src/results/schema.js';
import { dti } from './run.js';

const LONG = 'fixtures/khanh-hoa-2023/agencies-long.csv';
const WIDE = 'fixtures/khanh-hoa-2023/agencies-wide.csv';
const tmp = () => mkdtempSync(join(tmpdir(), 'dti-cli-'));

const ranking = (stdout: string) => {
  const doc = resultsSchema.parse(JSON.parse(stdout));
  return doc.groups.map((g) => g.agencies.map((a) => [a.code, a.rank, a.points]));
};

describe('dti score', () => {
  it('prints the Vietnamese table with decimal commas, the English one with points', () => {
    const vi = dti(['score', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '-q']);
    expect(vi.stdout).toMatch(/STTTT\s+Sở Thông tin và Truyền thông\s+982,69\s+0,9827/);
    expect(vi.stdout).not.toMatch(/\d\.\d{2}/);
    const en = dti(['score', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '-q', '--lang', 'en']);
    expect(en.stdout).toMatch(/STTTT\s+Sở Thông tin và Truyền thông\s+982.69\s+0.9827/);
  });

  it('shows help in Vietnamese: defaults and placeholders too', () => {
    const r = dti(['score', '--help']);
    expect(r.stdout).toContain('(mặc định:');
    expect(r.stdout).toContain('dti score [tuỳ-chọn]');
    expect(r.stdout).not.toMatch(/default:|\[options\]/);
  });

  it('prints both group rankings of the sample and writes a results file', () => {
    const dir = tmp();
    const out = join(dir, 'results.json');
    const r = dti(['score', LONG, '--framework', 'khanh-hoa-agencies', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sở, ban, ngành (20)');
    expect(r.stdout).toContain('(9)');
    expect(r.stdout).toMatch(/^\s+1\s+\S+/m);
    const doc = resultsSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(doc.groups.map((g) => g.agencies.length)).toEqual([20, 9]);
    expect(doc.framework).toMatchObject({ id: 'khanh-hoa-agencies', maxPoints: 1000 });
  });

  it('prints a stable JSON document on stdout with --format json, diagnostics on stderr', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'json', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = resultsSchema.parse(JSON.parse(r.stdout));
    const first = doc.groups[0]!.agencies[0]!;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['code', 'name', 'group', 'points', 'maxPoints', 'index', 'rank', 'indicators', 'pillars']));
    expect(first.indicators[0]).toEqual(expect.objectContaining({ code: '1', maxPoints: expect.any(Number), rank: expect.any(Number) }));
  });

  it('gives the same ranking from the wide layout as from the long one', () => {
    const long = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']);
    const wide = dti(['score', WIDE, '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']);
    expect(ranking(wide.stdout)).toEqual(ranking(long.stdout));
  });

  it.each(readdirSync('fixtures/khanh-hoa-2023/messy').filter((f) => f.endsWith('.csv')))(
    'reads the messy variant %s as the clean file',
    (file) => {
      const long = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']);
      const messy = dti(['score', `fixtures/khanh-hoa-2023/messy/${file}`, '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']);
      expect(messy.code).toBe(0);
      expect(ranking(messy.stdout)).toEqual(ranking(long.stdout));
      const names = (s: string) => resultsSchema.parse(JSON.parse(s)).groups.flatMap((g) => g.agencies.map((a) => a.name));
      expect(names(messy.stdout)).toEqual(names(long.stdout));
    },
  );

  it('writes byte-identical results for the same input', () => {
    const dir = tmp();
    dti(['score', LONG, '-f', 'khanh-hoa-agencies', '-o', join(dir, 'a.json'), '-q']);
    dti(['score', LONG, '-f', 'khanh-hoa-agencies', '-o', join(dir, 'b.json'), '-q']);
    expect(readFileSync(join(dir, 'a.json'))).toEqual(readFileSync(join(dir, 'b.json')));
  });

  it('prints one group only with --group', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--group', 'cap-huyen', '--format', 'json', '-q']);
    expect(resultsSchema.parse(JSON.parse(r.stdout)).groups.map((g) => g.id)).toEqual(['cap-huyen']);
  });

  it('prints CSV with --format csv', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'csv', '--csv-style', 'plain', '-q']);
    expect(r.stdout.split('\r\n')[0]).toMatch(/^group,rank,agency_code,agency_name,points,max_points,index,class/);
    expect(r.stdout.trim().split('\r\n')).toHaveLength(30);
  });

  it('speaks English with --lang en and Vietnamese by default', () => {
    const en = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--lang', 'en']);
    expect(en.stdout).toContain('Rank');
    const vi = dti(['score', LONG, '-f', 'khanh-hoa-agencies']);
    expect(vi.stdout).toContain('Hạng');
    const env = dti(['score', LONG, '-f', 'khanh-hoa-agencies'], { DTI_LANG: 'en' });
    expect(env.stdout).toContain('Rank');
  });

  it('exits 2 with a clear message for an unknown framework', () => {
    const r = dti(['score', LONG, '-f', 'no-such']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such');
    expect(r.stderr).toContain('khanh-hoa-agencies');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exits 2 for a missing input file', () => {
    const r = dti(['score', 'nowhere.csv', '-f', 'khanh-hoa-agencies', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No such file or folder: nowhere.csv');
  });

  it('exits 2 for an unknown option', () => {
    expect(dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--bogus']).code).toBe(2);
  });

  it('refuses to write the results over an input file', () => {
    const dir = tmp();
    const input = join(dir, 'in.csv');
    writeFileSync(input, readFileSync(LONG));
    const r = dti(['score', input, '-f', 'khanh-hoa-agencies', '-o', input]);
    expect(r.code).toBe(2);
    expect(readFileSync(input)).toEqual(readFileSync(LONG));
  });

  it('leaves nothing behind when the output folder cannot be written', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '-o', '/proc/dti-results.json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Could not write /proc/dti-results.json');
    expect(existsSync('/proc/dti-results.json')).toBe(false);
  });

  it('exits 1 and names the cell when the data has errors, scoring the rest', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync(LONG, 'utf8').split('\n');
    // Break one numerator: text where a number belongs.
    const i = lines.findIndex((l, n) => n > 0 && /,\d+,\d+,,/.test(l));
    lines[i] = lines[i]!.replace(/,(\d+),(\d+),,/, ',abc,$2,,');
    writeFileSync(bad, lines.join('\n'));
    const r = dti(['score', bad, '-f', 'khanh-hoa-agencies', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const doc = resultsSchema.parse(JSON.parse(r.stdout));
    expect(doc.groups.reduce((n, g) => n + g.agencies.length, 0)).toBe(29);
    expect(doc.issues.find((x) => x.code === 'E_NOT_A_NUMBER')).toMatchObject({ row: i + 1, column: 7 });
    expect(r.stderr).toContain(`line ${i + 1}, column 7`);
  });

  it('ranks published main-indicator points: Đà Nẵng 2022 gives 800.175 points, DTI 0.8002', () => {
    const r = dti(['score', 'fixtures/vn-province-2022/da-nang-2022.csv', '-f', 'vn-province-2022', '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const dng = resultsSchema.parse(JSON.parse(r.stdout)).groups[0]!.agencies[0]!;
    expect(dng).toMatchObject({ code: 'DNG', points: 800.175, maxPoints: 1000, index: 0.8002 });
    expect(dng.indicators.map((i) => i.index)).toEqual([1, 0.9, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197]);
    expect(dng.pillars.map((p) => [p.code, p.maxPoints])).toEqual([
      ['cqs', 700],
      ['kts', 650],
      ['xhs', 650],
    ]);
  });

  it('gives tied provinces the same rank and skips the next', () => {
    const dir = tmp();
    const csv = join(dir, 'tie.csv');
    const rows = ['agency_code,agency_name,indicator,points'];
    for (const [code, pts] of [['A', 80], ['B', 70], ['C', 70], ['D', 60]] as const) {
      for (const main of ['1', '2', '3', '4', '5']) rows.push(`${code},Tỉnh ${code},${main},${pts}`);
    }
    writeFileSync(csv, rows.join('\n'));
    const r = dti(['score', csv, '-f', 'vn-province-2022', '--format', 'json', '-q']);
    expect(resultsSchema.parse(JSON.parse(r.stdout)).groups[0]!.agencies.map((a) => [a.code, a.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
  });
});

describe('dti validate --format github', () => {
  it('writes annotations to stdout and the full list to $GITHUB_STEP_SUMMARY', () => {
    const dir = tmp();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = dti(['validate', 'fixtures/khanh-hoa-2023/official-forms', '-f', 'khanh-hoa-agencies', '--format', 'github', '--lang', 'en'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^::warning file=fixtures\/khanh-hoa-2023\/official-forms\/[^,]+,title=W_EVIDENCE_MISSING Phụ lục I!H\d+::Agency NTR/);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('| Severity | Code | File | Sheet | Cell | Message |');
    expect(md.split('\n').filter((l) => l.startsWith('| warning') || l.startsWith('| info'))).toHaveLength(r.stdout.trim().split('\n').length);
  });
});

describe('dti score --agencies', () => {
  it('scores the sample cleanly against its agency list', () => {
    expect(dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--agencies', 'fixtures/khanh-hoa-2023/agencies.csv', '-q']).code).toBe(0);
  });

  it('refuses a submission of an agency the list does not know, and scores the rest (exit 1)', () => {
    const dir = tmp();
    const list = join(dir, 'agencies.csv');
    writeFileSync(list, readFileSync('fixtures/khanh-hoa-2023/agencies.csv', 'utf8').split('\n').filter((l) => !l.startsWith('STP,')).join('\n'));
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--agencies', list, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const doc = resultsSchema.parse(JSON.parse(r.stdout));
    expect(doc.summary.agencies).toBe(28);
    expect(doc.issues.find((i) => i.code === 'E_AGENCY_NOT_LISTED')?.message).toBe('Agency "STP" is not in the agency list (--agencies)');
  });
});

describe('dti framework', () => {
  it('lists the bundled frameworks', () => {
    const r = dti(['framework', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('khanh-hoa-agencies');
    expect(r.stdout).toContain('vn-province-2022');
  });

  it('shows a readable tree with max points and rules', () => {
    const r = dti(['framework', 'show', 'vn-province-2022', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/7\s+.*200 points/);
  });

  it('gives normalised JSON that loads back and scores exactly as the bundled id', () => {
    const dir = tmp();
    const r = dti(['framework', 'show', 'khanh-hoa-agencies', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.indicators[0]).toEqual(expect.objectContaining({ code: '1', name: expect.objectContaining({ vi: expect.any(String), en: expect.any(String) }), maxPoints: expect.any(Number), children: expect.any(Array) }));
    const file = join(dir, 'fw.json');
    writeFileSync(file, r.stdout);
    const bundled = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'json', '-q']);
    const fromFile = dti(['score', LONG, '-f', file, '--format', 'json', '-q']);
    expect(JSON.parse(fromFile.stdout).groups).toEqual(JSON.parse(bundled.stdout).groups);
  });
});

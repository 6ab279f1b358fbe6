import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../../src/results/schema.js';
import { dti } from './run.js';

/** The README's yearly-process line, into a temporary folder. */
function rank2024(out: string, extra: string[] = []) {
  return dti([
    'rank',
    'fixtures/khanh-hoa-2024',
    '-f',
    'khanh-hoa-agencies',
    '--year',
    '2024',
    '--review',
    'fixtures/khanh-hoa-2024/review.csv',
    '--previous',
    'fixtures/khanh-hoa-2023/results-2023.json',
    '--units-map',
    'fixtures/khanh-hoa-2024/units-map.csv',
    '--out',
    out,
    ...extra,
  ]);
}

describe('dti rank', () => {
  const out = mkdtempSync(join(tmpdir(), 'dti-rank-'));
  const run = rank2024(out, ['--lang', 'en']);

  it('writes the ranked workbook, results.json, a CSV per group, summary.md, report.html and the manifest of what it wrote', () => {
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.dti-manifest.json', 'cap-huyen.csv', 'comparison.json', 'report.html', 'results.json', 'results.xlsx', 'so-nganh.csv', 'summary.md']);
  });

  it('never reads its side files or its own output as submissions', () => {
    const doc = resultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    // Every input, with what it was to the run (the method sheet lists them with their hashes).
    expect(doc.inputs.map((i) => [i.file, i.kind])).toEqual([
      ['fixtures/khanh-hoa-2024/agencies-long.csv', 'submission'],
      ['fixtures/khanh-hoa-2024/review.csv', 'review'],
      ['fixtures/khanh-hoa-2023/results-2023.json', 'previous'],
      ['fixtures/khanh-hoa-2024/units-map.csv', 'units'],
      ['khanh-hoa-agencies', 'framework'],
    ]);
    expect(doc.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    expect(doc.summary.agencies).toBe(28);
  });

  it('shows the assessment year, not the framework\'s, and lists every input with its hash on the method sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'results.xlsx'));
    expect(String(wb.getWorksheet('Ranking')!.getCell('A1').value)).toMatch(/– 2024$/);
    expect(String(wb.getWorksheet('Main indicators')!.getCell('A1').value)).toMatch(/2024$/);
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddHeader).not.toMatch(/2023/);
    const method = wb.getWorksheet('Method')!;
    const rows: string[][] = [];
    method.eachRow((row) => rows.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? ''))));
    expect(rows.find((r) => r[0] === 'Year')![1]).toBe('2024');
    expect(rows.find((r) => r[0] === 'Framework year')![1]).toBe('2023');
    const header = rows.findIndex((r) => r[0] === 'File' && r[1] === 'SHA-256');
    expect(rows.slice(header + 1).map((r) => [r[0], r[2]])).toEqual([
      ['fixtures/khanh-hoa-2024/agencies-long.csv', 'Submission'],
      ['fixtures/khanh-hoa-2024/review.csv', 'Review'],
      ['fixtures/khanh-hoa-2023/results-2023.json', 'Previous results'],
      ['fixtures/khanh-hoa-2024/units-map.csv', 'Units map'],
      ['khanh-hoa-agencies', 'Framework'],
    ]);
    expect(rows.slice(header + 1).every((r) => /^[0-9a-f]{64}$/.test(r[1]!))).toBe(true);
  });

  it('applies the appraisal council decisions, keeping the computed points and the reason', () => {
    const doc = resultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    const appraised = doc.groups.flatMap((g) => g.agencies.flatMap((a) => a.leaves.filter((l) => l.appraisal).map((l) => [a.code, l.code, l.points, l.computedPoints])));
    expect(appraised.map(([a, l]) => `${a}/${l}`).sort()).toEqual(['NTR/2.5', 'STP/1.3', 'SYT/1.2']);
    expect(appraised.find(([a]) => a === 'SYT')![2]).toBe(5);
  });

  it('compares with last year: merged units take the mean of their former units', () => {
    const cmp = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    const nhvn = cmp.groups.flatMap((g: any) => g.agencies).find((a: any) => a.code === 'NHVN');
    // NHO 0.8460 and VNI 0.7754 in 2023: (0.8460 + 0.7754) / 2 = 0.8107
    expect(nhvn.previous).toMatchObject({ index: 0.8107, codes: ['NHO', 'VNI'] });
    expect(cmp.gone.map((g: any) => g.code)).toEqual(['BQLKKT']);
    const byCode = new Map(cmp.groups.flatMap((g: any) => g.agencies).map((a: any) => [a.code, a]));
    expect((byCode.get('SNGV') as any).status).toBe('new');
    expect((byCode.get('BDTTG') as any).matchedBy).toBe('name');
  });

  it('summarises in English with last year figures and rank changes', () => {
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toContain('Sở Ngoại vụ (SNGV)');
    expect(md).toMatch(/\| new \|/);
    expect(md).toContain('Index 2023');
  });

  it('shows last year and the rank change in the ranked workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'results.xlsx'));
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('Rank change from last year'))!;
    const at = (code: string, column: string) => rows.find((r) => r.includes(code))![header.indexOf(column)];
    expect(at('SKHDT', 'Rank change from last year')).toBe('↑1');
    expect(at('SNGV', 'Rank change from last year')).toBe('new');
    expect(at('NHVN', 'DTI index 2023')).toBe(0.8107);
    expect(String(rows[0]![0])).toMatch(/2024$/);
  });

  it('gives byte-identical outputs for the same folder', () => {
    const again = mkdtempSync(join(tmpdir(), 'dti-rank-'));
    expect(rank2024(again, ['--lang', 'en']).code).toBe(0);
    for (const f of readdirSync(out)) expect(readFileSync(join(again, f)), f).toEqual(readFileSync(join(out, f)));
  });

  it('reports an adjustment for an unknown agency as an error (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-rank-'));
    const review = join(dir, 'review.csv');
    writeFileSync(review, 'Mã đơn vị,Mã chỉ số,Điểm thẩm định,Lý do\nXYZ,1.1,0,Không có\n');
    const r = dti(['rank', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--year', '2024', '--review', review, '--out', join(dir, 'out'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_REVIEW_UNKNOWN_AGENCY');
  });

  it('prints a plain progress line per file when stderr is not a terminal, and none with --quiet', () => {
    expect(run.stderr).toContain('[1/1] fixtures/khanh-hoa-2024/agencies-long.csv');
    const quiet = rank2024(mkdtempSync(join(tmpdir(), 'dti-rank-')), ['-q']);
    expect(quiet.stderr).toBe('');
  });

  it('holds submissions to the year: another year is an error', () => {
    const r = dti(['rank', 'fixtures/khanh-hoa-2023/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--year', '2024', '--out', mkdtempSync(join(tmpdir(), 'dti-rank-')), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_YEAR_MISMATCH');
  });
});

describe('dti rank findings', () => {
  const out = mkdtempSync(join(tmpdir(), 'dti-rank-'));
  const review = join(out, '..', `review-${Date.now()}.csv`);
  // One error (an adjustment for an agency that did not submit) beside the comparison's findings.
  writeFileSync(review, readFileSync('fixtures/khanh-hoa-2024/review.csv', 'utf8').trimEnd() + '\nXYZ,1.1,0,,,Không có,\n');
  const args = ['rank', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--year', '2024', '--review', review, '--previous', 'fixtures/khanh-hoa-2023/results-2023.json', '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv', '--lang', 'en'];
  const run = dti([...args, '--out', out]);
  const codes = run.stderr.split('\n').filter((l) => /^(error|warning|note) /.test(l)).map((l) => l.split(' ')[1]!);

  it('lists errors first, then the matches with last year, merges and units gone, then the rest', () => {
    expect(run.code).toBe(1);
    expect(codes[0]).toBe('E_REVIEW_UNKNOWN_AGENCY');
    expect(codes.slice(1, 4).sort()).toEqual(['I_AGENCIES_GONE', 'I_UNITS_MERGED', 'W_MATCHED_BY_NAME']);
    expect(codes.slice(4).every((c) => c === 'W_EVIDENCE_MISSING')).toBe(true);
  });

  it('counts in the summary line every finding that results.json, the issues sheet and summary.md list', async () => {
    const doc = resultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    const line = /(\d+) errors?, (\d+) warnings?, (\d+) notes?/.exec(run.stderr)!;
    const bySeverity = (s: string) => doc.issues.filter((i) => i.severity === s).length;
    expect([Number(line[1]), Number(line[2]), Number(line[3])]).toEqual([bySeverity('error'), bySeverity('warning'), bySeverity('info')]);
    expect(doc.summary).toMatchObject({ errors: bySeverity('error'), warnings: bySeverity('warning'), infos: bySeverity('info') });
    expect(doc.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['W_MATCHED_BY_NAME', 'I_UNITS_MERGED', 'I_AGENCIES_GONE', 'E_REVIEW_UNKNOWN_AGENCY']));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'results.xlsx'));
    expect(wb.getWorksheet('Issues')!.actualRowCount - 1).toBe(doc.issues.length);

    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    const counted = [...md.slice(md.indexOf('## Remaining issues')).matchAll(/^\| `[A-Z_]+` \| [^|]+ \| (\d+) \|$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(doc.issues.length);
  });

  it('prints every finding with --format json, as validate does', () => {
    const json = dti([...args, '--out', mkdtempSync(join(tmpdir(), 'dti-rank-')), '--format', 'json']);
    const printed = JSON.parse(json.stdout);
    const doc = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(printed.issues).toEqual(doc.issues);
    expect(printed.summary).toEqual({ errors: doc.summary.errors, warnings: doc.summary.warnings, infos: doc.summary.infos });
  });
});

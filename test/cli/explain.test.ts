import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../../src/results/schema.js';
import { dti } from './run.js';

const IN = ['--in', 'fixtures/khanh-hoa-2023/results-2023.json'];

describe('dti explain', () => {
  it('writes every figure with the decimal comma in Vietnamese', () => {
    const r = dti(['explain', 'STP', ...IN, '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/chỉ số DTI 0,\d{4}/);
    expect(r.stdout).toMatch(/: \d+(,\d+)? \/ \d+ = [01],\d{4}, hạng \d+/);
    expect(r.stdout).not.toMatch(/\d\.\d{4}/);
  });

  it('explains an agency: total, each main indicator, and the rank computation', () => {
    const r = dti(['explain', 'STP', ...IN, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('STP – Sở Tư pháp');
    expect(r.stdout).toMatch(/Total 952\.01\/1000 points, DTI index 0\.9520/);
    expect(r.stdout).toMatch(/Rank 3 of 20: 2 agencies have a higher index/);
    expect(r.stdout).toContain('Next above: VPUB');
  });

  it('explains one indicator: rule, inputs with their source cells, computed points', () => {
    const r = dti(['explain', 'STP', '1.3', ...IN, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rule: numerator/denominator × max points');
    expect(r.stdout).toContain('numerator = 3, denominator = 4');
    expect(r.stdout).toContain('agencies-long.csv › line 76, column 7');
    expect(r.stdout).toContain('Computed: 15 / 20');
  });

  it('names the tie when two agencies share a rank', () => {
    const r = dti(['explain', 'SXD', ...IN, '--lang', 'en']);
    expect(r.stdout).toContain('Tied with: SGTVT');
  });

  it('exits 2 for an unknown agency or indicator', () => {
    expect(dti(['explain', 'NOPE', ...IN]).code).toBe(2);
    const r = dti(['explain', 'STP', '9.9', ...IN, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Agency STP has no indicator "9.9"');
  });
});

describe('dti explain after an appraisal', () => {
  const out = mkdtempSync(join(tmpdir(), 'dti-explain-'));
  const ranked = dti(['rank', 'fixtures/khanh-hoa-2024/agencies-long.csv', '-f', 'khanh-hoa-agencies', '--year', '2024', '--review', 'fixtures/khanh-hoa-2024/review.csv', '--out', out, '-q']);

  it('shows what the agency gave and what the council corrected, with their cells, and which counted', () => {
    expect(ranked.code).toBe(0);
    const r = dti(['explain', 'STP', '1.3', '--in', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    const [gave, decided] = r.stdout.split('The appraisal council decided:');
    expect(gave).toContain('The agency gave:');
    expect(gave).toContain('numerator = 3, denominator = 4');
    expect(gave).toContain('agencies-long.csv › line 76, column 8');
    expect(gave).toContain('Computed: 15 / 20');
    expect(decided).toContain('numerator = 3, denominator = 14');
    expect(decided).toContain('review.csv › line 3, column 5');
    expect(decided).toContain('Reason: Mẫu số theo số liệu của Văn phòng UBND tỉnh');
    expect(decided).toContain('In the review file: fixtures/khanh-hoa-2024/review.csv › line 3');
    expect(decided).toContain("Counted: the appraisal council's decision, 4.29 / 20");
  });

  it('shows the points the council gave when it gave points', () => {
    const r = dti(['explain', 'SYT', '1.2', '--in', out, '--lang', 'vi']);
    expect(r.stdout).toContain('Đơn vị tự đánh giá:');
    expect(r.stdout).toContain('Điểm theo cách tính: 20 / 20');
    expect(r.stdout).toContain('Điểm hội đồng cho: 5');
    expect(r.stdout).toContain('Điểm được tính: điểm của hội đồng thẩm định, 5 / 20');
  });

  it('keeps the agency\'s own inputs beside the council\'s in results.json', () => {
    const doc = resultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    const leaf = doc.groups.flatMap((g) => g.agencies).find((a) => a.code === 'STP')!.leaves.find((l) => l.code === '1.3')!;
    expect(leaf.ownInputs).toEqual({ numerator: '3', denominator: '4' });
    expect(leaf.ownSources?.map((s) => s.file)).toEqual(['fixtures/khanh-hoa-2024/agencies-long.csv', 'fixtures/khanh-hoa-2024/agencies-long.csv']);
    expect(leaf.inputs).toEqual({ numerator: '3', denominator: '14' });
    expect(leaf.councilPoints).toBeUndefined();
  });
});

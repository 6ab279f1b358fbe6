import { describe, expect, it } from 'vitest';
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

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultsDoc } from '../../src/results/schema.js';
import { Y2025 } from '../helpers/y2025.js';
import { dti } from './run.js';

/** The three-block 2025 framework, an agency list with tags, submissions and a review file, written as a user has them. */
function inputs() {
  const dir = mkdtempSync(join(tmpdir(), 'dti-2025-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const fw = file('mini-2025.json', JSON.stringify(Y2025));
  const agencies = file(
    'agencies.csv',
    'Mã đơn vị,Tên đơn vị,Nhóm,Nhãn\nSTP,Sở Tư pháp,so,has-public-services\nSNV,Sở Nội vụ,so,\nCA,Công an tỉnh,tw,has-public-services\nX1,Phường Nha Trang,xa,\nX2,Xã Cam Lâm,xa,\n',
  );
  const rows = [
    ['STP', '1.1', 'có', ''], ['STP', '1.2', 'Không áp dụng', 'Không có cơ sở trực thuộc'], ['STP', '2.1', '100', ''], ['STP', '2.2', 'không', ''], ['STP', '9.1', '1', ''], ['STP', '9.2', 'không', ''],
    ['SNV', '1.1', 'có', ''], ['SNV', '1.2', 'KAD', 'Chưa có'], ['SNV', '2.2', 'có', ''], ['SNV', '9.1', '0', ''], ['SNV', '9.2', 'có', ''],
    ['CA', '1.1', 'có', ''], ['CA', '1.2', 'có', ''], ['CA', '2.1', '50', ''],
    ['X1', '1.1', 'có', ''], ['X1', '1.2', 'có', ''], ['X1', '2.2', 'có', ''],
    ['X2', '1.1', 'có', ''], ['X2', '1.2', 'không', ''], ['X2', '2.2', 'không', ''],
  ];
  const subs = file('submissions.csv', 'agency_code,indicator,value,note\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
  const review = file('review.csv', 'Mã đơn vị,Mã chỉ số,Chấp nhận không áp dụng,Lý do\nSNV,1.2,Không chấp nhận,Sở có 2 đơn vị trực thuộc\n');
  return { dir, fw, agencies, subs, review };
}

describe('a 2025 framework end to end (dti score, explain, framework show)', () => {
  const { dir, fw, agencies, subs, review } = inputs();
  const out = join(dir, 'results.json');
  const run = dti(['score', subs, '-f', fw, '--agencies', agencies, '--review', review, '--out', out, '--lang', 'en']);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as ResultsDoc;
  const rows = (id: string) => doc.groups.find((g) => g.id === id)!.agencies.map((a) => [a.code, a.points, a.maxPoints, a.index, a.rank, a.class?.code ?? null]);

  it('scores three blocks out of their own maxima, with tags, N/A, the council’s rejection, bonus and penalty', () => {
    expect(run.stderr).not.toMatch(/error E_|W_MISSING_VALUE .*9\.[12]/);
    expect(run.stderr).toMatch(/W_MISSING_VALUE .*SNV: indicator 1\.2/);
    expect(doc.groups.map((g) => [g.id, g.maxPoints, g.ranked])).toEqual([['so', 100, true], ['tw', 80, false], ['xa', 90, true]]);
    // STP: 40 + 20 + 0 of 80 (1.2 declared N/A), bonus 5. SNV: 40 + 0 + 20 of 80 (2.1 by tag; 1.2 rejected: 0), penalty 20.
    expect(rows('so')).toEqual([['STP', 65, 80, 0.8125, 1, 'b'], ['SNV', 40, 80, 0.5, 2, null]]);
    expect(rows('tw')).toEqual([['CA', 70, 80, 0.875, null, 'b']]);
    expect(rows('xa')).toEqual([['X1', 90, 90, 1, 1, 'tot'], ['X2', 40, 90, 0.4444, 2, null]]);
  });

  it('explains why an indicator did not apply and what the council decided', () => {
    const snv = dti(['explain', 'SNV', '--in', out, '--lang', 'en']).stdout;
    expect(snv).toContain('Total 40/80 points');
    expect(snv).toMatch(/2\.1 .*not applicable: the agency is not tagged Provides public services/);
    expect(dti(['explain', 'SNV', '1.2', '--in', out, '--lang', 'en']).stdout).toContain('the appraisal council rejected this: Sở có 2 đơn vị trực thuộc');
  });

  it('shows tags, N/A, bonus and penalty in the framework tree', () => {
    const tree = dti(['framework', 'show', fw, '--lang', 'en']).stdout;
    expect(tree).toContain('Agency tags: has-public-services – Provides public services');
    expect(tree).toMatch(/2\.1 +Public services +20 points only for: so, tw only for agencies tagged: has-public-services/);
    expect(tree).toMatch(/9\.1 +Awards +bonus up to 10 points\n +→ 5 points per item, up to 10/);
    expect(tree).toMatch(/9\.2 +Security incident +penalty up to 20 points/);
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dti } from './run.js';

// The bytes every output had before the speed and memory work (issue 13): a faster or leaner
// pipeline must give the same files. Recomputed only when an output is meant to change: results.xlsx
// (and the manifest that lists its hash) changed bytes when the workbook writer began to stream its
// rows; its cell values are held to main's by test/report/workbook-values.test.ts.
const env = { SOURCE_DATE_EPOCH: '1700000000' };
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('outputs pinned to their bytes', () => {
  it('dti rank on the 2024 sample writes the same files, byte for byte', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dti-pinned-')), 'rank');
    const r = dti(['rank', 'fixtures/khanh-hoa-2024', '-f', 'khanh-hoa-agencies', '--year', '2024', '--review', 'fixtures/khanh-hoa-2024/review.csv', '--previous', 'fixtures/khanh-hoa-2023/results-2023.json', '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv', '--out', out, '-q'], env);
    expect(r.code).toBe(0);
    const hashes = Object.fromEntries(readdirSync(out).sort().map((f) => [f, sha256(readFileSync(join(out, f)))]));
    expect(hashes).toEqual({
      // report.html (a card on one A4 page) and results.xlsx (the streaming writer, one shared header
      // when groups run past a page, Calibri named on bold cells) changed on purpose; the manifest holds their hashes.
      '.dti-manifest.json': '0973d3bac9c54b6d48bccb83c1da790c0f9224ebc56f0a00d93d9485cb37cb73',
      'cap-huyen.csv': 'c8d8d21de7c6fd19e902c9ebcf37c9ad07b76140a78dcb324bf50923e1d6b19e',
      'comparison.json': '29613b5d298d2cddbc87b3973393dc9125cfa0e56ef340beb0236c5ce0aa84f0',
      'report.html': '0611282e9447d384f9c909c38707d3b13f46c71d9262e4444a494f6028f92ef9',
      'results.json': '508d32f0fec6cce8777188d11ae55dbf111b2b62cd8b85b28fe2e696ff15fdf7',
      'results.xlsx': '9b6a9af5b24478efe1e3c07181e985d027608c363b0305a6cc7184ad0a3a216d',
      'so-nganh.csv': 'ed7dbc9dd4454c35b1abedb8af50099d902d29a3b45e4899653ca6fc6b7329b6',
      'summary.md': '96d511191749ca4f77ba60513b0896334169ef65f016569817951cd804f7fe72',
    });
  });

  it('dti score on the 29 sample workbooks prints the same table and writes the same results.json', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dti-pinned-')), 'results.json');
    const r = dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '-q', '-o', file], env);
    expect(r.code).toBe(0);
    expect(sha256(r.stdout)).toBe('c76a8de034db624baf141247303c5ca62e08a51f397ba3b0acafab45d1e6c111');
    expect(sha256(readFileSync(file))).toBe('9ec844d192d7ccea4a3b68452e7854cfbdce5b24d652e1c180a3664782a95503');
  });
});

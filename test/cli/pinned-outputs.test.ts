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
      '.dti-manifest.json': '0190d660251c4bb5cba49b0a7116563c186cc7705f35ca39745b19a2e9799edb',
      'cap-huyen.csv': 'c8d8d21de7c6fd19e902c9ebcf37c9ad07b76140a78dcb324bf50923e1d6b19e',
      'comparison.json': '2c922c15778cb728710e5a49f1330fa760975126a5cd06df58a1811279a26057',
      'report.html': 'a3e353d733907ecc6ce7f52a2bc1b7df1941c9c6e616a72b7c8b48ada5df6adf',
      'results.json': '8acbd96d15239c8755d6b821a9b07599728b2ae31e0a287b3eaa07ec787de6f8',
      'results.xlsx': '452796e86476c8e7efd00854a320b50ebdfe44d34678eb8fc322ee765d0efacf',
      'so-nganh.csv': 'ed7dbc9dd4454c35b1abedb8af50099d902d29a3b45e4899653ca6fc6b7329b6',
      'summary.md': '78945cd9d3dd69a1b3b793049d91e754573e8fa62105cb6c5ed0bc8c10f057ca',
    });
  });

  it('dti score on the 29 sample workbooks prints the same table and writes the same results.json', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dti-pinned-')), 'results.json');
    const r = dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '-q', '-o', file], env);
    expect(r.code).toBe(0);
    expect(sha256(r.stdout)).toBe('c76a8de034db624baf141247303c5ca62e08a51f397ba3b0acafab45d1e6c111');
    expect(sha256(readFileSync(file))).toBe('2b23bc37c57b2b85989934c2c7b8b2fc470881c15b5b596df5be8f97202127ba');
  });
});

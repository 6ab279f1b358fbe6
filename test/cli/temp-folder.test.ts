import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dti } from './run.js';

// A batch keeps its submissions aside in the temporary folder (src/results/spool.ts): when that
// folder is unusable the user is told which folder and what to do, not shown an internal error.
describe('an unusable temporary folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-tmpdir-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is named in a usage error (exit 2), with TMPDIR as the way out, and nothing is written', () => {
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const out = join(dir, 'results.json');
    const r = dti(['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '-q', '-o', out, '--lang', 'en'], { TMPDIR: notAFolder });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_TEMP_FOLDER');
    expect(r.stderr).toContain(notAFolder);
    expect(r.stderr).toContain('TMPDIR');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(() => rmSync(out)).toThrow();
  });
});

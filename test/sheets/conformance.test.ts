import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

/**
 * scripts/conformance.mjs on the corpus of real workbooks (../shared/real-xlsx, never committed):
 * dti against openpyxl and SheetJS. Skipped, with the reason in its name, where the corpus or
 * openpyxl is missing.
 */
const CORPUS = [process.env.DTI_REAL_XLSX, join(ROOT, '../shared/real-xlsx'), join(ROOT, '../../shared/real-xlsx')].find(
  (p): p is string => p !== undefined && p !== '' && existsSync(p),
);
const PYTHON = process.env.DTI_CONFORMANCE_PYTHON ?? '/usr/bin/python3';

function skipReason(): string | undefined {
  if (CORPUS === undefined) return 'no ../shared/real-xlsx folder';
  if (!existsSync(join(ROOT, 'dist/index.js'))) return 'dist/ not built (npm run build)';
  const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `openpyxl not importable by ${PYTHON} (apt-get install python3-openpyxl)`;
  return undefined;
}

interface Summary {
  files: number;
  read: number;
  refusedWrongly: number;
  hangs: number;
  crashes: number;
  cellsCompared: number;
  unexplained: number;
}

describe('conformance with openpyxl and SheetJS on real workbooks', () => {
  const reason = skipReason();
  if (reason !== undefined) {
    it.skip(`skipped: ${reason}`, () => {});
    return;
  }
  it('refuses no readable file, never hangs or crashes, and differs from both references only for a written reason', async () => {
    // Run without blocking this worker (a synchronous child would starve vitest's own messages),
    // one worker and one Python process, so that the test files running beside it keep a core.
    const run = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['scripts/conformance.mjs', CORPUS!, '--json', '--timeout', '15', '--jobs', '1'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
      });
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { summary: Summary; files: { file: string; status: string; code?: string; differences?: { reason?: string }[] }[] };
    const { summary } = out;
    const wrongly = out.files.filter((f) => f.status === 'refused wrongly').map((f) => `${f.file} ${f.code}`);
    const broken = out.files.filter((f) => f.status === 'hang' || f.status === 'crash').map((f) => `${f.file} ${f.status}`);
    const unexplained = out.files.filter((f) => f.differences?.some((d) => d.reason === undefined)).map((f) => f.file);
    expect(wrongly).toEqual([]);
    expect(broken).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(summary.read).toBeGreaterThan(summary.files / 2);
    expect(summary.cellsCompared).toBeGreaterThan(0);
    expect(run.status).toBe(0);
  }, 240_000);
});

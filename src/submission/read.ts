import { append } from '../core/arrays.js';
import { issue, type DtiIssue } from '../core/issues.js';
import type { FrameworkModel } from '../framework/model.js';
import { readGridFile, type ReadOptions } from '../sheets/read.js';
import { parseGrid, type ParseOptions } from './parse.js';
import type { Submission } from './schema.js';

export interface ReadSubmissionsResult {
  readonly submissions: Submission[];
  readonly issues: DtiIssue[];
  /** Every file read, with its SHA-256 (files that could not be read have none). */
  readonly inputs: { file: string; sha256: string }[];
}

/**
 * Reads submission files one by one (each independently, so one bad file never stops the
 * rest) and checks the batch: one submission per agency and year.
 */
export interface ReadProgress {
  /** Called after each file, for a progress display in the shell (the readers stay silent). */
  readonly onFile?: (file: string, done: number, total: number) => void;
}

export function readSubmissions(
  files: readonly string[],
  model: FrameworkModel,
  options: ReadOptions & ParseOptions & ReadProgress = {},
): ReadSubmissionsResult {
  const submissions: Submission[] = [];
  const issues: DtiIssue[] = [];
  const inputs: { file: string; sha256: string }[] = [];
  const seen = new Map<string, Submission>();
  files.forEach((file, index) => {
    // One file that fails in a way no reader foresaw is reported, naming it, and the batch goes on.
    try {
      readOne(file);
    } catch (e) {
      issues.push(issue('E_FILE_FAILED', { file }, { detail: e instanceof Error ? e.message : String(e) }));
    }
    options.onFile?.(file, index + 1, files.length);
  });
  return { submissions, issues, inputs };

  function readOne(file: string): void {
    const read = readGridFile(file, options);
    if (!read.grid) {
      append(issues, capFindings(read.issues, file));
      return;
    }
    inputs.push({ file, sha256: read.grid.sha256 });
    const parsed = parseGrid(read.grid, model, options);
    const found = append(append([], read.issues), parsed.issues);
    for (const s of parsed.submissions) {
      const key = `${s.agency.code}\u0000${s.agency.year ?? ''}`;
      const first = seen.get(key);
      if (first) {
        found.push(issue('E_DUPLICATE_AGENCY', s.loc, { agency: s.agency.code, year: s.agency.year ?? '', first: first.file }));
        continue;
      }
      seen.set(key, s);
      submissions.push(s);
    }
    append(issues, capFindings(found, file));
  }
}

/** Most findings listed for one file: past it, the rest are counted in one W_FINDINGS_CAPPED. */
export const MAX_FINDINGS_PER_FILE = 1_000;

/**
 * A file's findings, at most MAX_FINDINGS_PER_FILE of them, the worst kept first (so a file with
 * errors still shows errors), in their order otherwise, and a note of how many were left out.
 * A file of 200,000 bad lines is one problem said 200,000 times; the first thousand tell it.
 */
export function capFindings(found: readonly DtiIssue[], file: string, max = MAX_FINDINGS_PER_FILE): DtiIssue[] {
  if (found.length <= max) return found as DtiIssue[];
  const kept: DtiIssue[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const i of found) {
      if (kept.length >= max) break;
      if (i.severity === severity) kept.push(i);
    }
  }
  kept.push(issue('W_FINDINGS_CAPPED', { file }, { omitted: found.length - kept.length, max }));
  return kept;
}

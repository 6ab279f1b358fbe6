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

/** What one file gave: its submissions (not yet checked against the batch), findings and hash. */
export interface FileRead {
  readonly file: string;
  readonly submissions: Submission[];
  /** At most MAX_FINDINGS_PER_FILE, worst first (capFindings). */
  readonly issues: DtiIssue[];
  /** Absent when the file could not be read at all. */
  readonly input?: { file: string; sha256: string };
}

/**
 * Reads one submission file. Self-contained (no batch state), so a worker thread can run it and
 * the batch folds the results in file order (SubmissionBatch) to stay deterministic.
 */
export function readSubmissionFile(file: string, model: FrameworkModel, options: ReadOptions & ParseOptions = {}): FileRead {
  // One file that fails in a way no reader foresaw is reported, naming it, and the batch goes on.
  try {
    const read = readGridFile(file, options);
    if (!read.grid) return { file, submissions: [], issues: capFindings(read.issues, file) };
    const parsed = parseGrid(read.grid, model, options);
    const found = append(append([], read.issues), parsed.issues);
    return { file, submissions: parsed.submissions, issues: capFindings(found, file), input: { file, sha256: read.grid.sha256 } };
  } catch (e) {
    return { file, submissions: [], issues: [issue('E_FILE_FAILED', { file }, { detail: e instanceof Error ? e.message : String(e) })] };
  }
}

/**
 * Folds file reads, in file order, into a batch: one submission per agency and year (a second
 * one is reported against the first and left out).
 */
export class SubmissionBatch {
  readonly submissions: Submission[] = [];
  readonly issues: DtiIssue[] = [];
  readonly inputs: { file: string; sha256: string }[] = [];
  private readonly seen = new Map<string, string>();

  /** Adds one file's read; returns the submissions it kept (duplicates left out). */
  add(read: FileRead): Submission[] {
    if (read.input) this.inputs.push(read.input);
    const kept: Submission[] = [];
    const found: DtiIssue[] = [];
    for (const s of read.submissions) {
      const key = `${s.agency.code}\u0000${s.agency.year ?? ''}`;
      const first = this.seen.get(key);
      if (first !== undefined) {
        found.push(issue('E_DUPLICATE_AGENCY', s.loc, { agency: s.agency.code, year: s.agency.year ?? '', first }));
        continue;
      }
      this.seen.set(key, s.file);
      kept.push(s);
    }
    append(this.submissions, kept);
    // Duplicates join the file's own findings under the same per-file cap.
    append(this.issues, found.length === 0 ? read.issues : capFindings(append(append([], read.issues), found), read.file));
    return kept;
  }
}

export function readSubmissions(
  files: readonly string[],
  model: FrameworkModel,
  options: ReadOptions & ParseOptions & ReadProgress = {},
): ReadSubmissionsResult {
  const batch = new SubmissionBatch();
  files.forEach((file, index) => {
    batch.add(readSubmissionFile(file, model, options));
    options.onFile?.(file, index + 1, files.length);
  });
  return { submissions: batch.submissions, issues: batch.issues, inputs: batch.inputs };
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

/**
 * `--threads` for validation: validateFiles with the files read on worker threads
 * (src/submission/parallel). Scoring needs no such entry: scoreReads takes the reads as they
 * come, `scoreReads(readFilesParallel(files, model, options, threads), model, options)`.
 */
import type { FrameworkModel } from './framework/model.js';
import { validateFiles, validateRead, type ScoreFilesOptions, type ValidateRun } from './pipeline.js';
import { readFilesParallel } from './submission/parallel/index.js';
import { SubmissionBatch, type ReadProgress, type ReadSubmissionsResult } from './submission/read.js';
import type { SubmissionCheckOptions } from './validate/checks.js';

export interface ThreadsOption {
  /** Threads reading the files (1: read in this thread, exactly as scoreFiles and validateFiles). */
  readonly threads?: number;
}

/** Reads every file on `threads` threads and folds the reads, in file order, into one batch. */
export async function readSubmissionsParallel(
  files: readonly string[],
  model: FrameworkModel,
  options: ScoreFilesOptions & ReadProgress,
  threads: number,
): Promise<ReadSubmissionsResult> {
  const batch = new SubmissionBatch();
  for await (const read of readFilesParallel(files, model, options, threads)) batch.add(read);
  return { submissions: batch.submissions, issues: batch.issues, inputs: batch.inputs };
}

/** validateFiles, with the files read on threads. */
export async function validateFilesThreaded(
  files: readonly string[],
  model: FrameworkModel,
  options: ScoreFilesOptions & SubmissionCheckOptions & ThreadsOption = {},
): Promise<ValidateRun> {
  const threads = options.threads ?? 1;
  if (threads <= 1) return validateFiles(files, model, options);
  return validateRead(model, await readSubmissionsParallel(files, model, options, threads), options);
}

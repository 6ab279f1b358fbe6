/**
 * `--threads` for validation: validateFiles with the files read on worker threads
 * (src/submission/parallel). Scoring needs no such entry: scoreReads takes the reads as they
 * come, `scoreReads(readFilesParallel(files, model, options, threads), model, options)`.
 */
import type { FrameworkModel } from './framework/model.js';
import { scoreAndRank, scoreFiles, validateFiles, type ScoreFilesOptions, type ScoreRun, type ValidateRun } from './pipeline.js';
import type { InputFile } from './results/schema.js';
import { readReview } from './review/read.js';
import { scoreSubmissions } from './engine/score.js';
import { readFilesParallel } from './submission/parallel/index.js';
import { SubmissionBatch, type ReadProgress, type ReadSubmissionsResult } from './submission/read.js';
import { checkSubmission, type SubmissionCheckOptions } from './validate/checks.js';

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
  const read = await readSubmissionsParallel(files, model, options, threads);
  // From here as validateFiles does after readSubmissions.
  const scores = scoreSubmissions(model, read.submissions);
  const issues = [
    ...(options.sideIssues ?? []),
    ...read.issues,
    ...scores.flatMap((s) => s.issues),
    ...read.submissions.flatMap((s) => checkSubmission(model, s, options)),
  ];
  return { submissions: read.submissions, issues, inputs: read.inputs };
}

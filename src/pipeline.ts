import { issue, type DtiIssue } from './core/issues.js';
import { rankScores, type RankedGroup } from './engine/rank.js';
import { scoreSubmissions, type AgencyScore } from './engine/score.js';
import type { FrameworkModel } from './framework/model.js';
import type { Lang } from './i18n/types.js';
import { buildResults } from './results/build.js';
import type { InputFile, ResultsDoc } from './results/schema.js';
import { checkAdjustments } from './review/check.js';
import { readReview } from './review/read.js';
import type { Adjustment } from './review/schema.js';
import type { ReadOptions } from './sheets/read.js';
import type { ParseOptions } from './submission/parse.js';
import { readSubmissionFile, readSubmissions, type ReadSubmissionsResult, type FileRead, type ReadProgress } from './submission/read.js';
import { ScoringFold, type CompactRun } from './results/fold.js';
import type { Submission } from './submission/schema.js';
import { toolVersion } from './version.js';
import { checkSubmission, type SubmissionCheckOptions } from './validate/checks.js';

export interface ScoreFilesOptions extends ReadOptions, ParseOptions {
  readonly lang?: Lang;
  /** The appraisal council's review file (.xlsx, .csv; src/review/read.ts): its decisions are applied, its findings reported, its hash listed among the inputs. */
  readonly review?: string;
  /** Adjustments already in hand, applied with the review file's (both are checked against the submissions). */
  readonly adjustments?: readonly Adjustment[];
  /** Findings from side files the caller read (the agency list), reported with the rest. */
  readonly sideIssues?: readonly DtiIssue[];
}

export interface ScoreRun {
  readonly submissions: readonly Submission[];
  readonly scores: readonly AgencyScore[];
  readonly groups: readonly RankedGroup[];
  readonly issues: readonly DtiIssue[];
  readonly results: ResultsDoc;
  /** The appraisal adjustments applied (those that passed the checks). */
  readonly adjustments: readonly Adjustment[];
}

/**
 * Scores submissions already read: the pure part of a run (engine, ranking, results document).
 * Appraisal adjustments are checked against the submissions first (src/review/check.ts): the
 * invalid ones are dropped and reported, the others applied.
 */
export function scoreAndRank(
  model: FrameworkModel,
  submissions: readonly Submission[],
  readIssues: readonly DtiIssue[],
  inputs: readonly InputFile[],
  lang: Lang = 'vi',
  adjustments: readonly Adjustment[] = [],
): ScoreRun {
  const checked = checkAdjustments(model, submissions, adjustments);
  const scores = scoreSubmissions(model, submissions, checked.adjustments);
  const groups = rankScores(model, scores);
  const issues = [...readIssues, ...checked.issues, ...scores.flatMap((s) => s.issues)];
  if (submissions.length === 0) issues.push(issue('E_NOTHING_SCORED', {}, {}));
  const results = buildResults(model, groups, issues, { lang, toolVersion: toolVersion(), inputs });
  return { submissions, scores, groups, issues, results, adjustments: checked.adjustments };
}

/** Reads, scores and ranks submission files: what `dti score` and `dti rank` do, as a library call. */
export function scoreFiles(
  files: readonly string[],
  model: FrameworkModel,
  options: ScoreFilesOptions & SubmissionCheckOptions & ReadProgress = {},
): ScoreRun {
  const read = readSubmissions(files, model, options);
  // With a year to hold submissions to (a yearly ranking), the appraisal checks join the findings.
  const checks = options.year === undefined ? [] : read.submissions.flatMap((s) => checkSubmission(model, s, options));
  const review = options.review === undefined ? undefined : readReview(options.review, model, undefined, options.xlsxLimits ? { xlsxLimits: options.xlsxLimits } : {});
  const submitted = read.inputs.map((i): InputFile => ({ ...i, kind: 'submission' }));
  const inputs = review?.sha256 === undefined ? submitted : [...submitted, { file: options.review!, sha256: review.sha256, kind: 'review' as const }];
  const adjustments = [...(options.adjustments ?? []), ...(review?.adjustments ?? [])];
  const issues = [...(options.sideIssues ?? []), ...read.issues, ...checks, ...(review?.issues ?? [])];
  return scoreAndRank(model, read.submissions, issues, inputs, options.lang ?? 'vi', adjustments);
}

export type { CompactRun } from './results/fold.js';

/** Options of a run over reads already made (scoreReads): reading options go to whatever made the reads. */
export interface ScoreReadsOptions extends SubmissionCheckOptions {
  readonly lang?: Lang;
  readonly review?: string;
  readonly adjustments?: readonly Adjustment[];
  readonly sideIssues?: readonly DtiIssue[];
  /** For the review file's reader. */
  readonly xlsxLimits?: ReadOptions['xlsxLimits'];
}

/** Reads submission files one after another, in order, as scoreReads takes them; `onFile` after each. */
export function* readEach(files: readonly string[], model: FrameworkModel, options: ReadOptions & ParseOptions & ReadProgress = {}): Generator<FileRead> {
  for (const [index, file] of files.entries()) {
    yield readSubmissionFile(file, model, options);
    options.onFile?.(file, index + 1, files.length);
  }
}

/**
 * What scoreFiles does, over file reads in file order (readEach, or reads made by worker
 * threads), keeping per agency only what the outputs need: memory stays flat whatever the batch
 * size (src/results/fold.ts). The same results document, byte for byte. The caller releases the
 * run when its outputs are written.
 */
export async function scoreReads(reads: AsyncIterable<FileRead> | Iterable<FileRead>, model: FrameworkModel, options: ScoreReadsOptions = {}): Promise<CompactRun> {
  const fold = startFold(model, options);
  for await (const read of reads) fold.add(read);
  return fold.finish();
}

/** scoreReads for reads made synchronously: a library call without a promise. */
export function scoreReadsSync(reads: Iterable<FileRead>, model: FrameworkModel, options: ScoreReadsOptions = {}): CompactRun {
  const fold = startFold(model, options);
  for (const read of reads) fold.add(read);
  return fold.finish();
}

function startFold(model: FrameworkModel, options: ScoreReadsOptions): ScoringFold {
  // Read before the submissions (it does not depend on them), so the fold knows which entries the council's decisions concern.
  const review = options.review === undefined ? undefined : readReview(options.review, model, undefined, options.xlsxLimits ? { xlsxLimits: options.xlsxLimits } : {});
  return new ScoringFold(model, {
    lang: options.lang ?? 'vi',
    toolVersion: toolVersion(),
    ...(options.year !== undefined ? { year: options.year } : {}),
    adjustments: [...(options.adjustments ?? []), ...(review?.adjustments ?? [])],
    sideIssues: options.sideIssues ?? [],
    reviewIssues: review?.issues ?? [],
    ...(review?.sha256 !== undefined ? { reviewInput: { file: options.review!, sha256: review.sha256, kind: 'review' as const } } : {}),
  });
}

export interface ValidateRun {
  readonly submissions: readonly Submission[];
  readonly issues: readonly DtiIssue[];
  readonly inputs: readonly { file: string; sha256: string }[];
}

/**
 * Checks submission files without ranking them: everything reading and scoring would report,
 * plus the checks an appraisal needs (year, evidence links). One bad file never stops the rest.
 */
export function validateFiles(files: readonly string[], model: FrameworkModel, options: ScoreFilesOptions & SubmissionCheckOptions = {}): ValidateRun {
  return validateRead(model, readSubmissions(files, model, options), options);
}

/** What validateFiles reports once the files are read (in this thread or on worker threads). */
export function validateRead(model: FrameworkModel, read: ReadSubmissionsResult, options: ScoreFilesOptions & SubmissionCheckOptions = {}): ValidateRun {
  const scores = scoreSubmissions(model, read.submissions);
  const issues = [
    ...(options.sideIssues ?? []),
    ...read.issues,
    ...scores.flatMap((s) => s.issues),
    ...read.submissions.flatMap((s) => checkSubmission(model, s, options)),
  ];
  return { submissions: read.submissions, issues, inputs: read.inputs };
}

import { issue, type DtiIssue } from './core/issues.js';
import { rankScores, type RankedGroup } from './engine/rank.js';
import { scoreSubmissions, type AgencyScore } from './engine/score.js';
import type { FrameworkModel } from './framework/model.js';
import type { Lang } from './i18n/types.js';
import { buildResults } from './results/build.js';
import type { ResultsDoc } from './results/schema.js';
import type { ReadOptions } from './sheets/read.js';
import type { ParseOptions } from './submission/parse.js';
import { readSubmissions } from './submission/read.js';
import type { Submission } from './submission/schema.js';
import { toolVersion } from './version.js';
import { checkSubmission, type SubmissionCheckOptions } from './validate/checks.js';

export interface ScoreFilesOptions extends ReadOptions, ParseOptions {
  readonly lang?: Lang;
}

export interface ScoreRun {
  readonly submissions: readonly Submission[];
  readonly scores: readonly AgencyScore[];
  readonly groups: readonly RankedGroup[];
  readonly issues: readonly DtiIssue[];
  readonly results: ResultsDoc;
}

/** Scores submissions already read: the pure part of a run (engine, ranking, results document). */
export function scoreAndRank(
  model: FrameworkModel,
  submissions: readonly Submission[],
  readIssues: readonly DtiIssue[],
  inputs: readonly { file: string; sha256: string }[],
  lang: Lang = 'vi',
): ScoreRun {
  const scores = scoreSubmissions(model, submissions);
  const groups = rankScores(model, scores);
  const issues = [...readIssues, ...scores.flatMap((s) => s.issues)];
  if (submissions.length === 0) issues.push(issue('E_NOTHING_SCORED', {}, {}));
  const results = buildResults(model, groups, issues, { lang, toolVersion: toolVersion(), inputs });
  return { submissions, scores, groups, issues, results };
}

/** Reads, scores and ranks submission files: what `dti score` does, as a library call. */
export function scoreFiles(files: readonly string[], model: FrameworkModel, options: ScoreFilesOptions = {}): ScoreRun {
  const read = readSubmissions(files, model, options);
  return scoreAndRank(model, read.submissions, read.issues, read.inputs, options.lang ?? 'vi');
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
  const read = readSubmissions(files, model, options);
  const scores = scoreSubmissions(model, read.submissions);
  const issues = [
    ...read.issues,
    ...scores.flatMap((s) => s.issues),
    ...read.submissions.flatMap((s) => checkSubmission(model, s, options)),
  ];
  return { submissions: read.submissions, issues, inputs: read.inputs };
}

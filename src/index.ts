/**
 * The dti library: the same functions the CLI calls, typed, with no side effects on import.
 *
 *   import { loadFramework, scoreFiles } from 'dti';
 *   const fw = loadFramework('khanh-hoa-agencies');
 *   if (fw.ok) console.log(scoreFiles(['agencies.csv'], fw.model).results.groups);
 */
export { loadFramework, bundledFrameworkIds } from './framework/load.js';
export { parseFramework, formatPath } from './framework/parse.js';
export type { FrameworkParse } from './framework/parse.js';
export { buildModel } from './framework/model.js';
export type { FrameworkModel, FrameworkNode } from './framework/model.js';
export { validateFramework } from './framework/validate.js';
export { normaliseFramework } from './framework/normalise.js';
export { describeRule } from './framework/describe.js';
export { frameworkSchema } from './framework/schema.js';
export type { Framework, FrameworkInput, IndicatorNode, AgencyGroup, Pillar, ScoreClass, AgencyTag, Effect } from './framework/schema.js';
export { frameworkJsonSchema } from './framework/json-schema.js';

export { ruleSchema, scoreRule } from './engine/rules/index.js';
export type { Rule, RuleType, RuleInput, RuleContext, RuleOutcome, SourcedValue } from './engine/rules/index.js';
export { scoreSubmissions } from './engine/score.js';
export type { AgencyScore, LeafAudit, NodeScore } from './engine/score.js';
export { applicability } from './engine/applicability.js';
export type { Applicability, NotApplicable, NotApplicableClaim } from './engine/applicability.js';
export { isNotApplicableText } from './core/not-applicable.js';
export { rankScores, competitionRanks } from './engine/rank.js';
export type { RankedAgency, RankedGroup, RankedValue } from './engine/rank.js';

export { readCsv } from './sheets/csv.js';
export { readXlsx, DEFAULT_XLSX_LIMITS } from './sheets/xlsx/index.js';
export { readGridFile } from './sheets/read.js';
export { expandInputs } from './sheets/files.js';
export type { Grid, GridCell, GridSheet, CellValue } from './core/grid.js';

export { parseGrid } from './submission/parse.js';
export { readSubmissions } from './submission/read.js';
export { submissionSchema } from './engine/input.js';
export type { Submission, SubmissionEntry, Agency } from './engine/input.js';

export { buildResults } from './results/build.js';
export { resultsWorkbook, writeResultsWorkbook } from './report/workbook.js';
export { submissionTemplate } from './template/write.js';
export { rankingCsv, csvFormat, CSV_STYLES } from './report/csv.js';
export type { CsvStyle, CsvFormat } from './report/csv.js';
export { fileNameProblem } from './core/file-names.js';
export { resultsJson, writeResultsJson } from './report/json.js';
export { resultsSchema } from './results/schema.js';
export type { ResultsDoc, AgencyJson, IssueJson } from './results/schema.js';
export { scoreFiles, scoreAndRank, scoreReads, scoreReadsSync, readEach } from './pipeline.js';
export type { ScoreRun, ScoreFilesOptions, ScoreReadsOptions, CompactRun } from './pipeline.js';
export type { FileRead } from './submission/read.js';

export { issueSchema, issue, hasErrors, sortIssues } from './core/issues.js';
export type { DtiIssue, Location, Severity } from './core/issues.js';
export { t, resolveLang, renderIssue, renderLocation } from './i18n/index.js';
export type { Lang } from './i18n/index.js';
export { Decimal } from './core/decimal.js';

export { readReview } from './review/read.js';
export { checkAdjustments } from './review/check.js';
export { adjustmentSchema } from './engine/adjustment.js';
export type { Adjustment } from './engine/adjustment.js';
export { reviewTemplate } from './report/review-template.js';
export { compareYears, formatRankChange } from './compare/compare.js';
export { readPrevious, readUnitsMap } from './compare/read-previous.js';
export { comparisonSchema } from './compare/schema.js';
export type { Comparison, UnitsMapPair } from './compare/schema.js';
export { summaryMarkdown } from './report/summary.js';
export { reportHtml } from './report/html/report.js';
export type { ReportOptions } from './report/html/report.js';
export { cardHtml } from './report/html/card.js';
export { agencyCard } from './analysis/card.js';
export type { AgencyCard, CardOptions, ClassBand, NextRank, NextClass } from './analysis/card.js';
export { sensitivity } from './analysis/sensitivity.js';
export type { Sensitivity, SensitivityOptions } from './analysis/sensitivity.js';
export { frameworkContext } from './analysis/framework.js';
export { explain } from './report/explain.js';
export { validateFiles } from './pipeline.js';
export { checkSubmission } from './validate/checks.js';
// Reading with worker threads (--threads).
export { readFilesParallel, WorkerStartError } from './submission/parallel/index.js';
export { validateFilesThreaded } from './pipeline-threads.js';

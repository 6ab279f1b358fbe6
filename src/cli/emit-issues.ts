import { appendFileSync } from 'node:fs';
import { sortIssues, type DtiIssue } from '../core/issues.js';
import { t } from '../i18n/catalog.js';
import { renderIssue } from '../i18n/render.js';
import type { Lang } from '../i18n/types.js';
import { githubAnnotations, issuesMarkdown } from '../report/issues.js';
import type { IssueJson } from '../results/schema.js';
import type { CommandContext } from './context.js';
import { EXIT } from './errors.js';
import { chalkFor } from './io.js';
import { formatIssues } from './report-issues.js';
import { visible } from './visible.js';

export const ISSUE_FORMATS = ['text', 'json', 'github'] as const;
export type IssueFormat = (typeof ISSUE_FORMATS)[number];

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * The one place `validate` and `check` print findings: text grouped by file, JSON, or GitHub
 * annotations (plus the full list in $GITHUB_STEP_SUMMARY). Returns the exit code.
 */
export function emitIssues(
  ctx: CommandContext,
  all: readonly DtiIssue[],
  files: readonly string[],
  options: { format: IssueFormat; strict: boolean; summary: (counts: Counts) => string; extra?: Record<string, unknown> },
): number {
  const { lang, io } = ctx;
  const issues = sortIssues(all);
  const json = issues.map((i) => toJson(i, lang));
  const counts: Counts = {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    infos: issues.filter((i) => i.severity === 'info').length,
  };
  const summary = options.summary(counts);
  if (options.format === 'json') {
    io.stdout.write(JSON.stringify({ files, ...options.extra, issues: json, summary: counts }, null, 2) + '\n');
  } else if (options.format === 'github') {
    io.stdout.write(githubAnnotations(json));
    const stepSummary = io.env.GITHUB_STEP_SUMMARY;
    if (stepSummary) {
      const headers = ['LABEL_SEVERITY', 'LABEL_ISSUE_CODE', 'LABEL_FILE', 'LABEL_SHEET', 'LABEL_CELL', 'LABEL_MESSAGE'].map((k) => t(k, lang));
      appendFileSync(stepSummary, issuesMarkdown(json, summary, headers));
    }
  } else {
    io.stdout.write(textByFile(issues, files, lang, chalkFor(io.stdout, io.env, ctx.color)));
  }
  if (!ctx.quiet) io.stderr.write(summary + '\n');
  return counts.errors > 0 || (options.strict && counts.warnings > 0) ? EXIT.dataErrors : EXIT.ok;
}

function toJson(i: DtiIssue, lang: Lang): IssueJson {
  return { severity: i.severity, code: i.code, ...i.location, message: renderIssue(i, lang) };
}

/** Issues grouped under their file (files without issues are listed as clean); general issues last. */
function textByFile(issues: readonly DtiIssue[], files: readonly string[], lang: Lang, c: ReturnType<typeof chalkFor>): string {
  let out = '';
  for (const file of files) {
    const mine = issues.filter((i) => i.location.file === file);
    out += c.bold(visible(file)) + (mine.length === 0 ? ' ' + c.green(t('LABEL_CLEAN', lang)) : '') + '\n';
    const lines = formatIssues(mine.map((i) => ({ ...i, location: { ...i.location, file: undefined } })), lang, c);
    out += lines.split('\n').filter((l) => l !== '').map((l) => `  ${l}\n`).join('');
  }
  const general = issues.filter((i) => i.location.file === undefined || !files.includes(i.location.file));
  if (general.length > 0) out += formatIssues(general, lang, c);
  return out;
}

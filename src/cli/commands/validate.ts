import { appendFileSync } from 'node:fs';
import type { Command } from 'commander';
import { issue, sortIssues, type DtiIssue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { renderIssue } from '../../i18n/render.js';
import type { Lang } from '../../i18n/types.js';
import { validateFiles } from '../../pipeline.js';
import { githubAnnotations, issuesMarkdown } from '../../report/issues.js';
import type { IssueJson } from '../../results/schema.js';
import { expandInputs } from '../../sheets/files.js';
import { loadFrameworkOrThrow, type CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { chalkFor } from '../io.js';
import { formatIssues } from '../report-issues.js';

const FORMATS = ['text', 'json', 'github'] as const;

interface ValidateOptions {
  framework: string;
  format: string;
  strict?: boolean;
  year?: string;
  sheet?: string;
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('validate')
    .description(t('CMD_VALIDATE', lang))
    .argument('<paths...>', t('ARG_PATHS', lang))
    .requiredOption('-f, --framework <id-or-file>', t('OPT_FRAMEWORK', lang))
    .option('--format <format>', t('OPT_FORMAT_VALIDATE', lang), 'text')
    .option('--strict', t('OPT_STRICT', lang))
    .option('--year <yyyy>', t('OPT_YEAR', lang))
    .option('--sheet <name>', t('OPT_SHEET', lang))
    .action((paths: string[], options: ValidateOptions) => {
      ctx.exitCode = validate(paths, options, ctx);
    });
}

function validate(paths: string[], options: ValidateOptions, ctx: CommandContext): number {
  const { lang, io } = ctx;
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError([issue('E_FORMAT_OPTION', {}, { format: options.format, allowed: FORMATS.join(', ') })]);
  }
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) {
    throw new UsageError([issue('E_YEAR_OPTION', {}, { value: options.year })]);
  }
  const model = loadFrameworkOrThrow(options.framework, lang);
  const expanded = expandInputs(paths);
  if (expanded.missing.length > 0) throw new UsageError(expanded.missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
  if (expanded.files.length === 0) throw new UsageError([issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);

  const run = validateFiles(expanded.files, model, {
    lang,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.year ? { year: Number(options.year) } : {}),
  });
  const issues = sortIssues(run.issues);
  const json = issues.map((i) => toJson(i, lang));
  const counts = {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    infos: issues.filter((i) => i.severity === 'info').length,
  };
  const summary = t('VALIDATE_SUMMARY', lang, { files: expanded.files.length, agencies: run.submissions.length, ...counts });

  if (options.format === 'json') {
    io.stdout.write(JSON.stringify({ files: expanded.files, agencies: run.submissions.length, issues: json, summary: counts }, null, 2) + '\n');
  } else if (options.format === 'github') {
    io.stdout.write(githubAnnotations(json));
    const stepSummary = io.env.GITHUB_STEP_SUMMARY;
    if (stepSummary) {
      const headers = ['LABEL_SEVERITY', 'LABEL_ISSUE_CODE', 'LABEL_FILE', 'LABEL_SHEET', 'LABEL_CELL', 'LABEL_MESSAGE'].map((k) => t(k, lang));
      appendFileSync(stepSummary, issuesMarkdown(json, summary, headers));
    }
  } else {
    io.stdout.write(textByFile(issues, expanded.files, lang, chalkFor(io.stdout, io.env, ctx.color)));
  }
  if (!ctx.quiet) io.stderr.write(summary + '\n');
  const failed = counts.errors > 0 || (options.strict === true && counts.warnings > 0);
  return failed ? EXIT.dataErrors : EXIT.ok;
}

function toJson(i: DtiIssue, lang: Lang): IssueJson {
  return { severity: i.severity, code: i.code, ...i.location, message: renderIssue(i, lang) };
}

/** Issues grouped under their file (files without issues are listed as clean); general issues last. */
function textByFile(issues: readonly DtiIssue[], files: readonly string[], lang: Lang, c: ReturnType<typeof chalkFor>): string {
  let out = '';
  for (const file of files) {
    const mine = issues.filter((i) => i.location.file === file);
    out += c.bold(file) + (mine.length === 0 ? ' ' + c.green(t('LABEL_CLEAN', lang)) : '') + '\n';
    out += formatIssues(mine.map((i) => ({ ...i, location: { ...i.location, file: undefined } })), lang, c)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => '  ' + l + '\n')
      .join('');
  }
  const general = issues.filter((i) => i.location.file === undefined || !files.includes(i.location.file));
  if (general.length > 0) out += formatIssues(general, lang, c);
  return out;
}

import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { commonYear } from '../../compare/compare.js';
import { hasErrors, issue } from '../../core/issues.js';
import { scoreSubmissions } from '../../engine/score.js';
import { t } from '../../i18n/catalog.js';
import { reviewTemplate } from '../../report/review-template.js';
import { expandInputs } from '../../sheets/files.js';
import { readSubmissions } from '../../submission/read.js';
import { checkOutput, isFile, loadFrameworkOrThrow, sourceDateEpochFrom, writeOutput, type CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { chalkFor } from '../io.js';
import { formatIssues } from '../report-issues.js';

interface ReviewTemplateOptions {
  framework: string;
  out: string;
  sheet?: string;
  force?: boolean;
  year?: string;
}

/**
 * dti review-template: the appraisal council's workbook for the submissions given, one row per
 * agency and scored indicator with the agency's inputs, self-scored and computed points, and empty
 * decision columns. Reading problems are reported (exit 1) but the agencies read are still listed.
 */
export function registerReviewTemplate(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('review-template')
    .description(t('CMD_REVIEW_TEMPLATE', lang))
    .argument('<paths...>', t('ARG_PATHS', lang))
    .requiredOption('-f, --framework <id-or-file>', t('OPT_FRAMEWORK', lang))
    .requiredOption('-o, --out <file>', t('OPT_REVIEW_TEMPLATE_OUT', lang))
    .option('--sheet <name>', t('OPT_SHEET', lang))
    .option('--force', t('OPT_FORCE', lang))
    .option('--year <yyyy>', t('OPT_REVIEW_TEMPLATE_YEAR', lang))
    .action(async (paths: string[], options: ReviewTemplateOptions) => {
      ctx.exitCode = await run(paths, options, ctx);
    });
}

async function run(paths: string[], options: ReviewTemplateOptions, ctx: CommandContext): Promise<number> {
  const { lang, io } = ctx;
  if (extname(options.out).toLowerCase() !== '.xlsx' || isDirectory(options.out)) {
    throw new UsageError([issue('E_REVIEW_TEMPLATE_OUT_XLSX', {}, { file: options.out })]);
  }
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new UsageError([issue('E_YEAR_OPTION', {}, { value: options.year })]);
  const model = loadFrameworkOrThrow(options.framework, lang);
  const expanded = expandInputs(paths);
  if (expanded.missing.length > 0) throw new UsageError(expanded.missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
  if (expanded.files.length === 0) throw new UsageError([...expanded.skipped, issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);
  const guard = { force: options.force, inputs: [...expanded.files, ...(isFile(options.framework) ? [options.framework] : [])] };
  checkOutput(ctx, options.out, guard);

  const read = readSubmissions(expanded.files, model, options.sheet ? { sheet: options.sheet } : {});
  const scores = scoreSubmissions(model, read.submissions);
  const issues = [...expanded.skipped, ...read.issues, ...scores.flatMap((s) => s.issues)];
  if (read.submissions.length === 0) issues.push(issue('E_NOTHING_SCORED', {}, {}));
  if (!ctx.quiet) io.stderr.write(formatIssues(issues, lang, chalkFor(io.stderr, io.env, ctx.color), 20));
  if (read.submissions.length > 0) {
    // The year assessed: --year, else the year most submissions give, else the framework's.
    const year = options.year !== undefined ? Number(options.year) : (commonYear(read.submissions.map((s) => s.agency.year)) ?? model.framework.year);
    const bytes = await reviewTemplate(model, scores, { lang, year, ...sourceDateEpochFrom(io.env) });
    writeOutput(ctx, options.out, () => bytes, guard);
    if (!ctx.quiet) {
      const rows = scores.reduce((n, s) => n + s.leaves.filter((l) => l.status !== 'given-above').length, 0);
      io.stderr.write(t('REVIEW_TEMPLATE_SUMMARY', lang, { rows, agencies: scores.length }) + '\n');
    }
  }
  return hasErrors(issues) ? EXIT.dataErrors : EXIT.ok;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

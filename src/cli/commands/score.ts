import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { hasErrors, issue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { scoreReads, type CompactRun } from '../../pipeline.js';
import type { FrameworkModel } from '../../framework/model.js';
import { rankingCsv } from '../../report/csv.js';
import { githubAnnotations } from '../../report/issues.js';
import { writeResultsJson } from '../../report/json.js';
import { issuesOfGroups, withIssues } from '../../results/build.js';
import { expandInputs } from '../../sheets/files.js';
import { EXIT, UsageError } from '../errors.js';
import { visible } from '../visible.js';
import { xlsxLimitsFrom, type LimitOptions } from '../limit-options.js';
import { chalkFor } from '../io.js';
import { rankingTable } from '../ranking-table.js';
import { formatIssues } from '../report-issues.js';
import { agencyListOptions, preferSmallHeap, checkOutput, isFile, withSideInputs, withSkipped, loadFrameworkOrThrow, sourceDateEpochFrom, writeOutput, type CommandContext } from '../context.js';
import { csvStyleOption } from '../csv-style.js';
import { readsOn, threadsFrom, withThreads } from '../threads-option.js';

/** `text` is `table` (the word validate, check and rank use); `github` prints the findings as annotations, as they do. */
const FORMATS = ['table', 'text', 'json', 'csv', 'github'] as const;
const OUT_EXTENSIONS = ['.json', '.csv', '.xlsx'];

interface ScoreOptions extends LimitOptions {
  framework: string;
  out?: string;
  format: string;
  group?: string;
  sheet?: string;
  review?: string;
  agencies?: string;
  force?: boolean;
  csvStyle: string;
  threads?: string;
}

export function registerScore(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('score')
    .description(t('CMD_SCORE', lang))
    .argument('<paths...>', t('ARG_PATHS', lang))
    .requiredOption('-f, --framework <id-or-file>', t('OPT_FRAMEWORK', lang))
    .option('-o, --out <file>', t('OPT_OUT', lang))
    .option('--format <format>', t('OPT_FORMAT_SCORE', lang), 'table')
    .option('-g, --group <id>', t('OPT_GROUP', lang))
    .option('--sheet <name>', t('OPT_SHEET', lang))
    .option('-a, --agencies <file>', t('OPT_AGENCIES_LIST', lang))
    .option('--review <file>', t('OPT_REVIEW', lang))
    .option('--max-file-mb <mb>', t('OPT_MAX_FILE_MB', lang))
    .option('--max-inflated-mb <mb>', t('OPT_MAX_INFLATED_MB', lang))
    .option('--max-rows <n>', t('OPT_MAX_ROWS', lang))
    .option('--max-cells <n>', t('OPT_MAX_CELLS', lang))
    .option('--csv-style <style>', t('OPT_CSV_STYLE', lang), 'excel')
    .option('--threads <n>', t('OPT_THREADS', lang))
    .option('--force', t('OPT_FORCE', lang))
    .action(async (paths: string[], options: ScoreOptions) => {
      preferSmallHeap();
      ctx.exitCode = await score(paths, options, ctx);
    });
}

async function score(paths: string[], options: ScoreOptions, ctx: CommandContext): Promise<number> {
  const { lang, io } = ctx;
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError([issue('E_FORMAT_OPTION', {}, { format: options.format, allowed: FORMATS.join(', ') })]);
  }
  const csvStyle = csvStyleOption(options.csvStyle);
  const xlsxLimits = xlsxLimitsFrom(options);
  const threads = threadsFrom(options.threads);
  const model = loadFrameworkOrThrow(options.framework, lang);
  const groups = model.framework.groups.map((g) => g.id);
  if (options.group !== undefined && !groups.includes(options.group)) {
    throw new UsageError([issue('E_UNKNOWN_GROUP_OPTION', {}, { group: options.group, groups: groups.join(', ') })]);
  }
  // Paths stay as the user typed them, so messages and results name files the user's way.
  const expanded = expandInputs(paths);
  if (expanded.missing.length > 0) {
    throw new UsageError(expanded.missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
  }
  if (expanded.files.length === 0) throw new UsageError([...expanded.skipped, issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);
  // The appraisal council's review file: read after the submissions, never as one of them.
  const review = options.review;
  if (review !== undefined && !isFile(review)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: review })]);
  if (options.out !== undefined) {
    const ext = extname(options.out).toLowerCase();
    // exceljs loads only when a workbook is written.
    if (!OUT_EXTENSIONS.includes(ext)) throw new UsageError([issue('E_OUT_FORMAT', {}, { ext })]);
  }
  // Inputs are never overwritten; an existing file only with --force. Checked before any work.
  const guard = guardOf(expanded.files, options);
  if (options.out !== undefined) checkOutput(ctx, options.out, guard);

  const sideFiles = [review, options.agencies].filter((f): f is string => f !== undefined);
  const files = expanded.files.filter((f) => !sideFiles.some((s) => resolve(s) === resolve(f)));
  if (files.length === 0) throw new UsageError([issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);
  // Per agency only what the outputs need is kept; the audit trails wait on disk until written (src/results/fold.ts).
  const side = withSkipped(agencyListOptions(options.agencies, model), expanded.skipped);
  const reading = { xlsxLimits, ...(options.sheet ? { sheet: options.sheet } : {}), ...side };
  // With --threads the files are read on worker threads, in the same order (src/submission/parallel).
  const reads = readsOn(threads, files, model, reading);
  const run = await withThreads(() => scoreReads(reads, model, { lang, xlsxLimits, ...(review !== undefined ? { review } : {}), ...side }));
  try {
    return await report(run, files, guard, options, model, ctx);
  } finally {
    run.release();
  }
}

/** Prints the ranking and findings and writes --out, from a scored run. */
async function report(run: CompactRun, files: readonly string[], guard: ReturnType<typeof guardOf>, options: ScoreOptions, model: FrameworkModel, ctx: CommandContext): Promise<number> {
  const { lang, io } = ctx;
  const { results, issues: allIssues, adjustments } = run;
  const review = options.review;
  const csvStyle = csvStyleOption(options.csvStyle);
  // Every input with its hash, side files included, for the method sheet and results.json.
  const all = withSideInputs(results, { agencies: options.agencies, framework: options.framework });
  // --group: the group's agencies, and only the findings (and counts) that concern them.
  const only = options.group ? [options.group] : undefined;
  const issues = only ? issuesOfGroups(all, allIssues, only) : allIssues;
  const shown = only ? all.groups.filter((g) => only.includes(g.id)) : all.groups;
  const filtered = only ? withIssues({ ...all, groups: shown, summary: { ...all.summary, agencies: shown.reduce((n, g) => n + g.agencies.length, 0) } }, issues, lang) : all;

  const out = chalkFor(io.stdout, io.env, ctx.color);
  const err = chalkFor(io.stderr, io.env, ctx.color);
  // The CSV is built at most once, whether it goes to stdout, to --out, or both; results.json is
  // never one string (a national batch's is past what a string may hold): it is written in
  // chunks, each a whole UTF-8 text, to stdout and to --out alike.
  let csv: string | undefined;
  const csvText = () => (csv ??= rankingCsv(filtered, lang, undefined, csvStyle));
  if (options.format === 'json') writeResultsJson(filtered, (chunk) => io.stdout.write(chunk.toString('utf8')));
  else if (options.format === 'csv') io.stdout.write(csvText());
  else if (options.format === 'github') io.stdout.write(githubAnnotations(filtered.issues));
  else io.stdout.write(rankingTable(filtered, lang, out));

  if (!ctx.quiet) {
    if (options.format !== 'github') io.stderr.write(formatIssues(issues, lang, err, 20));
    if (review !== undefined) io.stderr.write(t('REVIEW_APPLIED', lang, { count: adjustments.length, file: visible(review) }) + '\n');
    io.stderr.write(t('SUMMARY', lang, { ...filtered.summary, files: files.length }) + '\n');
  }
  if (options.out !== undefined) {
    const ext = extname(options.out).toLowerCase();
    // exceljs loads only when a workbook is written.
    const content =
      ext === '.xlsx'
        ? await (await import('../../report/workbook.js')).resultsWorkbook(filtered, model, { lang, ...sourceDateEpochFrom(io.env) })
        : ext === '.csv'
          ? csvText()
          : { produce: (put: (chunk: Uint8Array) => void) => writeResultsJson(filtered, put) };
    writeOutput(ctx, options.out, () => content, guard);
  }
  return hasErrors(issues) ? EXIT.dataErrors : EXIT.ok;
}

/** Inputs are never overwritten; an existing file only with --force. */
function guardOf(files: readonly string[], options: ScoreOptions): { force: boolean | undefined; inputs: string[] } {
  return {
    force: options.force,
    inputs: [...files, ...[options.review, options.agencies].filter((f): f is string => f !== undefined), ...(isFile(options.framework) ? [options.framework] : [])],
  };
}

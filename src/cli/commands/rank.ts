import type { Command } from 'commander';
import { join } from 'node:path';
import { compareYears } from '../../compare/compare.js';
import { readPrevious, readUnitsMap } from '../../compare/read-previous.js';
import type { Comparison } from '../../compare/schema.js';
import { append } from '../../core/arrays.js';
import { hasErrors, issue, type DtiIssue } from '../../core/issues.js';
import type { FrameworkModel } from '../../framework/model.js';
import { t } from '../../i18n/catalog.js';
import { scoreReads, type CompactRun } from '../../pipeline.js';
import { rankingCsv } from '../../report/csv.js';
import { writeResultsJson } from '../../report/json.js';
import { withIssues } from '../../results/build.js';
import { summaryMarkdown } from '../../report/summary.js';
import { frameworkContext } from '../../analysis/framework.js';
import { expandInputs } from '../../sheets/files.js';
import { isWithin, realPath, type OutputFile } from '../../report/output/index.js';
import { agencyListOptions, preferSmallHeap, isFile, loadFrameworkOrThrow, openFolder, sourceDateEpochFrom, withSideInputs, withSkipped, type CommandContext } from '../context.js';
import { csvStyleOption } from '../csv-style.js';
import { EXIT, UsageError } from '../errors.js';
import { chalkFor } from '../io.js';
import { fileProgress } from '../progress.js';
import { readsOn, threadsFrom, withThreads } from '../threads-option.js';
import { ISSUE_FORMATS } from '../emit-issues.js';
import { formatIssues } from '../report-issues.js';
import { githubAnnotations } from '../../report/issues.js';

/**
 * Findings `dti rank` shows right after the errors: how this year's agencies were matched with
 * last year's (by name only, ambiguously), merges, and units gone — each asks the analyst to check.
 */
export const RANK_FIRST: readonly string[] = [
  'W_MATCHED_BY_NAME',
  'W_NAME_MATCH_AMBIGUOUS',
  'I_UNITS_MERGED',
  'W_UNITS_MAP_UNKNOWN_CURRENT',
  'W_UNITS_MAP_UNKNOWN_PREVIOUS',
  'I_AGENCIES_GONE',
];

interface RankOptions {
  framework: string;
  year: string;
  out: string;
  review?: string;
  previous?: string;
  unitsMap?: string;
  agencies?: string;
  sheet?: string;
  format: string;
  force?: boolean;
  csvStyle: string;
  threads?: string;
}

/**
 * `dti rank`: the yearly batch. Reads every submission under the folders, applies the
 * appraisal council's review, ranks every group, compares with last year, and writes the
 * ranked workbook, results.json, a CSV per group, summary.md and report.html into one folder.
 */
export function registerRank(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('rank')
    .description(t('CMD_RANK', lang))
    .argument('<paths...>', t('ARG_PATHS', lang))
    .requiredOption('-f, --framework <id-or-file>', t('OPT_FRAMEWORK', lang))
    .requiredOption('--year <yyyy>', t('OPT_YEAR', lang))
    .requiredOption('-o, --out <folder>', t('OPT_OUT_FOLDER', lang))
    .option('--review <file>', t('OPT_REVIEW', lang))
    .option('--previous <file>', t('OPT_PREVIOUS', lang))
    .option('--units-map <file>', t('OPT_UNITS_MAP', lang))
    .option('--sheet <name>', t('OPT_SHEET', lang))
    .option('-a, --agencies <file>', t('OPT_AGENCIES_LIST', lang))
    .option('--format <format>', t('OPT_FORMAT_RANK', lang), 'text')
    .option('--csv-style <style>', t('OPT_CSV_STYLE', lang), 'excel')
    .option('--threads <n>', t('OPT_THREADS', lang))
    .option('--force', t('OPT_FORCE', lang))
    .action(async (paths: string[], options: RankOptions) => {
      preferSmallHeap();
      ctx.exitCode = await rank(paths, options, ctx);
    });
}

async function rank(paths: string[], options: RankOptions, ctx: CommandContext): Promise<number> {
  const { lang } = ctx;
  if (!(ISSUE_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError([issue('E_FORMAT_OPTION', {}, { format: options.format, allowed: ISSUE_FORMATS.join(', ') })]);
  }
  if (!/^\d{4}$/.test(options.year)) throw new UsageError([issue('E_YEAR_OPTION', {}, { value: options.year })]);
  csvStyleOption(options.csvStyle); // checked before any work
  threadsFrom(options.threads); // checked before any work too
  const model = loadFrameworkOrThrow(options.framework, lang);
  const sideFiles = [options.review, options.previous, options.unitsMap, options.agencies].filter((f): f is string => f !== undefined);
  for (const f of sideFiles) if (!isFile(f)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: f })]);
  const expanded = expandInputs(paths);
  if (expanded.missing.length > 0) throw new UsageError(expanded.missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
  // The output folder and the side files may sit inside the input folder: they are never
  // submissions. Compared as real paths, so an --out that is a symlink into the inputs is caught.
  const outDir = realPath(options.out);
  // An output folder that is, or holds, an input folder given would be replaced with the inputs in it.
  const heldPath = paths.find((p) => isWithin(realPath(p), outDir));
  if (heldPath !== undefined) throw new UsageError([issue('E_OUT_HOLDS_INPUT', {}, { folder: options.out, file: heldPath })]);
  const sideReal = sideFiles.map(realPath);
  const files = expanded.files.filter((f) => {
    const abs = realPath(f);
    return !isWithin(abs, outDir) && !sideReal.includes(abs);
  });
  // Files dti itself wrote into the output folder, and the side files, are not submissions left unread.
  const skipped = expanded.skipped.filter((i) => {
    if (!i.location.file) return true;
    const abs = realPath(i.location.file);
    return !isWithin(abs, outDir) && !sideReal.includes(abs);
  });
  if (files.length === 0) throw new UsageError([...skipped, issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);
  const guard = { force: options.force, inputs: [...files, ...sideFiles, ...(isFile(options.framework) ? [options.framework] : [])] };
  // Held from here to the end: a second run into the same folder is refused now, not after its work.
  const folder = openFolder(ctx, options.out, guard);
  try {
    return await rankInto(folder, files, skipped, options, model, ctx);
  } finally {
    folder.close();
  }
}

/** The run itself, with its output folder held: score, compare, and write the set. */
async function rankInto(
  folder: ReturnType<typeof openFolder>,
  files: string[],
  skipped: readonly DtiIssue[],
  options: RankOptions,
  model: FrameworkModel,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  const progress = fileProgress(io, ctx.quiet);
  // Per agency only what the outputs need is kept; the audit trails wait on disk until written (src/results/fold.ts).
  // The agency list serves both the reading (which agencies exist) and the findings (its own).
  const side = withSkipped(agencyListOptions(options.agencies, model), skipped);
  const reading = { ...(options.sheet ? { sheet: options.sheet } : {}), ...(progress ? { onFile: progress } : {}), ...side };
  // With --threads the files are read on worker threads, in the same order (src/submission/parallel).
  const threads = threadsFrom(options.threads);
  const reads = readsOn(threads, files, model, reading);
  const run = await withThreads(() => scoreReads(reads, model, {
    lang,
    year: Number(options.year),
    ...(options.review ? { review: options.review } : {}),
    ...side,
  }));
  try {
    return await writeRankOutputs(folder, files, run, options, model, ctx);
  } finally {
    run.release();
  }
}

/** Compares with last year and writes the set, from a scored run. */
async function writeRankOutputs(
  folder: ReturnType<typeof openFolder>,
  files: string[],
  run: CompactRun,
  options: RankOptions,
  model: FrameworkModel,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  const csvStyle = csvStyleOption(options.csvStyle);
  const { results: scored, issues: runIssues } = run;
  const issues: DtiIssue[] = [...runIssues];
  let comparison: Comparison | undefined;
  if (options.previous) {
    const previous = readPrevious(options.previous);
    append(issues, previous.issues);
    const units = options.unitsMap ? readUnitsMap(options.unitsMap) : { map: [], issues: [] };
    append(issues, units.issues);
    if (previous.doc) {
      comparison = compareYears(scored, previous.doc, { unitsMap: units.map });
      append(issues, comparison.issues);
    }
  } else if (options.unitsMap) {
    throw new UsageError([issue('E_UNITS_MAP_WITHOUT_PREVIOUS', {}, {})]);
  }

  // Every finding of the run, side files and comparison included, in every output and in the counts.
  const withInputs = withSideInputs(scored, { agencies: options.agencies, previous: options.previous, units: options.unitsMap, framework: options.framework });
  const doc = withIssues(withInputs, issues, lang, RANK_FIRST);

  const epoch = sourceDateEpochFrom(io.env);
  // exceljs and ECharts load only when a workbook or a report is written, not for every command.
  const { writeResultsWorkbook } = await import('../../report/workbook.js');
  // Each output is made while its own file is written, and let go before the next is made: at
  // national scale no two large outputs are in memory at once.
  const text = (name: string, content: () => string): OutputFile => ({ name, produce: (put) => put(content()) });
  const { reportChunks } = await import('../../report/html/report.js');
  // The run's output set, written as one folder (all or nothing): one line per file.
  const outputs: OutputFile[] = [
    { name: 'results.xlsx', produce: (put) => writeResultsWorkbook(doc, model, { lang, year: Number(options.year), ...epoch, ...(comparison ? { comparison } : {}) }, put) },
    { name: 'results.json', produce: (put) => writeResultsJson(doc, put) },
    ...(comparison ? [text('comparison.json', () => JSON.stringify(comparison, null, 2) + '\n')] : []),
    ...doc.groups.map((g) => text(`${g.id}.csv`, () => rankingCsv(doc, lang, [g.id], csvStyle))),
    text('summary.md', () => summaryMarkdown(doc, { lang, ...(comparison ? { comparison } : {}) })),
    // The visual report: charts, robustness and a card per agency, in one self-contained page.
    // Written a chart and a card at a time (reportChunks), never held whole: at national scale it is the largest output.
    {
      name: 'report.html',
      produce: async (put) => {
        for (const chunk of await reportChunks(doc, { lang, ...frameworkContext(model), ...(comparison ? { comparison } : {}) })) put(chunk);
      },
    },
  ];
  await folder.writeAsync(outputs);

  // --format as on validate and check: json and github put every finding on stdout; text lists the first ones on stderr.
  const { agencies, ...counts } = doc.summary;
  if (options.format === 'json') io.stdout.write(JSON.stringify({ files, agencies, issues: doc.issues, summary: counts }, null, 2) + '\n');
  else if (options.format === 'github') io.stdout.write(githubAnnotations(doc.issues));
  if (!ctx.quiet) {
    const err = chalkFor(io.stderr, io.env, ctx.color);
    if (options.format === 'text') io.stderr.write(formatIssues(issues, lang, err, 20, RANK_FIRST, t('MORE_ISSUES_RANK', lang, { file: join(options.out, 'results.json') })));
    io.stderr.write(t('SUMMARY', lang, { ...doc.summary, files: files.length }) + '\n');
  }
  return hasErrors(issues) ? EXIT.dataErrors : EXIT.ok;
}

import { mkdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { compareYears } from '../../compare/compare.js';
import { readPrevious, readUnitsMap } from '../../compare/read-previous.js';
import type { Comparison } from '../../compare/schema.js';
import { hasErrors, issue, type DtiIssue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { scoreFiles } from '../../pipeline.js';
import { rankingCsv } from '../../report/csv.js';
import { resultsJson } from '../../report/json.js';
import { summaryMarkdown } from '../../report/summary.js';
import { resultsWorkbook } from '../../report/workbook.js';
import { expandInputs } from '../../sheets/files.js';
import { agencyListOptions, isFile, withSideInputs, loadFrameworkOrThrow, sourceDateEpochFrom, writeOutput, type CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { chalkFor } from '../io.js';
import { fileProgress } from '../progress.js';
import { formatIssues } from '../report-issues.js';

interface RankOptions {
  framework: string;
  year: string;
  out: string;
  review?: string;
  previous?: string;
  unitsMap?: string;
  agencies?: string;
  sheet?: string;
}

/**
 * `dti rank`: the yearly batch. Reads every submission under the folders, applies the
 * appraisal council's review, ranks every group, compares with last year, and writes the
 * ranked workbook, results.json, a CSV per group and summary.md into one folder.
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
    .action(async (paths: string[], options: RankOptions) => {
      ctx.exitCode = await rank(paths, options, ctx);
    });
}

async function rank(paths: string[], options: RankOptions, ctx: CommandContext): Promise<number> {
  const { lang, io } = ctx;
  if (!/^\d{4}$/.test(options.year)) throw new UsageError([issue('E_YEAR_OPTION', {}, { value: options.year })]);
  const model = loadFrameworkOrThrow(options.framework, lang);
  const sideFiles = [options.review, options.previous, options.unitsMap, options.agencies].filter((f): f is string => f !== undefined);
  for (const f of sideFiles) if (!isFile(f)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: f })]);
  const expanded = expandInputs(paths);
  if (expanded.missing.length > 0) throw new UsageError(expanded.missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
  // The output folder and the side files may sit inside the input folder: they are never submissions.
  const outDir = resolve(options.out);
  const files = expanded.files.filter((f) => {
    const abs = resolve(f);
    return !abs.startsWith(outDir + sep) && !sideFiles.some((s) => resolve(s) === abs);
  });
  if (files.length === 0) throw new UsageError([issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new UsageError([issue('E_OUTPUT_WRITE', {}, { file: options.out, reason: (e as NodeJS.ErrnoException).code ?? String(e) })]);
  }

  const progress = fileProgress(io, ctx.quiet);
  const run = scoreFiles(files, model, {
    lang,
    year: Number(options.year),
    ...(options.review ? { review: options.review } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(progress ? { onFile: progress } : {}),
    ...agencyListOptions(options.agencies, model),
  });
  const doc = withSideInputs(run.results, { agencies: options.agencies, previous: options.previous, units: options.unitsMap, framework: options.framework });

  const issues: DtiIssue[] = [...run.issues];
  let comparison: Comparison | undefined;
  if (options.previous) {
    const previous = readPrevious(options.previous);
    issues.push(...previous.issues);
    const units = options.unitsMap ? readUnitsMap(options.unitsMap) : { map: [], issues: [] };
    issues.push(...units.issues);
    if (previous.doc) {
      comparison = compareYears(doc, previous.doc, { unitsMap: units.map });
      issues.push(...comparison.issues);
    }
  } else if (options.unitsMap) {
    throw new UsageError([issue('E_UNITS_MAP_WITHOUT_PREVIOUS', {}, {})]);
  }

  const epoch = sourceDateEpochFrom(io.env);
  const workbook = await resultsWorkbook(doc, model, { lang, year: Number(options.year), ...epoch, ...(comparison ? { comparison } : {}) });
  writeOutput(ctx, join(options.out, 'results.xlsx'), () => workbook);
  writeOutput(ctx, join(options.out, 'results.json'), () => resultsJson(doc));
  if (comparison) writeOutput(ctx, join(options.out, 'comparison.json'), () => JSON.stringify(comparison, null, 2) + '\n');
  for (const g of doc.groups) writeOutput(ctx, join(options.out, `${g.id}.csv`), () => rankingCsv(doc, lang, [g.id]));
  writeOutput(ctx, join(options.out, 'summary.md'), () => summaryMarkdown(doc, { lang, ...(comparison ? { comparison } : {}) }));

  if (!ctx.quiet) {
    const err = chalkFor(io.stderr, io.env, ctx.color);
    io.stderr.write(formatIssues(issues, lang, err, 20));
    io.stderr.write(t('SUMMARY', lang, { ...doc.summary, files: files.length }) + '\n');
  }
  return hasErrors(issues) ? EXIT.dataErrors : EXIT.ok;
}

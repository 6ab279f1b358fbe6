import type { Command } from 'commander';
import { compareYears } from '../../compare/compare.js';
import { readPrevious, readUnitsMap } from '../../compare/read-previous.js';
import type { Comparison } from '../../compare/schema.js';
import { hasErrors, issue, type DtiIssue } from '../../core/issues.js';
import type { FrameworkModel } from '../../framework/model.js';
import { t } from '../../i18n/catalog.js';
import { scoreFiles } from '../../pipeline.js';
import { rankingCsv } from '../../report/csv.js';
import { resultsJson } from '../../report/json.js';
import { summaryMarkdown } from '../../report/summary.js';
import { resultsWorkbook } from '../../report/workbook.js';
import { expandInputs } from '../../sheets/files.js';
import { isWithin, realPath, type OutputFile } from '../../report/output/index.js';
import { agencyListOptions, isFile, loadFrameworkOrThrow, openFolder, sourceDateEpochFrom, type CommandContext } from '../context.js';
import { csvStyleOption } from '../csv-style.js';
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
  force?: boolean;
  csvStyle: string;
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
    .option('--csv-style <style>', t('OPT_CSV_STYLE', lang), 'excel')
    .option('--force', t('OPT_FORCE', lang))
    .action(async (paths: string[], options: RankOptions) => {
      ctx.exitCode = await rank(paths, options, ctx);
    });
}

async function rank(paths: string[], options: RankOptions, ctx: CommandContext): Promise<number> {
  const { lang } = ctx;
  if (!/^\d{4}$/.test(options.year)) throw new UsageError([issue('E_YEAR_OPTION', {}, { value: options.year })]);
  csvStyleOption(options.csvStyle); // checked before any work
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
  if (files.length === 0) throw new UsageError([issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);
  const guard = { force: options.force, inputs: [...files, ...sideFiles, ...(isFile(options.framework) ? [options.framework] : [])] };
  // Held from here to the end: a second run into the same folder is refused now, not after its work.
  const folder = openFolder(ctx, options.out, guard);
  try {
    return await rankInto(folder, files, options, model, ctx);
  } finally {
    folder.close();
  }
}

/** The run itself, with its output folder held: score, compare, and write the set. */
async function rankInto(
  folder: ReturnType<typeof openFolder>,
  files: string[],
  options: RankOptions,
  model: FrameworkModel,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  const csvStyle = csvStyleOption(options.csvStyle);

  const progress = fileProgress(io, ctx.quiet);
  const run = scoreFiles(files, model, {
    lang,
    year: Number(options.year),
    ...(options.review ? { review: options.review } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(progress ? { onFile: progress } : {}),
    ...agencyListOptions(options.agencies, model),
  });
  const doc = run.results;

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
  const workbook = await resultsWorkbook(doc, model, { lang, ...epoch, ...(comparison ? { comparison } : {}) });
  const text = (name: string, content: string): OutputFile => ({ name, bytes: Buffer.from(content, 'utf8') });
  // The run's output set, written as one folder (all or nothing): one line per file.
  const outputs: OutputFile[] = [
    { name: 'results.xlsx', bytes: workbook },
    text('results.json', resultsJson(doc)),
    ...(comparison ? [text('comparison.json', JSON.stringify(comparison, null, 2) + '\n')] : []),
    ...doc.groups.map((g) => text(`${g.id}.csv`, rankingCsv(doc, lang, [g.id], csvStyle))),
    text('summary.md', summaryMarkdown(doc, { lang, ...(comparison ? { comparison } : {}) })),
  ];
  folder.write(outputs);

  if (!ctx.quiet) {
    const err = chalkFor(io.stderr, io.env, ctx.color);
    io.stderr.write(formatIssues(issues, lang, err, 20));
    // Counted over every finding printed, the side files' (previous results, units map) included.
    const count = (severity: DtiIssue['severity']) => issues.filter((i) => i.severity === severity).length;
    io.stderr.write(t('SUMMARY', lang, { agencies: doc.summary.agencies, files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') }) + '\n');
  }
  return hasErrors(issues) ? EXIT.dataErrors : EXIT.ok;
}

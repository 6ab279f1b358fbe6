import type { Command } from 'commander';
import { hasErrors, type DtiIssue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { reportChunks } from '../../report/html/report.js';
import { writeOutputChunks, type CommandContext } from '../context.js';
import { EXIT } from '../errors.js';
import { chalkFor } from '../io.js';
import { formatIssues } from '../report-issues.js';
import { comparisonFrom, frameworkFor, readResultsOrThrow, refuseOverwrite } from '../results-input.js';
import { sensitivityOptions, type SensitivityFlags } from './sensitivity.js';

interface ReportOptions extends SensitivityFlags {
  out: string;
  force?: boolean;
  previous?: string;
  unitsMap?: string;
  framework?: string;
}

/** `dti report`: the visual report.html from saved results (the same file `dti rank` writes). */
export function registerReport(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('report')
    .description(t('CMD_REPORT', lang))
    .argument('<results>', t('ARG_RESULTS', lang))
    .requiredOption('-o, --out <file>', t('OPT_OUT_HTML', lang))
    .option('--force', t('OPT_FORCE', lang))
    .option('--previous <file>', t('OPT_PREVIOUS', lang))
    .option('--units-map <file>', t('OPT_UNITS_MAP', lang))
    .option('-f, --framework <id-or-file>', t('OPT_FRAMEWORK_RESULTS', lang))
    .option('--runs <n>', t('OPT_RUNS', lang))
    .option('--seed <n>', t('OPT_SEED', lang))
    .option('--spread <x>', t('OPT_SPREAD', lang))
    .action(async (results: string, options: ReportOptions) => {
      const input = readResultsOrThrow(results);
      refuseOverwrite(options.out, [input.file, options.previous, options.unitsMap]);
      const sens = sensitivityOptions(options);
      const fw = frameworkFor(input.doc, options.framework, lang);
      const compared = comparisonFrom(input.doc, options.previous, options.unitsMap);
      const comparison = compared.comparison ?? (options.previous === undefined ? input.comparison : undefined);
      // Written as it is made: a report of 10,000 cards is never held whole.
      const chunks = await reportChunks(input.doc, { lang, sensitivity: sens, ...(comparison ? { comparison } : {}), ...(fw ?? {}) });
      if (options.out === '-') {
        for (const chunk of chunks) await written(ctx.io.stdout, chunk);
      } else {
        const inputs = [input.file, options.previous, options.unitsMap].filter((f): f is string => f !== undefined);
        await writeOutputChunks(ctx, options.out, chunks, { force: options.force, inputs });
      }
      ctx.exitCode = reportIssues(ctx, compared.issues);
    });
}

/** Problems met reading last year's results: printed, and exit 1 when any is an error. */
export function reportIssues(ctx: CommandContext, issues: readonly DtiIssue[]): number {
  if (!ctx.quiet && issues.length > 0) ctx.io.stderr.write(formatIssues(issues, ctx.lang, chalkFor(ctx.io.stderr, ctx.io.env, ctx.color), 20));
  return hasErrors(issues) ? EXIT.dataErrors : EXIT.ok;
}

/** Writes a chunk and, on a stream that asks to wait (a full pipe), waits for it to drain, so a large report does not pile up in memory. */
function written(out: CommandContext['io']['stdout'], chunk: string): Promise<void> | void {
  const full = out.write(chunk) === false;
  const stream = out as { once?: (event: string, listener: () => void) => unknown };
  if (full && typeof stream.once === 'function') return new Promise((resolve) => stream.once!('drain', resolve));
}

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { issue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { validateFilesThreaded } from '../../pipeline-threads.js';
import { expandInputs } from '../../sheets/files.js';
import { agencyListOptions, loadFrameworkOrThrow, withSkipped, type CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { xlsxLimitsFrom, type LimitOptions } from '../limit-options.js';
import { ISSUE_FORMATS, emitIssues, type IssueFormat } from '../emit-issues.js';
import { threadsFrom, withThreads } from '../threads-option.js';

interface ValidateOptions extends LimitOptions {
  framework: string;
  format: string;
  strict?: boolean;
  agencies?: string;
  year?: string;
  sheet?: string;
  threads?: string;
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
    .option('-a, --agencies <file>', t('OPT_AGENCIES_LIST', lang))
    .option('--max-file-mb <mb>', t('OPT_MAX_FILE_MB', lang))
    .option('--max-inflated-mb <mb>', t('OPT_MAX_INFLATED_MB', lang))
    .option('--max-rows <n>', t('OPT_MAX_ROWS', lang))
    .option('--max-cells <n>', t('OPT_MAX_CELLS', lang))
    .option('--threads <n>', t('OPT_THREADS', lang))
    .action(async (paths: string[], options: ValidateOptions) => {
      ctx.exitCode = await validate(paths, options, ctx);
    });
}

async function validate(paths: string[], options: ValidateOptions, ctx: CommandContext): Promise<number> {
  const { lang } = ctx;
  if (!(ISSUE_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError([issue('E_FORMAT_OPTION', {}, { format: options.format, allowed: ISSUE_FORMATS.join(', ') })]);
  }
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) {
    throw new UsageError([issue('E_YEAR_OPTION', {}, { value: options.year })]);
  }
  const xlsxLimits = xlsxLimitsFrom(options);
  const threads = threadsFrom(options.threads);
  const model = loadFrameworkOrThrow(options.framework, lang);
  const expanded = expandInputs(paths);
  if (expanded.missing.length > 0) throw new UsageError(expanded.missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
  if (expanded.files.length === 0) throw new UsageError([...expanded.skipped, issue('E_NO_INPUT_FILES', {}, { paths: paths.join(', ') })]);

  const files = options.agencies === undefined ? expanded.files : expanded.files.filter((f) => resolve(f) !== resolve(options.agencies!));
  const run = await withThreads(() => validateFilesThreaded(files, model, {
    threads,
    ...withSkipped(agencyListOptions(options.agencies, model), expanded.skipped),
    lang,
    xlsxLimits,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.year ? { year: Number(options.year) } : {}),
  }));
  return emitIssues(ctx, run.issues, expanded.files, {
    format: options.format as IssueFormat,
    strict: options.strict === true,
    summary: (counts) => t('VALIDATE_SUMMARY', lang, { files: expanded.files.length, agencies: run.submissions.length, ...counts }),
    extra: { agencies: run.submissions.length },
  });
}

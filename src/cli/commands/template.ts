import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { hasErrors, issue, type DtiIssue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { submissionTemplate } from '../../template/write.js';
import { readAgencyList } from '../../submission/agencies.js';
import { isFile, loadFrameworkOrThrow, sourceDateEpochFrom, writeOutput, type CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { chalkFor } from '../io.js';
import { formatIssues } from '../report-issues.js';

interface TemplateOptions {
  framework: string;
  agencies?: string;
  group?: string;
  year?: string;
  out: string;
}

/**
 * dti template: submission workbooks to hand out. Without --agencies, one blank form for a
 * group, written to an .xlsx file; with --agencies, one form per agency of the list (or of
 * --group only), named <agency code>.xlsx in the --out folder. Every write is atomic.
 */
export function registerTemplate(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('template')
    .description(t('CMD_TEMPLATE', lang))
    .requiredOption('-f, --framework <id-or-file>', t('OPT_FRAMEWORK', lang))
    .option('-a, --agencies <file>', t('OPT_TEMPLATE_AGENCIES', lang))
    .option('-g, --group <id>', t('OPT_TEMPLATE_GROUP', lang))
    .option('--year <yyyy>', t('OPT_TEMPLATE_YEAR', lang))
    .requiredOption('-o, --out <file-or-folder>', t('OPT_TEMPLATE_OUT', lang))
    .action(async (options: TemplateOptions) => {
      ctx.exitCode = await template(options, ctx);
    });
}

async function template(options: TemplateOptions, ctx: CommandContext): Promise<number> {
  const { lang } = ctx;
  // Every option is checked before any work.
  let year: number | undefined;
  if (options.year !== undefined) {
    year = /^\d{4}$/.test(options.year) ? Number(options.year) : NaN;
    if (!(year >= 2000 && year <= 2100)) throw new UsageError([issue('E_TEMPLATE_YEAR', {}, { value: options.year })]);
  }
  const model = loadFrameworkOrThrow(options.framework, lang);
  const groupIds = model.framework.groups.map((g) => g.id);
  if (options.group !== undefined && !groupIds.includes(options.group)) {
    throw new UsageError([issue('E_UNKNOWN_GROUP_OPTION', {}, { group: options.group, groups: groupIds.join(', ') })]);
  }
  const common = { lang, ...(year !== undefined ? { year } : {}), ...sourceDateEpochFrom(ctx.io.env) };

  if (options.agencies === undefined) {
    const group = options.group ?? (groupIds.length === 1 ? groupIds[0]! : undefined);
    if (group === undefined) throw new UsageError([issue('E_TEMPLATE_GROUP_REQUIRED', {}, { groups: groupIds.join(', ') })]);
    if (extname(options.out).toLowerCase() !== '.xlsx' || isDirectory(options.out)) {
      throw new UsageError([issue('E_TEMPLATE_OUT_XLSX', {}, { file: options.out })]);
    }
    const bytes = await submissionTemplate(model, { ...common, group });
    writeOutput(ctx, options.out, () => bytes);
    return EXIT.ok;
  }

  const listFile = options.agencies;
  if (!isFile(listFile)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: listFile })]);
  if (exists(options.out) ? !isDirectory(options.out) : extname(options.out).toLowerCase() === '.xlsx') {
    throw new UsageError([issue('E_TEMPLATE_OUT_NOT_FOLDER', {}, { path: options.out })]);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(listFile);
  } catch (e) {
    throw new UsageError([issue('E_FILE_UNREADABLE', { file: listFile }, { detail: (e as NodeJS.ErrnoException).code ?? String(e) })]);
  }
  const list = readAgencyList(bytes, listFile, model);
  const issues: DtiIssue[] = [...list.issues];
  const agencies = options.group === undefined ? list.agencies : list.agencies.filter((a) => a.group === options.group);
  if (agencies.length === 0 && !hasErrors(issues)) {
    issues.push(
      options.group === undefined
        ? issue('W_TEMPLATE_NO_AGENCY', { file: listFile }, {})
        : issue('W_TEMPLATE_NO_AGENCY_IN_GROUP', { file: listFile }, { group: options.group }),
    );
  }
  report(issues, ctx);
  if (agencies.length > 0) {
    try {
      mkdirSync(options.out, { recursive: true });
    } catch (e) {
      throw new UsageError([issue('E_OUTPUT_WRITE', {}, { file: options.out, reason: (e as NodeJS.ErrnoException).code ?? String(e) })]);
    }
    for (const a of agencies) {
      const agency = { code: a.code, name: a.name, ...(a.parent !== undefined ? { parent: a.parent } : {}) };
      const workbook = await submissionTemplate(model, { ...common, group: a.group, agency });
      writeOutput(ctx, join(options.out, `${a.code}.xlsx`), () => workbook);
    }
    if (!ctx.quiet) ctx.io.stderr.write(t('TEMPLATE_SUMMARY', lang, { count: agencies.length, dir: options.out }) + '\n');
  }
  return hasErrors(issues) ? EXIT.dataErrors : EXIT.ok;
}

function report(issues: readonly DtiIssue[], ctx: CommandContext): void {
  if (issues.length === 0 || ctx.quiet) return;
  ctx.io.stderr.write(formatIssues(issues, ctx.lang, chalkFor(ctx.io.stderr, ctx.io.env, ctx.color)));
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}


function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

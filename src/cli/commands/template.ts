import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { hasErrors, issue, type DtiIssue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { submissionTemplate } from '../../template/write.js';
import { readAgencyList } from '../../submission/agencies.js';
import type { OutputFile } from '../../report/output/index.js';
import { checkOutput, isFile, loadFrameworkOrThrow, openFolder, sourceDateEpochFrom, writeOutput, type CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { visible } from '../visible.js';
import { chalkFor } from '../io.js';
import { formatIssues } from '../report-issues.js';
import { readBounded } from '../../sheets/read.js';
import { DEFAULT_XLSX_LIMITS } from '../../sheets/xlsx/index.js';

interface TemplateOptions {
  framework: string;
  agencies?: string;
  group?: string;
  year?: string;
  out: string;
  force?: boolean;
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
    .option('--force', t('OPT_FORCE', lang))
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
  const guard = { force: options.force, inputs: [...(isFile(options.framework) ? [options.framework] : []), ...(options.agencies !== undefined ? [options.agencies] : [])] };
  const common = { lang, ...(year !== undefined ? { year } : {}), ...sourceDateEpochFrom(ctx.io.env) };

  if (options.agencies === undefined) {
    const group = options.group ?? (groupIds.length === 1 ? groupIds[0]! : undefined);
    if (group === undefined) throw new UsageError([issue('E_TEMPLATE_GROUP_REQUIRED', {}, { groups: groupIds.join(', ') })]);
    if (extname(options.out).toLowerCase() !== '.xlsx' || isDirectory(options.out)) {
      throw new UsageError([issue('E_TEMPLATE_OUT_XLSX', {}, { file: options.out })]);
    }
    checkOutput(ctx, options.out, guard);
    const bytes = await submissionTemplate(model, { ...common, group });
    writeOutput(ctx, options.out, () => bytes, guard);
    return EXIT.ok;
  }

  const listFile = options.agencies;
  if (!isFile(listFile)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: listFile })]);
  if (exists(options.out) ? !isDirectory(options.out) : extname(options.out).toLowerCase() === '.xlsx') {
    throw new UsageError([issue('E_TEMPLATE_OUT_NOT_FOLDER', {}, { path: options.out })]);
  }
  const read = readBounded(listFile, DEFAULT_XLSX_LIMITS.maxFileBytes);
  if ('issue' in read) throw new UsageError([read.issue]);
  const list = readAgencyList(read.bytes, listFile, model);
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
    // One folder, written all at once: a folder of filled forms (files dti did not write) is refused unless --force.
    const folder = openFolder(ctx, options.out, guard);
    try {
      const forms: OutputFile[] = [];
      for (const a of agencies) {
        // Its tags (none is an answer too): the rows they exclude are left out of its form.
        const agency = { code: a.code, name: a.name, ...(a.parent !== undefined ? { parent: a.parent } : {}), tags: a.tags ?? [] };
        forms.push({ name: `${a.code}.xlsx`, bytes: await submissionTemplate(model, { ...common, group: a.group, agency }) });
      }
      folder.write(forms);
    } finally {
      folder.close();
    }
    if (!ctx.quiet) ctx.io.stderr.write(t('TEMPLATE_SUMMARY', lang, { count: agencies.length, dir: visible(options.out) }) + '\n');
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

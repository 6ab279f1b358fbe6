import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { issue, type DtiIssue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { readGridFile } from '../../sheets/read.js';
import { importTemplate } from '../../template/import.js';
import { checkOutput, writeOutput, type CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { visible } from '../visible.js';
import { chalkFor } from '../io.js';
import { formatIssues } from '../report-issues.js';
import { append } from '../../core/arrays.js';

interface ImportOptions {
  out?: string;
  id?: string;
  group?: string;
  sheet?: string;
  force?: boolean;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `dti framework import <workbook> [--out framework.yaml] [--id] [--group] [--sheet]`: a
 * framework drafted from a template or an official form (src/template/import.ts), printed or
 * written atomically. Exit 0 when the draft loads cleanly (notes and warnings allowed), 1 when
 * the workbook had problems, 2 for usage. A draft with problems is still written (or printed):
 * it is a starting point to finish by hand anyway (every rule is `manual`), and the findings
 * name the cells and the paths to fix; nothing is written when no indicator table was found.
 */
export function registerFrameworkImport(fw: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  fw.command('import')
    .description(t('CMD_FRAMEWORK_IMPORT', lang))
    .argument('<workbook>', t('ARG_IMPORT_WORKBOOK', lang))
    .option('-o, --out <file>', t('OPT_IMPORT_OUT', lang))
    .option('--id <id>', t('OPT_IMPORT_ID', lang))
    .option('-g, --group <id>', t('OPT_IMPORT_GROUP', lang))
    .option('--sheet <name>', t('OPT_SHEET', lang))
    .option('--force', t('OPT_FORCE', lang))
    .action((file: string, options: ImportOptions) => {
      for (const [option, value] of [['--id', options.id], ['--group', options.group]] as const) {
        if (value !== undefined && !ID.test(value)) throw new UsageError([issue('E_IMPORT_ID_OPTION', {}, { option, value })]);
      }
      if (options.out !== undefined && !['.yaml', '.yml'].includes(extname(options.out).toLowerCase())) {
        throw new UsageError([issue('E_IMPORT_OUT_YAML', {}, { file: options.out })]);
      }
      if (!existsSync(file)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: file })]);
      const guard = { force: options.force, inputs: [file] };
      if (options.out !== undefined) checkOutput(ctx, options.out, guard);

      const read = readGridFile(file);
      const issues: DtiIssue[] = [...read.issues];
      let indicators = 0;
      let leaves = 0;
      if (read.grid) {
        const result = importTemplate(read.grid, {
          lang,
          ...(options.id !== undefined ? { id: options.id } : {}),
          ...(options.group !== undefined ? { group: options.group } : {}),
          ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
          ...(options.out !== undefined ? { out: options.out } : {}),
        });
        append(issues, result.issues);
        if (result.yaml !== undefined) {
          if (options.out !== undefined) writeOutput(ctx, options.out, () => result.yaml!, guard);
          else ctx.io.stdout.write(result.yaml);
        }
        if (result.model) {
          indicators = result.model.nodes.size;
          leaves = [...result.model.nodes.values()].filter((n) => n.isLeaf && !n.informational).length;
        }
      }
      const errors = issues.filter((i) => i.severity === 'error').length;
      const shown = ctx.quiet ? issues.filter((i) => i.severity === 'error') : issues;
      const c = chalkFor(ctx.io.stderr, ctx.io.env, ctx.color);
      ctx.io.stderr.write(formatIssues(shown, lang, c));
      if (!ctx.quiet) {
        const count = (s: DtiIssue['severity']) => issues.filter((i) => i.severity === s).length;
        ctx.io.stderr.write(t('IMPORT_SUMMARY', lang, { indicators, leaves, file: visible(file), errors, warnings: count('warning'), infos: count('info') }) + '\n');
      }
      ctx.exitCode = errors > 0 ? EXIT.dataErrors : EXIT.ok;
    });
}

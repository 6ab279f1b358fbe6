import { extname } from 'node:path';
import type { Command } from 'commander';
import { issue, type DtiIssue } from '../../core/issues.js';
import { loadFramework } from '../../framework/load.js';
import { t } from '../../i18n/catalog.js';
import { expandInputs } from '../../sheets/files.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ISSUE_FORMATS, emitIssues, type IssueFormat } from '../emit-issues.js';

interface CheckOptions {
  format: string;
  strict?: boolean;
}

const FRAMEWORK_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** `dti check`: CI validation of framework files (schema, sums, references, rules against their points). */
export function registerCheck(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('check')
    .description(t('CMD_CHECK', lang))
    .argument('<files...>', t('ARG_CHECK_FILES', lang))
    .option('--format <format>', t('OPT_FORMAT_VALIDATE', lang), 'text')
    .option('--strict', t('OPT_STRICT', lang))
    .action((paths: string[], options: CheckOptions) => {
      if (!(ISSUE_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError([issue('E_FORMAT_OPTION', {}, { format: options.format, allowed: ISSUE_FORMATS.join(', ') })]);
      }
      const missing = expandInputs(paths).missing;
      if (missing.length > 0) throw new UsageError(missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
      const issues: DtiIssue[] = [];
      for (const file of paths) {
        const ext = extname(file).toLowerCase();
        if (FRAMEWORK_EXTENSIONS.has(ext)) {
          issues.push(...loadFramework(file, lang).issues.map((i) => ({ ...i, location: { ...i.location, file } })));
        } else {
          issues.push(issue('E_CHECK_FILE_TYPE', { file }, { ext }));
        }
      }
      ctx.exitCode = emitIssues(ctx, issues, paths, {
        format: options.format as IssueFormat,
        strict: options.strict === true,
        summary: (counts) => t('CHECK_SUMMARY', lang, { files: paths.length, ...counts }),
      });
    });
}

import { extname } from 'node:path';
import type { Command } from 'commander';
import { issue, type DtiIssue } from '../../core/issues.js';
import { loadFramework } from '../../framework/load.js';
import type { FrameworkModel } from '../../framework/model.js';
import { t } from '../../i18n/catalog.js';
import { expandInputs } from '../../sheets/files.js';
import { checkTemplate } from '../../template/check.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ISSUE_FORMATS, emitIssues, type IssueFormat } from '../emit-issues.js';
import { append } from '../../core/arrays.js';
import { readBounded } from '../../sheets/read.js';
import { DEFAULT_XLSX_LIMITS } from '../../sheets/xlsx/index.js';

interface CheckOptions {
  format: string;
  strict?: boolean;
}

const FRAMEWORK_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const TEMPLATE_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

/**
 * `dti check`: CI validation of framework files (schema, sums, references, rules against their
 * points) and of submission templates edited by hand (src/template/check.ts). A template is
 * checked against the framework its hidden _dti sheet names: one of the framework files given
 * on the same command line when its id matches, else the bundled framework of that id.
 */
export function registerCheck(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('check')
    .description(t('CMD_CHECK', lang))
    .argument('<files...>', t('ARG_CHECK_INPUTS', lang))
    .option('--format <format>', t('OPT_FORMAT_VALIDATE', lang), 'text')
    .option('--strict', t('OPT_STRICT', lang))
    .action((paths: string[], options: CheckOptions) => {
      if (!(ISSUE_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError([issue('E_FORMAT_OPTION', {}, { format: options.format, allowed: ISSUE_FORMATS.join(', ') })]);
      }
      const missing = expandInputs(paths).missing;
      if (missing.length > 0) throw new UsageError(missing.map((p) => issue('E_INPUT_NOT_FOUND', {}, { path: p })));
      const issues: DtiIssue[] = [];
      const frameworks = new Map<string, FrameworkModel>();
      for (const file of paths) {
        if (!FRAMEWORK_EXTENSIONS.has(extname(file).toLowerCase())) continue;
        const loaded = loadFramework(file, lang);
        append(issues, loaded.issues.map((i) => ({ ...i, location: { ...i.location, file } })));
        if (loaded.ok && !frameworks.has(loaded.model.framework.id)) frameworks.set(loaded.model.framework.id, loaded.model);
      }
      for (const file of paths) {
        const ext = extname(file).toLowerCase();
        if (FRAMEWORK_EXTENSIONS.has(ext)) continue;
        if (!TEMPLATE_EXTENSIONS.has(ext)) {
          issues.push(issue('E_CHECK_INPUT_TYPE', { file }, { ext }));
          continue;
        }
        // Regular files only, the size checked before reading (a named pipe would wait forever).
        const read = readBounded(file, DEFAULT_XLSX_LIMITS.maxFileBytes);
        if ('issue' in read) {
          issues.push(read.issue);
          continue;
        }
        append(issues, checkTemplate(read.bytes, file, undefined, { lang, frameworks }));
      }
      ctx.exitCode = emitIssues(ctx, issues, paths, {
        format: options.format as IssueFormat,
        strict: options.strict === true,
        summary: (counts) => t('CHECK_SUMMARY', lang, { files: paths.length, ...counts }),
      });
    });
}

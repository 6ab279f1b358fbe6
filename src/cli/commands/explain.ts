import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { issue } from '../../core/issues.js';
import { loadFramework } from '../../framework/load.js';
import { t } from '../../i18n/catalog.js';
import { syntaxDetail } from '../../i18n/syntax.js';
import { zodDetail } from '../../i18n/zod.js';
import { explain } from '../../report/explain.js';
import { resultsSchema } from '../../results/schema.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { readBounded } from '../../sheets/read.js';

/** Largest results.json explained (a year of a big province is a few MB). */
const MAX_RESULTS_BYTES = 256 * 1024 * 1024;
import { visibleLines } from '../visible.js';

export function registerExplain(program: Command, ctx: CommandContext): void {
  const { lang, io } = ctx;
  program
    .command('explain')
    .description(t('CMD_EXPLAIN', lang))
    .argument('<agency>', t('ARG_AGENCY', lang))
    .argument('[indicator]', t('ARG_INDICATOR', lang))
    .requiredOption('--in <file-or-folder>', t('OPT_IN', lang))
    .option('-f, --framework <id-or-file>', t('OPT_FRAMEWORK_EXPLAIN', lang))
    .action((agency: string, indicator: string | undefined, options: { in: string; framework?: string }) => {
      const file = resultsFile(options.in);
      let parsed;
      // Regular files only, the size checked before reading.
      const read = readBounded(file, MAX_RESULTS_BYTES);
      if ('issue' in read) throw new UsageError([read.issue]);
      try {
        parsed = resultsSchema.safeParse(JSON.parse(Buffer.from(read.bytes).toString('utf8')), { reportInput: true });
      } catch (e) {
        throw new UsageError([issue('E_RESULTS_UNREADABLE', { file }, { file, detail: (e as NodeJS.ErrnoException).code ?? syntaxDetail(e, 'json') })]);
      }
      if (!parsed.success) {
        throw new UsageError([issue('E_RESULTS_UNREADABLE', { file }, { file, detail: zodDetail(parsed.error.issues, 1) })]);
      }
      const doc = parsed.data;
      const loaded = loadFramework(options.framework ?? doc.framework.id, lang);
      const text = explain(doc, agency, indicator, lang, loaded.ok ? loaded.model : undefined);
      if (text === undefined) {
        const known = doc.groups.some((g) => g.agencies.some((a) => a.code.toLowerCase() === agency.toLowerCase()));
        throw new UsageError([
          known ? issue('E_EXPLAIN_INDICATOR', {}, { agency, indicator: indicator ?? '' }) : issue('E_EXPLAIN_AGENCY', {}, { agency, file }),
        ]);
      }
      io.stdout.write(visibleLines(text));
      ctx.exitCode = EXIT.ok;
    });
}

/** A folder written by `dti rank` holds results.json. */
function resultsFile(path: string): string {
  try {
    return statSync(path).isDirectory() ? join(path, 'results.json') : path;
  } catch {
    return path;
  }
}

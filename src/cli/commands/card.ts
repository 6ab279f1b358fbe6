import type { Command } from 'commander';
import { agencyCard } from '../../analysis/card.js';
import { assessmentYear } from '../../compare/compare.js';
import { issue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import { cardHtml } from '../../report/html/card.js';
import { writeOutput, type CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { comparisonFrom, frameworkFor, readResultsOrThrow, refuseOverwrite } from '../results-input.js';
import { reportIssues } from './report.js';

interface CardOptions {
  in: string;
  out: string;
  force?: boolean;
  previous?: string;
  unitsMap?: string;
  framework?: string;
}

/** `dti card`: one agency's report card as a page of its own. */
export function registerCard(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('card')
    .description(t('CMD_CARD', lang))
    .argument('<agency>', t('ARG_AGENCY', lang))
    .requiredOption('--in <file-or-folder>', t('OPT_IN', lang))
    .requiredOption('-o, --out <file>', t('OPT_OUT_HTML', lang))
    .option('--force', t('OPT_FORCE', lang))
    .option('--previous <file>', t('OPT_PREVIOUS', lang))
    .option('--units-map <file>', t('OPT_UNITS_MAP', lang))
    .option('-f, --framework <id-or-file>', t('OPT_FRAMEWORK_RESULTS', lang))
    .action((agency: string, options: CardOptions) => {
      const input = readResultsOrThrow(options.in);
      refuseOverwrite(options.out, [input.file, options.previous, options.unitsMap]);
      const fw = frameworkFor(input.doc, options.framework, lang);
      const compared = comparisonFrom(input.doc, options.previous, options.unitsMap);
      const comparison = compared.comparison ?? (options.previous === undefined ? input.comparison : undefined);
      const card = agencyCard(input.doc, agency, { ...(fw ?? {}), ...(comparison ? { comparison } : {}) });
      if (!card) throw new UsageError([issue('E_EXPLAIN_AGENCY', {}, { agency, file: input.file })]);
      const html = cardHtml(card, { doc: input.doc, lang, year: assessmentYear(input.doc), ...(comparison ? { previousYear: comparison.previousYear } : {}) });
      if (options.out === '-') ctx.io.stdout.write(html);
      else {
        const inputs = [input.file, options.previous, options.unitsMap].filter((f): f is string => f !== undefined);
        writeOutput(ctx, options.out, () => html, { force: options.force, inputs });
      }
      ctx.exitCode = reportIssues(ctx, compared.issues);
    });
}

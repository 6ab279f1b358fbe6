import type { Command } from 'commander';
import { sensitivity, type Sensitivity } from '../../analysis/sensitivity.js';
import { issue } from '../../core/issues.js';
import { t } from '../../i18n/catalog.js';
import type { Lang } from '../../i18n/types.js';
import { DEFAULT_SENSITIVITY } from '../../report/html/report.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { frameworkFor, readResultsOrThrow } from '../results-input.js';

export interface SensitivityFlags {
  runs?: string;
  seed?: string;
  spread?: string;
}

/** --runs, --seed and --spread checked once, with the defaults filled in. */
export function sensitivityOptions(flags: SensitivityFlags): { runs: number; seed: number; spread: number } {
  const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN);
  const runs = flags.runs === undefined ? DEFAULT_SENSITIVITY.runs : whole(flags.runs);
  if (!(runs >= 1 && runs <= 100_000)) throw new UsageError([issue('E_RUNS_OPTION', {}, { value: flags.runs ?? '' })]);
  const seed = flags.seed === undefined ? DEFAULT_SENSITIVITY.seed : whole(flags.seed);
  if (!(seed >= 0 && seed <= 0xffffffff)) throw new UsageError([issue('E_SEED_OPTION', {}, { value: flags.seed ?? '' })]);
  // A decimal comma is accepted: "0,2" is how a Vietnamese user writes it.
  const spread = flags.spread === undefined ? DEFAULT_SENSITIVITY.spread : /^\d+([.,]\d+)?$/.test(flags.spread.trim()) ? Number(flags.spread.trim().replace(',', '.')) : NaN;
  if (!(spread >= 0 && spread < 1)) throw new UsageError([issue('E_SPREAD_OPTION', {}, { value: flags.spread ?? '' })]);
  return { runs, seed, spread };
}

interface Options extends SensitivityFlags {
  format?: string;
  framework?: string;
}

/** `dti sensitivity`: how much each rank depends on the weights and on the council's decisions. */
export function registerSensitivity(program: Command, ctx: CommandContext): void {
  const { lang, io } = ctx;
  program
    .command('sensitivity')
    .description(t('CMD_SENSITIVITY', lang))
    .argument('<results>', t('ARG_RESULTS', lang))
    .option('--runs <n>', t('OPT_RUNS', lang))
    .option('--seed <n>', t('OPT_SEED', lang))
    .option('--spread <x>', t('OPT_SPREAD', lang))
    .option('--format <format>', t('OPT_FORMAT_SENSITIVITY', lang))
    .option('-f, --framework <id-or-file>', t('OPT_FRAMEWORK_RESULTS', lang))
    .action((results: string, options: Options) => {
      // No commander default: its "(default: …)" would be English in the Vietnamese help.
      const format = options.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError([issue('E_FORMAT_OPTION', {}, { format, allowed: 'text, json' })]);
      const settings = sensitivityOptions(options);
      const input = readResultsOrThrow(results);
      const fw = frameworkFor(input.doc, options.framework, lang);
      const out = sensitivity(input.doc, { ...settings, ...(fw ? { scopeOf: fw.scopeOf } : {}) });
      io.stdout.write(format === 'json' ? JSON.stringify(out, null, 2) + '\n' : sensitivityText(out, lang, input.doc.framework.precision.points));
      ctx.exitCode = EXIT.ok;
    });
}

/** The text view: per group a table of ranks and intervals, then the decisions that moved ranks. */
export function sensitivityText(s: Sensitivity, lang: Lang, places: number): string {
  const l = (key: string, params?: Record<string, string | number>) => t(key, lang, params);
  const local = (x: number | string) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));
  const points = (x: number) => local(x.toFixed(places));
  const out = [l('SENS_TEXT_HEADER', { runs: s.runs, seed: s.seed, spread: local(Number((s.spread * 100).toFixed(4))) }), ''];
  for (const g of s.groups) {
    if (g.agencies.length === 0) continue;
    out.push(`## ${g.name[lang]}`, '');
    const rows = [[l('LABEL_RANK'), l('SENS_MEDIAN'), l('SENS_INTERVAL'), l('LABEL_AGENCY')], ...g.agencies.map((a) => [String(a.rank), String(a.median), a.p5 === a.p95 ? String(a.p5) : `${a.p5}–${a.p95}`, `${a.name} (${a.code})`])];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) out.push(r.map((c, i) => (i < 3 ? c.padStart(widths[i]!) : c)).join('  '));
    out.push('', l('SENS_ADJUSTMENTS') + ':');
    if (g.adjustments.length === 0) out.push('  ' + l('HTML_ADJUSTMENTS_NONE'));
    for (const a of g.adjustments) {
      const moves = a.moves.length === 0 ? l('SENS_NO_MOVE') : a.moves.map((m) => l('SENS_MOVE', { agency: m.code, rank: m.rank, without: m.rankWithout })).join('; ');
      out.push('  ' + l('SENS_TEXT_ADJUSTMENT', { agency: a.agency, leaf: a.leaf, points: points(a.points), computed: points(a.computedPoints), moves }));
    }
    out.push('');
  }
  return out.join('\n');
}

import type { Command } from 'commander';
import { issue } from '../../core/issues.js';
import { describeRule } from '../../framework/describe.js';
import { frameworkJsonSchema } from '../../framework/json-schema.js';
import { bundledFrameworkIds, loadFramework } from '../../framework/load.js';
import type { FrameworkModel, FrameworkNode } from '../../framework/model.js';
import { normaliseFramework } from '../../framework/normalise.js';
import { t } from '../../i18n/catalog.js';
import type { Lang } from '../../i18n/types.js';
import { EXIT, UsageError } from '../errors.js';
import { chalkFor } from '../io.js';
import { loadFrameworkOrThrow, type CommandContext } from '../context.js';
import { registerFrameworkImport } from './framework-import.js';

export function registerFramework(program: Command, ctx: CommandContext): void {
  const { lang, io } = ctx;
  const fw = program.command('framework').description(t('CMD_FRAMEWORK', lang));
  fw.command('list')
    .description(t('CMD_FRAMEWORK_LIST', lang))
    .action(() => {
      for (const id of bundledFrameworkIds()) {
        const loaded = loadFramework(id, lang);
        if (!loaded.ok) continue;
        const f = loaded.model.framework;
        io.stdout.write(
          t('FW_LIST_LINE', lang, {
            id,
            name: f.name[lang],
            version: f.version,
            year: f.year,
            groups: f.groups.length,
            indicators: loaded.model.roots.length,
          }) + '\n',
        );
      }
      ctx.exitCode = EXIT.ok;
    });
  fw.command('show')
    .description(t('CMD_FRAMEWORK_SHOW', lang))
    .argument('<framework>', t('ARG_FRAMEWORK', lang))
    .option('--format <format>', t('OPT_FORMAT_SHOW', lang), 'text')
    .action((ref: string, options: { format: string }) => {
      if (options.format !== 'text' && options.format !== 'json') {
        throw new UsageError([issue('E_FORMAT_OPTION', {}, { format: options.format, allowed: 'text, json' })]);
      }
      const model = loadFrameworkOrThrow(ref, lang);
      io.stdout.write(
        options.format === 'json'
          ? JSON.stringify(normaliseFramework(model), null, 2) + '\n'
          : frameworkTree(model, lang, chalkFor(io.stdout, io.env, ctx.color)),
      );
      ctx.exitCode = EXIT.ok;
    });
  fw.command('schema')
    .description(t('CMD_FRAMEWORK_SCHEMA', lang))
    .action(() => {
      io.stdout.write(frameworkJsonSchema());
      ctx.exitCode = EXIT.ok;
    });
  registerFrameworkImport(fw, ctx);
}

/** A readable tree: code, name, max points (per group where they differ), rule in words. */
export function frameworkTree(model: FrameworkModel, lang: Lang, c: ReturnType<typeof chalkFor>): string {
  const f = model.framework;
  const groups = f.groups.map((g) => g.id);
  let out = c.bold(`${f.name[lang]} (${f.id}, ${f.version})`) + '\n';
  out += `${t('LABEL_GROUP', lang)}: ${f.groups.map((g) => `${g.id} – ${g.name[lang]} (${t('FW_POINTS', lang, { points: model.totalFor(g.id).toString() })})`).join('; ')}\n`;
  if (f.tags.length > 0) out += `${t('LABEL_TAGS', lang)}: ${f.tags.map((x) => `${x.id} – ${x.name[lang]}`).join('; ')}\n`;
  if (f.pillars.length > 0) {
    out += `${t('LABEL_PILLARS', lang)}: ${f.pillars.map((p) => `${p.code} – ${p.name[lang]}`).join('; ')}\n`;
  }
  out += '\n';
  const maxText = (n: FrameworkNode) => {
    if (n.informational) return c.dim(t('LABEL_INFORMATIONAL', lang));
    const applicable = groups.filter((g) => model.applies(n, g));
    const values = new Map(applicable.map((g) => [g, (n.effect === 'score' ? model.maxFor(n, g) : model.capFor(n, g)).toString()]));
    const distinct = new Set(values.values());
    const points = distinct.size <= 1 ? [...distinct][0] ?? '0' : applicable.map((g) => `${g}: ${values.get(g)}`).join(', ');
    const only = applicable.length < groups.length ? ' ' + c.dim(t('LABEL_ONLY_GROUPS', lang, { groups: applicable.join(', ') })) : '';
    const key = n.effect === 'bonus' ? 'FW_BONUS' : n.effect === 'penalty' ? 'FW_PENALTY' : 'FW_POINTS';
    // Said once, where it is set; children inherit it.
    const tags = n.node.onlyFor ? ' ' + c.dim(t('LABEL_ONLY_TAGS', lang, { tags: n.node.onlyFor.join(', ') })) : '';
    const na = n.node.notApplicableAllowed ? ' ' + c.dim(`(${t('LABEL_NA_ALLOWED', lang)})`) : '';
    return t(key, lang, { points }) + only + tags + na;
  };
  const visit = (n: FrameworkNode) => {
    const indent = '  '.repeat(n.depth);
    const pillars = n.node.pillars ? c.dim(` [${n.node.pillars.join(', ')}]`) : '';
    out += `${indent}${c.bold(n.code)}  ${n.node.name[lang]}  ${c.cyan(maxText(n))}${pillars}\n`;
    if (n.isLeaf && n.node.rule) {
      const group = groups.find((g) => model.applies(n, g)) ?? groups[0]!;
      const max = Number((n.effect === 'score' ? model.maxFor(n, group) : model.capFor(n, group)).toString());
      const evidence = n.node.evidenceRequired ? c.dim(` (${t('LABEL_EVIDENCE_REQUIRED', lang)})`) : '';
      out += `${indent}    ${c.dim('→')} ${describeRule(n.node.rule, max, lang)}${evidence}\n`;
    }
    n.children.forEach(visit);
  };
  model.roots.forEach(visit);
  return out;
}

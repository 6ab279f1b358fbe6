import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Every command, in the order the help lists them, with what the top-level help shows of it (its
 * term and description key) and how to load it. A command's module, and what it imports (exceljs,
 * the pipeline, the frameworks), is loaded only when that command runs or its own help is asked for:
 * `dti --version` and `dti --help` load none of them. A test holds `term` to the real definitions.
 */
export interface CommandEntry {
  name: string;
  term: string;
  description: string;
  load: () => Promise<Register>;
}

export const COMMAND_TABLE: readonly CommandEntry[] = [
  { name: 'score', term: 'score [options] <paths...>', description: 'CMD_SCORE', load: async () => (await import('./score.js')).registerScore },
  { name: 'validate', term: 'validate [options] <paths...>', description: 'CMD_VALIDATE', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'check', term: 'check [options] <files...>', description: 'CMD_CHECK', load: async () => (await import('./check.js')).registerCheck },
  { name: 'explain', term: 'explain [options] <agency> [indicator]', description: 'CMD_EXPLAIN', load: async () => (await import('./explain.js')).registerExplain },
  { name: 'rank', term: 'rank [options] <paths...>', description: 'CMD_RANK', load: async () => (await import('./rank.js')).registerRank },
  { name: 'framework', term: 'framework', description: 'CMD_FRAMEWORK', load: async () => (await import('./framework.js')).registerFramework },
  { name: 'template', term: 'template [options]', description: 'CMD_TEMPLATE', load: async () => (await import('./template.js')).registerTemplate },
  { name: 'review-template', term: 'review-template [options] <paths...>', description: 'CMD_REVIEW_TEMPLATE', load: async () => (await import('./review-template.js')).registerReviewTemplate },
  { name: 'report', term: 'report [options] <results>', description: 'CMD_REPORT', load: async () => (await import('./report.js')).registerReport },
  { name: 'card', term: 'card [options] <agency>', description: 'CMD_CARD', load: async () => (await import('./card.js')).registerCard },
  { name: 'sensitivity', term: 'sensitivity [options] <results>', description: 'CMD_SENSITIVITY', load: async () => (await import('./sensitivity.js')).registerSensitivity },
];

/** The command typed (through `help <command>`), skipping global options and --lang's value. */
export function commandTyped(args: readonly string[]): string | undefined {
  const positionals: string[] = [];
  for (let i = 0; i < args.length && positionals.length < 2; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--lang') { i++; continue; }
    if (a.startsWith('-')) continue;
    positionals.push(a);
  }
  return positionals[0] === 'help' ? positionals[1] : positionals[0];
}

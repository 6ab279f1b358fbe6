import type { Command } from 'commander';
import { closest, distance } from 'fastest-levenshtein';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import { localiseTerms, placeholderName } from './help.js';

/**
 * A misspelt required option (`--framwork`) must be named as unknown, with the option meant,
 * not reported as the required option missing — commander checks for missing required options
 * before unknown ones. Before a subcommand runs, its arguments are scanned with the options it
 * and the program declare; the first unknown long option is reported through commander's own
 * error (so it is worded, coloured and exits like every usage error).
 */
export function checkUnknownOptionsFirst(program: Command, argv: readonly string[]): void {
  program.hook('preSubcommand', (_program, sub) => {
    // A command with subcommands of its own (`framework show`) is left to commander.
    if (sub.commands.length > 0) return;
    const options = [...sub.options, ...program.options];
    const known = new Map(options.filter((o) => o.long).map((o) => [o.long!, o]));
    const args = argv.slice(argv.indexOf(sub.name()) + 1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') break;
      if (!a.startsWith('--')) continue;
      const flag = a.split('=')[0]!;
      const option = known.get(flag);
      if (flag === '--help') return;
      if (option) {
        // The next argument is this option's value, not an option, when it takes one.
        if (option.required && !a.includes('=')) i++;
        continue;
      }
      const meant = closest(flag, [...known.keys()]);
      const near = distance(flag, meant) <= Math.max(1, Math.floor(flag.length * 0.4));
      sub.error(`error: unknown option '${flag}'${near ? `\n(Did you mean ${meant}?)` : ''}`, { code: 'commander.unknownOption' });
    }
  });
}

/**
 * Commander's usage errors as one line in the chosen language, with its suggestion ("did you
 * mean --format?") and where to find the usage, instead of the whole help. An unknown shape
 * passes through as it is.
 */
export function localiseError(text: string, lang: Lang, usage: string): string {
  const patterns: [RegExp, string][] = [
    [/^error: unknown option '([^']+)'/, 'USAGE_UNKNOWN_OPTION'],
    [/^error: required option '([^']+)' not specified/, 'USAGE_MISSING_OPTION'],
    [/^error: missing required argument '([^']+)'/, 'USAGE_MISSING_ARGUMENT'],
    [/^error: unknown command '([^']+)'/, 'USAGE_UNKNOWN_COMMAND'],
    [/^error: option '([^']+)' argument missing/, 'USAGE_OPTION_ARGUMENT'],
    [/^error: too many arguments/, 'USAGE_TOO_MANY'],
  ];
  for (const [re, key] of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const meant = /\(Did you mean (?:one of )?([^?]+)\?\)/.exec(text)?.[1];
    const hint = meant ? t('USAGE_DID_YOU_MEAN', lang, { suggestion: meant }) : '';
    // The flag's placeholder (`--year <yyyy>`) or the argument's name in the chosen language, as the help shows them.
    const name = key === 'USAGE_MISSING_ARGUMENT' ? placeholderName(m[1] ?? '', lang) : localiseTerms(m[1] ?? '', lang);
    return t(key, lang, { name }) + hint + t('USAGE_SEE_HELP', lang, { usage }) + '\n';
  }
  return text;
}

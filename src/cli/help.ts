import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import { hasMessage, t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';

/**
 * The words commander writes itself in a help (headings, the default and choice notes, the
 * placeholders of flags and arguments: `<file>`, `[options]`) in the chosen language. Done in
 * the help's own formatting steps, not on its text afterwards, so columns stay aligned and
 * lines wrap at their translated length. Option NAMES are never translated: only what stands
 * for a value.
 */
export function localisedHelp(lang: Lang, subcommandTerm?: (cmd: Command) => string | undefined): HelpConfiguration {
  const plain = new Help();
  return {
    styleTitle: (title) => headingText(title, lang),
    commandUsage: (cmd) => localiseTerms(plain.commandUsage(cmd), lang),
    subcommandTerm: (cmd) => localiseTerms(subcommandTerm?.(cmd) ?? plain.subcommandTerm(cmd), lang),
    optionTerm: (option) => localiseTerms(option.flags, lang),
    argumentTerm: (argument) => placeholderName(argument.name(), lang),
    optionDescription: (option: Option) => localiseNotes(plain.optionDescription(option), lang),
    argumentDescription: (argument: Argument) => localiseNotes(plain.argumentDescription(argument), lang),
  };
}

const HEADINGS: Readonly<Record<string, string>> = {
  'Usage:': 'HELP_USAGE',
  'Options:': 'HELP_OPTIONS',
  'Arguments:': 'HELP_ARGUMENTS',
  'Commands:': 'HELP_COMMANDS',
  'Global Options:': 'HELP_GLOBAL_OPTIONS',
};

function headingText(title: string, lang: Lang): string {
  const key = HEADINGS[title];
  return key ? t(key, lang) : title;
}

/** Commander's notes after a description: "(default: "table")", "(choices: …)". */
function localiseNotes(text: string, lang: Lang): string {
  return text.replace(/\(default: /g, t('HELP_DEFAULT', lang) + ' ').replace(/\(choices: /g, t('HELP_CHOICES', lang) + ' ');
}

/**
 * Every `<name>`, `<name...>` and `[name]` in a flag, usage or command term with its name in
 * the chosen language (HELP_PH_<NAME> in the catalogue); a name without an entry stays as it is.
 */
export function localiseTerms(text: string, lang: Lang): string {
  return text.replace(/([<[])([a-z][a-z-]*)(\.\.\.)?([>\]])/g, (_whole, open: string, name: string, dots: string | undefined, close: string) => {
    return `${open}${placeholderName(name, lang)}${dots ?? ''}${close}`;
  });
}

export function placeholderName(name: string, lang: Lang): string {
  const key = `HELP_PH_${name.toUpperCase().replace(/-/g, '_')}`;
  return hasMessage(key) ? t(key, lang) : name;
}

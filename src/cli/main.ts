import { Command, CommanderError } from 'commander';
import { FileReadError } from '../core/file-error.js';
import type { DtiIssue } from '../core/issues.js';
import { hasMessage, resolveLang, t } from '../i18n/catalog.js';
import { SpoolError } from '../results/spool.js';
import type { Lang } from '../i18n/types.js';
import { toolVersion } from '../version.js';
import { COMMAND_TABLE, commandTyped } from './commands/index.js';
import type { CommandContext } from './context.js';
import { EXIT, UsageError } from './errors.js';
import { chalkFor, processIo, type CliIo } from './io.js';
import { localisedHelp } from './help.js';
import { checkUnknownOptionsFirst, localiseError } from './usage.js';

/** Global options are read before commander builds the help, so the help itself is in the chosen language. */
function preScan(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === flag) return argv[i + 1];
    if (a.startsWith(flag + '=')) return a.slice(flag.length + 1);
  }
  return undefined;
}

/** Where the usage of what was typed is: `dti score --help` after `dti score …`, else `dti --help`. */
function usageOf(args: readonly string[]): string {
  const command = args.find((a) => !a.startsWith('-'));
  return command !== undefined && COMMANDS.includes(command) ? `dti ${command} --help` : 'dti --help';
}

const COMMANDS = [...COMMAND_TABLE.map((c) => c.name), 'help'];

/** Runs the CLI: argv as in process.argv; returns the exit code (0 clean, 1 data errors, 2 usage). */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const args = argv.slice(2);
  const langOption = preScan(args, '--lang');
  const lang: Lang = resolveLang(langOption, io.env) ?? 'vi';
  const color = args.includes('--no-color') ? false : args.includes('--color') ? true : undefined;
  const ctx: CommandContext = { lang, io, color, quiet: args.includes('--quiet') || args.includes('-q'), exitCode: EXIT.ok };
  const err = chalkFor(io.stderr, io.env, color);
  // The findings' modules (zod among them) are loaded only when there is something to report.
  const report = async (issues: (make: typeof import('../core/issues.js').issue) => readonly DtiIssue[]) => {
    const [{ issue }, { formatIssues }] = await Promise.all([import('../core/issues.js'), import('./report-issues.js')]);
    io.stderr.write(formatIssues(issues(issue), lang, err));
  };
  const fail = async (issues: (make: typeof import('../core/issues.js').issue) => readonly DtiIssue[]) => {
    await report(issues);
    return EXIT.usage;
  };
  if (resolveLang(langOption, io.env) === undefined) return fail((issue) => [issue('E_LANG', {}, { lang: langOption ?? io.env.DTI_LANG ?? '' })]);

  const program = new Command()
    .name('dti')
    .description(t('CLI_DESCRIPTION', lang))
    .version(toolVersion(), '-V, --version', t('OPT_VERSION', lang))
    .helpOption('-h, --help', t('OPT_HELP', lang))
    .helpCommand('help [command]', t('CMD_HELP', lang))
    .option('--lang <lang>', t('OPT_LANG', lang))
    .option('--color', t('OPT_COLOR', lang))
    .option('--no-color', t('OPT_NO_COLOR', lang))
    .option('-q, --quiet', t('OPT_QUIET', lang))
    // A usage error is one line with commander's suggestion ("did you mean --format?"), not the whole help.
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(err.red(localiseError(s, lang, usageOf(args)))),
    });
  // Set before the commands are added: each subcommand copies its parent's help settings when made.
  // Until a command is loaded, the top-level help shows its term from the command table.
  program.configureHelp(localisedHelp(lang, (cmd) => (cmd.parent === program && cmd.commands.length === 0 && cmd.options.length === 0 ? COMMAND_TABLE.find((c) => c.name === cmd.name())?.term : undefined)));
  checkUnknownOptionsFirst(program, args);
  program.enablePositionalOptions(false);
  // Only the command that runs is loaded; the top-level help lists every command from the table.
  const typed = COMMAND_TABLE.find((c) => c.name === commandTyped(args));
  if (typed) (await typed.load())(program, ctx);
  else for (const c of COMMAND_TABLE) program.command(c.name).description(t(c.description, lang));

  try {
    await program.parseAsync(args, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) return fail(() => e.issues);
    // A failure while reading a file: the file is named, as for any other finding (exit 1).
    if (e instanceof FileReadError) {
      if (io.env.DTI_DEBUG) io.stderr.write(String((e.cause as Error)?.stack ?? e.stack) + '\n');
      await report((issue) => [issue('E_FILE_FAILED', { file: e.file }, { detail: e.message })]);
      return EXIT.dataErrors;
    }
    // The temporary folder a large run spools to is full or unusable: the user's to fix, named.
    if (e instanceof SpoolError) {
      const reason = hasMessage(`OUT_REASON_${e.reason}`) ? t(`OUT_REASON_${e.reason}`, lang) : e.reason;
      return fail((issue) => [issue('E_TEMP_FOLDER', {}, { folder: e.folder, reason })]);
    }
    // Not the user's fault: say so plainly, with the detail, but no stack trace unless DTI_DEBUG is set.
    if (io.env.DTI_DEBUG) io.stderr.write(String((e as Error).stack) + '\n');
    io.stderr.write(err.red(t('E_INTERNAL', lang, { detail: (e as Error).message ?? String(e) })) + '\n');
    return EXIT.usage;
  }
}

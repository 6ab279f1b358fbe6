import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE, commandTyped } from '../../src/cli/commands/index.js';
import { EXIT } from '../../src/cli/errors.js';
import { t } from '../../src/i18n/catalog.js';
import type { CommandContext } from '../../src/cli/context.js';

const ctx = { lang: 'en', io: { stdout: process.stdout, stderr: process.stderr, env: {} }, quiet: true, exitCode: EXIT.ok } as unknown as CommandContext;

describe('commands loaded only when they run', () => {
  it('lists each command in the top-level help as its real definition does', async () => {
    const help = new Help();
    for (const entry of COMMAND_TABLE) {
      const program = new Command();
      (await entry.load())(program, ctx);
      const cmd = program.commands.find((c) => c.name() === entry.name)!;
      expect(help.subcommandTerm(cmd), entry.name).toBe(entry.term);
      expect(cmd.description(), entry.name).toBe(t(entry.description, 'en'));
    }
  });

  it('finds the command typed after global options and through help', () => {
    expect(commandTyped(['--lang', 'en', '-q', 'score', 'x.csv'])).toBe('score');
    expect(commandTyped(['help', 'rank'])).toBe('rank');
    expect(commandTyped(['--lang', 'rank', '--help'])).toBeUndefined();
    expect(commandTyped(['--version'])).toBeUndefined();
  });
});

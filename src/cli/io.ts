import { Chalk, type ChalkInstance } from 'chalk';

/** Where the CLI writes and what it knows of its environment; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};

/**
 * Colour decided once: --color/--no-color win; then FORCE_COLOR (set, non-empty and not "0" or "false":
 * colour even into a pipe or a CI log, as force-color.org asks; "0" or "false": none); otherwise
 * none when NO_COLOR is set and non-empty (chalk does not read it, chalk#547), when TERM=dumb,
 * or when the stream is not a terminal. The environment passed in is read, not chalk's own.
 */
export function chalkFor(stream: CliIo['stdout'], env: CliIo['env'], option: boolean | undefined): ChalkInstance {
  let level: 0 | 1 = 1;
  const force = env.FORCE_COLOR;
  if (option === false) level = 0;
  else if (option === undefined) {
    if (force !== undefined && force !== '') level = force === '0' || force === 'false' ? 0 : 1;
    else if ((env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb' || !stream.isTTY) level = 0;
  }
  return new Chalk({ level });
}

/** Display width of text as a terminal shows it (NFC code points; combining marks take no column). */
export function textWidth(s: string): number {
  return [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}

export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

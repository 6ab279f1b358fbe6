import type { CliIo } from './io.js';

/**
 * File progress on stderr: one rewritten line on a terminal, nothing in CI, under --quiet or
 * when stderr is not a terminal (a log gets the summary line instead). A single counter line
 * needs no progress-bar library.
 */
export function fileProgress(io: CliIo, quiet: boolean): ((file: string, done: number, total: number) => void) | undefined {
  if (quiet || !io.stderr.isTTY || (io.env.CI ?? '') !== '') return undefined;
  return (file, done, total) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const name = file.length > 40 ? '…' + file.slice(-39) : file;
    io.stderr.write(`\r${bar} ${done}/${total} ${name}\u001b[K${done === total ? '\n' : ''}`);
  };
}

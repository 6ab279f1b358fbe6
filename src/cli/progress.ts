import type { CliIo } from './io.js';
import { visible } from './visible.js';

/**
 * File progress on stderr: one rewritten bar line on a terminal; elsewhere (a log, CI) one
 * plain line per file; nothing under --quiet. A single counter line needs no progress-bar library.
 */
export function fileProgress(io: CliIo, quiet: boolean): ((file: string, done: number, total: number) => void) | undefined {
  if (quiet) return undefined;
  if (!io.stderr.isTTY || (io.env.CI ?? '') !== '') {
    return (file, done, total) => io.stderr.write(`[${done}/${total}] ${visible(file)}\n`);
  }
  return (file, done, total) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const shown = visible(file);
    const name = shown.length > 40 ? '…' + shown.slice(-39) : shown;
    io.stderr.write(`\r${bar} ${done}/${total} ${name}\u001b[K${done === total ? '\n' : ''}`);
  };
}

import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { issue } from '../../core/issues.js';
import { writeFileAtomic, type Chunked } from '../atomic.js';
import { pidAlive, realPath } from './paths.js';
import { OutputRefused } from './refused.js';

export interface SingleOutputOptions {
  /** Replace an existing file (never an input). */
  readonly force?: boolean;
  /** The run's inputs: never overwritten, even with force. */
  readonly inputs?: readonly string[];
}

/**
 * Whether one output file (-o results.xlsx, a form, a YAML draft) may be written. dti cannot tell
 * cheaply and surely that an existing single file is its own unchanged output (Excel keeps a
 * workbook's creator when someone fills it in and saves), so any existing file is refused unless
 * `force`; an input of the run (compared as real paths, so a symlink to it counts) always is.
 */
export function checkSingleOutput(file: string, options: SingleOutputOptions = {}): void {
  const real = realPath(file);
  if ((options.inputs ?? []).some((i) => realPath(i) === real)) throw new OutputRefused([issue('E_OUT_IS_INPUT', {}, { file })]);
  if (!options.force && exists(file)) throw new OutputRefused([issue('E_OUT_EXISTS', {}, { file })]);
}

/** Checks, then writes atomically; temporary files of dead runs beside it are removed first. */
export function writeSingleOutput(file: string, bytes: string | Uint8Array | Chunked, options: SingleOutputOptions = {}): void {
  checkSingleOutput(file, options);
  removeStaleTemporaries(file);
  writeFileAtomic(file, bytes);
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** writeFileAtomic's temporaries are `.<name>.<pid>.tmp`: one whose process is gone was left by a killed run. */
function removeStaleTemporaries(file: string): void {
  const dir = dirname(realPath(file));
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (Number.isInteger(pid) && !pidAlive(pid)) {
      try {
        fs.rmSync(join(dir, name), { force: true });
      } catch {
        // Cleanup never throws.
      }
    }
  }
}

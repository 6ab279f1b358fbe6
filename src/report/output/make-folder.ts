import fs from 'node:fs';
import { dirname } from 'node:path';
import { OutputError } from '../atomic.js';

/** A folder of the output path that could not be made (or written into): named, with the system's code. */
export class OutputFolderError extends OutputError {
  constructor(
    readonly folder: string,
    reason: string,
  ) {
    super(folder, reason);
  }
}

/**
 * Makes a folder and its missing parents, one level at a time. Hand-written because Node's
 * `mkdirSync(path, { recursive: true })` never returns when a file system refuses a new entry
 * with ENOENT (`/proc/x/y`); here every refusal ends with the folder that could not be made,
 * and an existing ancestor that is a file (`/dev/null/x`) is ENOTDIR, not EEXIST.
 */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a file further up; walking on finds and names it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new OutputFolderError(at, code ?? String(e));
    }
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw new OutputFolderError(at, 'ENOTDIR');
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing.reverse()) {
    try {
      fs.mkdirSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Made meanwhile by another process: as good as made here.
      if (code === 'EEXIST' && isFolder(dir)) continue;
      throw new OutputFolderError(dir, code ?? String(e));
    }
  }
}

function isFolder(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

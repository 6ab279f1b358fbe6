// The file system is used through its default object (fs.writeSync, not a named import) so a
// test can inject a fault such as ENOSPC into one call: that object is the writer's fs seam.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { caseClashes, fileNameProblem } from '../../core/file-names.js';
import { issue, type DtiIssue } from '../../core/issues.js';
import { OutputError } from '../atomic.js';
import { acquireLock } from './lock.js';
import { MANIFEST_NAME, manifestText, parseManifest, sha256 } from './manifest.js';
import { makeFolder, OutputFolderError } from './make-folder.js';
import { isWithin, realPath } from './paths.js';
import { OutputRefused } from './refused.js';

/**
 * One file of an output set: its name in the folder and its bytes, or a function that produces
 * them in chunks (a national batch's results.json or workbook is too large to hold as one Buffer).
 * A producer is given `put`, which writes each chunk straight into the staging folder; an async
 * producer (a stream) makes the set written with `writeAsync`.
 */
export type OutputFile =
  | { readonly name: string; readonly bytes: Uint8Array }
  | { readonly name: string; readonly produce: (put: (chunk: Uint8Array | string) => void) => void | Promise<void> };

export interface OutputFolderOptions {
  /** Write into a folder holding files dti did not write (they are kept), replacing those of the names the run writes. */
  readonly force?: boolean;
  /** The run's inputs: a folder holding one of them is never replaced, even with force. */
  readonly inputs?: readonly string[];
}

export interface OutputFolderResult {
  /** The folder as written (its real path). */
  readonly folder: string;
  /** Notes for the user: an interrupted run's folder restored, a dead run's lock taken over. */
  readonly notes: readonly DtiIssue[];
}

/**
 * Writes a set of files as one folder, all or nothing. The files go into a staging folder beside
 * the target (same file system, so renames are cheap and atomic), each flushed, the manifest
 * last; then the old folder is renamed aside, the staging folder renamed into place, and the old
 * one deleted. Linux cannot rename a folder over a non-empty one, so the swap is two renames: a
 * kill between them leaves no target but a complete backup, which the next run (under the lock)
 * renames back before anything else. A symlink to versioned folders would avoid that gap, but
 * would turn the user's folder into a link (Windows needs privileges for those, and copies and
 * archives treat them differently), so the two-rename swap with recovery was chosen.
 *
 * Files a run does not produce do not survive it (a stale comparison.json); files dti did not
 * write (not in the manifest, or changed since) refuse the run unless `force`, which keeps them.
 */
export function writeOutputFolder(target: string, files: readonly OutputFile[], options: OutputFolderOptions = {}): OutputFolderResult {
  refuseUnsafeNames(files);
  const folder = openOutputFolder(target, options);
  try {
    return folder.write(files);
  } finally {
    folder.close();
  }
}

/** An output folder held for a run: locked from opening (before the run's long work) until closed. */
export interface OpenOutputFolder {
  /** Writes the set, all or nothing; notes of the opening (a restored folder, a lock taken over) come with the result. */
  write(files: readonly OutputFile[]): OutputFolderResult;
  /** write, for sets with async producers (streams): the same guarantees. */
  writeAsync(files: readonly OutputFile[]): Promise<OutputFolderResult>;
  /** Releases the lock; never throws. */
  close(): void;
}

/**
 * Takes the folder's lock, so a second run into it is refused at once rather than after its own
 * work; restores what a killed run left; refuses a folder holding an input, or files dti did not
 * write without `force`. The caller closes it (in a finally), whatever happens in between.
 */
export function openOutputFolder(target: string, options: OutputFolderOptions = {}): OpenOutputFolder {
  const real = realPath(target);
  const parent = dirname(real);
  const base = basename(real);
  const names = {
    lock: join(parent, `.${base}.dti-lock`),
    backup: join(parent, `.${base}.dti-old`),
    stagingPrefix: `.${base}.dti-new-`,
  };
  refuseHeldInputs(target, real, options);
  try {
    makeFolder(parent);
  } catch (e) {
    // Named as typed: the folder the user asked for, whichever of its parents failed.
    throw e instanceof OutputFolderError ? new OutputFolderError(target, e.reason) : e;
  }
  let lock: ReturnType<typeof acquireLock>;
  try {
    lock = acquireLock(names.lock, target);
  } catch (e) {
    // The first file made beside the folder: a parent that takes no new file (/proc, a read-only folder) fails here.
    if (e instanceof OutputRefused) throw e;
    throw new OutputFolderError(target, codeOf(e));
  }
  const notes: DtiIssue[] = [];
  if (lock.tookOverFrom !== undefined) notes.push(issue('I_OUT_STALE_LOCK', {}, { folder: target, pid: lock.tookOverFrom }));
  try {
    if (recover(real, names.backup)) notes.push(issue('I_OUT_RESTORED', {}, { folder: target }));
    removeStaleStaging(parent, names.stagingPrefix);
    foreignEntries(target, real, options);
  } catch (e) {
    lock.release();
    if (e instanceof OutputRefused || e instanceof OutputError) throw e;
    throw new OutputError(target, codeOf(e));
  }

  return {
    close: () => lock.release(),
    write: (files) => {
      const run = begin(files);
      try {
        const hashes = files.map((f) => {
          const written = writeSynced(join(run.dir, f.name), f);
          if (written instanceof Promise) throw new Error(`${f.name}: an async producer needs writeAsync`);
          return written;
        });
        return finish(run, files, hashes);
      } catch (e) {
        throw failure(e);
      } finally {
        if (!run.swapped) removeQuietly(run.dir);
      }
    },
    writeAsync: async (files) => {
      const run = begin(files);
      try {
        const hashes: string[] = [];
        for (const f of files) hashes.push(await writeSynced(join(run.dir, f.name), f));
        return finish(run, files, hashes);
      } catch (e) {
        throw failure(e);
      } finally {
        if (!run.swapped) removeQuietly(run.dir);
      }
    },
  };

  /** Checks again and makes the staging folder; what goes wrong leaves nothing behind. */
  function begin(files: readonly OutputFile[]): StagedRun {
    refuseUnsafeNames(files);
    try {
      // Looked at again: the folder is locked, but a person may have dropped a file in meanwhile.
      const foreign = foreignEntries(target, real, options);
      const staging = join(parent, `${names.stagingPrefix}${process.pid}`);
      fs.mkdirSync(staging);
      return { dir: staging, foreign, swapped: false };
    } catch (e) {
      throw failure(e);
    }
  }

  /** The files written: the ones kept, the manifest, then the swap into place. */
  function finish(run: StagedRun, files: readonly OutputFile[], hashes: readonly string[]): OutputFolderResult {
    const staging = run.dir;
    const produced = new Set(files.map((f) => f.name));
    // Kept with force: what dti did not write, unless the run writes a file of that name.
    for (const e of run.foreign) if (!produced.has(e.name)) carryOver(join(real, e.name), join(staging, e.name));
    writeSynced(join(staging, MANIFEST_NAME), { name: MANIFEST_NAME, bytes: Buffer.from(manifestText(files.map((f, i) => ({ name: f.name, sha256: hashes[i]! }))), 'utf8') });
    syncFolder(staging);

    if (isFolder(real)) {
      fs.renameSync(real, names.backup);
      try {
        fs.renameSync(staging, real);
      } catch (e) {
        fs.renameSync(names.backup, real);
        throw e;
      }
    } else {
      fs.renameSync(staging, real);
    }
    run.swapped = true;
    syncFolder(parent);
    removeQuietly(names.backup);
    return { folder: real, notes };
  }

  /** What the file system refused (a code such as ENOSPC) is the folder's failure; a producer's own error is passed on as it is. */
  function failure(e: unknown): unknown {
    if (e instanceof OutputRefused || e instanceof OutputError) return e;
    if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code !== 'string') return e;
    return new OutputError(target, codeOf(e));
  }
}

/** A set being written: its staging folder, removed unless it was swapped into place. */
interface StagedRun {
  readonly dir: string;
  readonly foreign: Entry[];
  swapped: boolean;
}

/** Names first: nothing is written when one of them cannot be a file everywhere. */
function refuseUnsafeNames(files: readonly OutputFile[]): void {
  const bad = files.filter((f) => fileNameProblem(f.name) !== undefined || f.name === MANIFEST_NAME);
  const clashes = caseClashes(files.map((f) => f.name));
  if (bad.length > 0 || clashes.length > 0) {
    throw new OutputRefused([
      ...bad.map((f) => issue('E_OUT_NAME_UNSAFE', {}, { name: f.name })),
      ...clashes.map((name) => issue('E_OUT_NAME_CLASH', {}, { name })),
    ]);
  }
}

function refuseHeldInputs(target: string, real: string, options: OutputFolderOptions): void {
  const held = (options.inputs ?? []).find((i) => isWithin(realPath(i), real));
  if (held !== undefined) throw new OutputRefused([issue('E_OUT_HOLDS_INPUT', {}, { folder: target, file: held })]);
}

/** Entries dti did not write; refused unless `force`. */
function foreignEntries(target: string, real: string, options: OutputFolderOptions): Entry[] {
  const foreign = existingEntries(real, target).filter((e) => !e.ours);
  if (foreign.length > 0 && !options.force) {
    throw new OutputRefused([issue('E_OUT_FOREIGN', {}, { file: join(target, foreign[0]!.name), count: foreign.length })]);
  }
  return foreign;
}

/** A backup left by a run killed between its two renames: restored when the folder is missing, else the swap had finished and it goes. */
function recover(real: string, backup: string): boolean {
  if (!fs.existsSync(backup)) return false;
  if (!fs.existsSync(real)) {
    fs.renameSync(backup, real);
    return true;
  }
  removeQuietly(backup);
  return false;
}

/** Staging folders of runs that died: the lock is ours, so no live run is using them. */
function removeStaleStaging(parent: string, prefix: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of entries) if (name.startsWith(prefix)) removeQuietly(join(parent, name));
}

interface Entry {
  readonly name: string;
  /** Listed in the manifest with the same bytes: dti wrote it and nobody changed it since. */
  readonly ours: boolean;
}

function existingEntries(real: string, target: string): Entry[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(real);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) throw new OutputRefused([issue('E_OUT_NOT_FOLDER', {}, { path: target })]);
  const names = fs.readdirSync(real).sort();
  let listed: ReadonlyMap<string, string> = new Map();
  if (names.includes(MANIFEST_NAME)) {
    try {
      listed = parseManifest(fs.readFileSync(join(real, MANIFEST_NAME), 'utf8'));
    } catch {
      listed = new Map();
    }
  }
  return names
    .filter((name) => name !== MANIFEST_NAME)
    .map((name) => ({ name, ours: listed.has(name) && sameHash(join(real, name), listed.get(name)!) }));
}

function sameHash(file: string, expected: string): boolean {
  try {
    return fs.lstatSync(file).isFile() && sha256(fs.readFileSync(file)) === expected;
  } catch {
    return false;
  }
}

/**
 * Writes one file of the set, flushed to disk, hashing its bytes as they go (a large file is
 * never read back or held whole); returns its SHA-256, or a promise of it for an async producer.
 */
function writeSynced(file: string, out: OutputFile): string | Promise<string> {
  const fd = fs.openSync(file, 'wx');
  const hash = createHash('sha256');
  const put = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    hash.update(bytes);
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
  };
  const done = () => {
    fs.fsyncSync(fd);
    return hash.digest('hex');
  };
  let pending: void | Promise<void> = undefined;
  try {
    if ('bytes' in out) put(out.bytes);
    else pending = out.produce(put);
    if (!(pending instanceof Promise)) {
      const digest = done();
      fs.closeSync(fd);
      return digest;
    }
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  return pending.then(done).finally(() => fs.closeSync(fd));
}

/** A file kept with --force: hard-linked when the file system allows (no copy, same bytes), copied otherwise. */
function carryOver(from: string, to: string): void {
  const stat = fs.lstatSync(from);
  if (stat.isFile()) {
    try {
      fs.linkSync(from, to);
      return;
    } catch {
      // Another file system or no hard links (FAT): a copy does.
    }
  }
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
}

/** A folder's entries made durable (Linux); other systems refuse to open a folder for this, which is harmless. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here: the renames still happened in order.
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Nothing to do.
      }
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

/** Cleanup never throws: what it cannot remove now, the next run removes. */
export function removeQuietly(path: string): void {
  try {
    fs.rmSync(path, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Left for the next run's cleanup.
  }
}

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String((e as Error)?.message ?? e);
}

import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from '../report/output/paths.js';

/**
 * Records written once to a temporary file and read back by number: what a national batch would
 * otherwise hold in memory (10,000 parsed submissions, then their audit trails) waits on disk, so
 * peak memory stays flat whatever the batch size. The file lives in the system's temporary folder
 * and goes when the spool is closed, or at the latest when the process exits; one left by a killed
 * run (named after its process) is removed by the next run.
 */
/** The temporary folder could not be made, written or read (full, missing, not writable): the user's to fix, not a bug. */
export class SpoolError extends Error {
  constructor(
    readonly folder: string,
    readonly reason: string,
  ) {
    super(`${folder}: ${reason}`);
  }
}

/** Runs a file-system step of the spool; its failure names the folder and the system's reason. */
function inFolder<T>(folder: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new SpoolError(folder, code);
    throw e;
  }
}

export class Spool {
  private readonly dir: string;
  private fd: number | undefined;
  private end = 0;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];

  constructor() {
    removeDeadSpools();
    this.dir = inFolder(tmpdir(), () => fs.mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`)));
    this.fd = inFolder(this.dir, () => fs.openSync(join(this.dir, 'records'), 'w+'));
    open.add(this);
  }

  get size(): number {
    return this.offsets.length;
  }

  /** Appends a record; returns its number. */
  put(bytes: Uint8Array): number {
    const fd = this.handle();
    let done = 0;
    inFolder(this.dir, () => {
      while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, this.end + done);
    });
    this.offsets.push(this.end);
    this.lengths.push(bytes.length);
    this.end += bytes.length;
    return this.offsets.length - 1;
  }

  /** The bytes of record `n`, as put. */
  get(n: number): Buffer {
    const fd = this.handle();
    const length = this.lengths[n]!;
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const got = fs.readSync(fd, bytes, done, length - done, this.offsets[n]! + done);
      if (got === 0) throw new Error(`spool record ${n} is cut short`);
      done += got;
    }
    return bytes;
  }

  /** Removes the file; never throws, and closing twice is harmless. */
  close(): void {
    open.delete(this);
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already gone with the process's descriptors.
    }
    this.fd = undefined;
    try {
      fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // A temporary folder the system cleans up.
    }
  }

  private handle(): number {
    if (this.fd === undefined) throw new Error('spool used after it was closed');
    return this.fd;
  }
}

const PREFIX = 'dti-spool-';

/** Spools of runs that were killed (no exit hook runs then): their process is gone, so nobody reads them. */
function removeDeadSpools(): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !pidAlive(pid)) {
      try {
        fs.rmSync(join(tmpdir(), name), { recursive: true, force: true });
      } catch {
        // Left for a later run.
      }
    }
  }
}

// One exit hook for every spool still open: a run that ends without closing (an error thrown
// through the CLI) leaves no temporary file behind.
const open = new Set<Spool>();
process.once('exit', () => {
  for (const s of [...open]) s.close();
});

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Writes a file so that readers see the old content or the new, never half: a temporary file
 * beside the target, flushed, then renamed over it. On any failure the temporary file is removed.
 */
/** Bytes made in chunks, each handed to `put` as it is made, so a large output is never one Buffer. */
export interface Chunked {
  readonly produce: (put: (chunk: Uint8Array | string) => void) => void;
}

export function writeFileAtomic(file: string, data: string | Uint8Array | Chunked): void {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    const put = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd!, bytes, offset, bytes.length - offset);
    };
    if (typeof data === 'string' || data instanceof Uint8Array) put(data);
    else data.produce(put);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new OutputError(file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/**
 * writeFileAtomic for an output made in chunks (a report of 10,000 agency cards): each chunk is
 * written as it comes, so the whole never sits in memory; readers still see the old file or the
 * whole new one. A failure of the producer or of the disk removes the temporary file.
 */
export async function writeFileAtomicChunks(file: string, chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<void> {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // Only the file system's failures are an output error; a failure of the producer is its own.
    if (typeof code === 'string') throw new OutputError(file, code);
    throw e;
  }
}

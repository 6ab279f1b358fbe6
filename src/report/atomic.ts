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

/** Bytes made in chunks, each handed to `put` as it is made, so a large output is never one Buffer. */
export interface Chunked {
  readonly produce: (put: (chunk: Uint8Array | string) => void) => void;
}

/**
 * Writes a file so that readers see the old content or the new, never half: a temporary file
 * beside the target, flushed, then renamed over it. On any failure the temporary file is removed.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | Chunked): void {
  let w: ReturnType<typeof startAtomic> | undefined;
  try {
    w = startAtomic(file);
    if (typeof data === 'string' || data instanceof Uint8Array) w.put(data);
    else data.produce(w.put);
    w.commit();
  } catch (e) {
    w?.abandon();
    throw new OutputError(file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/**
 * writeFileAtomic for an output made in chunks (a report of 10,000 agency cards): each chunk is
 * written as it comes, so the whole never sits in memory; readers still see the old file or the
 * whole new one. A failure of the producer or of the disk removes the temporary file.
 */
export async function writeFileAtomicChunks(file: string, chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<void> {
  let w: ReturnType<typeof startAtomic> | undefined;
  try {
    w = startAtomic(file);
    for await (const chunk of chunks) w.put(chunk);
    w.commit();
  } catch (e) {
    w?.abandon();
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // Only the file system's failures are an output error; a failure of the producer is its own.
    if (typeof code === 'string') throw new OutputError(file, code);
    throw e;
  }
}

/** The steps both writers share: a temporary file beside the target, written, then renamed or removed. */
function startAtomic(file: string) {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined = openSync(tmp, 'wx');
  return {
    put: (chunk: Uint8Array | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd!, bytes, offset, bytes.length - offset);
    },
    commit: (): void => {
      fsyncSync(fd!);
      closeSync(fd!);
      fd = undefined;
      renameSync(tmp, target);
    },
    abandon: (): void => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(tmp, { force: true });
    },
  };
}

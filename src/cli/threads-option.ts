import { issue } from '../core/issues.js';
import type { FrameworkModel } from '../framework/model.js';
import { readEach } from '../pipeline.js';
import { readFilesParallel, WorkerStartError } from '../submission/parallel/index.js';
import { UsageError } from './errors.js';

/** More threads than this only costs memory: a batch is read by a handful of cores at most. */
export const MAX_THREADS = 64;

/** Threads reading the files when --threads is not given (see README, "Reading with several threads"). */
export const DEFAULT_THREADS = 1;

/** `--threads` as typed, checked (a whole number from 1 to MAX_THREADS, else a usage error, exit 2). */
export function threadsFrom(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_THREADS;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n) && n >= 1 && n <= MAX_THREADS) return n;
  throw new UsageError([issue('E_THREADS_OPTION', {}, { value: raw, max: MAX_THREADS })]);
}

/** Runs a read on threads; threads that cannot start at all (a broken install) are one clear message, exit 2. */
export async function withThreads<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof WorkerStartError) throw new UsageError([issue('E_THREADS_START', {}, { detail: e.message })]);
    throw e;
  }
}

/** The files' reads in file order: on `threads` worker threads, or one after another in this thread. */
export function readsOn(threads: number, files: readonly string[], model: FrameworkModel, reading: Parameters<typeof readEach>[2]) {
  return threads > 1 ? readFilesParallel(files, model, reading ?? {}, threads) : readEach(files, model, reading);
}

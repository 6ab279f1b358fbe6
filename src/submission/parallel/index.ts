import type { Framework } from '../../framework/schema.js';
import type { FrameworkModel } from '../../framework/model.js';
import type { ReadOptions } from '../../sheets/read.js';
import type { ParseOptions } from '../parse.js';
import { readSubmissionFile, type FileRead, type ReadProgress } from '../read.js';
import { threadDied } from './failures.js';
import { orderedPool } from './pool.js';
import { unpackRead } from './transfer.js';

export { WorkerStartError } from './pool.js';
export { fileFailed, threadDied } from './failures.js';

/** What a reading thread is started with: the parsed framework (plain data) and the reading options. */
export interface WorkerSetup {
  readonly framework: Framework;
  readonly options: ReadOptions & ParseOptions;
}

/**
 * Every reading option, listed so a worker gets exactly these (a caller's object may also hold
 * callbacks, which cannot cross to a thread). `satisfies` fails the build when an option is added
 * to ReadOptions or ParseOptions and not here.
 */
const READ_OPTION_KEYS = { xlsxLimits: true, sheet: true, agencies: true } as const satisfies Record<keyof (ReadOptions & ParseOptions), true>;

function readOptionsOf(options: ReadOptions & ParseOptions): ReadOptions & ParseOptions {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(READ_OPTION_KEYS) as (keyof typeof READ_OPTION_KEYS)[]) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked as ReadOptions & ParseOptions;
}

/** Files a thread holds at once (one being read, one queued), and the files read ahead per thread. */
const PER_WORKER = 2;
const AHEAD_PER_THREAD = 4;

/**
 * Reads submission files on `threads` worker threads and yields, in file order, exactly the
 * FileReads readSubmissionFile gives, so a batch folded from them (SubmissionBatch) is the same
 * whatever the threads. At most a few files per thread are read ahead of the one yielded: memory
 * does not grow with the batch. With one thread (or one file) the files are read in this thread.
 *
 * A file whose thread dies while reading it (E_FILE_THREAD_DIED) is reported and the rest goes on
 * on a new thread; a thread that cannot start at all rejects with WorkerStartError.
 */
export async function* readFilesParallel(
  files: readonly string[],
  model: FrameworkModel,
  options: ReadOptions & ParseOptions & ReadProgress = {},
  threads = 1,
): AsyncGenerator<FileRead, void, undefined> {
  const readOptions = readOptionsOf(options);
  let done = 0;
  if (threads <= 1 || files.length <= 1) {
    for (const file of files) {
      const read = readSubmissionFile(file, model, readOptions);
      options.onFile?.(file, ++done, files.length);
      yield read;
    }
    return;
  }
  const reads = orderedPool<string, FileRead>(files, {
    script: new URL('./worker.js', import.meta.url),
    workerData: { framework: model.framework, options: readOptions } satisfies WorkerSetup,
    threads,
    perWorker: PER_WORKER,
    window: threads * AHEAD_PER_THREAD,
    onWorkerExit: threadDied,
  });
  // File and sheet names seen so far, each kept once (see unpackRead); the files are few beside their locations.
  const names = new Map<string, string>();
  for await (const read of reads) {
    options.onFile?.(read.file, ++done, files.length);
    yield unpackRead(read, names);
  }
}

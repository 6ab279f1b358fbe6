import { Worker } from 'node:worker_threads';

/** What the pool posts to a worker: one task, numbered by its place in the batch. */
export interface TaskMessage<T> {
  readonly id: number;
  readonly task: T;
}

/** What a worker posts back: `ready` once set up, then one result per task, in the order received. */
export type WorkerReply<R> = { readonly ready: true } | { readonly id: number; readonly result: R };

export interface OrderedPoolOptions<T, R> {
  /** The worker's entry module (compiled JavaScript: a worker cannot load TypeScript). */
  readonly script: URL;
  /** Handed to every worker once, at start (structured clone: plain data only). */
  readonly workerData: unknown;
  readonly threads: number;
  /** Tasks a worker holds at once (one running, the next queued), so it does not sit idle waiting on the main thread. */
  readonly perWorker?: number;
  /**
   * Results held at once, running or waiting for an earlier one to be taken, at most: past the
   * oldest result not yet taken, no task is sent. Memory stays flat whatever the batch size.
   */
  readonly window?: number;
  /** The result that stands for a task whose worker stopped while running it (the batch goes on without it). */
  readonly onWorkerExit: (task: T, exitCode: number) => R;
}

/** A worker that failed before it was ready: every worker would (a broken install), so the batch stops. */
export class WorkerStartError extends Error {}

interface Slot {
  readonly worker: Worker;
  /** Task ids sent and not yet answered, oldest first: a worker runs its tasks one after the other. */
  readonly inFlight: number[];
  ready: boolean;
}

/**
 * Runs tasks on worker threads and yields their results in task order, whatever order they end in.
 *
 * Hand-written on node:worker_threads rather than a pool library: what is needed is an ordered,
 * windowed stream (results in input order, at most `window` held) and a task-level answer for a
 * worker that dies (its task reported, the others resent to a new worker). Pools such as piscina
 * run unordered promises and bring optional native dependencies; this is a hundred lines.
 */
export async function* orderedPool<T, R>(tasks: readonly T[], options: OrderedPoolOptions<T, R>): AsyncGenerator<R, void, undefined> {
  const threads = Math.max(1, Math.min(options.threads, tasks.length));
  const perWorker = options.perWorker ?? 2;
  const window = Math.max(threads * perWorker, options.window ?? threads * 4);
  const done = new Map<number, R>();
  /** Tasks of a dead worker, sent again before any new one (ascending ids). */
  const resend: number[] = [];
  let nextTask = 0;
  let nextOut = 0;
  let deaths = 0;
  let closing = false;
  let failure: Error | undefined;
  let waiter: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const slots: Slot[] = [];

  const wake = () => {
    if (!waiter) return;
    const w = waiter;
    if (failure) {
      waiter = undefined;
      w.reject(failure);
    } else if (done.has(nextOut)) {
      waiter = undefined;
      w.resolve();
    }
  };

  const takeTask = (): number | undefined => {
    if (resend.length > 0) return resend.shift();
    if (nextTask < tasks.length && nextTask < nextOut + window) return nextTask++;
    return undefined;
  };

  const dispatch = () => {
    for (;;) {
      let slot: Slot | undefined;
      for (const s of slots) if (s.inFlight.length < perWorker && (!slot || s.inFlight.length < slot.inFlight.length)) slot = s;
      if (!slot) return;
      const id = takeTask();
      if (id === undefined) return;
      slot.inFlight.push(id);
      slot.worker.postMessage({ id, task: tasks[id]! } satisfies TaskMessage<T>);
    }
  };

  const spawn = (): void => {
    const slot: Slot = { worker: new Worker(options.script, { workerData: options.workerData }), inFlight: [], ready: false };
    let error: unknown;
    slot.worker.on('message', (reply: WorkerReply<R>) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const at = slot.inFlight.indexOf(reply.id);
      if (at >= 0) slot.inFlight.splice(at, 1);
      done.set(reply.id, reply.result);
      dispatch();
      wake();
    });
    slot.worker.on('error', (e) => {
      error = e;
    });
    slot.worker.on('exit', (code) => {
      if (closing) return;
      slots.splice(slots.indexOf(slot), 1);
      if (!slot.ready) {
        const detail = error instanceof Error ? error.message : `exit code ${code}`;
        failure ??= new WorkerStartError(detail);
        wake();
        return;
      }
      // A worker runs its tasks in turn: the oldest unanswered one is the task it died on.
      const lost = slot.inFlight.shift();
      if (lost !== undefined) done.set(lost, options.onWorkerExit(tasks[lost]!, code));
      resend.push(...slot.inFlight);
      resend.sort((a, b) => a - b);
      // Each death costs a task; one that keeps dying with nothing to run must still end.
      if (++deaths > tasks.length + threads) failure ??= new WorkerStartError(`exit code ${code}`);
      else if (nextOut < tasks.length) spawn();
      dispatch();
      wake();
    });
    slots.push(slot);
  };

  try {
    for (let i = 0; i < threads; i++) spawn();
    while (nextOut < tasks.length) {
      dispatch();
      if (!done.has(nextOut)) {
        await new Promise<void>((resolve, reject) => {
          waiter = { resolve, reject };
          wake();
        });
      }
      const result = done.get(nextOut) as R;
      done.delete(nextOut);
      nextOut++;
      yield result;
    }
  } finally {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

import { parentPort } from 'node:worker_threads';
import type { TaskMessage, WorkerReply } from './pool.js';

/**
 * The worker's side of orderedPool: answers each task with handle's result, in the order
 * received. A task that throws, or whose result cannot be posted (not structured-cloneable), is
 * answered with onError's result, so one task never stops the worker nor the batch.
 */
export function serveTasks<T, R>(handle: (task: T) => R, onError: (task: T, error: unknown) => R): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', ({ id, task }: TaskMessage<T>) => {
    try {
      port.postMessage({ id, result: handle(task) } satisfies WorkerReply<R>);
    } catch (e) {
      port.postMessage({ id, result: onError(task, e) } satisfies WorkerReply<R>);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerReply<R>);
}

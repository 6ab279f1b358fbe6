// A worker for orderedPool's tests, on the built serveTasks: it answers each task by name, and
// misbehaves on purpose (throws, returns what cannot be posted, exits) where a task says so.
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../../../dist/submission/parallel/serve.js';
import { fileFailed } from '../../../dist/submission/parallel/failures.js';

const { failStart, sent, delays } = workerData ?? {};
if (failStart) throw new Error('cannot start');
const counter = sent ? new Int32Array(sent) : undefined;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

serveTasks(
  (task) => {
    if (counter) Atomics.add(counter, 0, 1);
    // Uneven work, so later tasks often end before earlier ones.
    if (delays) Atomics.wait(sleeper, 0, 0, delays[Number(task.replace(/\D/g, '')) % delays.length]);
    if (task.startsWith('throw')) throw new Error(`cannot read ${task}`);
    if (task.startsWith('unclonable')) return { file: task, read: () => task };
    if (task.startsWith('exit')) process.exit(7);
    return { file: task, submissions: [], issues: [] };
  },
  fileFailed,
);

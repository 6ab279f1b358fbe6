// A small pool of worker threads running scripts/lib/conformance/worker.mjs, one file at a time per
// worker, each run under a time limit: a run that outlives it is stopped (the worker is terminated
// and replaced) and reported as a hang; a worker that dies (out of memory, a throw) as a crash.
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./worker.mjs', import.meta.url);

export function createPool({ size, timeoutMs, dtiModule, memoryMb = 1024 }) {
  const idle = [];
  const queue = [];
  let nextId = 0;
  let live = 0;

  const spawn = () => {
    const w = new Worker(WORKER, { workerData: { dtiModule }, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    w.unref();
    live++;
    return w;
  };

  const dispatch = () => {
    while (queue.length > 0 && (idle.length > 0 || live < size)) {
      const job = queue.shift();
      run(idle.pop() ?? spawn(), job);
    }
  };

  const run = (worker, job) => {
    const id = nextId++;
    const started = process.hrtime.bigint();
    let done = false;
    const finish = (outcome, keep) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      outcome.ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (keep) idle.push(worker);
      else {
        live--;
        worker.terminate().catch(() => {});
      }
      job.resolve(outcome);
      dispatch();
    };
    const onMessage = (m) => {
      if (m.id === id) finish({ result: m.result }, true);
    };
    const onError = (e) => finish({ crash: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }, false);
    const onExit = (code) => finish({ crash: `worker exited with code ${code}` }, false);
    const timer = setTimeout(() => finish({ hang: true }, false), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, file: job.file, reader: job.reader });
  };

  return {
    /** Resolves to { result } | { hang: true } | { crash: text }, with ms. */
    read(file, reader) {
      return new Promise((resolve) => {
        queue.push({ file, reader, resolve });
        dispatch();
      });
    },
    async close() {
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}

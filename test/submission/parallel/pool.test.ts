import { describe, expect, it } from 'vitest';
// Worker threads run compiled JavaScript: the pool is tested as built (npm run build), as the CLI runs it.
import { orderedPool, WorkerStartError } from '../../../dist/submission/parallel/pool.js';
import { threadDied } from '../../../dist/submission/parallel/failures.js';

const WORKER = new URL('./test-worker.mjs', import.meta.url);
const plain = (file: string) => ({ file, submissions: [], issues: [] });

async function collect<R>(results: AsyncIterable<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const r of results) out.push(r);
  return out;
}

function run(tasks: string[], workerData: object = {}, threads = 2) {
  return orderedPool<string, unknown>(tasks, { script: WORKER, workerData, threads, onWorkerExit: threadDied });
}

describe('orderedPool', () => {
  it('yields results in task order although tasks end out of order', async () => {
    const tasks = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const results = await collect(run(tasks, { delays: [9, 0, 4, 1, 7, 0, 2] }, 3));
    expect(results).toEqual(tasks.map(plain));
  });

  it('reports a task that throws in a worker as E_FILE_FAILED naming it, and goes on', async () => {
    const results = await collect(run(['a', 'throw-b', 'c']));
    expect(results).toEqual([
      plain('a'),
      { file: 'throw-b', submissions: [], issues: [{ severity: 'error', code: 'E_FILE_FAILED', location: { file: 'throw-b' }, params: { detail: 'cannot read throw-b' } }] },
      plain('c'),
    ]);
  });

  it('reports a result that cannot cross to the main thread as E_FILE_FAILED, and goes on', async () => {
    const results = (await collect(run(['a', 'unclonable-b', 'c']))) as { file: string; issues: { code: string }[] }[];
    expect(results.map((r) => r.file)).toEqual(['a', 'unclonable-b', 'c']);
    expect(results[1]!.issues.map((i) => i.code)).toEqual(['E_FILE_FAILED']);
  });

  it('reports the task a worker died on as E_FILE_THREAD_DIED and reads the rest on a new worker', async () => {
    const tasks = ['a', 'exit-b', 'c', 'd', 'exit-e', 'f', 'g', 'h'];
    const results = await collect(run(tasks, {}, 2));
    expect(results).toEqual(tasks.map((t) => (t.startsWith('exit') ? threadDied(t, 7) : plain(t))));
  });

  it('survives every worker dying, one task after another', async () => {
    const tasks = ['exit-a', 'exit-b', 'exit-c', 'd'];
    const results = await collect(run(tasks, {}, 2));
    expect(results).toEqual([threadDied('exit-a', 7), threadDied('exit-b', 7), threadDied('exit-c', 7), plain('d')]);
  });

  it('rejects, without hanging, when its workers cannot start', async () => {
    await expect(collect(run(['a', 'b', 'c'], { failStart: true }))).rejects.toThrow(WorkerStartError);
  });

  it('sends at most its window of tasks ahead of the result being taken', async () => {
    const sent = new SharedArrayBuffer(4);
    const tasks = Array.from({ length: 100 }, (_, i) => `t${i}`);
    const pool = orderedPool<string, unknown>(tasks, { script: WORKER, workerData: { sent }, threads: 2, window: 6, onWorkerExit: threadDied });
    await pool.next();
    // A slow consumer: the workers answer at once, yet no more than the window is read ahead.
    await new Promise((r) => setTimeout(r, 300));
    const ahead = Atomics.load(new Int32Array(sent), 0);
    await pool.return();
    expect(ahead).toBeGreaterThan(1);
    expect(ahead).toBeLessThanOrEqual(1 + 6);
  });
});

import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { issue } from '../../core/issues.js';
import { pidAlive } from './paths.js';
import { OutputRefused } from './refused.js';

/** A lock that is empty (its writer died between creating and filling it) is taken over after this long. */
const EMPTY_LOCK_GRACE_MS = 10_000;

export interface HeldLock {
  /** Removes the lock; never throws (a lock left behind is stale and taken over by the next run). */
  release(): void;
  /** The process id of a dead run whose lock was taken over, if any. */
  readonly tookOverFrom?: number;
}

/**
 * One run at a time per output folder: a lock file beside the folder, created with O_EXCL
 * ('wx'), holding the owner's pid and host. A second run is refused naming the pid; a lock
 * whose process is gone (a killed run) is taken over. A lock from another host is never taken
 * over (its pid means nothing here).
 */
export function acquireLock(lockFile: string, folder: string): HeldLock {
  let tookOverFrom: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(lockFile);
      if (owner === 'gone') continue;
      if (owner !== 'stale') throw new OutputRefused([issue('E_OUT_LOCKED', {}, { folder, pid: owner.pid, lock: lockFile })]);
      // Stale: read once more just before removing it, so a fresh lock taken meanwhile is left alone.
      const again = readOwner(lockFile);
      if (again !== 'stale') continue;
      tookOverFrom = staleOwnerPid(lockFile);
      rmSync(lockFile, { force: true });
      continue;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }) + '\n');
    } finally {
      closeSync(fd);
    }
    return {
      release: () => {
        try {
          rmSync(lockFile, { force: true });
        } catch {
          // Left behind, it is stale and the next run takes it over.
        }
      },
      ...(tookOverFrom !== undefined ? { tookOverFrom } : {}),
    };
  }
  throw new OutputRefused([issue('E_OUT_LOCKED', {}, { folder, pid: '?', lock: lockFile })]);
}

type Owner = { pid: number | string } | 'stale' | 'gone';

function readOwner(lockFile: string): Owner {
  let text: string;
  let age: number;
  try {
    text = readFileSync(lockFile, 'utf8');
    age = Date.now() - statSync(lockFile).mtimeMs;
  } catch {
    return 'gone';
  }
  let parsed: { pid?: unknown; host?: unknown } | undefined;
  try {
    parsed = JSON.parse(text) as { pid?: unknown; host?: unknown };
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed.pid !== 'number') return age > EMPTY_LOCK_GRACE_MS ? 'stale' : { pid: '?' };
  if (parsed.host !== hostname()) return { pid: parsed.pid };
  return pidAlive(parsed.pid) ? { pid: parsed.pid } : 'stale';
}

function staleOwnerPid(lockFile: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

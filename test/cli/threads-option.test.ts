import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { DEFAULT_THREADS, threadsFrom, withThreads } from '../../src/cli/threads-option.js';
import { WorkerStartError } from '../../src/submission/parallel/index.js';

describe('the --threads option', () => {
  it('is the default when not given, else the number typed', () => {
    expect(threadsFrom(undefined)).toBe(DEFAULT_THREADS);
    expect(threadsFrom('3')).toBe(3);
  });

  it('turns threads that cannot start into one E_THREADS_START usage error with the reason', async () => {
    const failed = withThreads(() => Promise.reject(new WorkerStartError('Cannot find module worker.js')));
    await expect(failed).rejects.toBeInstanceOf(UsageError);
    await expect(failed).rejects.toMatchObject({ issues: [{ code: 'E_THREADS_START', params: { detail: 'Cannot find module worker.js' } }] });
  });

  it('lets any other failure through as it is', async () => {
    const other = new Error('disk full');
    await expect(withThreads(() => Promise.reject(other))).rejects.toBe(other);
  });
});

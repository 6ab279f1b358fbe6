import { afterEach } from 'vitest';

/*
 * Many CLI tests spawn dti synchronously. Run back to back, they keep the worker's event loop
 * from ever reaching its I/O phase, so vitest's own progress messages to the main process wait
 * there; after 60 s their reply timer fires first and vitest reports "Timeout calling
 * onTaskUpdate" although every test passed. One turn of the event loop after each test lets
 * those replies in.
 */
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

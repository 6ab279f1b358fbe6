import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/yield-between-tests.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Most CLI tests wait on a child dti process: a worker per core keeps both cores of a small
    // machine busy (vitest's default, one fewer than the cores, runs them one at a time on two).
    maxWorkers: '100%',
  },
});

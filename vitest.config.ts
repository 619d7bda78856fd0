import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Worker threads start and import faster than child processes on this 2-core machine.
    pool: 'threads',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

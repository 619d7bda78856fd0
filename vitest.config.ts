import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Worker threads start and import faster than child processes on this 2-core machine, and
    // without per-file isolation a worker loads the sources, the jieba dictionary and the
    // knowledge base once for all its files (half the suite's CPU time). Test files therefore
    // leave no global state behind: fake timers restored, servers and apps closed.
    pool: 'threads',
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

/** `npm run test:crash`: the SIGKILL crash storm against the real server on both engines (minutes, not seconds). */
export default defineConfig({
  test: {
    include: ['test/crash/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

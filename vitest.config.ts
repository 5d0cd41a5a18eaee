import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
    // The SIGKILL crash storm runs as its own suite (vitest.crash.config.ts, one file at a time): npm test runs it
    // after the browser tests, `npm run test:crash` alone.
    exclude: ['test/e2e/**', 'test/crash/**', 'node_modules/**'],
    // One prepared PostgreSQL database per run, copied for each test database (see test/engines.ts).
    globalSetup: ['test/pg-template-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: one on CI's 2-CPU machine. Most files wait on
    // PostgreSQL or child processes, so two workers keep `npm test` well inside CI's limit.
    maxWorkers: 2,
  },
});

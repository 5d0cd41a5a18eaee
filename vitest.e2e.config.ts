/**
 * Browser tests: a real server on a loopback port and Chromium driven by playwright-core. Each file has its own
 * server, data directory, free port and browser, so two files run side by side (one file uses about one CPU).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

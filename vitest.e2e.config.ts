import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (e2e/**\/*.e2e.ts) against the real server, started once by the global setup.
 * One file at a time in one fork: the journeys share one server and one Chromium binary.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (e2e/**\/*.e2e.ts) against the real server. Two workers, each with a shared
 * server of its own started by the global setup (`sharedBaseUrl()`): a worker runs its files one
 * after another on its server, so journeys never meet on one database at the same time; a
 * journey that changes the sample's year starts a server of its own.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

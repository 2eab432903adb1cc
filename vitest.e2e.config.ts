import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (e2e/**\/*.e2e.ts) against the real server. Each worker has a shared server
 * of its own started by the global setup (`sharedBaseUrl()`) and runs its files one after
 * another on it, so journeys never meet on one database at the same time; a journey that changes
 * the sample's year starts a server of its own. One worker: on two cores a browser and a server
 * already fill both, and two of each took 526 s against 346 s for one (CI-like runs of the same
 * journeys, `npm run test:e2e`).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});

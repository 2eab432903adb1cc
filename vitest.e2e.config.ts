import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (e2e/**\/*.e2e.ts) against the real server. Each worker has a shared server
 * of its own started by the global setup (`sharedBaseUrl()`) and runs its files one after
 * another on it, so journeys never meet on one database at the same time; a journey that changes
 * the sample's year starts a server of its own. Two workers: a journey waits on the browser and
 * the server in turn and keeps about one core busy, so a second one uses the other (the whole
 * set: 348 s against 386 s, and 278 s against 309 s, `npx vitest run --config
 * vitest.e2e.config.ts --maxWorkers N`, one Chromium shared by both).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The files of a worker share their modules (the schemas, the helpers, playwright-core):
    // each file imported them anew, 2.5 s a file. No journey keeps state in a shared module.
    isolate: false,
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Saves the migrated PGlite and the one holding the sample once per run; tests load them.
    globalSetup: ['src/server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each test file has its own database (PGlite in-process, or its own PostgreSQL database):
    // two workers use both cores; vitest's default leaves one idle on a 2-core machine.
    maxWorkers: 2,
  },
});

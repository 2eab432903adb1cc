import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The two suites keep apart in vitest's results cache, which orders files by their last
    // duration: under one name the PostgreSQL run took the PGlite run's durations, where the
    // PostgreSQL-only several-servers file (a minute) has none, so it started last and ran
    // alone at the end (its 58 s from 102 s to 161 s).
    name: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    include: ['src/**/*.test.ts', 'build/**/*.test.ts'],
    // Saves the migrated PGlite and the one holding the sample once per run; tests load them.
    globalSetup: ['src/server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files of one worker share its modules (each still makes its own databases and app):
    // importing the app, PGlite and the export libraries once per worker instead of once per
    // file more than halved the suite's CPU time. No test relies on module state of its own.
    isolate: false,
    // Each test file has its own database (PGlite in-process, or its own PostgreSQL database):
    // two workers use both cores; vitest's default leaves one idle on a 2-core machine.
    maxWorkers: 2,
  },
});

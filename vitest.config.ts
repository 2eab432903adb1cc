import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each test file has its own database (PGlite in-process, or its own PostgreSQL database):
    // two workers use both cores; vitest's default leaves one idle on a 2-core machine.
    maxWorkers: 2,
  },
});

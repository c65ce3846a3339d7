import { defineConfig } from 'vitest/config';

// Every server test runs twice: on embedded PGlite and on a real PostgreSQL 15 (same code path).
// test/unit needs no database and runs once; test/embedded and test/postgres hold what only one backend has.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'pglite', exclude: ['test/postgres/**'], env: { LINKS_TEST_BACKEND: 'pglite' } } },
      {
        extends: true,
        test: {
          name: 'postgres',
          exclude: ['test/unit/**', 'test/embedded/**'],
          env: { LINKS_TEST_BACKEND: 'postgres' },
          globalSetup: ['test/support/postgresGlobalSetup.ts'],
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Every test file runs twice: on embedded PGlite and on a real PostgreSQL 15 (same code path).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'pglite', env: { LINKS_TEST_BACKEND: 'pglite' } } },
      {
        extends: true,
        test: { name: 'postgres', env: { LINKS_TEST_BACKEND: 'postgres' }, globalSetup: ['test/support/postgresGlobalSetup.ts'] },
      },
    ],
  },
});

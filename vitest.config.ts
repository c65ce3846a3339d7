import { defineConfig } from 'vitest/config';

// `npm test` runs every project. The server's tests run twice: on embedded PGlite and on a real
// PostgreSQL 15 (same code path); test/unit needs no database and runs once; test/embedded and
// test/postgres hold what only one backend has. The SDK's tests talk to a real server too.
export default defineConfig({
  test: {
    // Many tests start `links` processes; on a loaded 2-core CI machine some took 16–24 s of the 60 s they had. A hang still
    // fails, two minutes in.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          root: 'packages/server',
          include: ['test/**/*.test.ts'],
          exclude: ['test/postgres/**'],
          env: { LINKS_TEST_BACKEND: 'pglite' },
          setupFiles: ['test/support/secretScan.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          root: 'packages/server',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**', 'test/embedded/**'],
          env: { LINKS_TEST_BACKEND: 'postgres' },
          globalSetup: ['test/support/postgresGlobalSetup.ts'],
          setupFiles: ['test/support/secretScan.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'sdk',
          root: 'packages/sdk',
          include: ['test/**/*.test.ts'],
          env: { LINKS_TEST_BACKEND: 'pglite' },
          globalSetup: ['test/buildPackage.ts'],
        },
      },
    ],
  },
});

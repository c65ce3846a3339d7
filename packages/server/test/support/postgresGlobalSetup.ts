/**
 * Gives the postgres test project a server: LINKS_TEST_DATABASE_URL when set, else a throwaway
 * cluster from the local PostgreSQL 15 binaries. With CI=true a missing server fails the run.
 */
import type { TestProject } from 'vitest/node';
import { postgresBinariesPresent, startCluster, type Cluster } from './postgresCluster.js';

let cluster: Cluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.LINKS_TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.LINKS_TEST_DATABASE_URL);
    return;
  }
  if (!postgresBinariesPresent()) {
    if (process.env.CI === 'true') throw new Error('CI=true: PostgreSQL 15 binaries are missing; the PostgreSQL suite must run');
    console.warn('postgres project: no LINKS_TEST_DATABASE_URL and no PostgreSQL binaries; its tests are skipped');
    project.provide('postgresUrl', null);
    return;
  }
  cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
}

export function teardown(): void {
  cluster?.stop();
}

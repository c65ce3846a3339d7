/**
 * A session as the owner of one of a test's databases, for tests that must reach behind the API as
 * a DBA (or an attacker with the owner's password) would. On PGlite it opens the data directory
 * itself, so the server using it must be stopped first.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseName } from '../../src/config/config.js';
import type { TestStorage } from './linksServer.js';

export interface OwnerSession {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export async function asDatabaseOwner<T>(storage: TestStorage, database: DatabaseName, work: (owner: OwnerSession) => Promise<T>): Promise<T> {
  if (storage.env.LINKS_DATA_DIR) {
    const lite = await PGlite.create(path.join(storage.env.LINKS_DATA_DIR, database));
    try {
      return await work({ query: async <R>(text: string, params?: unknown[]) => (await lite.query<R>(text, params)).rows });
    } finally {
      await lite.close();
    }
  }
  const url = new URL(storage.env.LINKS_DATABASE_URL!);
  if (database !== 'control') url.pathname = `${url.pathname}_${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work({ query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[] });
  } finally {
    await client.end();
  }
}

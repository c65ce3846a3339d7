/**
 * Backup and restore as docs/operations.md tells it: pg_dump of the three databases (control,
 * production, sandbox) while Links is stopped, pg_restore onto a new, empty PostgreSQL server, and
 * Links started there with the same LINKS_SECRETS_KEY: everything reads back, keys work, the chain
 * verifies, a sealed connection string still opens, and new postings join the chain.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { newStorage, postgresAvailable, startTestLinks, type TestLinks, type TestStorage } from '../support/linksServer.js';
import { POSTGRES_BIN, startCluster, type Cluster } from '../support/postgresCluster.js';
import { api, expectChainExtends, fillBooks, readBooks, type BooksServer, type FilledBooks } from '../support/upgradeBooks.js';

const servers = (links: TestLinks): BooksServer => ({ console: links.url('console'), sandbox: links.url('sandbox'), production: links.url('production') });

describe.skipIf(!postgresAvailable())('backup with pg_dump, restore with pg_restore on a new server', () => {
  let storage: TestStorage;
  let books: FilledBooks;
  let sealedConnectionId: string;
  let target: Cluster;
  let restored: TestLinks;
  const dumps = fs.mkdtempSync(path.join(os.tmpdir(), 'links-dumps-'));

  beforeAll(async () => {
    storage = newStorage();
    const original = await startTestLinks({ storage });
    books = await fillBooks(servers(original), original.adminToken, { records: true });
    // A connection string sealed with LINKS_SECRETS_KEY: it must open again after the restore.
    const source = new URL(storage.env.LINKS_DATABASE_URL!);
    sealedConnectionId = (await api(original.url('sandbox'), books.sandboxKey, 'POST', '/external-connections', {
      name: 'tenants table', type: 'postgres', connection_string: source.toString(), table: 'public.tenants',
    })).id;
    books.reads = await readBooks(servers(original), original.adminToken, books, { records: true });
    await original.stop();

    // The commands of docs/operations.md, database by database.
    const databases = ['', '_production', '_sandbox'].map((suffix) => `${source.pathname.slice(1)}${suffix}`);
    for (const name of databases) {
      source.pathname = `/${name}`;
      execFileSync(path.join(POSTGRES_BIN, 'pg_dump'), ['--format=custom', `--file=${path.join(dumps, `${name}.dump`)}`, source.toString()]);
    }
    target = await startCluster();
    for (const name of databases) {
      execFileSync(path.join(POSTGRES_BIN, 'createdb'), [`--maintenance-db=${target.url}`, name]);
      const url = new URL(target.url);
      url.pathname = `/${name}`;
      execFileSync(path.join(POSTGRES_BIN, 'pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, path.join(dumps, `${name}.dump`)]);
    }
    const restoredUrl = new URL(target.url);
    restoredUrl.pathname = `/${databases[0]}`;
    restored = await startTestLinks({ storage: { env: { ...storage.env, LINKS_DATABASE_URL: restoredUrl.toString() }, destroy: async () => undefined } });
  });

  afterAll(async () => {
    await restored?.stop();
    target?.stop();
    await storage?.destroy();
    fs.rmSync(dumps, { recursive: true, force: true });
  });

  it('reads back everything, and the keys authenticate', async () => {
    const reads = await readBooks(servers(restored), restored.adminToken, books, { records: true });
    for (const [path, before] of Object.entries(books.reads)) expect(reads[path], path).toMatchObject(before as object);
    expect((await call(restored.url('production'), 'GET', '/api/v1/whoami', { token: books.productionKey })).status).toBe(200);
    expect((await call(restored.url('sandbox'), 'GET', '/api/v1/whoami', { token: books.revokedKey })).status).toBe(401);
  });

  it('opens the connection string sealed before the backup (same LINKS_SECRETS_KEY)', async () => {
    const schema = await call(restored.url('sandbox'), 'GET', `/api/v1/external-connections/${sealedConnectionId}/schema`, { token: books.sandboxKey });
    expect(schema.status, schema.text).toBe(200);
    expect(schema.body.map((column: { column_name: string }) => column.column_name)).toContain('name');
  });

  it('the chain verifies and a new posting joins it', async () => {
    await expectChainExtends(restored.url('sandbox'), books.sandboxKey);
  });
});

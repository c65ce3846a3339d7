/**
 * PostgreSQL deployment: a password-protected server and a non-superuser owner role, databases
 * created when missing, a clear error when they cannot be, concurrent starts, and an outage that
 * answers 503 and heals by itself.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging.js';
import { startLinks } from '../../src/server.js';
import { readMigrationFiles } from '../../src/storage/migrations/migrationFiles.js';
import { startCluster, type Cluster } from '../support/postgresCluster.js';
import { AdminClient, call } from '../support/http.js';
import { startTestLinks, TEST_ADMIN_TOKEN, type TestLinks } from '../support/linksServer.js';

describe('PostgreSQL provisioning and outages', () => {
  let cluster: Cluster;
  let ownerUrl: (database: string) => string;

  beforeAll(async () => {
    cluster = await startCluster({ superuserPassword: 'superuser-secret' });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE ROLE links_owner LOGIN PASSWORD 'owner-secret' CREATEDB CREATEROLE`);
    await admin.query(`CREATE ROLE links_cramped LOGIN PASSWORD 'cramped-secret'`);
    await admin.end();
    ownerUrl = (database) => `postgres://links_owner:owner-secret@127.0.0.1:${cluster.port}/${database}`;
  });
  afterAll(() => cluster?.stop());

  const secretsKey = { LINKS_SECRETS_KEY: Buffer.alloc(32, 3).toString('base64') };
  const start = (env: Record<string, string>) => startTestLinks({ storage: { env: { ...secretsKey, ...env }, destroy: async () => undefined } });

  it('creates its three databases and logs in as a confined role with a password-protected server', async () => {
    const links = await start({ LINKS_DATABASE_URL: ownerUrl('books') });
    try {
      const check = new pg.Client({ connectionString: cluster.url });
      await check.connect();
      const { rows } = await check.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'books%' ORDER BY 1`);
      expect(rows.map((r) => r.datname)).toEqual(['books', 'books_production', 'books_sandbox']);
      const sessions = await check.query<{ usename: string }>(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname LIKE 'books%'`);
      expect(sessions.rows.map((r) => r.usename)).toEqual(['links_app']);
      const role = await check.query(`SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = 'links_app'`);
      expect(role.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
      await check.end();

      const admin = new AdminClient(links.url('console'), links.adminToken);
      const tenant = await admin.createTenant('Scram');
      const user = await admin.createUser('scram@pg.example');
      await admin.addMember(tenant.id, user.id, 'owner');
      const key = await admin.createKey(tenant.id, { environment: 'production', user_id: user.id });
      expect((await call(links.url('production'), 'GET', '/api/v1/whoami', { token: key.key })).status).toBe(200);
    } finally {
      await links.stop();
    }
  });

  it('names what to create when the role may not create databases', async () => {
    const config = loadConfig({ ...secretsKey, LINKS_DATABASE_URL: `postgres://links_cramped:cramped-secret@127.0.0.1:${cluster.port}/cramped`, LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN, LINKS_PRODUCTION_PORT: '0', LINKS_SANDBOX_PORT: '0', LINKS_CONSOLE_PORT: '0' });
    await expect(startLinks(config, createLogger('silent'))).rejects.toThrow(
      'database "cramped" does not exist and links_cramped may not create databases: create it (createdb -O links_cramped cramped) or grant CREATEDB',
    );
  });

  it('two processes starting at once on fresh databases both come up, migrated once', async () => {
    const env = { LINKS_DATABASE_URL: ownerUrl('racing') };
    const both = await Promise.all([start(env), start({ ...env, LINKS_LISTENERS: 'production,sandbox' })]);
    try {
      const admin = new AdminClient(both[0].url('console'), both[0].adminToken);
      await admin.createTenant('Raced');
      const check = new pg.Client({ connectionString: ownerUrl('racing') });
      await check.connect();
      // Each control migration recorded once, however many processes raced to run it.
      const { rows } = await check.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM kysely_migration`);
      expect(rows[0]).toEqual({ n: readMigrationFiles('control').length, names: readMigrationFiles('control').length });
      await check.end();
    } finally {
      for (const links of both) await links.stop();
    }
  });

  describe('database outage', () => {
    let links: TestLinks;
    let admin: AdminClient;
    let tenantId: string;
    let userId: string;

    beforeAll(async () => {
      links = await start({ LINKS_DATABASE_URL: ownerUrl('outage') });
      admin = new AdminClient(links.url('console'), links.adminToken);
      tenantId = (await admin.createTenant('Outage')).id;
      userId = (await admin.createUser('outage@pg.example')).id;
      await admin.addMember(tenantId, userId, 'owner');
    });
    afterAll(async () => {
      await links?.stop();
    });

    it('answers 503 while PostgreSQL is down, fast, and recovers by itself when it returns', async () => {
      const cached = await admin.createKey(tenantId, { environment: 'sandbox', user_id: userId });
      const uncached = await admin.createKey(tenantId, { environment: 'sandbox', user_id: userId });
      expect((await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: cached.key })).status).toBe(200);

      cluster.kill();
      try {
        const startedAt = Date.now();
        const health = await call(links.url('sandbox'), 'GET', '/healthz');
        expect(health.status).toBe(503);
        expect(health.body.status).toBe('unavailable');
        const lookup = await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: uncached.key });
        expect(lookup.status).toBe(503);
        expect(lookup.body.error.code).toBe('unavailable');
        const write = await call(links.url('console'), 'POST', '/admin/v1/tenants', { token: links.adminToken, body: { name: 'during outage' } });
        expect(write.status).toBe(503);
        expect(write.text).not.toMatch(/at .*\.ts:\d+/);
        expect(Date.now() - startedAt).toBeLessThan(15_000);
      } finally {
        cluster.start();
      }

      let healthy = 0;
      for (let i = 0; i < 50 && healthy !== 200; i++) {
        healthy = (await call(links.url('sandbox'), 'GET', '/healthz')).status;
        if (healthy !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(healthy, JSON.stringify((await call(links.url('sandbox'), 'GET', '/healthz')).body)).toBe(200);
      expect((await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: uncached.key })).status).toBe(200);
      expect((await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: cached.key })).status).toBe(200);
      expect((await admin.createTenant('after outage')).name).toBe('after outage');
    });

    it('under posting load, an outage fails requests fast with 503, loses no acknowledged entry, and posting resumes by itself', async () => {
      const key = (await admin.createKey(tenantId, { environment: 'sandbox', user_id: userId })).key;
      const sandbox = links.url('sandbox');
      for (const account of [{ code: '1000', name: 'Cash', type: 'asset' }, { code: '4000', name: 'Revenue', type: 'revenue' }]) {
        expect((await call(sandbox, 'POST', '/api/v1/accounts', { token: key, body: account })).status).toBe(201);
      }
      const body = { date: '2026-08-01', description: 'Outage load', currency: 'USD', lines: [{ account: '1000', debit: '1.00' }, { account: '4000', credit: '1.00' }] };
      const acknowledged = new Map<string, string>(); // idempotency key → entry id
      const failed = new Set<string>();
      let slowestFailureMs = 0;
      let stop = false;
      let n = 0;
      const client = async () => {
        while (!stop) {
          const idempotencyKey = `outage-${++n}`;
          const startedAt = Date.now();
          const answer = await call(sandbox, 'POST', '/api/v1/journal-entries', { token: key, body, headers: { 'idempotency-key': idempotencyKey } });
          if (answer.status === 201) acknowledged.set(idempotencyKey, answer.body.data.id);
          else {
            expect(answer.status, answer.text).toBe(503);
            expect(answer.body.error.code).toBe('unavailable');
            failed.add(idempotencyKey);
            slowestFailureMs = Math.max(slowestFailureMs, Date.now() - startedAt);
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      };
      const load = Promise.all(Array.from({ length: 4 }, client));
      await new Promise((r) => setTimeout(r, 400));
      cluster.kill();
      await new Promise((r) => setTimeout(r, 1500));
      const duringOutage = failed.size;
      cluster.start();
      for (let i = 0; i < 100 && (await call(sandbox, 'GET', '/healthz')).status !== 200; i++) await new Promise((r) => setTimeout(r, 200));
      const before = acknowledged.size;
      for (let i = 0; i < 100 && acknowledged.size < before + 8; i++) await new Promise((r) => setTimeout(r, 100));
      stop = true;
      await load;

      expect(duringOutage).toBeGreaterThan(0);
      expect(acknowledged.size).toBeGreaterThan(before); // posting resumed without a restart
      expect(slowestFailureMs).toBeLessThan(15_000);
      // A request cut off by the outage may or may not have committed: its key settles it exactly once.
      for (const idempotencyKey of failed) {
        const retry = await call(sandbox, 'POST', '/api/v1/journal-entries', { token: key, body, headers: { 'idempotency-key': idempotencyKey } });
        expect(retry.status, retry.text).toBe(201);
        acknowledged.set(idempotencyKey, retry.body.data.id);
      }
      for (const id of acknowledged.values()) expect((await call(sandbox, 'GET', `/api/v1/journal-entries/${id}`, { token: key })).status).toBe(200);
      const count = await call(sandbox, 'GET', '/api/v1/journal-entries?limit=1', { token: key });
      expect(count.body.totalResults).toBe(acknowledged.size);
      const chain = await call(sandbox, 'GET', '/api/v1/ledger/verify', { token: key });
      expect(chain.body.data).toMatchObject({ valid: true, entries: acknowledged.size });
      console.info(
        `reliability | outage (postgres) | 4 clients posting, ${n} requests | PostgreSQL killed 1.5 s mid-load: ${duringOutage} requests 503, slowest ${slowestFailureMs} ms | ${acknowledged.size} entries, 0 lost, recovered without restart`,
      );
    });
  });
});

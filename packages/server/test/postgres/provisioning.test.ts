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

  const start = (env: Record<string, string>) => startTestLinks({ storage: { env, destroy: async () => undefined } });

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
    const config = loadConfig({ LINKS_DATABASE_URL: `postgres://links_cramped:cramped-secret@127.0.0.1:${cluster.port}/cramped`, LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN, LINKS_PRODUCTION_PORT: '0', LINKS_SANDBOX_PORT: '0', LINKS_CONSOLE_PORT: '0' });
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
      const { rows } = await check.query(`SELECT count(*)::int AS n FROM kysely_migration`);
      expect(rows[0].n).toBe(1);
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
  });
});

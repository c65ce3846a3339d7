/**
 * Secrets at rest: after keys are issued, rotated and used and the admin token is
 * generated, no database of Links — control, production, sandbox — holds any of them in plaintext:
 * every row of every table is read as text, as the owner, and searched.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { AdminClient, call } from '../support/http.js';
import { newStorage, postgresAvailable, startTestLinks, type TestStorage } from '../support/linksServer.js';

describe.skipIf(!postgresAvailable())('secrets at rest', () => {
  it('no database holds a key or the admin token in plaintext', async () => {
    const storage = newStorage();
    const links = await startTestLinks({ storage, env: { LINKS_ADMIN_TOKEN: '' } }); // the token is generated and stored (hashed)
    const secrets: string[] = [links.adminToken];
    try {
      const admin = new AdminClient(links.url('console'), links.adminToken);
      const tenant = await admin.createTenant('Secrets');
      const user = await admin.createUser('secrets@rest.example');
      await admin.addMember(tenant.id, user.id, 'owner');
      for (const environment of ['sandbox', 'production'] as const) {
        const key = await admin.createKey(tenant.id, { environment, user_id: user.id });
        secrets.push(key.key);
        expect((await call(links.url(environment), 'GET', '/api/v1/whoami', { token: key.key })).status).toBe(200);
        const rotated = await admin.request('POST', `/api-keys/${key.id}/rotate`, { grace_period_seconds: 60 });
        secrets.push(rotated.key);
        expect((await call(links.url(environment), 'POST', '/api/v1/accounts', { token: rotated.key, body: { code: '1000', name: 'Cash', type: 'asset' } })).status).toBe(201);
        // A GL webhook connection: its URL (with a token in it) and signing secrets are sealed, also under an Idempotency-Key.
        const urlToken = `hooktoken${environment}${Date.now()}`;
        const gl = await call(links.url(environment), 'POST', '/api/v1/gl-connections', {
          token: rotated.key,
          headers: { 'idempotency-key': `gl-${environment}` },
          body: { provider: 'webhook', name: 'ledger hook', credentials: { url: `http://127.0.0.1:9/${urlToken}` }, settings: { paused: true } },
        });
        expect(gl.status, gl.text).toBe(201);
        const rotatedSecret = await call(links.url(environment), 'POST', `/api/v1/gl-connections/${gl.body.data.id}/rotate-secret`, { token: rotated.key });
        secrets.push(urlToken, gl.body.data.signing_secret, rotatedSecret.body.data.signing_secret);
      }
    } finally {
      await links.stop();
    }
    try {
      let rows = 0;
      for (const database of ['control', 'production', 'sandbox'] as const) {
        const dump = await everyRowAsText(storage, database);
        rows += dump.length;
        const text = dump.join('\n');
        for (const secret of secrets) {
          expect(text, `${database} holds a secret`).not.toContain(secret);
          expect(text, `${database} holds a key's secret part`).not.toContain(secret.slice(-40));
        }
      }
      expect(rows).toBeGreaterThan(10);
      console.info(`reliability | secrets at rest (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | 3 databases, ${rows} rows read as text | ${secrets.length} keys and tokens searched | none stored in plaintext`);
    } finally {
      await storage.destroy();
    }
  });
});

/** Every row of every table of the public schema, as text, read by the owner past row-level security. */
function everyRowAsText(storage: TestStorage, database: 'control' | 'production' | 'sandbox'): Promise<string[]> {
  return asDatabaseOwner(storage, database, async (owner) => {
    const out: string[] = [];
    for (const { tablename } of await owner.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)) {
      // The owner is subject to row-level security (FORCE): lift it for the read, in a transaction rolled back.
      await owner.query('BEGIN');
      await owner.query(`ALTER TABLE ${pg.escapeIdentifier(tablename)} NO FORCE ROW LEVEL SECURITY`);
      out.push(...(await owner.query<{ row: string }>(`SELECT t::text AS row FROM ${pg.escapeIdentifier(tablename)} t`)).map((r) => r.row));
      await owner.query('ROLLBACK');
    }
    return out;
  });
}

/**
 * Two Links processes on one PostgreSQL database, one with its clock ten minutes slow: a role
 * change or a revocation made through the slow process is honoured by the other within a poll
 * interval, because every stamp the poll reads is the database's clock; a change that bypassed the
 * stamps is seen once the cached entry is older than LINKS_KEY_CACHE_MAX_AGE_MS. (PGlite admits
 * one process.)
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinksProcess, type LinksProcess } from '../support/childProcess.js';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { AdminClient, call, type HttpResult } from '../support/http.js';
import { backend, newStorage, postgresAvailable, startTestLinks, TEST_ADMIN_TOKEN, type TestLinks, type TestStorage } from '../support/linksServer.js';

const SKEW_MS = -10 * 60_000;
const MAX_AGE_MS = 2000;
const SKEWED_CLOCK = fileURLToPath(new URL('../support/skewedClock.mjs', import.meta.url));

describe.skipIf(!postgresAvailable())('key changes across processes with a skewed clock', () => {
  let storage: TestStorage;
  let observer: TestLinks;
  let slow: { proc: LinksProcess; sandbox: string; console: string };
  let admin: AdminClient;

  beforeAll(async () => {
    storage = newStorage();
    observer = await startTestLinks({ storage, env: { LINKS_LISTENERS: 'sandbox', LINKS_KEY_CACHE_MAX_AGE_MS: String(MAX_AGE_MS) } });
    slow = await startLinksProcess({
      ...storage.env,
      LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      LINKS_LISTENERS: 'sandbox,console',
      LINKS_LOG_LEVEL: 'warn',
      NODE_OPTIONS: `--import ${SKEWED_CLOCK}`,
      LINKS_TEST_CLOCK_SKEW_MS: String(SKEW_MS),
    });
    admin = new AdminClient(slow.console, TEST_ADMIN_TOKEN);
  });
  afterAll(async () => {
    if (slow) {
      slow.proc.child.kill('SIGTERM');
      await slow.proc.exited;
    }
    await observer?.stop();
    await storage?.destroy();
  });

  /** Milliseconds until the observer's answer for `key` satisfies `done` (at most 5 s). */
  async function msUntil(key: string, done: (answer: HttpResult) => boolean): Promise<number> {
    const start = performance.now();
    for (;;) {
      const answer = await call(observer.url('sandbox'), 'GET', '/api/v1/whoami', { token: key });
      if (done(answer)) return performance.now() - start;
      if (performance.now() - start > 5000) throw new Error(`not seen after 5 s: ${answer.status} ${answer.text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('the slow process really is ten minutes slow: what it stamps with its own clock is ten minutes old', async () => {
    const tenant = await admin.createTenant('Clock check');
    const events = await admin.request('GET', `/audit-events?tenant_id=${tenant.id}`);
    const created = events.find((e: { action: string }) => e.action === 'tenant.created');
    expect(Math.abs(new Date(created.at).getTime() - Date.now() - SKEW_MS)).toBeLessThan(5000);
  });

  it('a role change made through the slow process reaches the other process’s cached key within a second', async () => {
    const tenant = await admin.createTenant('Skewed');
    const user = await admin.createUser('skewed@clock.example');
    await admin.addMember(tenant.id, user.id, 'owner');
    const key = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    // Until the new key and membership leave the poll's look-back window (5 s), every poll evicts
    // them anyway; the change must be found by its own stamp.
    await new Promise((resolve) => setTimeout(resolve, 5500));
    const first = await call(observer.url('sandbox'), 'GET', '/api/v1/whoami', { token: key.key });
    expect(first.body.data.permissions).toEqual(['read', 'write']); // now cached by the observer
    await admin.request('PATCH', `/tenants/${tenant.id}/members/${user.id}`, { role: 'viewer' });
    const elapsed = await msUntil(key.key, (a) => a.status === 200 && a.body.data.permissions.join() === 'read');
    expect(elapsed).toBeLessThan(1000);

    await admin.revokeKey(key.id);
    expect(await msUntil(key.key, (a) => a.status === 401)).toBeLessThan(1000);
    console.info(`reliability | key cache (${backend}) | role change through a process 10 min slow | seen by another process in ${Math.round(elapsed)} ms`);
  });

  it('a role changed behind every stamp (a DBA’s UPDATE) is seen once the cached entry is older than the maximum age', async () => {
    const tenant = await admin.createTenant('Behind the stamps');
    const user = await admin.createUser('dba@clock.example');
    await admin.addMember(tenant.id, user.id, 'owner');
    const key = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    await new Promise((resolve) => setTimeout(resolve, 5500)); // out of the poll's look-back window
    expect((await call(observer.url('sandbox'), 'GET', '/api/v1/whoami', { token: key.key })).body.data.permissions).toEqual(['read', 'write']);
    const cachedAt = performance.now();
    await asDatabaseOwner(storage, 'control', (owner) =>
      owner.query(`UPDATE memberships SET role = 'viewer' WHERE tenant_id = $1 AND user_id = $2`, [tenant.id, user.id]),
    );
    await msUntil(key.key, (a) => a.status === 200 && a.body.data.permissions.join() === 'read');
    const seenAfter = performance.now() - cachedAt;
    expect(seenAfter).toBeGreaterThanOrEqual(MAX_AGE_MS - 100); // not the polls: nothing was stamped
    expect(seenAfter).toBeLessThan(MAX_AGE_MS + 1000);
  });
});

/**
 * Several processes: listeners split across processes hold only their own databases; on PostgreSQL
 * a revocation made by one process is honoured by another within a second; the embedded database
 * refuses a second process instead of corrupting.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, call } from './support/http.js';
import { backend, newStorage, postgresAvailable, startTestLinks, type TestLinks } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('processes', () => {
  const storage = postgresAvailable() ? newStorage() : undefined;
  const started: TestLinks[] = [];
  afterAll(async () => {
    for (const links of started.reverse()) await links.stop();
    await storage?.destroy();
  });

  it('a sandbox-only process opens no production database and serves no production endpoint', async () => {
    const links = await startTestLinks({ storage, env: { LINKS_LISTENERS: 'sandbox' } });
    try {
      expect(Object.keys(links.running.urls)).toEqual(['sandbox']);
      expect(links.running.databases).toEqual(['control', 'sandbox']);
      const health = await call(links.url('sandbox'), 'GET', '/healthz');
      expect(health.body).toEqual({ status: 'ok', listener: 'sandbox', databases: { control: 'ok', sandbox: 'ok' } });
    } finally {
      await links.stop();
    }
  });

  it(backend === 'postgres' ? 'a revocation in one process is honoured by another within one second' : 'a second process on the same data directory is refused', async () => {
    const first = await startTestLinks({ storage });
    started.push(first);
    if (backend === 'pglite') {
      await expect(startTestLinks({ storage })).rejects.toThrow(/in use by Links process/);
      return;
    }
    const second = await startTestLinks({ storage, env: { LINKS_LISTENERS: 'production,sandbox' } });
    started.push(second);
    const admin = new AdminClient(first.url('console'), first.adminToken);
    const tenant = await admin.createTenant('Shared');
    const user = await admin.createUser('shared@proc.example');
    await admin.addMember(tenant.id, user.id, 'owner');
    const key = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    const viaSecond = () => call(second.url('sandbox'), 'GET', '/api/v1/whoami', { token: key.key });
    expect((await viaSecond()).status).toBe(200); // now cached in the second process
    await admin.revokeKey(key.id);
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 3000) status = (await viaSecond()).status;
    const elapsed = Date.now() - revokedAt;
    expect(status).toBe(401);
    expect(elapsed).toBeLessThan(1000);
  });
});

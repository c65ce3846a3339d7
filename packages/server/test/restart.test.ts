/** Everything the control plane promises is still true after a restart on the same data. */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, call } from './support/http.js';
import { backend, newStorage, postgresAvailable, startTestLinks, type TestLinks } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('restart on the same data', () => {
  const storage = postgresAvailable() ? newStorage() : undefined;
  let links: TestLinks | undefined;
  afterAll(async () => {
    await links?.stop();
    await storage?.destroy();
  });

  it('keeps tenants, keys, revocations, grace periods and the generated admin token', async () => {
    links = await startTestLinks({ storage, env: { LINKS_ADMIN_TOKEN: '' } });
    const token = links.running.generatedAdminToken;
    expect(token).toMatch(/^lk_admin_[0-9A-Za-z]{49}$/);
    if (backend === 'pglite') {
      const file = links.running.adminTokenFile!;
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(token);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } else {
      expect(links.running.adminTokenFile).toBeUndefined();
    }
    const admin = new AdminClient(links.url('console'), token!);
    const tenant = await admin.createTenant('Persistent');
    const user = await admin.createUser('keeper@persist.example');
    await admin.addMember(tenant.id, user.id, 'developer');
    const sandbox = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    const production = await admin.createKey(tenant.id, { environment: 'production', user_id: user.id });
    const revoked = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    await admin.revokeKey(revoked.id);
    const graced = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    const successor = await admin.request('POST', `/api-keys/${graced.id}/rotate`, { grace_period_seconds: 3600 });
    const usedAt = Date.now();
    expect((await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: sandbox.key })).status).toBe(200);
    await links.stop(); // flushes last_used_at, which is not written per request

    links = await startTestLinks({ storage, env: { LINKS_ADMIN_TOKEN: '' } });
    expect(links.running.generatedAdminToken).toBeUndefined();
    const again = new AdminClient(links.url('console'), token!);
    expect(await again.request('GET', `/tenants/${tenant.id}`)).toEqual(tenant);
    const whoami = (listener: 'sandbox' | 'production', key: string) => call(links!.url(listener), 'GET', '/api/v1/whoami', { token: key });
    expect((await whoami('sandbox', sandbox.key)).body.data).toMatchObject({ tenant_id: tenant.id, permissions: ['read', 'write'] });
    expect((await whoami('production', production.key)).body.data.permissions).toEqual(['read']);
    expect((await whoami('sandbox', production.key)).status).toBe(403);
    expect((await whoami('sandbox', revoked.key)).status).toBe(401);
    expect((await whoami('sandbox', graced.key)).status).toBe(200);
    expect((await whoami('sandbox', successor.key)).status).toBe(200);
    const keys = await again.request('GET', `/tenants/${tenant.id}/api-keys?limit=100`);
    const used = keys.find((k: { id: string }) => k.id === sandbox.id);
    expect(Date.parse(used.last_used_at)).toBeGreaterThanOrEqual(usedAt - 1000);
    expect(keys.find((k: { id: string }) => k.id === revoked.id).last_used_at).toBeNull(); // refused requests are not use
  });
});

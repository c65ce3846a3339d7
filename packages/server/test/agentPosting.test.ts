/**
 * Direct agent posting, per key (docs/api.md): off by default; sandbox write keys may post directly
 * anyway; on a production key an operator turns it on for a write key of an owner or admin. whoami
 * tells a client (and the MCP endpoint decides from the same principal) whether the key may post.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AdminClient, call } from './support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('direct agent posting key flag', () => {
  let links: TestLinks;
  let admin: AdminClient;
  let tenantId: string;
  const users: Record<string, string> = {};

  const whoami = async (environment: 'sandbox' | 'production', key: string) => {
    const result = await call(links.url(environment), 'GET', '/api/v1/whoami', { token: key });
    expect(result.status, result.text).toBe(200);
    return result.body.data as { agent_posting: boolean; permissions: string[] };
  };
  const patch = (keyId: string, body: unknown) => call(links.url('console'), 'PATCH', `/admin/v1/api-keys/${keyId}`, { token: links.adminToken, body });

  useTestServer(async (started) => {
    links = started;
    admin = new AdminClient(links.url('console'), links.adminToken);
    tenantId = (await admin.createTenant(`Agents ${randomBytes(3).toString('hex')}`)).id;
    for (const role of ['owner', 'admin', 'developer', 'viewer']) {
      users[role] = (await admin.createUser(`${role}-${randomBytes(4).toString('hex')}@agents.example`)).id;
      await admin.addMember(tenantId, users[role]!, role);
    }
  });

  it('sandbox: a write key may post directly by default, a read-only key never', async () => {
    const developer = await admin.createKey(tenantId, { environment: 'sandbox', user_id: users.developer });
    expect(developer.agent_posting).toBe(false);
    expect((await whoami('sandbox', developer.key)).agent_posting).toBe(true);
    const viewer = await admin.createKey(tenantId, { environment: 'sandbox', user_id: users.viewer });
    expect((await whoami('sandbox', viewer.key)).agent_posting).toBe(false);
  });

  it('production: off by default; an operator turns it on and off for an owner key, effective at once', async () => {
    const owner = await admin.createKey(tenantId, { environment: 'production', user_id: users.owner });
    expect(owner.agent_posting).toBe(false);
    expect((await whoami('production', owner.key)).agent_posting).toBe(false);
    const on = await patch(owner.id, { agent_posting: true });
    expect(on.status, on.text).toBe(200);
    expect(on.body.data).toMatchObject({ id: owner.id, agent_posting: true });
    expect(JSON.stringify(on.body)).not.toContain(owner.key);
    expect((await whoami('production', owner.key)).agent_posting).toBe(true);
    const listed = await admin.request('GET', `/tenants/${tenantId}/api-keys?limit=100`);
    expect(listed.find((k: { id: string }) => k.id === owner.id).agent_posting).toBe(true);
    expect((await patch(owner.id, { agent_posting: false })).body.data.agent_posting).toBe(false);
    expect((await whoami('production', owner.key)).agent_posting).toBe(false);

    const events = await admin.request('GET', `/audit-events?tenant_id=${tenantId}&limit=100`);
    const actions = events.filter((e: { resource_id: string }) => e.resource_id === owner.id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['api_key.agent_posting_enabled', 'api_key.agent_posting_disabled']));
  });

  it('is set at creation for an admin key and carried to its rotated successor', async () => {
    const key = await admin.createKey(tenantId, { environment: 'production', user_id: users.admin, agent_posting: true });
    expect(key.agent_posting).toBe(true);
    expect((await whoami('production', key.key)).agent_posting).toBe(true);
    const rotated = await admin.request('POST', `/api-keys/${key.id}/rotate`, { grace_period_seconds: 0 });
    expect(rotated.agent_posting).toBe(true);
    expect((await whoami('production', rotated.key)).agent_posting).toBe(true);
  });

  it('is refused (422 permission_exceeds_role) for a developer, a read-only key; 409 on a revoked key; 400 for a bad body', async () => {
    const developer = await admin.createKey(tenantId, { environment: 'production', user_id: users.developer });
    const refused = await patch(developer.id, { agent_posting: true });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('permission_exceeds_role');
    expect((await whoami('production', developer.key)).agent_posting).toBe(false);
    const readOnly = await admin.createKey(tenantId, { environment: 'production', user_id: users.owner, permissions: ['read'] });
    expect((await patch(readOnly.id, { agent_posting: true })).body.error.code).toBe('permission_exceeds_role');
    const atCreation = await call(links.url('console'), 'POST', `/admin/v1/tenants/${tenantId}/api-keys`, {
      token: links.adminToken,
      body: { environment: 'production', user_id: users.developer, agent_posting: true },
    });
    expect(atCreation.status).toBe(422);
    expect((await patch(readOnly.id, { agent_posting: 'yes' })).status).toBe(400);
    expect((await patch('key_nonexistent', { agent_posting: true })).status).toBe(404);
    await admin.revokeKey(readOnly.id);
    expect((await patch(readOnly.id, { agent_posting: false })).status).toBe(409);
  });
});

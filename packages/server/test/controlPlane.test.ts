/** The operator API and the key rules (docs/api.md, docs/SECURITY.md), over HTTP against a real server. */
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, call } from './support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('control plane', () => {
  let links: TestLinks;
  let admin: AdminClient;
  const issuedKeys: string[] = [];
  const console = () => links.url('console');
  const whoami = (listener: 'sandbox' | 'production', key: string) => call(links.url(listener), 'GET', '/api/v1/whoami', { token: key });
  const issue = async (tenantId: string, body: Record<string, unknown>) => {
    const key = await admin.createKey(tenantId, body);
    issuedKeys.push(key.key);
    return key;
  };

  useTestServer((started) => {
    links = started;
    admin = new AdminClient(console(), links.adminToken);
  });

  describe('operator authentication', () => {
    it('refuses a missing or wrong admin token', async () => {
      const none = await call(console(), 'GET', '/admin/v1/tenants');
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthenticated');
      const wrong = await call(console(), 'GET', '/admin/v1/tenants', { token: `${links.adminToken}x` });
      expect(wrong.status).toBe(401);
    });

    it('does not serve the operator API on the environment endpoints, nor the data plane on the console', async () => {
      const adminOnSandbox = await call(links.url('sandbox'), 'GET', '/admin/v1/tenants', { token: links.adminToken });
      expect(adminOnSandbox.status).toBe(404);
      const dataOnConsole = await call(console(), 'GET', '/api/v1/whoami');
      expect(dataOnConsole.status).toBe(404);
    });
  });

  describe('tenants and users', () => {
    it('creates, lists and gets tenants with UUID ids', async () => {
      const tenant = await admin.createTenant('Acme Corp');
      expect(tenant.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(tenant.name).toBe('Acme Corp');
      expect(new Date(tenant.created_at).toISOString()).toBe(tenant.created_at);
      expect(await admin.request('GET', `/tenants/${tenant.id}`)).toEqual(tenant);
      const page = await call(console(), 'GET', '/admin/v1/tenants?limit=100', { token: links.adminToken });
      expect(page.body).toMatchObject({ page: 1, limit: 100 });
      expect(page.body.data.map((t: { id: string }) => t.id)).toContain(tenant.id);
      expect(page.body.totalResults).toBeGreaterThanOrEqual(1);
    });

    it('answers 404 for an unknown tenant and 400 for a malformed id', async () => {
      const missing = await call(console(), 'GET', '/admin/v1/tenants/00000000-0000-4000-8000-000000000000', { token: links.adminToken });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
      const malformed = await call(console(), 'GET', '/admin/v1/tenants/not-a-uuid', { token: links.adminToken });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details[0].path).toBe('params.tenant_id');
    });

    it('validates bodies: missing, wrong-typed and unknown fields are 400 with details', async () => {
      for (const body of [{}, { name: 42 }, { name: '' }, { name: 'ok', plan: 'gold' }]) {
        const result = await call(console(), 'POST', '/admin/v1/tenants', { token: links.adminToken, body });
        expect(result.status, JSON.stringify(body)).toBe(400);
        expect(result.body.error.code).toBe('invalid_request');
        expect(result.body.error.details.length).toBeGreaterThan(0);
      }
      const unknown = await call(console(), 'POST', '/admin/v1/tenants', { token: links.adminToken, body: { name: 'ok', plan: 'gold' } });
      expect(unknown.body.error.details).toEqual([{ path: 'plan', message: 'is not a known field' }]);
      const broken = await call(console(), 'POST', '/admin/v1/tenants', { token: links.adminToken, rawBody: '{"name": ' });
      expect(broken.status).toBe(400);
      expect(broken.body.error.code).toBe('invalid_request');
    });

    it('refuses a second user with the same email, whatever its case', async () => {
      await admin.createUser('Dana@Example.com', 'Dana');
      const again = await call(console(), 'POST', '/admin/v1/users', { token: links.adminToken, body: { email: 'dana@example.com', name: 'Dana 2' } });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
      const invalid = await call(console(), 'POST', '/admin/v1/users', { token: links.adminToken, body: { email: 'not-an-email', name: 'X' } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details[0].path).toBe('email');
    });

    it('pages with page and limit, refusing limits outside 1–100', async () => {
      for (const q of ['limit=0', 'limit=101', 'page=0', 'limit=abc', 'limit=1.5', 'unknown=1']) {
        const result = await call(console(), 'GET', `/admin/v1/tenants?${q}`, { token: links.adminToken });
        expect(result.status, q).toBe(400);
        expect(result.body.error.code).toBe('invalid_request');
      }
      await admin.createTenant('Page 1');
      await admin.createTenant('Page 2');
      const first = await call(console(), 'GET', '/admin/v1/tenants?limit=1&page=2', { token: links.adminToken });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(1);
      expect(first.body.totalPages).toBe(first.body.totalResults);
    });
  });

  describe('memberships and the role table', () => {
    let tenantId: string;
    const users: Record<string, string> = {};

    beforeAll(async () => {
      tenantId = (await admin.createTenant('Roles Inc')).id;
      for (const role of ['owner', 'admin', 'developer', 'viewer']) {
        users[role] = (await admin.createUser(`${role}@roles.example`)).id;
        const membership = await admin.addMember(tenantId, users[role]!, role);
        expect(membership).toMatchObject({ tenant_id: tenantId, user_id: users[role], role });
      }
      users.outsider = (await admin.createUser('outsider@roles.example')).id;
    });

    it('refuses a second membership and unknown users or tenants', async () => {
      const again = await call(console(), 'POST', `/admin/v1/tenants/${tenantId}/members`, {
        token: links.adminToken,
        body: { user_id: users.viewer, role: 'admin' },
      });
      expect(again.status).toBe(409);
      const unknownUser = await call(console(), 'POST', `/admin/v1/tenants/${tenantId}/members`, {
        token: links.adminToken,
        body: { user_id: '00000000-0000-4000-8000-000000000000', role: 'viewer' },
      });
      expect(unknownUser.status).toBe(404);
      const badRole = await call(console(), 'POST', `/admin/v1/tenants/${tenantId}/members`, {
        token: links.adminToken,
        body: { user_id: users.outsider, role: 'superuser' },
      });
      expect(badRole.status).toBe(400);
      const members = await admin.request('GET', `/tenants/${tenantId}/members`);
      expect(members).toHaveLength(4);
    });

    it('defaults permissions to the most the role allows, per environment', async () => {
      const expected: Record<string, Record<string, string[]>> = {
        owner: { sandbox: ['read', 'write'], production: ['read', 'write'] },
        admin: { sandbox: ['read', 'write'], production: ['read', 'write'] },
        developer: { sandbox: ['read', 'write'], production: ['read'] },
        viewer: { sandbox: ['read'], production: ['read'] },
      };
      for (const [role, byEnvironment] of Object.entries(expected)) {
        for (const [environment, permissions] of Object.entries(byEnvironment)) {
          const key = await issue(tenantId, { environment, user_id: users[role] });
          expect(key.permissions, `${role} ${environment}`).toEqual(permissions);
          expect(key.key.startsWith(`lk_${environment}_`)).toBe(true);
          const me = await whoami(environment as 'sandbox' | 'production', key.key);
          expect(me.body.data.permissions).toEqual(permissions);
        }
      }
    });

    it('refuses permissions beyond the role, and keys for non-members', async () => {
      const exceed = await call(console(), 'POST', `/admin/v1/tenants/${tenantId}/api-keys`, {
        token: links.adminToken,
        body: { environment: 'production', user_id: users.developer, permissions: ['read', 'write'] },
      });
      expect(exceed.status).toBe(422);
      expect(exceed.body.error.code).toBe('permission_exceeds_role');
      const viewerWrite = await call(console(), 'POST', `/admin/v1/tenants/${tenantId}/api-keys`, {
        token: links.adminToken,
        body: { environment: 'sandbox', user_id: users.viewer, permissions: ['write'] },
      });
      expect(viewerWrite.body.error.code).toBe('permission_exceeds_role');
      const outsider = await call(console(), 'POST', `/admin/v1/tenants/${tenantId}/api-keys`, {
        token: links.adminToken,
        body: { environment: 'sandbox', user_id: users.outsider },
      });
      expect(outsider.status).toBe(422);
      expect(outsider.body.error.code).toBe('user_not_member');
      const past = await call(console(), 'POST', `/admin/v1/tenants/${tenantId}/api-keys`, {
        token: links.adminToken,
        body: { environment: 'sandbox', user_id: users.owner, expires_at: '2020-01-01T00:00:00Z' },
      });
      expect(past.status).toBe(400);
      expect(past.body.error.details[0].path).toBe('expires_at');
    });

    it('narrowing a role cuts the permissions of keys already issued', async () => {
      const member = (await admin.createUser('demoted@roles.example')).id;
      await admin.addMember(tenantId, member, 'admin');
      const key = await issue(tenantId, { environment: 'production', user_id: member });
      expect((await whoami('production', key.key)).body.data.permissions).toEqual(['read', 'write']);
      await admin.request('PATCH', `/tenants/${tenantId}/members/${member}`, { role: 'viewer' });
      expect((await whoami('production', key.key)).body.data.permissions).toEqual(['read']);
    });
  });

  describe('one user, keys in two tenants', () => {
    it('each key works only at its own endpoint and only for its own tenant', async () => {
      const north = await admin.createTenant('North');
      const south = await admin.createTenant('South');
      const sam = await admin.createUser('sam@two.example');
      await admin.addMember(north.id, sam.id, 'owner');
      await admin.addMember(south.id, sam.id, 'developer');
      const keys = {
        northSandbox: await issue(north.id, { environment: 'sandbox', user_id: sam.id, name: 'north sandbox' }),
        northProduction: await issue(north.id, { environment: 'production', user_id: sam.id }),
        southSandbox: await issue(south.id, { environment: 'sandbox', user_id: sam.id }),
        southProduction: await issue(south.id, { environment: 'production', user_id: sam.id }),
      };
      for (const [name, key] of Object.entries(keys)) {
        const own = key.environment as 'sandbox' | 'production';
        const other = own === 'sandbox' ? 'production' : 'sandbox';
        const ok = await whoami(own, key.key);
        expect(ok.status, name).toBe(200);
        expect(ok.body.data).toMatchObject({ tenant_id: key.tenant_id, environment: own, key_id: key.id, user_id: sam.id });
        const wrong = await whoami(other, key.key);
        expect(wrong.status, name).toBe(403);
        expect(wrong.body.error.code).toBe('environment_mismatch');
        expect(wrong.body.error.message).toContain(own);
      }
      expect(keys.southProduction.permissions).toEqual(['read']);

      const listed = await call(console(), 'GET', `/admin/v1/users/${sam.id}/api-keys?limit=100`, { token: links.adminToken });
      expect(listed.body.totalResults).toBe(4);
      expect(new Set(listed.body.data.map((k: { tenant_id: string }) => k.tenant_id))).toEqual(new Set([north.id, south.id]));
      const northKeys = await call(console(), 'GET', `/admin/v1/tenants/${north.id}/api-keys`, { token: links.adminToken });
      expect(northKeys.body.data).toHaveLength(2);
      for (const listing of [listed.text, northKeys.text]) {
        for (const key of Object.values(keys)) expect(listing).not.toContain(key.key);
        expect(listing).not.toContain('"key"');
        expect(listing).not.toContain('secret');
      }
      expect(listed.body.data.find((k: { id: string }) => k.id === keys.northSandbox.id)).toMatchObject({
        name: 'north sandbox',
        last4: keys.northSandbox.key.slice(-4),
      });
    });
  });

  describe('revocation and rotation', () => {
    let tenantId: string;
    let userId: string;

    beforeAll(async () => {
      tenantId = (await admin.createTenant('Rotations')).id;
      userId = (await admin.createUser('rotor@rot.example')).id;
      await admin.addMember(tenantId, userId, 'owner');
    });

    it('a revoked key is refused on the very next request; revoking again changes nothing', async () => {
      const key = await issue(tenantId, { environment: 'sandbox', user_id: userId });
      expect((await whoami('sandbox', key.key)).status).toBe(200);
      const revoked = await admin.revokeKey(key.id);
      expect(revoked.revoked_at).not.toBeNull();
      const refused = await whoami('sandbox', key.key);
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toMatch(/revoked/);
      const again = await admin.revokeKey(key.id);
      expect(again.revoked_at).toBe(revoked.revoked_at);
      const unknown = await call(console(), 'POST', '/admin/v1/api-keys/key_doesnotexist/revoke', { token: links.adminToken });
      expect(unknown.status).toBe(404);
    });

    it('rotation without grace retires the old key at once', async () => {
      const key = await issue(tenantId, { environment: 'production', user_id: userId, name: 'billing' });
      const rotated = await call(console(), 'POST', `/admin/v1/api-keys/${key.id}/rotate`, { token: links.adminToken }); // no body: defaults
      expect(rotated.status, rotated.text).toBe(201);
      const successor = rotated.body.data;
      expect(successor.key).not.toBe(key.key);
      expect(successor).toMatchObject({ tenant_id: tenantId, environment: 'production', name: 'billing', permissions: key.permissions });
      issuedKeys.push(successor.key);
      expect((await whoami('production', key.key)).status).toBe(401);
      expect((await whoami('production', successor.key)).status).toBe(200);
      const twice = await call(console(), 'POST', `/admin/v1/api-keys/${key.id}/rotate`, { token: links.adminToken, body: {} });
      expect(twice.status).toBe(409);
    });

    it('rotation with a grace period keeps the old key valid until it ends', async () => {
      const key = await issue(tenantId, { environment: 'sandbox', user_id: userId });
      const successor = await admin.request('POST', `/api-keys/${key.id}/rotate`, { grace_period_seconds: 2 });
      issuedKeys.push(successor.key);
      expect((await whoami('sandbox', key.key)).status).toBe(200);
      expect((await whoami('sandbox', successor.key)).status).toBe(200);
      const listed = await admin.request('GET', `/tenants/${tenantId}/api-keys?limit=100`);
      const old = listed.find((k: { id: string }) => k.id === key.id);
      expect(old.replaced_by).toBe(successor.id);
      expect(Date.parse(old.expires_at) - Date.now()).toBeLessThanOrEqual(2000);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await whoami('sandbox', key.key)).status).toBe(401);
      expect((await whoami('sandbox', successor.key)).status).toBe(200);
    });

    it('refuses a grace period over 7 days', async () => {
      const key = await issue(tenantId, { environment: 'sandbox', user_id: userId });
      const result = await call(console(), 'POST', `/admin/v1/api-keys/${key.id}/rotate`, {
        token: links.adminToken,
        body: { grace_period_seconds: 7 * 24 * 3600 + 1 },
      });
      expect(result.status).toBe(400);
      expect((await whoami('sandbox', key.key)).status).toBe(200);
    });
  });

  describe('audit', () => {
    it('records every control-plane write with the request id that made it', async () => {
      const created = await call(console(), 'POST', '/admin/v1/tenants', { token: links.adminToken, body: { name: 'Audited' } });
      const tenantId = created.body.data.id;
      const user = await admin.createUser('audited@audit.example');
      await admin.addMember(tenantId, user.id, 'admin');
      const key = await issue(tenantId, { environment: 'sandbox', user_id: user.id });
      await admin.revokeKey(key.id);
      const events = await call(console(), 'GET', `/admin/v1/audit-events?tenant_id=${tenantId}&limit=100`, { token: links.adminToken });
      expect(events.status).toBe(200);
      const actions = events.body.data.map((e: { action: string }) => e.action);
      expect(actions).toEqual(['api_key.revoked', 'api_key.created', 'membership.created', 'tenant.created']);
      const tenantEvent = events.body.data.at(-1);
      expect(tenantEvent).toMatchObject({
        tenant_id: tenantId,
        actor: { type: 'admin', id: 'operator' },
        resource_type: 'tenant',
        resource_id: tenantId,
        request_id: created.headers.get('request-id'),
      });
      const sandboxOnly = await call(console(), 'GET', `/admin/v1/audit-events?tenant_id=${tenantId}&environment=sandbox`, { token: links.adminToken });
      expect(sandboxOnly.body.data.map((e: { action: string }) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);
    });

    it('a refused write records nothing', async () => {
      const before = await call(console(), 'GET', '/admin/v1/audit-events?limit=1', { token: links.adminToken });
      await call(console(), 'POST', '/admin/v1/users', { token: links.adminToken, body: { email: 'dana@example.com', name: 'dup' } });
      await call(console(), 'POST', '/admin/v1/tenants', { token: links.adminToken, body: { name: '' } });
      const after = await call(console(), 'GET', '/admin/v1/audit-events?limit=1', { token: links.adminToken });
      expect(after.body.totalResults).toBe(before.body.totalResults);
    });
  });

  it('no key or token material in the server logs', () => {
    expect(issuedKeys.length).toBeGreaterThan(10);
    const logs = links.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const key of issuedKeys) expect(logs).not.toContain(key.slice(11));
    expect(logs).not.toContain(links.adminToken);
    expect(logs).not.toMatch(/lk_(sandbox|production)_[0-9A-Za-z]{20}/);
  });
});

/**
 * The cast every isolation check uses: one user holding keys in two tenants, in both environments,
 * plus a read-only, a revoked and an expired key of tenant A's sandbox.
 */
import { randomBytes } from 'node:crypto';
import { AdminClient } from '../support/http.js';
import type { TestLinks } from '../support/linksServer.js';

export interface IsolationWorld {
  links: TestLinks;
  admin: AdminClient;
  tenantA: { id: string; name: string };
  tenantB: { id: string; name: string };
  userId: string;
  keys: {
    aSandbox: string;
    aProduction: string;
    aSandboxReadOnly: string;
    aSandboxRevoked: string;
    aSandboxExpired: string;
    bSandbox: string;
    bProduction: string;
  };
}

export async function createIsolationWorld(links: TestLinks): Promise<IsolationWorld> {
  const admin = new AdminClient(links.url('console'), links.adminToken);
  const suffix = randomBytes(4).toString('hex');
  const tenantA = await admin.createTenant(`Tenant A ${suffix}`);
  const tenantB = await admin.createTenant(`Tenant B ${suffix}`);
  const user = await admin.createUser(`holder-${suffix}@example.com`);
  await admin.addMember(tenantA.id, user.id, 'owner');
  await admin.addMember(tenantB.id, user.id, 'owner');
  const key = async (tenantId: string, body: Record<string, unknown>) =>
    (await admin.createKey(tenantId, { user_id: user.id, ...body })) as { id: string; key: string };

  const expiresAt = Date.now() + 1500;
  const expiring = await key(tenantA.id, { environment: 'sandbox', expires_at: new Date(expiresAt).toISOString() });
  const revoked = await key(tenantA.id, { environment: 'sandbox', name: 'revoked' });
  await admin.revokeKey(revoked.id);
  const world: IsolationWorld = {
    links,
    admin,
    tenantA,
    tenantB,
    userId: user.id,
    keys: {
      aSandbox: (await key(tenantA.id, { environment: 'sandbox' })).key,
      aProduction: (await key(tenantA.id, { environment: 'production' })).key,
      aSandboxReadOnly: (await key(tenantA.id, { environment: 'sandbox', permissions: ['read'] })).key,
      aSandboxRevoked: revoked.key,
      aSandboxExpired: expiring.key,
      bSandbox: (await key(tenantB.id, { environment: 'sandbox' })).key,
      bProduction: (await key(tenantB.id, { environment: 'production' })).key,
    },
  };
  const untilExpired = expiresAt + 100 - Date.now();
  if (untilExpired > 0) await new Promise((resolve) => setTimeout(resolve, untilExpired));
  return world;
}

/**
 * Row-level security at the storage layer: a query that forgets its tenant condition still sees
 * only the tenant of its transaction, on PGlite and on PostgreSQL alike.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { recordDataEvent } from '../src/audit/environmentAudit.js';
import { openDatabase, type DatabaseHandle } from '../src/storage/database.js';
import type { EnvironmentDatabase } from '../src/storage/environmentSchema.js';
import { inTenantTransaction } from '../src/storage/tenantScope.js';
import { backend, newStorage, postgresAvailable, type TestStorage } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('row-level security', () => {
  let storage: TestStorage;
  let sandbox: DatabaseHandle<EnvironmentDatabase>;
  const tenantA = uuidv7();
  const tenantB = uuidv7();
  const context = { actor: { type: 'admin' as const, id: 'test' }, requestId: 'req_test' };

  beforeAll(async () => {
    storage = newStorage();
    sandbox = await openDatabase<EnvironmentDatabase>('sandbox', loadConfig(storage.env));
    for (const [tenant, n] of [[tenantA, 3], [tenantB, 2]] as const) {
      await inTenantTransaction(sandbox.db, tenant, async (trx) => {
        for (let i = 0; i < n; i++) await recordDataEvent(trx, tenant, context, { action: 'test.write', resourceType: 'test', resourceId: `${i}` });
      });
    }
  });
  afterAll(async () => {
    await sandbox?.close();
    await storage?.destroy();
  });

  it('a query without a tenant condition sees only the tenant of its transaction', async () => {
    const seenByA = await inTenantTransaction(sandbox.db, tenantA, (trx) => sql<{ tenant_id: string }>`SELECT tenant_id FROM audit_events`.execute(trx));
    expect(seenByA.rows).toHaveLength(3);
    expect(new Set(seenByA.rows.map((r) => r.tenant_id))).toEqual(new Set([tenantA]));
    const seenByB = await inTenantTransaction(sandbox.db, tenantB, (trx) => trx.selectFrom('audit_events').select('tenant_id').execute());
    expect(seenByB).toHaveLength(2);
  });

  it('outside any tenant transaction, nothing is visible, and the setting does not outlive its transaction', async () => {
    const outside = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_events`.execute(sandbox.db);
    expect(outside.rows[0]?.n).toBe('0');
    const explicit = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_events WHERE tenant_id = ${tenantA}`.execute(sandbox.db);
    expect(explicit.rows[0]?.n).toBe('0');
  });

  it("refuses to write a row into another tenant from a tenant's transaction", async () => {
    await expect(
      inTenantTransaction(sandbox.db, tenantA, (trx) =>
        recordDataEvent(trx, tenantB, context, { action: 'test.smuggle', resourceType: 'test', resourceId: 'x' }),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('runs as a role that is neither superuser, owner nor able to bypass row-level security, and cannot edit the audit trail', async () => {
    const { rows } = await sql<{ who: string; rolsuper: boolean; rolbypassrls: boolean; owner: string }>`
      SELECT current_user AS who, r.rolsuper, r.rolbypassrls, pg_get_userbyid(c.relowner) AS owner
        FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.relname = 'audit_events'`.execute(sandbox.db);
    expect(rows[0]).toMatchObject({ who: 'links_app', rolsuper: false, rolbypassrls: false });
    expect(rows[0]?.owner).not.toBe('links_app');
    await expect(
      inTenantTransaction(sandbox.db, tenantA, (trx) => sql`UPDATE audit_events SET action = 'tampered'`.execute(trx)),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(inTenantTransaction(sandbox.db, tenantA, (trx) => sql`DELETE FROM audit_events`.execute(trx))).rejects.toMatchObject({
      code: '42501',
    });
    await expect(sql`ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY`.execute(sandbox.db)).rejects.toMatchObject({ code: '42501' });
  });

  it('on PostgreSQL the application logs in as that role, so it cannot switch back to the owner', async () => {
    const { rows } = await sql<{ session_user: string }>`SELECT session_user`.execute(sandbox.db);
    if (backend === 'postgres') {
      expect(rows[0]?.session_user).toBe('links_app');
      await expect(sql`SET ROLE postgres`.execute(sandbox.db)).rejects.toMatchObject({ code: '42501' });
    } else {
      // PGlite is one in-process session of its single user; the role is taken with SET ROLE (see docs/architecture.md).
      expect(rows[0]?.session_user).toBe('postgres');
    }
  });
});

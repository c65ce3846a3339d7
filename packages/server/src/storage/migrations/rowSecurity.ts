/** Row-level security for tenant tables, shared by the environment migrations. */
import { sql, type Kysely } from 'kysely';

/** Row-level security: a row is visible and writable only inside its tenant's transaction. */
export async function enableTenantRowSecurity(db: Kysely<unknown>, table: string): Promise<void> {
  const t = sql.id(table);
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY tenant_isolation ON ${t}
      USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  `.execute(db);
}

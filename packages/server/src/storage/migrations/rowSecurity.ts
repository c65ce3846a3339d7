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

/**
 * Runs a backfill across tenants: the owner is subject to row-level security too (FORCE), so it is
 * lifted on `tables` for `work` only. Migrations run in a transaction: a failure undoes it all.
 */
export async function withRowSecurityLifted(db: Kysely<unknown>, tables: string[], work: () => Promise<void>): Promise<void> {
  for (const table of tables) await sql`ALTER TABLE ${sql.id(table)} NO FORCE ROW LEVEL SECURITY`.execute(db);
  await work();
  for (const table of tables) await sql`ALTER TABLE ${sql.id(table)} FORCE ROW LEVEL SECURITY`.execute(db);
}

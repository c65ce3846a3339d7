/**
 * Environment database migrations (the same schema in production and sandbox). Every tenant table
 * gets `tenant_id` first in its keys and a row-level security policy on `links.tenant_id`.
 */
import { sql, type Kysely, type Migration } from 'kysely';

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

export const environmentMigrations: Record<string, Migration> = {
  '0001_audit_events': {
    async up(db) {
      await sql`
        CREATE TABLE audit_events (
          tenant_id uuid NOT NULL,
          id uuid NOT NULL,
          at timestamptz NOT NULL,
          actor_type text NOT NULL,
          actor_id text NOT NULL,
          action text NOT NULL,
          resource_type text NOT NULL,
          resource_id text NOT NULL,
          request_id text NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX audit_events_at ON audit_events (tenant_id, at, id);
      `.execute(db);
      await enableTenantRowSecurity(db, 'audit_events');
    },
  },
};

export const environmentGrants: Record<string, string> = {
  audit_events: 'SELECT, INSERT',
};

/** Tables that must carry row-level security; a startup check refuses to serve if one lacks it. */
export const tenantTables = Object.keys(environmentGrants);

/**
 * The one way to touch tenant data: a transaction with `links.tenant_id` set locally, which the
 * row-level security policies of every tenant table read. Pass `trx` down; never the outer handle
 * (PGlite has one session, so the outer handle would wait on this transaction forever).
 */
import { sql, type Kysely, type Transaction } from 'kysely';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function inTenantTransaction<Schema, T>(
  db: Kysely<Schema>,
  tenantId: string,
  work: (trx: Transaction<Schema>) => Promise<T>,
): Promise<T> {
  if (!UUID.test(tenantId)) throw new Error(`inTenantTransaction: not a tenant id: ${tenantId}`);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('links.tenant_id', ${tenantId}, true)`.execute(trx);
    return work(trx);
  });
}

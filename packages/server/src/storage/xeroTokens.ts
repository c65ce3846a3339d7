/**
 * The `xero_tokens` rows (migration 0014): one per Xero GL connection, its token set sealed by the
 * caller. `lockXeroTokens` takes the row lock that makes a refresh the only one for its connection.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { EnvironmentDatabase, XeroTokenRow } from './environmentSchema.js';

export type XeroTokenRecord = Selectable<XeroTokenRow>;
type Db = Kysely<EnvironmentDatabase> | Transaction<EnvironmentDatabase>;

export async function readXeroTokens(db: Db, tenantId: string, connectionId: string): Promise<XeroTokenRecord | undefined> {
  return db.selectFrom('xero_tokens').selectAll().where('tenant_id', '=', tenantId).where('connection_id', '=', connectionId).executeTakeFirst();
}

/** The row, locked until the transaction ends (another worker's refresh waits, then re-reads). */
export async function lockXeroTokens(trx: Transaction<EnvironmentDatabase>, tenantId: string, connectionId: string): Promise<XeroTokenRecord | undefined> {
  return trx
    .selectFrom('xero_tokens')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('connection_id', '=', connectionId)
    .forUpdate()
    .executeTakeFirst();
}

export interface XeroTokenChange {
  xero_tenant_id?: string | null;
  sealed_tokens?: string | null;
  access_expires_at?: Date | null;
  pending_state_hash?: string | null;
  refused_at?: Date | null;
  /** Count one more refresh. */
  refreshed?: boolean;
}

/** Creates or replaces the row of a connection (a new authorization starts from nothing). */
export async function putXeroTokens(
  trx: Transaction<EnvironmentDatabase>,
  row: { tenant_id: string; connection_id: string; grant_type: XeroTokenRow['grant_type'] } & XeroTokenChange,
  now: Date,
): Promise<void> {
  const values = {
    tenant_id: row.tenant_id,
    connection_id: row.connection_id,
    grant_type: row.grant_type,
    xero_tenant_id: row.xero_tenant_id ?? null,
    sealed_tokens: row.sealed_tokens ?? null,
    access_expires_at: row.access_expires_at ?? null,
    pending_state_hash: row.pending_state_hash ?? null,
    refused_at: null,
    refreshes: '0',
    updated_at: now,
  };
  await trx
    .insertInto('xero_tokens')
    .values(values)
    .onConflict((c) =>
      c.columns(['tenant_id', 'connection_id']).doUpdateSet({
        grant_type: values.grant_type,
        xero_tenant_id: values.xero_tenant_id,
        sealed_tokens: values.sealed_tokens,
        access_expires_at: values.access_expires_at,
        pending_state_hash: values.pending_state_hash,
        refused_at: null,
        updated_at: now,
      }),
    )
    .execute();
}

export async function updateXeroTokens(trx: Transaction<EnvironmentDatabase>, tenantId: string, connectionId: string, change: XeroTokenChange, now: Date): Promise<void> {
  const { refreshed, ...columns } = change;
  await trx
    .updateTable('xero_tokens')
    .set((eb) => ({ ...columns, updated_at: now, ...(refreshed ? { refreshes: eb('refreshes', '+', '1') } : {}) }))
    .where('tenant_id', '=', tenantId)
    .where('connection_id', '=', connectionId)
    .execute();
}

export async function deleteXeroTokens(trx: Transaction<EnvironmentDatabase>, tenantId: string, connectionId: string): Promise<void> {
  await trx.deleteFrom('xero_tokens').where('tenant_id', '=', tenantId).where('connection_id', '=', connectionId).execute();
}

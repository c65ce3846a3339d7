/**
 * The `xero_tokens` rows (migration 0014): one per Xero GL connection, its token set sealed by the
 * caller. A refresh is claimed with a lease on the row (migration 0017), never a lock held across the
 * call to Xero: `claimXeroTokenRefresh` / `finishXeroTokenRefresh`.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { EnvironmentDatabase, XeroTokenRow } from './environmentSchema.js';

export type XeroTokenRecord = Selectable<XeroTokenRow>;
type Db = Kysely<EnvironmentDatabase> | Transaction<EnvironmentDatabase>;

export async function readXeroTokens(db: Db, tenantId: string, connectionId: string): Promise<XeroTokenRecord | undefined> {
  return db.selectFrom('xero_tokens').selectAll().where('tenant_id', '=', tenantId).where('connection_id', '=', connectionId).executeTakeFirst();
}

export type XeroRefreshClaim =
  | { kind: 'claimed'; row: XeroTokenRecord }
  /** `wanted(row)` said the row needs no refresh. */
  | { kind: 'not_needed'; row: XeroTokenRecord }
  /** Another worker holds the refresh until `until`; the row as it stands. */
  | { kind: 'held'; row: XeroTokenRecord; until: Date }
  | { kind: 'missing' };

/**
 * Looks at the row under its lock (for this short transaction only) and, when `wanted(row)` says a
 * refresh is needed and no other worker holds one, claims it for `holder` until `leaseUntil`.
 */
export async function claimXeroTokenRefresh(
  trx: Transaction<EnvironmentDatabase>,
  key: { tenantId: string; connectionId: string; holder: string },
  now: Date,
  leaseUntil: Date,
  wanted: (row: XeroTokenRecord) => boolean,
): Promise<XeroRefreshClaim> {
  const row = await trx.selectFrom('xero_tokens').selectAll().where('tenant_id', '=', key.tenantId).where('connection_id', '=', key.connectionId).forUpdate().executeTakeFirst();
  if (!row) return { kind: 'missing' };
  if (!wanted(row)) return { kind: 'not_needed', row };
  if (row.refresh_lease_until && row.refresh_lease_until > now) return { kind: 'held', row, until: row.refresh_lease_until };
  const claimed = await trx
    .updateTable('xero_tokens')
    .set({ refresh_holder: key.holder, refresh_lease_until: leaseUntil })
    .where('tenant_id', '=', key.tenantId)
    .where('connection_id', '=', key.connectionId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { kind: 'claimed', row: claimed };
}

/** Ends `holder`'s refresh with `change`; false (and nothing written) when its claim was taken over or the row replaced. */
export async function finishXeroTokenRefresh(trx: Transaction<EnvironmentDatabase>, key: { tenantId: string; connectionId: string; holder: string }, change: XeroTokenChange, now: Date): Promise<boolean> {
  const { refreshed, ...columns } = change;
  const result = await trx
    .updateTable('xero_tokens')
    .set((eb) => ({ ...columns, refresh_holder: null, refresh_lease_until: null, updated_at: now, ...(refreshed ? { refreshes: eb('refreshes', '+', '1') } : {}) }))
    .where('tenant_id', '=', key.tenantId)
    .where('connection_id', '=', key.connectionId)
    .where('refresh_holder', '=', key.holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
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
    refresh_holder: null,
    refresh_lease_until: null,
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
        refresh_holder: null,
        refresh_lease_until: null,
        updated_at: now,
      }),
    )
    .execute();
}

export async function deleteXeroTokens(trx: Transaction<EnvironmentDatabase>, tenantId: string, connectionId: string): Promise<void> {
  await trx.deleteFrom('xero_tokens').where('tenant_id', '=', tenantId).where('connection_id', '=', connectionId).execute();
}

/**
 * SQL of the transfer to the general ledger: connections, their transfers, and the posted entries
 * past a connection's high-water mark on the tenant's hash chain. Every function runs inside the
 * tenant's transaction (row-level security holds).
 */
import { sql, type Selectable } from 'kysely';
import type { GlTransferStatus } from '../domain/glTransfer.js';
import type { LedgerTransaction } from '../ledger/scope.js';
import type { GlConnectionRow, GlTransferRow } from './environmentSchema.js';

/** A connection as the API and the sending see it; the sender lease is only read and written below. */
export type GlConnectionRecord = Omit<Selectable<GlConnectionRow>, 'sender_id' | 'sender_lease_until'>;
export type GlTransferRecord = Selectable<GlTransferRow>;

export async function findGlConnection(trx: LedgerTransaction, id: string, forUpdate = false): Promise<GlConnectionRecord | undefined> {
  let query = trx.selectFrom('gl_connections').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function glConnectionPage(trx: LedgerTransaction, limit: number, offset: number): Promise<{ rows: GlConnectionRecord[]; total: number }> {
  const rows = await trx.selectFrom('gl_connections').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute();
  const count = await trx.selectFrom('gl_connections').select((eb) => eb.fn.countAll<string>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** The tenant's connections the engine serves: not deleted (paused ones too: their sending waits, not their queue). */
export async function liveGlConnections(trx: LedgerTransaction): Promise<GlConnectionRecord[]> {
  return trx.selectFrom('gl_connections').selectAll().where('deleted_at', 'is', null).orderBy('id').execute();
}

export async function insertGlConnection(trx: LedgerTransaction, row: Omit<GlConnectionRecord, 'deleted_at' | 'queued_position'> & { queued_position: bigint }): Promise<void> {
  await trx
    .insertInto('gl_connections')
    .values({ ...row, settings: JSON.stringify(row.settings), mapping: JSON.stringify(row.mapping), queued_position: row.queued_position.toString() })
    .execute();
}

export interface GlConnectionChange {
  name?: string;
  status?: string;
  settings?: Record<string, unknown>;
  mapping?: Record<string, unknown>;
  sealed_credentials?: string;
  deleted_at?: Date;
}

export async function updateGlConnection(trx: LedgerTransaction, id: string, change: GlConnectionChange, at: Date): Promise<void> {
  await trx
    .updateTable('gl_connections')
    .set({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.status !== undefined && { status: change.status }),
      ...(change.settings !== undefined && { settings: JSON.stringify(change.settings) }),
      ...(change.mapping !== undefined && { mapping: JSON.stringify(change.mapping) }),
      ...(change.sealed_credentials !== undefined && { sealed_credentials: change.sealed_credentials }),
      ...(change.deleted_at !== undefined && { deleted_at: change.deleted_at }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A connection whose ERP refused or could not be reached right after creation: deleted, and the
 * request's Idempotency-Key released, so the failed create changed nothing and may be sent again.
 */
export async function discardGlConnection(trx: LedgerTransaction, tenantId: string, id: string, idempotencyKey: string | undefined, at: Date): Promise<void> {
  await updateGlConnection(trx, id, { deleted_at: at }, at);
  if (idempotencyKey !== undefined) await trx.deleteFrom('idempotency_keys').where('tenant_id', '=', tenantId).where('key', '=', idempotencyKey).execute();
}

/**
 * Takes or renews the connection's sender lease for `senderId` until `leaseUntil`: granted when
 * the sender holds it already, when no process holds it and no handover wait is running, or when
 * the holder's lease lapsed at `now` (it died). False: another process sends for this connection,
 * or it is no longer active (paused, deleted, awaiting authorization: a step stops before its next
 * attempt). A concurrent claim waits for the row and re-reads it (READ COMMITTED): one of them wins.
 */
export async function holdGlConnectionSender(trx: LedgerTransaction, connectionId: string, senderId: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const result = await trx
    .updateTable('gl_connections')
    .set({ sender_id: senderId, sender_lease_until: leaseUntil })
    .where('id', '=', connectionId)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('sender_id', '=', senderId), eb('sender_lease_until', 'is', null), eb('sender_lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives up the sender's lease; the next sender starts no earlier than `nextSenderFrom`. */
export async function releaseGlConnectionSender(trx: LedgerTransaction, connectionId: string, senderId: string, nextSenderFrom: Date): Promise<void> {
  await trx.updateTable('gl_connections').set({ sender_id: null, sender_lease_until: nextSenderFrom }).where('id', '=', connectionId).where('sender_id', '=', senderId).execute();
}

/** The tenant's last chain position (0 before the first posting). */
export async function chainHeadPosition(trx: LedgerTransaction): Promise<bigint> {
  const { rows } = await sql<{ position: string }>`SELECT position FROM ledger_chain_heads`.execute(trx);
  return rows[0] ? BigInt(rows[0].position) : 0n;
}

export interface ChainedEntryLine {
  account_code: string;
  debit: bigint;
  credit: bigint;
  dimensions: Record<string, string> | null;
  memo: string | null;
}

export interface ChainedEntry {
  position: bigint;
  entry_id: string;
  date: string;
  currency: string;
  description: string;
  lines: ChainedEntryLine[];
}

/** Up to `limit` posted entries after chain position `after`, in chain (= commit) order, with their lines. */
export async function entriesAfter(trx: LedgerTransaction, after: bigint, limit: number): Promise<ChainedEntry[]> {
  const { rows } = await sql<{ position: string; entry_id: string; date: string; currency: string; description: string; lines: Array<{ account_code: string; debit: string; credit: string; dimensions: Record<string, string> | null; memo: string | null }> }>`
    SELECT c.position, e.id AS entry_id, e.date, e.currency, e.description,
           (SELECT jsonb_agg(jsonb_build_object('account_code', a.code, 'debit', l.debit::text, 'credit', l.credit::text, 'dimensions', l.dimensions, 'memo', l.memo) ORDER BY l.line_number)
              FROM journal_lines l JOIN accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
             WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id) AS lines
      FROM ledger_chain c JOIN journal_entries e ON e.tenant_id = c.tenant_id AND e.id = c.entry_id
     WHERE c.position > ${after.toString()}::bigint
     ORDER BY c.position
     LIMIT ${limit}`.execute(trx);
  return rows.map((r) => ({
    position: BigInt(r.position),
    entry_id: r.entry_id,
    date: r.date,
    currency: r.currency,
    description: r.description,
    lines: r.lines.map((l) => ({ ...l, debit: BigInt(l.debit), credit: BigInt(l.credit) })),
  }));
}

/** Moves the high-water mark, only forward and only from where the caller read it (a lost race changes nothing). */
export async function advanceQueuedPosition(trx: LedgerTransaction, connectionId: string, from: bigint, to: bigint): Promise<boolean> {
  const result = await trx
    .updateTable('gl_connections')
    .set({ queued_position: to.toString() })
    .where('id', '=', connectionId)
    .where('queued_position', '=', from.toString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertGlTransfers(trx: LedgerTransaction, rows: Array<Omit<GlTransferRecord, 'erp_document_id' | 'attempts' | 'key_generation' | 'last_error' | 'lease_until' | 'sent_at' | 'confirmed_at'>>): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('gl_transfers')
    .values(rows.map((r) => ({ ...r, journal: JSON.stringify(r.journal) })))
    .execute();
}

/**
 * Claims the connection's next due transfer in queue order, skipping rows another process holds:
 * `pending` and `uncertain` ones whose time has come, and `sending` ones whose sender's lease ran out
 * (that sender may have sent it: it counts as uncertain). Marks it `sending` under a new lease.
 */
export async function claimDueTransfer(trx: LedgerTransaction, connectionId: string, senderId: string, now: Date, leaseUntil: Date): Promise<{ transfer: GlTransferRecord; previous: GlTransferStatus } | undefined> {
  const due = await trx
    .selectFrom('gl_transfers')
    .selectAll()
    .where('connection_id', '=', connectionId)
    // Only while the connection is active and this process is its sender: a pause, a delete or a
    // sender that took over ends the step at its next claim, without a transaction of its own.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('gl_connections as c')
          .select('c.id')
          .whereRef('c.id', '=', 'gl_transfers.connection_id')
          .where('c.status', '=', 'active')
          .where('c.deleted_at', 'is', null)
          .where('c.sender_id', '=', senderId),
      ),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['pending', 'uncertain']), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('first_position')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!due) return undefined;
  const previous = (due.status === 'sending' ? 'uncertain' : due.status) as GlTransferStatus;
  const claimed = await trx
    .updateTable('gl_transfers')
    .set({ status: 'sending', attempts: due.attempts + 1, lease_until: leaseUntil, sent_at: now })
    .where('id', '=', due.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { transfer: claimed, previous };
}

export interface TransferSettlement {
  status: GlTransferStatus;
  erp_document_id?: string | null;
  last_error?: Record<string, unknown> | null;
  next_attempt_at?: Date;
  confirmed_at?: Date | null;
  key_generation?: number;
  attempts?: number;
}

/** Records an attempt's outcome, only if this attempt still holds the transfer (same attempt number, still `sending`). */
export async function settleTransfer(trx: LedgerTransaction, id: string, attempt: number | undefined, settlement: TransferSettlement): Promise<boolean> {
  let query = trx
    .updateTable('gl_transfers')
    .set({
      status: settlement.status,
      lease_until: null,
      ...(settlement.erp_document_id !== undefined && { erp_document_id: settlement.erp_document_id }),
      ...(settlement.last_error !== undefined && { last_error: settlement.last_error === null ? null : JSON.stringify(settlement.last_error) }),
      ...(settlement.next_attempt_at !== undefined && { next_attempt_at: settlement.next_attempt_at }),
      ...(settlement.confirmed_at !== undefined && { confirmed_at: settlement.confirmed_at }),
      ...(settlement.key_generation !== undefined && { key_generation: settlement.key_generation }),
    })
    .where('id', '=', id);
  if (attempt !== undefined) query = query.where('attempts', '=', attempt).where('status', '=', 'sending');
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findGlTransfer(trx: LedgerTransaction, connectionId: string, id: string, forUpdate = false): Promise<GlTransferRecord | undefined> {
  let query = trx.selectFrom('gl_transfers').selectAll().where('connection_id', '=', connectionId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A page of a connection's transfers, oldest first (ids are uuid v7: creation order), after the cursor's id. */
export async function glTransferPage(trx: LedgerTransaction, connectionId: string, filter: { status?: GlTransferStatus | undefined; afterId?: string | undefined }, limit: number): Promise<GlTransferRecord[]> {
  let query = trx.selectFrom('gl_transfers').selectAll().where('connection_id', '=', connectionId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(limit).execute();
}

export async function transferCounts(trx: LedgerTransaction, connectionId: string): Promise<Record<string, number>> {
  const rows = await trx.selectFrom('gl_transfers').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('connection_id', '=', connectionId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The ids of the connection's transfers not yet settled (pending, uncertain or being sent). */
export async function unsettledTransferIds(trx: LedgerTransaction, connectionId: string): Promise<string[]> {
  const rows = await trx.selectFrom('gl_transfers').select('id').where('connection_id', '=', connectionId).where('status', 'in', ['pending', 'uncertain', 'sending']).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** How many of the given transfers stand in each status. */
export async function transferCountsAmong(trx: LedgerTransaction, connectionId: string, ids: string[]): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  const rows = await trx
    .selectFrom('gl_transfers')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('connection_id', '=', connectionId)
    .where('id', 'in', ids)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The journals of the connection's confirmed transfers dated on or before `asOf`: what the receiver has acknowledged. */
export async function confirmedJournals(trx: LedgerTransaction, connectionId: string, asOf: string, currency: string): Promise<Array<Record<string, unknown>>> {
  const rows = await trx
    .selectFrom('gl_transfers')
    .select('journal')
    .where('connection_id', '=', connectionId)
    .where('status', '=', 'confirmed')
    .where('date', '<=', asOf)
    .where('currency', '=', currency)
    .execute();
  return rows.map((r) => r.journal);
}

/** Net movement (debit − credit, minor units) per Links account code of entries dated in [from, asOf] in one currency. */
export async function movementsByAccount(trx: LedgerTransaction, from: string, asOf: string, currency: string): Promise<Map<string, bigint>> {
  const { rows } = await sql<{ code: string; net: string }>`
    SELECT a.code, sum(l.debit - l.credit)::text AS net
      FROM journal_lines l JOIN accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
     WHERE l.date >= ${from}::date AND l.date <= ${asOf}::date AND l.currency = ${currency}
     GROUP BY a.code`.execute(trx);
  return new Map(rows.map((r) => [r.code, BigInt(r.net)]));
}

/** The currency of the connection's newest transfer, if it has one. */
export async function latestTransferCurrency(trx: LedgerTransaction, connectionId: string): Promise<string | undefined> {
  const row = await trx.selectFrom('gl_transfers').select('currency').where('connection_id', '=', connectionId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.currency;
}

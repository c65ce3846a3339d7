/**
 * What an accounting run reads and marks: the records it covers (by model and accounting date), in
 * id order from a checkpoint, `pending` while queued, and the closed months an adjustment must skip.
 */
import { sql, type Selectable } from 'kysely';
import type { LedgerTransaction } from '../ledger/scope.js';
import type { UnifiedRecordRow } from './environmentSchema.js';

export interface RunSelection {
  mode: 'retry' | 'reaccount';
  model?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The records a run covers: retry, those in error or pending; reaccount, every invoice and payment. */
function selected(trx: LedgerTransaction, selection: RunSelection) {
  let query = trx.selectFrom('unified_records');
  if (selection.mode === 'retry') query = query.where('accounting_status', 'in', ['pending', 'error']);
  else query = query.where('model', 'in', ['invoice', 'payment']);
  if (selection.model !== undefined) query = query.where('model', '=', selection.model);
  // The accounting date: an invoice's effective date, a payment's date in its source.
  const day = sql<string>`left(coalesce(fields ->> 'effective_date', fields ->> 'source_data_created_at', ''), 10)`;
  if (selection.from !== undefined) query = query.where(day, '>=', selection.from);
  if (selection.to !== undefined) query = query.where(day, '<=', selection.to).where(day, '<>', '');
  return query;
}

export async function countRunRecords(trx: LedgerTransaction, selection: RunSelection): Promise<number> {
  const row = await selected(trx, selection).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next records after `afterId`, locked for this step. */
export async function nextRunRecords(trx: LedgerTransaction, selection: RunSelection, afterId: string | null, limit: number): Promise<Selectable<UnifiedRecordRow>[]> {
  let query = selected(trx, selection).selectAll();
  if (afterId !== null) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).forUpdate().execute();
}

/** Marks the records a retry will account for as `pending`; their last error stays beside it. */
export async function markPending(trx: LedgerTransaction, selection: RunSelection): Promise<number> {
  const ids = selected(trx, { ...selection, mode: 'retry' }).select('id').where('accounting_status', '=', 'error');
  const result = await trx.updateTable('unified_records').set({ accounting_status: 'pending' }).where('id', 'in', ids).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A pending record whose retry failed as before (no new version): back to `error`. */
export async function settlePending(trx: LedgerTransaction, id: string): Promise<void> {
  await trx.updateTable('unified_records').set({ accounting_status: 'error' }).where('id', '=', id).where('accounting_status', '=', 'pending').execute();
}

/** The closed months from `period` (YYYY-MM) on. */
export async function closedPeriodsFrom(trx: LedgerTransaction, period: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('periods').select('period').where('status', '=', 'closed').where('period', '>=', period).execute();
  return new Set(rows.map((r) => r.period));
}

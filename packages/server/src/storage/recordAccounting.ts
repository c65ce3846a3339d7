/**
 * Reading the accounting outcome of record versions (stored with each version, mirrored on its
 * record): the entries each version posted (record_postings), and the records whose latest outcome
 * is an error.
 */
import { sql } from 'kysely';
import type { UnifiedModel } from '../domain/unifiedModels.js';
import type { LedgerTransaction } from '../ledger/scope.js';

/** The entry ids each (record, version) posted, by record id. */
export async function postedEntryIds(trx: LedgerTransaction, versions: Array<{ id: string; version: number }>): Promise<Map<string, string[]>> {
  const byRecord = new Map<string, string[]>();
  if (versions.length === 0) return byRecord;
  const { rows } = await sql<{ record_id: string; entry_id: string }>`
    SELECT p.record_id, p.entry_id
      FROM record_postings p
      JOIN unnest(${versions.map((v) => v.id)}::uuid[], ${versions.map((v) => v.version)}::int[]) AS w(record_id, version)
        ON w.record_id = p.record_id AND w.version = p.version
     ORDER BY p.record_id, p.currency`.execute(trx);
  for (const row of rows) byRecord.set(row.record_id, [...(byRecord.get(row.record_id) ?? []), row.entry_id]);
  return byRecord;
}

export interface AccountingExceptionRow {
  id: string;
  model: string;
  version: number;
  source_system: string | null;
  source_id: string | null;
  accounting_error: Record<string, unknown> | null;
  updated_at: Date;
}

/** Records whose latest version is in error, newest first, after (updated_at, id) when given. */
export async function accountingExceptionRows(
  trx: LedgerTransaction,
  filter: { model?: UnifiedModel | undefined; code?: string | undefined },
  after: { at: string; id: string } | undefined,
  limit: number,
): Promise<AccountingExceptionRow[]> {
  let query = trx
    .selectFrom('unified_records')
    .select(['id', 'model', 'version', 'source_system', 'source_id', 'accounting_error', 'updated_at'])
    .where('accounting_status', '=', 'error');
  if (filter.model !== undefined) query = query.where('model', '=', filter.model);
  if (filter.code !== undefined) query = query.where(sql<string>`accounting_error ->> 'code'`, '=', filter.code);
  if (after !== undefined) query = query.where(sql<boolean>`(updated_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

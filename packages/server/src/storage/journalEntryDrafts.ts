/**
 * The rows behind journal-entry drafts (migration 0015), and the balances a draft's impact is read
 * from. Call inside the tenant's transaction (ledger/journalEntryDrafts.ts); row-level security
 * applies to every statement.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DraftActor, DraftStatus } from '../domain/journalEntryDraft.js';
import type { LedgerTransaction } from '../ledger/scope.js';
import type { AccountRow, JournalEntryDraftRow, JournalEntryRow } from './environmentSchema.js';

export type DraftRow = Selectable<JournalEntryDraftRow>;

export async function insertDraftRow(trx: LedgerTransaction, row: Insertable<JournalEntryDraftRow>): Promise<void> {
  await trx.insertInto('journal_entry_drafts').values(row).execute();
}

/** The draft, locked until the transaction ends when `lock` is set: decisions on one draft queue up. */
export async function findDraftRow(trx: LedgerTransaction, id: string, lock: boolean): Promise<DraftRow | undefined> {
  let query = trx.selectFrom('journal_entry_drafts').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Settles a pending draft; the row must be locked by this transaction (findDraftRow with lock). */
export async function decideDraftRow(
  trx: LedgerTransaction,
  id: string,
  decision: { status: Exclude<DraftStatus, 'pending_approval'>; by: DraftActor; at: Date; reason?: string; entryId?: string },
): Promise<DraftRow> {
  return trx
    .updateTable('journal_entry_drafts')
    .set({
      status: decision.status,
      decided_by_key: decision.by.keyId,
      decided_by_user: decision.by.userId,
      decided_at: decision.at,
      reason: decision.reason ?? null,
      journal_entry_id: decision.entryId ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending_approval')
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Newest first (ids are UUID v7: time-ordered); `beforeId` continues after the previous page. */
export async function listDraftRows(
  trx: LedgerTransaction,
  filter: { status?: DraftStatus | undefined },
  page: { limit: number; offset: number; beforeId?: string | undefined },
): Promise<{ rows: DraftRow[]; total: number }> {
  let query = trx.selectFrom('journal_entry_drafts');
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  let pageQuery = query.selectAll().orderBy('id', 'desc').limit(page.limit);
  pageQuery = page.beforeId !== undefined ? pageQuery.where('id', '<', page.beforeId) : pageQuery.offset(page.offset);
  const rows = await pageQuery.execute();
  const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function journalEntryRow(trx: LedgerTransaction, id: string): Promise<Selectable<JournalEntryRow> | undefined> {
  return trx.selectFrom('journal_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface AccountTotals {
  code: string;
  type: AccountRow['type'];
  debits: bigint;
  credits: bigint;
}

/** Each named account's running totals in one currency (zero when nothing has posted to it). */
export async function accountTotals(trx: LedgerTransaction, codes: string[], currency: string): Promise<AccountTotals[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<{ code: string; type: AccountRow['type']; debits: string | null; credits: string | null }>`
    SELECT a.code, a.type, b.debits, b.credits
      FROM accounts a
      LEFT JOIN account_balances b ON b.tenant_id = a.tenant_id AND b.account_id = a.id AND b.currency = ${currency}
     WHERE a.code = ANY (${codes}::text[])`.execute(trx);
  return rows.map((r) => ({ code: r.code, type: r.type, debits: BigInt(r.debits ?? 0), credits: BigInt(r.credits ?? 0) }));
}

/**
 * Unified records through the API: create (an upsert by source id), read, list, update (a merge of
 * the fields sent), delete (marks the record; nothing financial is erased). Every write runs the
 * accounting rules in its own transaction (recordVersions.ts); what the books cannot account for is
 * the version's accounting outcome, never a refusal of the record.
 * Errors: not_found, conflict (a deleted record), invalid_amount and invalid_request (the record's own fields).
 */
import { sql } from 'kysely';
import { LinksError } from '../domain/errors.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import type { UnifiedModel, UnifiedRecord } from '../domain/unifiedModels.js';
import { currencyBalance } from '../ledger/accounts.js';
import type { AccountType } from '../domain/ledger.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import { mergeFields, recordViews, storeRecordVersion, upsertRecord, writableInput, type RecordChange } from './recordVersions.js';

async function findRecord(trx: LedgerTransaction, model: UnifiedModel, id: string, lock = false) {
  let query = trx.selectFrom('unified_records').selectAll().where('model', '=', model).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new LinksError('not_found', `No ${model} ${JSON.stringify(id)} in this scope.`);
  return row;
}

/** 201 with the new record; 200 when a record with the same (source_system, source_id) was updated or already held this. */
export async function createRecord(scope: LedgerScope, request: WriteRequest, model: UnifiedModel, body: Record<string, unknown>): Promise<WriteOutcome<UnifiedRecord>> {
  let change: RecordChange = 'created';
  return conflictOnTakenSource(model, () => writeLedger(
    scope,
    request,
    () => (change === 'created' ? 201 : 200),
    async (trx) => {
      const stored = await upsertRecord(trx, scope.tenantId, request.context, model, body);
      change = stored.change;
      return stored.record;
    },
  ));
}

/** A (source_system, source_id) taken meanwhile by another record (a PUT moved it there) is a conflict. */
export async function conflictOnTakenSource<T>(model: UnifiedModel, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new LinksError('conflict', `Another ${model} already has this (source_system, source_id).`, [{ path: 'source_id', message: 'taken by another record' }]);
  }
}

/** The fields sent replace the record's; fields left out keep their values. */
export async function updateRecord(scope: LedgerScope, request: WriteRequest, model: UnifiedModel, id: string, body: Record<string, unknown>): Promise<WriteOutcome<UnifiedRecord>> {
  return conflictOnTakenSource(model, () => writeRecordUpdate(scope, request, model, id, body));
}

function writeRecordUpdate(scope: LedgerScope, request: WriteRequest, model: UnifiedModel, id: string, body: Record<string, unknown>): Promise<WriteOutcome<UnifiedRecord>> {
  return writeLedger(scope, request, 200, async (trx) => {
    const existing = await findRecord(trx, model, id, true);
    if (existing.local_was_deleted) throw new LinksError('conflict', `The ${model} ${id} was deleted; a deleted record is kept as it was.`);
    const patch = writableInput(body);
    const fields = mergeFields(existing.fields, patch);
    const flags = { is_active: patch.is_active === undefined ? existing.is_active : patch.is_active !== false, local_was_deleted: false, local_was_updated: true };
    return (await storeRecordVersion(trx, scope.tenantId, request.context, model, existing, fields, flags)).record;
  });
}

/** Marks the record deleted and inactive; an invoice's or payment's postings are reversed by its rules. */
export async function deleteRecord(scope: LedgerScope, request: WriteRequest, model: UnifiedModel, id: string): Promise<WriteOutcome<UnifiedRecord>> {
  return writeLedger(scope, request, 200, async (trx) => {
    const existing = await findRecord(trx, model, id, true);
    if (existing.local_was_deleted) return (await recordViews(trx, [existing]))[0]!;
    const flags = { is_active: false, local_was_deleted: true, local_was_updated: existing.local_was_updated };
    return (await storeRecordVersion(trx, scope.tenantId, request.context, model, existing, existing.fields, flags)).record;
  });
}

export async function getRecord(scope: LedgerScope, model: UnifiedModel, id: string): Promise<UnifiedRecord> {
  return readLedger(scope, async (trx) => (await recordViews(trx, [await findRecord(trx, model, id)]))[0]!);
}

export interface RecordFilter {
  source_system?: string | undefined;
  source_id?: string | undefined;
  include_deleted?: boolean | undefined;
  unified_customer_id?: string | undefined;
}

/** Oldest first; deleted records only when asked for. */
export async function listRecords(scope: LedgerScope, model: UnifiedModel, filter: RecordFilter, page: PageRequest): Promise<Page<UnifiedRecord>> {
  return readLedger(scope, async (trx) => {
    let query = trx.selectFrom('unified_records').where('model', '=', model);
    if (!filter.include_deleted) query = query.where('local_was_deleted', '=', false);
    if (filter.source_system !== undefined) query = query.where('source_system', '=', filter.source_system);
    if (filter.source_id !== undefined) query = query.where('source_id', '=', filter.source_id);
    if (filter.unified_customer_id !== undefined) query = query.where(sql<string>`fields ->> 'unified_customer_id'`, '=', filter.unified_customer_id);
    const rows = await query.selectAll().orderBy('created_at').orderBy('id').limit(page.limit).offset(offsetOf(page)).execute();
    const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return toPage(await recordViews(trx, rows), Number(count.n), page);
  });
}

export interface CustomerBalance {
  customer_id: string;
  /** The customer's current name: the name its sub-ledger accounts show. */
  name: string | null;
  as_of: string | null;
  balances: Array<{ account: string; currency: string; debits: string; credits: string; balance: string }>;
}

/** The customer's balance on every control account that carries it (the receivable), per currency. */
export async function customerBalance(scope: LedgerScope, id: string, asOf: string | undefined): Promise<CustomerBalance> {
  return readLedger(scope, async (trx) => {
    const customer = await findRecord(trx, 'customer', id);
    const { rows } = await sql<{ code: string; type: AccountType; currency: string; debits: string; credits: string }>`
      SELECT a.code, a.type, p.currency, sum(p.debits)::text AS debits, sum(p.credits)::text AS credits
        FROM party_daily_balances p JOIN accounts a ON a.tenant_id = p.tenant_id AND a.id = p.account_id
       WHERE p.party = ${customer.id} ${asOf ? sql`AND p.date <= ${asOf}::date` : sql``}
       GROUP BY a.code, a.type, p.currency ORDER BY a.code, p.currency`.execute(trx);
    return {
      customer_id: customer.id,
      name: typeof customer.fields.name === 'string' ? customer.fields.name : null,
      as_of: asOf ?? null,
      balances: rows.map((r) => ({ account: r.code, ...currencyBalance(r.type, r.currency, BigInt(r.debits), BigInt(r.credits)) })),
    };
  });
}

/**
 * A batch of records of one model and one source system, written in one transaction: what a sync
 * does with each few hundred rows. The same steps as one record's write (recordVersions.ts) —
 * lock the source ids, compare, store the next version, audit, post through the rules — but each
 * step once for the batch: the existing rows, the references and the posted positions in one query
 * each, the records' rows in one statement, and every record's entries in ONE call of the posting
 * function, in which each record is its own all-or-nothing request. That call is the last
 * statement: it locks the tenant's hash-chain head until the commit, so storing the rows before it
 * keeps other postings of the tenant from waiting on them. An invalid record (a bad amount, an
 * unknown customer) is left out of the batch with its reason. A record the books cannot account for
 * (a rule's error, or the posting refusing it) is stored all the same, with that error as its
 * accounting outcome and no entries: when the posting refuses one, the batch returns to a savepoint
 * before its rows and stores them again, the refused ones marked `error` and not posted.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { recordDataEvents } from '../audit/environmentAudit.js';
import type { WriteContext } from '../domain/audit.js';
import { LinksError } from '../domain/errors.js';
import type { AccountingError, UnifiedModel } from '../domain/unifiedModels.js';
import type { LedgerTransaction } from '../ledger/scope.js';
import { loadRules, recognitionRule, type PostingModel } from '../rules/accountingRules.js';
import { checkPlanReachesDesired, desiredPosition, planPosting, postedPositions, postPlans, type PlannedPosting, type PostableRecord } from '../rules/recordPosting.js';
import { rollbackToSavepoint, setSavepoint } from '../storage/savepoints.js';
import { accountingColumns, accountingErrorOf, sameError } from './recordAccounting.js';
import { storeRecordRows } from '../storage/unifiedRecordRows.js';
import { preloadedReferences } from './recordReferences.js';
import { contentHash, deletedInLinks, prepareFields, recordColumns, sourceLockKey, versionRow, writableInput, type RecordChange, type VersionFlags } from './recordVersions.js';

export interface BatchRow {
  /** Where the row came from (a line of the file), for the report. */
  row: number;
  /** A valid create body of the model, with its source_id; source ids are distinct within a batch. */
  body: Record<string, unknown>;
}

/** A row written (with its accounting error when the books could not account for it), or refused as a record. */
export type BatchOutcome = { row: number; change: RecordChange; accountingError?: AccountingError } | { row: number; error: LinksError };

interface PendingWrite {
  row: number;
  record: PostableRecord;
  isNew: boolean;
  createdAt: Date | undefined;
  flags: VersionFlags;
  hash: Buffer;
  plan: PlannedPosting | undefined;
  accountingError: AccountingError | null;
  /** The same content as the stored version, whose accounting failed with this error: a retry. */
  retrying: AccountingError | undefined;
}

export async function upsertRecordBatch(
  trx: LedgerTransaction,
  tenantId: string,
  context: WriteContext,
  model: UnifiedModel,
  sourceSystem: string,
  rows: BatchRow[],
): Promise<BatchOutcome[]> {
  const sourceIds = rows.map((r) => r.body.source_id as string);
  // The same lock a single write takes, taken in one order by every batch: no deadlock between syncs.
  const keys = sourceIds.map((sourceId) => sourceLockKey(tenantId, model, sourceSystem, sourceId));
  await sql`SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtextextended(k, 0) AS h FROM unnest(${keys}::text[]) AS k ORDER BY 1) AS ordered`.execute(trx);
  const existing = new Map(
    (
      await trx
        .selectFrom('unified_records')
        .selectAll()
        .where('model', '=', model)
        .where(sql<boolean>`coalesce(source_system, '') = ${sourceSystem}`)
        .where('source_id', 'in', sourceIds)
        .forUpdate()
        .execute()
    ).map((row) => [row.source_id!, row]),
  );
  const references = await preloadedReferences(trx, rows.map((r) => writableInput(r.body)));
  const posts = model === 'invoice' || model === 'payment';
  const rules = posts ? await loadRules(trx) : undefined;
  const recognition = rules && recognitionRule(rules, model as PostingModel);
  const posted = recognition?.enabled ? await postedPositions(trx, [...existing.values()].map((r) => r.id)) : new Map();

  const outcomes: BatchOutcome[] = [];
  const pending: PendingWrite[] = [];
  for (const { row, body } of rows) {
    const sourceId = body.source_id as string;
    const prior = existing.get(sourceId);
    try {
      if (prior?.local_was_deleted) throw deletedInLinks(model, sourceId, prior.id);
      const input = writableInput(body);
      const flags = { is_active: input.is_active !== false, local_was_deleted: false, local_was_updated: false };
      const fields = await prepareFields(trx, model, input, references);
      const hash = contentHash(fields, flags);
      if (prior?.content_hash.equals(hash) && prior.accounting_status !== 'error' && prior.accounting_status !== 'pending') {
        outcomes.push({ row, change: 'unchanged' });
        continue;
      }
      const record: PostableRecord = { id: prior?.id ?? uuidv7(), model, version: prior ? prior.version + 1 : 1, fields, ...flags };
      let plan: PlannedPosting | undefined;
      let accountingError: AccountingError | null = null;
      if (recognition?.enabled) {
        try {
          const before = posted.get(record.id) ?? new Map();
          plan = planPosting(record, rules!, desiredPosition(record, recognition), before);
          checkPlanReachesDesired(record, rules!, before, plan);
        } catch (error) {
          if (!(error instanceof LinksError)) throw error;
          accountingError = accountingErrorOf(error);
        }
      }
      const retrying = prior?.content_hash.equals(hash) ? ((prior.accounting_error as AccountingError | null) ?? undefined) : undefined;
      if (accountingError && sameError(accountingError, retrying)) {
        outcomes.push({ row, change: 'unchanged', accountingError });
        continue;
      }
      pending.push({ row, record, isNew: !prior, createdAt: prior?.created_at, flags, hash, plan, accountingError, retrying });
    } catch (error) {
      if (!(error instanceof LinksError)) throw error;
      outcomes.push({ row, error });
    }
  }

  let writes = pending;
  if (writes.some((w) => w.plan)) await setSavepoint(trx, BEFORE_ROWS);
  for (;;) {
    await storeBatch(trx, tenantId, context, model, writes);
    const planned = writes.filter((w) => w.plan);
    const postings = await postPlans(trx, tenantId, { context }, planned.map((w) => ({ plan: w.plan!, record: w.record })));
    const refused = planned.filter((_w, i) => postings[i] instanceof LinksError);
    if (refused.length === 0) break;
    // Undo the rows (and release what the posting locked), then store them again, the refused ones unposted with their error.
    await rollbackToSavepoint(trx, BEFORE_ROWS);
    planned.forEach((write, i) => {
      const refusal = postings[i];
      if (refusal instanceof LinksError) {
        write.plan = undefined;
        write.accountingError = accountingErrorOf(refusal);
      }
    });
    // A retry refused as before stays the version it was.
    const repeated = new Set(refused.filter((w) => sameError(w.accountingError!, w.retrying)));
    for (const write of repeated) outcomes.push({ row: write.row, change: 'unchanged', accountingError: write.accountingError! });
    writes = writes.filter((w) => !repeated.has(w));
  }
  for (const write of writes) {
    outcomes.push({ row: write.row, change: write.isNew ? 'created' : 'updated', ...(write.accountingError ? { accountingError: write.accountingError } : {}) });
  }
  return outcomes;
}

const BEFORE_ROWS = 'record_batch_rows';

/** The accepted records' rows, their versions and audit events: a statement each. */
async function storeBatch(trx: LedgerTransaction, tenantId: string, context: WriteContext, model: UnifiedModel, writes: PendingWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const now = new Date();
  await storeRecordRows(
    trx,
    writes.map((w) => ({ tenant_id: tenantId, id: w.record.id, model, created_at: w.createdAt ?? now, ...recordColumns(w.record.fields, w.record.version, w.hash, w.flags, now), ...accountingOf(w) })),
  );
  await trx
    .insertInto('unified_record_versions')
    .values(writes.map((w) => versionRow(tenantId, w.record.id, w.record.version, w.record.fields, w.flags, now, context.requestId, accountingOf(w))))
    .execute();
  await recordDataEvents(trx, tenantId, context, [
    ...writes.map((w) => ({ action: `${model}.${w.isNew ? 'created' : 'updated'}`, resourceType: `unified_${model}`, resourceId: w.record.id })),
    ...writes.filter((w) => w.accountingError).map((w) => ({ action: `${model}.accounting_failed`, resourceType: `unified_${model}`, resourceId: w.record.id })),
  ]);
}

function accountingOf(write: PendingWrite) {
  return accountingColumns(write.accountingError ? 'error' : write.plan ? 'accounted' : 'not_applicable', write.accountingError);
}

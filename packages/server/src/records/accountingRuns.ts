/**
 * Accounting runs, as jobs. `retry` accounts for every record whose latest version is in `error` or
 * `pending` (marked `pending` when the run is queued); `reaccount` applies the current rules to every
 * invoice and payment and posts only the difference from what each already posted (the planner in
 * rules/recordPosting.ts: an adjustment, or a reversal and a new entry when accounts changed).
 * Nothing posted is modified. A re-account's difference dated in a closed month lands on the first
 * day of the first open month after it, and its entry says so (description and metadata
 * `moved_from_period`). Each account-for is a new record version, as any write.
 * The run is resumable: records are taken in id order, a step of RUN_STEP records commits their
 * versions with the job's checkpoint; a step done again is a no-op (a retried record is no longer in
 * error; a re-accounted one has no difference left). A second re-account posts nothing.
 * Errors: invalid_request (from after to).
 */
import type { WriteContext } from '../domain/audit.js';
import { LinksError } from '../domain/errors.js';
import type { Job } from '../domain/jobs.js';
import type { UnifiedModel } from '../domain/unifiedModels.js';
import type { JobContext } from '../jobs/jobWorker.js';
import { enqueueJob } from '../jobs/jobs.js';
import { writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import { planVersionPosting, type PlannedPosting } from '../rules/recordPosting.js';
import { closedPeriodsFrom, countRunRecords, markPending, nextRunRecords, settlePending, type RunSelection } from '../storage/accountingRuns.js';
import { rollbackToSavepoint, setSavepoint } from '../storage/savepoints.js';
import { postable, storeRecordVersion } from './recordVersions.js';

export interface AccountingRunParams {
  mode: 'retry' | 'reaccount';
  model?: UnifiedModel | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AccountingRunResult {
  mode: string;
  records: number;
  accounted: number;
  errors: number;
  /** Records whose books already held what the rules ask (re-account), or that no rule posts. */
  unchanged: number;
  entries: number;
}

const RUN_STEP = 50;
const RECORD_STEP = 'accounting_run_record';

/** Queues the run (202 with the job); a retry marks the records it will account for `pending` in the same transaction. */
export async function startAccountingRun(scope: LedgerScope, request: WriteRequest, params: AccountingRunParams): Promise<WriteOutcome<Job>> {
  if (params.from !== undefined && params.to !== undefined && params.from > params.to) {
    throw new LinksError('invalid_request', `from (${params.from}) is after to (${params.to}).`, [{ path: 'from', message: 'after to' }]);
  }
  return writeLedger(scope, request, 202, async (trx) => {
    if (params.mode === 'retry') await markPending(trx, params);
    return enqueueJob(trx, scope.tenantId, request.context, 'accounting_run', { ...params });
  });
}

/** The job's work (registered for kind `accounting_run`). */
export async function runAccounting(context: JobContext): Promise<Record<string, unknown>> {
  const params = context.job.params as unknown as AccountingRunParams;
  const selection: RunSelection = params;
  const writeContext = context.writeContext;
  const checkpoint = (context.checkpoint ?? {}) as { after?: string | null; total?: number; result?: AccountingRunResult };
  let after = checkpoint.after ?? null;
  let total = checkpoint.total;
  let result: AccountingRunResult = checkpoint.result ?? { mode: params.mode, records: 0, accounted: 0, errors: 0, unchanged: 0, entries: 0 };
  for (;;) {
    const more = await context.step(async (trx) => {
      total ??= await countRunRecords(trx, selection);
      const rows = await nextRunRecords(trx, selection, after, RUN_STEP);
      const step = { ...result };
      for (const row of rows) {
        // A record that is no longer valid as a record (a reference gone) is counted and skipped, not the run's end.
        await setSavepoint(trx, RECORD_STEP);
        try {
          await accountRecord(trx, context.scope.tenantId, writeContext, params.mode, row, step);
        } catch (error) {
          if (!(error instanceof LinksError)) throw error;
          await rollbackToSavepoint(trx, RECORD_STEP);
          await settlePending(trx, row.id);
          step.records += 1;
          step.errors += 1;
        }
      }
      const last = rows.at(-1);
      if (last) after = last.id;
      result = step;
      return { value: rows.length === RUN_STEP, done: result.records, total: total ?? null, checkpoint: { after, total, result } };
    });
    if (!more) return { ...result };
  }
}

async function accountRecord(trx: LedgerTransaction, tenantId: string, context: WriteContext, mode: AccountingRunParams['mode'], row: Parameters<typeof postable>[0], result: AccountingRunResult): Promise<void> {
  result.records += 1;
  const flags = { is_active: row.is_active, local_was_deleted: row.local_was_deleted, local_was_updated: row.local_was_updated };
  const awaiting = row.accounting_status === 'error' || row.accounting_status === 'pending';
  if (mode === 'reaccount' && !awaiting && !(await hasDifference(trx, row))) {
    result.unchanged += 1;
    return;
  }
  const run = mode === 'reaccount' ? { adjustPlan: (plan: PlannedPosting) => skipClosedPeriods(trx, plan) } : {};
  const stored = await storeRecordVersion(trx, tenantId, context, row.model as UnifiedModel, row, row.fields, flags, run);
  const outcome = stored.record.accounting as { status: string; entries: string[] };
  if (outcome.status === 'error') {
    result.errors += 1;
    await settlePending(trx, row.id);
  } else if (outcome.status === 'accounted' && stored.change !== 'unchanged') {
    result.accounted += 1;
    result.entries += outcome.entries.length;
  } else result.unchanged += 1;
}

/** Whether the current rules would post anything for the record (an error to report counts). */
async function hasDifference(trx: LedgerTransaction, row: Parameters<typeof postable>[0]): Promise<boolean> {
  try {
    return (await planVersionPosting(trx, postable(row))) !== undefined;
  } catch (error) {
    if (error instanceof LinksError) return true;
    throw error;
  }
}

const nextMonth = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** Entries dated in a closed month move to the first day of the first open month after it, saying so. */
async function skipClosedPeriods(trx: LedgerTransaction, plan: PlannedPosting): Promise<PlannedPosting> {
  const earliest = plan.entries.map((e) => e.date.slice(0, 7)).sort()[0];
  if (earliest === undefined) return plan;
  const closed = await closedPeriodsFrom(trx, earliest);
  if (closed.size === 0) return plan;
  return {
    ...plan,
    entries: plan.entries.map((entry) => {
      const period = entry.date.slice(0, 7);
      if (!closed.has(period)) return entry;
      let open = nextMonth(period);
      while (closed.has(open)) open = nextMonth(open);
      return { ...entry, date: `${open}-01`, description: `${entry.description} (period ${period} closed: posted in ${open})`, metadata: { ...entry.metadata, moved_from_period: period } };
    }),
  };
}

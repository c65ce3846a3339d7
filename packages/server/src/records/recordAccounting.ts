/**
 * Accounting for a stored record version. Capture never depends on the books: the rules plan the
 * version, its posting runs LAST in the write's transaction behind a savepoint, and when the books
 * refuse (no account, a closed period, no customer for the receivable, …) the posting is undone and
 * the version is kept with the error as its accounting outcome, audited, and listed as an exception.
 * A version posts all or nothing. Record errors (schema, money format, missing references) are
 * refused before this, as before.
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import type { WriteContext } from '../domain/audit.js';
import { LinksError } from '../domain/errors.js';
import type { JournalEntry } from '../domain/ledger.js';
import type { AccountingError, AccountingOutcome, AccountingStatus } from '../domain/unifiedModels.js';
import type { LedgerTransaction } from '../ledger/scope.js';
import { planVersionPosting, postPlans, type PlannedPosting, type PostableRecord } from '../rules/recordPosting.js';
import { rollbackToSavepoint, setSavepoint } from '../storage/savepoints.js';

/** What the rules make of a version before anything posts: `accounted` carries its plan. */
type PlannedOutcome = { status: 'not_applicable' } | { status: 'accounted'; plan: PlannedPosting } | { status: 'error'; error: AccountingError };

export function accountingErrorOf(error: LinksError): AccountingError {
  return { code: error.code, message: error.message, details: error.details };
}

/** The error a planned outcome carries, for the stored columns. */
function plannedError(planned: PlannedOutcome): AccountingError | null {
  return planned.status === 'error' ? planned.error : null;
}

/** Plans the version; a rule that cannot account for it gives an `error` outcome, not a refusal. */
async function planOutcome(trx: LedgerTransaction, record: PostableRecord): Promise<PlannedOutcome> {
  try {
    const plan = await planVersionPosting(trx, record);
    return plan ? { status: 'accounted', plan } : { status: 'not_applicable' };
  } catch (error) {
    if (!(error instanceof LinksError)) throw error;
    return { status: 'error', error: accountingErrorOf(error) };
  }
}

/** An outcome as the record shows it. */
function outcome(status: AccountingStatus, entries: string[], error: AccountingError | null): AccountingOutcome {
  return { status, entries, error };
}

/** The outcome columns of a version and of its record, as stored with the version. */
export interface AccountingColumns {
  accounting_status: AccountingStatus;
  accounting_error: string | null;
}

export function accountingColumns(status: AccountingStatus, error: AccountingError | null): AccountingColumns {
  return { accounting_status: status, accounting_error: error === null ? null : JSON.stringify(error) };
}

const BEFORE_ROWS = 'record_version_rows';

/**
 * Stores the version (`store` writes its row, version and audit event with the outcome columns it
 * is given) and accounts for it, the posting LAST: it holds the tenant's hash-chain head until
 * commit. A version never changes, so a refused posting returns to a savepoint before the rows
 * (releasing what the posting locked) and stores them again with the error, audited.
 */
export async function storeAndAccount<T>(
  trx: LedgerTransaction,
  tenantId: string,
  context: WriteContext,
  record: PostableRecord,
  store: (accounting: AccountingColumns) => Promise<T>,
  retrying?: AccountingError,
  adjustPlan?: (plan: PlannedPosting) => Promise<PlannedPosting>,
): Promise<{ stored: T; outcome: AccountingOutcome } | { stored: undefined; outcome: AccountingOutcome }> {
  const planned = await planOutcome(trx, record);
  // A retry that fails as the version before did stores nothing: re-running a sync does not churn versions.
  if (planned.status === 'error' && sameError(planned.error, retrying)) return { stored: undefined, outcome: outcome('error', [], planned.error) };
  if (planned.status !== 'accounted') {
    const stored = await store(accountingColumns(planned.status, plannedError(planned)));
    if (planned.status === 'error') await auditAccountingFailure(trx, tenantId, context, record);
    return { stored, outcome: outcome(planned.status, [], plannedError(planned)) };
  }
  const plan = adjustPlan ? await adjustPlan(planned.plan) : planned.plan;
  await setSavepoint(trx, BEFORE_ROWS);
  const first = await store(accountingColumns('accounted', null));
  const [posted] = (await postPlans(trx, tenantId, { context }, [{ plan, record }])) as [JournalEntry[] | LinksError];
  if (!(posted instanceof LinksError)) return { stored: first, outcome: outcome('accounted', posted.map((entry) => entry.id), null) };
  await rollbackToSavepoint(trx, BEFORE_ROWS);
  const error = accountingErrorOf(posted);
  if (sameError(error, retrying)) return { stored: undefined, outcome: outcome('error', [], error) };
  const stored = await store(accountingColumns('error', error));
  await auditAccountingFailure(trx, tenantId, context, record);
  return { stored, outcome: outcome('error', [], error) };
}

async function auditAccountingFailure(trx: LedgerTransaction, tenantId: string, context: WriteContext, record: PostableRecord): Promise<void> {
  await recordDataEvent(trx, tenantId, context, { action: `${record.model}.accounting_failed`, resourceType: `unified_${record.model}`, resourceId: record.id });
}

/** Whether a version's accounting failed exactly as a previous version's did. */
export function sameError(error: AccountingError, previous: AccountingError | null | undefined): boolean {
  // Compared field by field: the stored one comes back from jsonb, whose key order is its own.
  const text = (e: AccountingError) => JSON.stringify([e.code, e.message, e.details.map((d) => [d.path, d.message])]);
  return previous != null && text(error) === text(previous);
}

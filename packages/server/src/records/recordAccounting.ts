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
import { markAccountingOutcome } from '../storage/recordAccounting.js';
import { rollbackToSavepoint, setSavepoint } from '../storage/savepoints.js';

/** What the rules make of a version before anything posts: `accounted` carries its plan. */
export type PlannedOutcome = { status: 'not_applicable' } | { status: 'accounted'; plan: PlannedPosting } | { status: 'error'; error: AccountingError };

export function accountingErrorOf(error: LinksError): AccountingError {
  return { code: error.code, message: error.message, details: error.details };
}

/** The error a planned outcome carries, for the stored columns. */
export function plannedError(planned: PlannedOutcome): AccountingError | null {
  return planned.status === 'error' ? planned.error : null;
}

/** Plans the version; a rule that cannot account for it gives an `error` outcome, not a refusal. */
export async function planOutcome(trx: LedgerTransaction, record: PostableRecord): Promise<PlannedOutcome> {
  try {
    const plan = await planVersionPosting(trx, record);
    return plan ? { status: 'accounted', plan } : { status: 'not_applicable' };
  } catch (error) {
    if (!(error instanceof LinksError)) throw error;
    return { status: 'error', error: accountingErrorOf(error) };
  }
}

/** An outcome as the record shows it. */
export function outcome(status: AccountingStatus, entries: string[], error: AccountingError | null): AccountingOutcome {
  return { status, entries, error };
}

const BEFORE_POSTING = 'record_version_posting';

/**
 * Completes the version's accounting; the version is stored with the planned status. Call it last:
 * a posting holds the tenant's hash-chain head until commit. A refused posting is rolled back to the
 * savepoint (releasing what it locked), then the version is marked `error` and the failure audited.
 */
export async function completeAccounting(trx: LedgerTransaction, tenantId: string, context: WriteContext, record: PostableRecord, planned: PlannedOutcome): Promise<AccountingOutcome> {
  if (planned.status === 'not_applicable') return outcome('not_applicable', [], null);
  if (planned.status === 'error') {
    await auditAccountingFailure(trx, tenantId, context, record);
    return outcome('error', [], planned.error);
  }
  await setSavepoint(trx, BEFORE_POSTING);
  let posted: JournalEntry[] | LinksError;
  try {
    [posted] = (await postPlans(trx, tenantId, { context }, [{ plan: planned.plan, record }])) as [JournalEntry[] | LinksError];
  } catch (error) {
    if (!(error instanceof LinksError)) throw error;
    posted = error;
  }
  if (!(posted instanceof LinksError)) return outcome('accounted', posted.map((entry) => entry.id), null);
  await rollbackToSavepoint(trx, BEFORE_POSTING);
  const error = accountingErrorOf(posted);
  await markAccountingOutcome(trx, record.id, record.version, 'error', error);
  await auditAccountingFailure(trx, tenantId, context, record);
  return outcome('error', [], error);
}

async function auditAccountingFailure(trx: LedgerTransaction, tenantId: string, context: WriteContext, record: PostableRecord): Promise<void> {
  await recordDataEvent(trx, tenantId, context, { action: `${record.model}.accounting_failed`, resourceType: `unified_${record.model}`, resourceId: record.id });
}

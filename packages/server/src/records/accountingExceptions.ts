/**
 * The accounting exceptions: records whose latest version could not be accounted for (a missing
 * account, a closed period, no customer for the receivable, …), newest first. A record a later write
 * accounted for no longer appears; each item carries the error that says what to fix.
 * Errors: invalid_request (a cursor this API did not issue for this list).
 */
import { decodeCursor, type CursorBinding } from '../domain/cursor.js';
import { isTimeIdPosition, keysetPage, rowsToRead } from '../domain/keysetPage.js';
import type { AccountingError, UnifiedModel } from '../domain/unifiedModels.js';
import { readLedger, type LedgerScope } from '../ledger/scope.js';
import { accountingExceptionRows } from '../storage/recordAccounting.js';

export interface AccountingException {
  record_id: string;
  model: string;
  version: number;
  source_system: string | null;
  source_id: string | null;
  error: AccountingError;
  created_at: string;
}

export interface ExceptionFilter {
  model?: UnifiedModel | undefined;
  code?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A page of exceptions; `next_cursor` continues it (null on the last page). */
export interface ExceptionPage {
  data: AccountingException[];
  limit: number;
  next_cursor: string | null;
}

export async function listAccountingExceptions(scope: LedgerScope, filter: ExceptionFilter, binding: CursorBinding): Promise<ExceptionPage> {
  const after = filter.cursor === undefined ? undefined : decodeCursor(binding, filter.cursor, isTimeIdPosition);
  return readLedger(scope, async (trx) => {
    const rows = await accountingExceptionRows(trx, filter, after, rowsToRead(filter.limit));
    const { shown, next_cursor } = keysetPage(rows, filter.limit, binding, (last) => ({ at: last.updated_at.toISOString(), id: last.id }));
    return {
      data: shown.map((r) => ({
        record_id: r.id,
        model: r.model,
        version: r.version,
        source_system: r.source_system,
        source_id: r.source_id,
        error: r.accounting_error as unknown as AccountingError,
        // The version's time: when this outcome was recorded.
        created_at: r.updated_at.toISOString(),
      })),
      limit: filter.limit,
      next_cursor,
    };
  });
}

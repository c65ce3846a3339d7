/**
 * Accounting periods are calendar months, open unless closed. Closing a month refuses postings and
 * reversals dated in it (period_closed) until it is reopened. A month appears in the list once
 * anything was posted into it or its status was changed. A month that has not ended (its last day
 * is today or later, UTC) is closed only when the call says `force`.
 * Errors: period_not_ended, idempotency_key_reused.
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import { hasEnded, lastDayOf } from '../domain/calendar.js';
import { LinksError } from '../domain/errors.js';
import type { Period } from '../domain/ledger.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from './scope.js';

export async function listPeriods(scope: LedgerScope, page: PageRequest): Promise<Page<Period>> {
  return readLedger(scope, async (trx) => {
    const rows = await trx.selectFrom('periods').selectAll().orderBy('period', 'desc').limit(page.limit).offset(offsetOf(page)).execute();
    const count = await trx.selectFrom('periods').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return toPage(
      rows.map((r) => ({ period: r.period, status: r.status, changed_at: r.changed_at.toISOString() })),
      Number(count.n),
      page,
    );
  });
}

/** Refuses to close a month that has not ended, unless forced. */
export function checkPeriodEnded(period: string, force: boolean | undefined, path = 'force'): void {
  if (force || hasEnded(period)) return;
  throw new LinksError('period_not_ended', `The period ${period} has not ended (its last day is ${lastDayOf(period)}); send "force": true to close it anyway.`, [
    { path, message: 'the period has not ended' },
  ]);
}

/** Sets a month's status inside the caller's transaction; the same status again changes nothing. */
export async function changePeriodStatus(
  trx: LedgerTransaction,
  tenantId: string,
  request: WriteRequest,
  period: string,
  status: 'open' | 'closed',
): Promise<Period> {
  const current = await trx.selectFrom('periods').selectAll().where('period', '=', period).forUpdate().executeTakeFirst();
  if (current?.status === status || (!current && status === 'open')) {
    return { period, status, changed_at: current?.changed_at.toISOString() ?? null };
  }
  const changedAt = new Date();
  await trx
    .insertInto('periods')
    .values({ tenant_id: tenantId, period, status, changed_at: changedAt })
    .onConflict((oc) => oc.columns(['tenant_id', 'period']).doUpdateSet({ status, changed_at: changedAt }))
    .execute();
  await recordDataEvent(trx, tenantId, request.context, {
    action: status === 'closed' ? 'period.closed' : 'period.reopened',
    resourceType: 'period',
    resourceId: period,
  });
  return { period, status, changed_at: changedAt.toISOString() };
}

/** Closing a closed month, or reopening an open one, changes nothing and says so with the same answer. */
export async function setPeriodStatus(
  scope: LedgerScope,
  request: WriteRequest,
  period: string,
  status: 'open' | 'closed',
  options: { force?: boolean | undefined } = {},
): Promise<WriteOutcome<Period>> {
  if (status === 'closed') checkPeriodEnded(period, options.force);
  return writeLedger(scope, request, 200, (trx) => changePeriodStatus(trx, scope.tenantId, request, period, status));
}

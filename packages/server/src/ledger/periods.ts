/**
 * Accounting periods are calendar months, open unless closed. Closing a month refuses postings and
 * reversals dated in it (period_closed) until it is reopened. A month appears in the list once
 * anything was posted into it or its status was changed.
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import type { Period } from '../domain/ledger.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import { readLedger, writeLedger, type LedgerScope, type WriteOutcome, type WriteRequest } from './scope.js';

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

/** Closing a closed month, or reopening an open one, changes nothing and says so with the same answer. */
export async function setPeriodStatus(
  scope: LedgerScope,
  request: WriteRequest,
  period: string,
  status: 'open' | 'closed',
): Promise<WriteOutcome<Period>> {
  return writeLedger(scope, request, 200, async (trx) => {
    const current = await trx.selectFrom('periods').selectAll().where('period', '=', period).forUpdate().executeTakeFirst();
    if (current?.status === status || (!current && status === 'open')) {
      return { period, status, changed_at: current?.changed_at.toISOString() ?? null };
    }
    const changedAt = new Date();
    await trx
      .insertInto('periods')
      .values({ tenant_id: scope.tenantId, period, status, changed_at: changedAt })
      .onConflict((oc) => oc.columns(['tenant_id', 'period']).doUpdateSet({ status, changed_at: changedAt }))
      .execute();
    await recordDataEvent(trx, scope.tenantId, request.context, {
      action: status === 'closed' ? 'period.closed' : 'period.reopened',
      resourceType: 'period',
      resourceId: period,
    });
    return { period, status, changed_at: changedAt.toISOString() };
  });
}

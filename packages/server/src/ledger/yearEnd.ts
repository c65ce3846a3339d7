/**
 * Year-end close: one closing entry per currency, dated 31 December, moves the year's revenue and
 * expense movements to a retained-earnings account (reference `year-end:YYYY`, metadata
 * `closing: true`), then the year's twelve months close. Reopening the year reopens the months
 * and reverses those entries on the same date, so every balance at every date is as before.
 * A year is closed while it has a closing entry not reversed — or, when it had nothing to close,
 * while all its months are closed.
 * Reopening a year that is not closed posts nothing; it still opens those of its months that are closed.
 * Errors: period_not_ended (the year is not over; `force` closes it anyway), conflict (already
 * closed), unknown_account (no retained-earnings account),
 * invalid_request (that account is not equity; several accounts are marked), the posting errors
 * (currency_mismatch when the retained-earnings account is restricted to another currency),
 * idempotency_key_reused.
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import { lastDayOf, monthsOf } from '../domain/calendar.js';
import { RETAINED_EARNINGS_MARK } from '../domain/chartTemplates.js';
import { LinksError } from '../domain/errors.js';
import type { JournalEntryInput } from '../domain/ledger.js';
import { formatMinor } from '../domain/money.js';
import { lockYearPeriods, markedRetainedEarnings, resultBalances, standingClosingEntries, yearEndReference, type ResultBalance } from '../storage/closingEntries.js';
import { entryViews } from './entryView.js';
import { changePeriodStatus, checkPeriodEnded } from './periods.js';
import { postEntries, type PostingOptions } from './posting.js';
import { writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from './scope.js';

export interface YearEnd {
  year: string;
  status: 'closed' | 'open';
  retained_earnings_account: string | null;
  /** The closing entries posted (close) or the reversals posted (reopen). */
  entries: string[];
  periods: string[];
}

async function retainedEarningsAccount(trx: LedgerTransaction, named: string | undefined): Promise<string> {
  if (named !== undefined) {
    const account = await trx.selectFrom('accounts').select(['code', 'type']).where('code', '=', named).executeTakeFirst();
    if (!account) throw new LinksError('unknown_account', `No account ${JSON.stringify(named)}.`, [{ path: 'retained_earnings_account', message: 'no such account' }]);
    if (account.type !== 'equity') {
      throw new LinksError('invalid_request', `Retained earnings go to an equity account; ${named} is a ${account.type} account.`, [
        { path: 'retained_earnings_account', message: `a ${account.type} account` },
      ]);
    }
    return account.code;
  }
  const marked = (await markedRetainedEarnings(trx)).filter((a) => a.type === 'equity');
  if (marked.length === 1) return marked[0]!.code;
  if (marked.length === 0) {
    throw new LinksError('unknown_account', `Name the equity account for the year's result in "retained_earnings_account", or mark one with metadata {"${RETAINED_EARNINGS_MARK}": true} (the saas chart template marks 3900).`, [
      { path: 'retained_earnings_account', message: 'required: no account is marked as retained earnings' },
    ]);
  }
  throw new LinksError('invalid_request', `Several accounts are marked as retained earnings (${marked.map((a) => a.code).join(', ')}): name one in "retained_earnings_account".`, [
    { path: 'retained_earnings_account', message: 'required: several accounts are marked' },
  ]);
}

/** One entry per currency: each account's movement mirrored, the difference to retained earnings. */
function closingEntries(year: string, balances: ResultBalance[], retainedEarnings: string): JournalEntryInput[] {
  const byCurrency = new Map<string, ResultBalance[]>();
  for (const b of balances.filter((x) => x.net !== 0n)) byCurrency.set(b.currency, [...(byCurrency.get(b.currency) ?? []), b]);
  return [...byCurrency].map(([currency, accounts]) => {
    const side = (account: string, net: bigint) => (net > 0n ? { account, credit: formatMinor(net, currency) } : { account, debit: formatMinor(-net, currency) });
    const result = accounts.reduce((s, a) => s + a.net, 0n);
    const lines = accounts.map((a) => side(a.code, a.net));
    if (result !== 0n) lines.push(side(retainedEarnings, -result));
    return {
      date: `${year}-12-31`,
      description: `Year-end close ${year}: revenue and expenses to retained earnings`,
      currency,
      reference: yearEndReference(year),
      lines,
      metadata: { closing: true, closing_year: year, retained_earnings_account: retainedEarnings },
    };
  });
}

/** Posts entries inside the caller's transaction (no key of their own: the call's key covers them). */
async function postInside(trx: LedgerTransaction, scope: LedgerScope, request: WriteRequest, entries: JournalEntryInput[], options: PostingOptions): Promise<string[]> {
  if (entries.length === 0) return [];
  const [outcome] = await postEntries(trx, scope.tenantId, [{ request: { ...request, idempotencyKey: undefined }, entries, shape: 'batch' }], options);
  if (outcome instanceof LinksError) throw outcome;
  return (outcome!.body.data as { entries: Array<{ id: string }> }).entries.map((e) => e.id);
}

export async function closeYear(
  scope: LedgerScope,
  request: WriteRequest,
  year: string,
  input: { retained_earnings_account?: string | undefined; force?: boolean | undefined },
): Promise<WriteOutcome<YearEnd>> {
  checkPeriodEnded(`${year}-12`, input.force);
  const months = monthsOf(year);
  return writeLedger(scope, request, 200, async (trx) => {
    const periods = await lockYearPeriods(trx, scope.tenantId, months);
    const balances = await resultBalances(trx, `${year}-01-01`, lastDayOf(`${year}-12`));
    const nothingToClose = balances.every((b) => b.net === 0n);
    if ((await standingClosingEntries(trx, year)).length > 0 || (nothingToClose && periods.every((p) => p.status === 'closed'))) {
      throw new LinksError('conflict', `The year ${year} is already closed; reopen it first (POST /api/v1/periods/${year}/reopen-year).`);
    }
    const retainedEarnings = await retainedEarningsAccount(trx, input.retained_earnings_account);
    // The closing entries are dated 31 December: that month must be open while they post.
    await changePeriodStatus(trx, scope.tenantId, request, `${year}-12`, 'open');
    const entries = await postInside(trx, scope, request, closingEntries(year, balances, retainedEarnings), { allowInactiveAccounts: true });
    for (const month of months) await changePeriodStatus(trx, scope.tenantId, request, month, 'closed');
    // Invariant: after the close, no revenue or expense account has a movement left in the year.
    const left = (await resultBalances(trx, `${year}-01-01`, `${year}-12-31`)).filter((b) => b.net !== 0n);
    if (left.length > 0) throw new Error(`invariant broken: year ${year} closed with ${left.map((b) => `${b.code} ${b.currency}`).join(', ')} left`);
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'year.closed', resourceType: 'year', resourceId: year });
    return { year, status: 'closed', retained_earnings_account: retainedEarnings, entries, periods: months };
  });
}

export async function reopenYear(scope: LedgerScope, request: WriteRequest, year: string): Promise<WriteOutcome<YearEnd>> {
  const months = monthsOf(year);
  return writeLedger(scope, request, 200, async (trx) => {
    await lockYearPeriods(trx, scope.tenantId, months);
    const closing = await standingClosingEntries(trx, year);
    for (const month of months) await changePeriodStatus(trx, scope.tenantId, request, month, 'open');
    const reversals: string[] = [];
    for (const original of await entryViews(trx, closing)) {
      const mirrored: JournalEntryInput = {
        date: original.date,
        description: `Reopening of: ${original.description}`,
        currency: original.currency,
        reference: original.reference ?? undefined,
        lines: original.lines.map((l) => ({ account: l.account, ...(l.debit ? { credit: l.debit } : { debit: l.credit! }) })),
        metadata: original.metadata,
      };
      reversals.push(...(await postInside(trx, scope, request, [mirrored], { allowInactiveAccounts: true, reversalOf: original.id })));
    }
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'year.reopened', resourceType: 'year', resourceId: year });
    const retainedEarnings = (closing[0]?.metadata.retained_earnings_account as string | undefined) ?? null;
    return { year, status: 'open', retained_earnings_account: retainedEarnings, entries: reversals, periods: months };
  });
}

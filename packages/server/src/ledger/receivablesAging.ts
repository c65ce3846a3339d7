/**
 * Receivables aging: what each customer owes at a date, by how long it is past due. The amounts
 * come from the customer sub-ledger (party = unified customer id); invoices only say where those
 * amounts sit in time. A customer's balance is matched to its invoices newest due date first (the
 * oldest invoices count as paid first), each invoice up to what its own entries left on the
 * receivable; each matched amount goes to the bucket of its invoice's days past due at `as_of`.
 * What no invoice with a due date accounts for — manual lines, invoices without a due date,
 * payments on account or overpayments (a credit balance, negative) — is `unallocated`. So every
 * customer's buckets sum to its balance, and the totals to the control account's balance, per
 * currency (checked on every read).
 * Errors: not_found (account), subledger_account_required (the account has no sub-ledger).
 */
import { daysBetween, isCalendarDate, todayUtc } from '../domain/calendar.js';
import { LinksError } from '../domain/errors.js';
import { formatMinor } from '../domain/money.js';
import { loadRules, recognitionRule } from '../rules/accountingRules.js';
import { accountNets, invoiceReceivables, partyNets, type InvoiceReceivable } from '../storage/receivablesAging.js';
import { findAccount } from './accounts.js';
import { partyNames } from './parties.js';
import { readLedger, type LedgerScope } from './scope.js';

const AGING_BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90', 'unallocated'] as const;
type AgingBucket = (typeof AGING_BUCKETS)[number];

type Buckets = Record<AgingBucket | 'total', string>;

export interface ReceivablesAging {
  as_of: string;
  account: string;
  subledger: string;
  currencies: Array<{ currency: string; customers: Array<{ customer: string; name: string | null } & Buckets>; totals: Buckets; control_account_balance: string }>;
}

/** Not yet due (due today or later) is `current`; then 1–30, 31–60, 61–90 and over 90 days past due. */
function bucketOf(dueDate: string, asOf: string): AgingBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return 'days_1_30';
  if (late <= 60) return 'days_31_60';
  if (late <= 90) return 'days_61_90';
  return 'days_over_90';
}

/** Spreads one customer's balance over its invoices, newest due date first; the rest is unallocated. */
function ageBalance(balance: bigint, invoices: InvoiceReceivable[], asOf: string): Map<AgingBucket, bigint> {
  const buckets = new Map<AgingBucket, bigint>(AGING_BUCKETS.map((b) => [b, 0n]));
  const dated = invoices
    .filter((i) => i.net > 0n && i.due_date !== null && isCalendarDate(i.due_date))
    .sort((a, b) => b.due_date!.localeCompare(a.due_date!) || b.record_id.localeCompare(a.record_id));
  let left = balance;
  for (const invoice of dated) {
    if (left <= 0n) break;
    // biome-ignore lint/complexity/useMathMinMax: bigint amounts; Math.min takes numbers only
    const take = invoice.net < left ? invoice.net : left;
    const bucket = bucketOf(invoice.due_date!, asOf);
    buckets.set(bucket, buckets.get(bucket)! + take);
    left -= take;
  }
  buckets.set('unallocated', left);
  return buckets;
}

export async function receivablesAging(scope: LedgerScope, query: { as_of?: string | undefined; account?: string | undefined }): Promise<ReceivablesAging> {
  const asOf = query.as_of ?? todayUtc();
  return readLedger(scope, async (trx) => {
    const code = query.account ?? recognitionRule(await loadRules(trx), 'invoice').receivable_account;
    const account = await findAccount(trx, code);
    if (account.subledger_code === null) {
      throw new LinksError('subledger_account_required', `Account ${code} has no sub-ledger: the aging reads receivables per customer from a control account's sub-ledger.`, [
        { path: 'account', message: 'not a control account' },
      ]);
    }
    const invoices = await invoiceReceivables(trx, account.id, asOf);
    const parties = await partyNets(trx, account.id, asOf);
    const control = await accountNets(trx, account.id, asOf);
    const nameOf = await partyNames(trx, parties.map((p) => p.party));
    const currencies = [...new Set([...parties.map((p) => p.currency), ...control.keys()])].sort();
    return {
      as_of: asOf,
      account: account.code,
      subledger: account.subledger_code,
      currencies: currencies.map((currency) => {
        const totals = new Map<AgingBucket, bigint>(AGING_BUCKETS.map((b) => [b, 0n]));
        const fmt = (buckets: Map<AgingBucket, bigint>, total: bigint) =>
          ({ ...Object.fromEntries(AGING_BUCKETS.map((b) => [b, formatMinor(buckets.get(b)!, currency)])), total: formatMinor(total, currency) }) as Buckets;
        let total = 0n;
        const customers = parties
          .filter((p) => p.currency === currency && p.net !== 0n)
          .map((p) => {
            const aged = ageBalance(p.net, invoices.filter((i) => i.party === p.party && i.currency === currency), asOf);
            for (const b of AGING_BUCKETS) totals.set(b, totals.get(b)! + aged.get(b)!);
            total += p.net;
            return { customer: p.party, name: nameOf(p.party), ...fmt(aged, p.net) };
          });
        const controlBalance = control.get(currency) ?? 0n;
        // Invariant: the buckets sum to the control account's balance (the sub-ledger sums to it too).
        const bucketSum = AGING_BUCKETS.reduce((s, b) => s + totals.get(b)!, 0n);
        if (bucketSum !== controlBalance || total !== controlBalance) {
          throw new Error(`invariant broken: ${currency} aging ${bucketSum} / customers ${total} ≠ control account ${code} ${controlBalance}`);
        }
        return { currency, customers, totals: fmt(totals, total), control_account_balance: formatMinor(controlBalance, currency) };
      }),
    };
  });
}

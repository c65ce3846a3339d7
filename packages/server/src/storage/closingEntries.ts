/**
 * Storage reads of the year-end close. A closing entry is marked `metadata.closing = true` and
 * carries the reference `year-end:YYYY`; its reversal (posted when the year is reopened) copies
 * both, so reports that leave closing entries out leave out the pair.
 */
import { sql, type Transaction } from 'kysely';
import type { AccountType } from '../domain/ledger.js';
import type { EnvironmentDatabase } from './environmentSchema.js';

type Trx = Transaction<EnvironmentDatabase>;

export const yearEndReference = (year: string) => `year-end:${year}`;

/** Creates the year's month rows if missing and locks them: year-end calls of a tenant run one at a time. */
export async function lockYearPeriods(trx: Trx, tenantId: string, months: string[]): Promise<Array<{ period: string; status: 'open' | 'closed' }>> {
  await trx
    .insertInto('periods')
    .values(months.map((period) => ({ tenant_id: tenantId, period, status: 'open' as const })))
    .onConflict((oc) => oc.columns(['tenant_id', 'period']).doNothing())
    .execute();
  return trx.selectFrom('periods').select(['period', 'status']).where('period', 'in', months).orderBy('period').forUpdate().execute();
}

/** The year's closing entries that have not been reversed. */
export async function standingClosingEntries(trx: Trx, year: string) {
  return trx
    .selectFrom('journal_entries as e')
    .selectAll('e')
    .where('e.reference', '=', yearEndReference(year))
    .where('e.reversal_of', 'is', null)
    .where(sql<boolean>`e.metadata->>'closing' = 'true'`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('journal_entries as r').select(sql`1`.as('one')).whereRef('r.tenant_id', '=', 'e.tenant_id').whereRef('r.reversal_of', '=', 'e.id'))),
    )
    .orderBy('e.sequence')
    .execute();
}

export interface ResultBalance {
  code: string;
  type: AccountType;
  currency: string;
  /** Debits minus credits over the range. */
  net: bigint;
}

/** Each revenue and expense account's movement over [from, to], per currency, closing entries included. */
export async function resultBalances(trx: Trx, from: string, to: string): Promise<ResultBalance[]> {
  const { rows } = await sql<{ code: string; type: AccountType; currency: string; net: string }>`
    SELECT a.code, a.type, d.currency, sum(d.debits - d.credits)::text AS net
      FROM account_daily_balances d JOIN accounts a ON a.tenant_id = d.tenant_id AND a.id = d.account_id
     WHERE a.type IN ('revenue', 'expense') AND d.date >= ${from}::date AND d.date <= ${to}::date
     GROUP BY a.code, a.type, d.currency
     ORDER BY d.currency, a.code`.execute(trx);
  return rows.map((r) => ({ code: r.code, type: r.type, currency: r.currency, net: BigInt(r.net) }));
}

/** What closing entries (and their reversals) moved on each account over a range, in one currency. */
export async function closingMovements(trx: Trx, currency: string, from: string | undefined, to: string | undefined): Promise<Map<string, bigint>> {
  const { rows } = await sql<{ code: string; net: string }>`
    SELECT a.code, sum(l.debit - l.credit)::text AS net
      FROM journal_entries e
      JOIN journal_lines l ON l.tenant_id = e.tenant_id AND l.entry_id = e.id
      JOIN accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
     WHERE e.reference LIKE 'year-end:%' AND e.metadata->>'closing' = 'true' AND e.currency = ${currency}
       ${from ? sql`AND e.date >= ${from}::date` : sql``}
       ${to ? sql`AND e.date <= ${to}::date` : sql``}
     GROUP BY a.code`.execute(trx);
  return new Map(rows.map((r) => [r.code, BigInt(r.net)]));
}

/** Accounts marked `metadata.retained_earnings = true` (the chart templates mark one). */
export async function markedRetainedEarnings(trx: Trx): Promise<Array<{ code: string; type: AccountType }>> {
  return trx.selectFrom('accounts').select(['code', 'type']).where(sql<boolean>`metadata->>'retained_earnings' = 'true'`).orderBy('code').execute();
}

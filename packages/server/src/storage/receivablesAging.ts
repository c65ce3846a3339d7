/**
 * Storage reads of the receivables aging, all at a date: each party's balance on a control account,
 * the account's own balance, and what each invoice record's entries left on the account.
 */
import { sql, type Transaction } from 'kysely';
import type { EnvironmentDatabase } from './environmentSchema.js';

type Trx = Transaction<EnvironmentDatabase>;

/** Debits minus credits per party and currency, up to and including `asOf`. */
export async function partyNets(trx: Trx, accountId: string, asOf: string): Promise<Array<{ party: string; currency: string; net: bigint }>> {
  const { rows } = await sql<{ party: string; currency: string; net: string }>`
    SELECT party, currency, sum(debits - credits)::text AS net
      FROM party_daily_balances WHERE account_id = ${accountId} AND date <= ${asOf}::date
     GROUP BY party, currency ORDER BY currency, party`.execute(trx);
  return rows.map((r) => ({ party: r.party, currency: r.currency, net: BigInt(r.net) }));
}

/** Debits minus credits of the account per currency, up to and including `asOf`. */
export async function accountNets(trx: Trx, accountId: string, asOf: string): Promise<Map<string, bigint>> {
  const { rows } = await sql<{ currency: string; net: string }>`
    SELECT currency, sum(debits - credits)::text AS net
      FROM account_daily_balances WHERE account_id = ${accountId} AND date <= ${asOf}::date
     GROUP BY currency`.execute(trx);
  return new Map(rows.map((r) => [r.currency, BigInt(r.net)]));
}

export interface InvoiceReceivable {
  record_id: string;
  party: string;
  currency: string;
  /** What the invoice's entries dated up to `asOf` left on the account (issue, adjustments, void). */
  net: bigint;
  due_date: string | null;
}

/** Per invoice record and party: its entries' net on the account, and the invoice's due date as recorded now. */
export async function invoiceReceivables(trx: Trx, accountId: string, asOf: string): Promise<InvoiceReceivable[]> {
  const { rows } = await sql<{ record_id: string; party: string; currency: string; net: string; due_date: string | null }>`
    SELECT p.record_id, l.subledger_account AS party, l.currency, sum(l.debit - l.credit)::text AS net, r.fields->>'due_date' AS due_date
      FROM record_postings p
      JOIN unified_records r ON r.tenant_id = p.tenant_id AND r.id = p.record_id AND r.model = 'invoice'
      JOIN journal_lines l ON l.tenant_id = p.tenant_id AND l.entry_id = p.entry_id
     WHERE l.account_id = ${accountId} AND l.date <= ${asOf}::date AND l.subledger_account IS NOT NULL
     GROUP BY p.record_id, l.subledger_account, l.currency, r.fields->>'due_date'`.execute(trx);
  return rows.map((r) => ({ record_id: r.record_id, party: r.party, currency: r.currency, net: BigInt(r.net), due_date: r.due_date }));
}

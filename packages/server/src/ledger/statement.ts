/**
 * The account statement: an account's lines in posting order with the running balance after each.
 * The balance before the first line shown comes from the per-day movements plus that day's earlier
 * lines, so a page deep in a long history costs the same as the first. With `subledger_account`
 * it is one party's statement (a customer's, named as a journal line names it: ledger/parties.ts),
 * its running balance the party's.
 * Errors: not_found (account; a customer reference that names no customer).
 */
import { sql } from 'kysely';
import { isDebitNormal, type StatementLine } from '../domain/ledger.js';
import { formatMinor } from '../domain/money.js';
import { offsetOf, toPage, type PageRequest } from '../domain/pagination.js';
import { LinksError } from '../domain/errors.js';
import { partyLineCount, partyMovementBefore } from '../storage/parties.js';
import { findAccount } from './accounts.js';
import { isCustomerReference, partyNames, resolveCustomerReferences } from './parties.js';
import { decodeCursor, type CursorPage } from '../domain/cursor.js';
import { keysetPage, rowsToRead } from '../domain/keysetPage.js';
import { cursorOf, readLedger, type LedgerScope, type LedgerTransaction } from './scope.js';

export interface StatementQuery {
  from?: string | undefined;
  to?: string | undefined;
  currency?: string | undefined;
  subledger_account?: string | undefined;
}

interface Position {
  d: string;
  s: string;
  n: number;
}

const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Position).d === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test((v as Position).d) &&
  typeof (v as Position).s === 'string' &&
  /^\d{1,19}$/.test((v as Position).s) &&
  Number.isInteger((v as Position).n);

/** Debits minus credits of an account per currency, strictly before a line position. */
async function movementBefore(trx: LedgerTransaction, accountId: string, at: Position, currency: string | undefined): Promise<Map<string, bigint>> {
  const { rows } = await sql<{ currency: string; net: string }>`
    SELECT currency, sum(net)::text AS net FROM (
      SELECT currency, debits - credits AS net FROM account_daily_balances
       WHERE account_id = ${accountId} AND date < ${at.d}::date
      UNION ALL
      SELECT currency, (debit - credit)::numeric FROM journal_lines
       WHERE account_id = ${accountId} AND date = ${at.d}::date AND (sequence, line_number) < (${at.s}::bigint, ${at.n}::int)
    ) m ${currency ? sql`WHERE currency = ${currency}` : sql``} GROUP BY currency`.execute(trx);
  return new Map(rows.map((r) => [r.currency, BigInt(r.net)]));
}

/** The party a statement is for: a customer reference resolved to the customer's Links id, other text as written. */
async function partyOf(trx: LedgerTransaction, scope: LedgerScope, reference: string | undefined): Promise<string | undefined> {
  if (reference === undefined || !isCustomerReference(reference)) return reference;
  const party = (await resolveCustomerReferences(trx, scope.tenantId, [reference])).get(reference);
  if (!party) throw new LinksError('not_found', `No customer ${JSON.stringify(reference)} in this scope.`, [{ path: 'subledger_account', message: 'no such customer' }]);
  return party;
}

export async function accountStatement(
  scope: LedgerScope,
  code: string,
  query: StatementQuery,
  page: PageRequest & { cursor?: string | undefined },
): Promise<CursorPage<StatementLine>> {
  return readLedger(scope, async (trx) => {
    const account = await findAccount(trx, code);
    const party = await partyOf(trx, scope, query.subledger_account);
    let lines = trx
      .selectFrom('journal_lines as l')
      .innerJoin('journal_entries as e', (join) => join.onRef('e.tenant_id', '=', 'l.tenant_id').onRef('e.id', '=', 'l.entry_id'))
      .where('l.account_id', '=', account.id);
    if (query.from) lines = lines.where('l.date', '>=', query.from);
    if (query.to) lines = lines.where('l.date', '<=', query.to);
    if (query.currency) lines = lines.where('l.currency', '=', query.currency);
    if (party !== undefined) lines = lines.where('l.subledger_account', '=', party);

    let pageQuery = lines
      .select(['l.entry_id', 'l.line_number', 'l.sequence', 'l.date', 'e.description', 'e.reference', 'l.currency', 'l.debit', 'l.credit', 'l.subledger_account', 'l.memo'])
      .orderBy('l.date')
      .orderBy('l.sequence')
      .orderBy('l.line_number')
      .limit(rowsToRead(page.limit));
    if (page.cursor !== undefined) {
      const after = decodeCursor(cursorOf(scope, 'account_lines'), page.cursor, isPosition);
      pageQuery = pageQuery.where(sql<boolean>`(l.date, l.sequence, l.line_number) > (${after.d}::date, ${after.s}::bigint, ${after.n}::int)`);
    } else {
      pageQuery = pageQuery.offset(offsetOf(page));
    }
    const rows = await pageQuery.execute();
    let daily = trx.selectFrom('account_daily_balances').select(sql<string>`coalesce(sum(lines), 0)::text`.as('n')).where('account_id', '=', account.id);
    if (query.from) daily = daily.where('date', '>=', query.from);
    if (query.to) daily = daily.where('date', '<=', query.to);
    if (query.currency) daily = daily.where('currency', '=', query.currency);
    const count = party === undefined ? Number((await daily.executeTakeFirstOrThrow()).n) : await partyLineCount(trx, account.id, party, query);
    const { shown, next_cursor } = keysetPage(rows, page.limit, cursorOf(scope, 'account_lines'), (last) => ({ d: last.date, s: String(last.sequence), n: last.line_number }));
    const first = shown[0];
    const at = first && { d: first.date, s: String(first.sequence), n: first.line_number };
    const running = !at
      ? new Map<string, bigint>()
      : party === undefined
        ? await movementBefore(trx, account.id, at, query.currency)
        : await partyMovementBefore(trx, account.id, party, at, query.currency);
    const sign = isDebitNormal(account.type) ? 1n : -1n;
    const nameOf = await partyNames(trx, shown.flatMap((row) => (row.subledger_account === null ? [] : [row.subledger_account])));
    const data = shown.map((row): StatementLine => {
      const debit = BigInt(row.debit);
      const credit = BigInt(row.credit);
      const net = (running.get(row.currency) ?? 0n) + debit - credit;
      running.set(row.currency, net);
      return {
        entry_id: row.entry_id,
        line_number: row.line_number,
        date: row.date,
        description: row.description,
        reference: row.reference,
        currency: row.currency,
        debit: debit > 0n ? formatMinor(debit, row.currency) : null,
        credit: credit > 0n ? formatMinor(credit, row.currency) : null,
        subledger_account: row.subledger_account,
        subledger_account_name: row.subledger_account === null ? null : nameOf(row.subledger_account),
        memo: row.memo,
        running_balance: formatMinor(net * sign, row.currency),
      };
    });
    return { ...toPage(data, count, page), next_cursor };
  });
}

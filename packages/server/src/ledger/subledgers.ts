/**
 * Sub-ledgers: per-party detail (customers, vendors) under a control account. Every line on the
 * control account names its party, so the parties' balances always sum to the account's balance —
 * checked on every read.
 * Errors: conflict (code taken, account already a control account, account already has lines),
 * unknown_account, not_found.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { recordDataEvent } from '../audit/environmentAudit.js';
import { LinksError, notFound } from '../domain/errors.js';
import type { CurrencyBalance, Subledger } from '../domain/ledger.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { currencyBalance, findAccount } from './accounts.js';
import { partyNames } from './parties.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from './scope.js';

export interface PartyBalance extends CurrencyBalance {
  subledger_account: string;
  /** The party's name: its customer's current name; null for a party that is not a recorded customer. */
  name: string | null;
}

export interface SubledgerBalances extends Page<PartyBalance> {
  subledger: string;
  control_account: string;
  as_of: string | null;
  totals: CurrencyBalance[];
}

function subledgers(trx: LedgerTransaction) {
  return trx
    .selectFrom('subledgers as s')
    .innerJoin('accounts as a', (join) => join.onRef('a.tenant_id', '=', 's.tenant_id').onRef('a.id', '=', 's.control_account_id'))
    .select(['s.id', 's.code', 's.name', 'a.code as control_account', 's.created_at']);
}

type SubledgerRow = Awaited<ReturnType<ReturnType<typeof subledgers>['executeTakeFirstOrThrow']>>;

function subledgerView(row: SubledgerRow): Subledger {
  return { id: row.id, code: row.code, name: row.name, control_account: row.control_account, created_at: row.created_at.toISOString() };
}

export async function createSubledger(
  scope: LedgerScope,
  request: WriteRequest,
  input: { code: string; name: string; control_account: string },
): Promise<WriteOutcome<Subledger>> {
  try {
    return await writeLedger(scope, request, 201, async (trx) => {
      // Every posting key-share locks the accounts it reads (migration 0008): this lock waits for
      // postings in flight, so the check below sees their lines; later ones see the sub-ledger.
      const account = await trx.selectFrom('accounts').select('id').where('code', '=', input.control_account).forUpdate().executeTakeFirst();
      if (!account) {
        throw new LinksError('unknown_account', `No account ${JSON.stringify(input.control_account)}.`, [{ path: 'control_account', message: 'no such account' }]);
      }
      const posted = await trx.selectFrom('journal_lines').select('entry_id').where('account_id', '=', account.id).limit(1).executeTakeFirst();
      if (posted) {
        throw new LinksError('conflict', `Account ${input.control_account} already has lines without sub-ledger accounts; choose an account with no postings.`, [
          { path: 'control_account', message: 'already has postings' },
        ]);
      }
      await trx
        .insertInto('subledgers')
        .values({ tenant_id: scope.tenantId, id: uuidv7(), code: input.code, name: input.name, control_account_id: account.id })
        .execute();
      await recordDataEvent(trx, scope.tenantId, request.context, { action: 'subledger.created', resourceType: 'subledger', resourceId: input.code });
      return subledgerView(await subledgers(trx).where('s.code', '=', input.code).executeTakeFirstOrThrow());
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new LinksError('conflict', `Sub-ledger code ${input.code} is taken, or account ${input.control_account} already controls a sub-ledger.`);
    }
    throw error;
  }
}

export async function listSubledgers(scope: LedgerScope, page: PageRequest): Promise<Page<Subledger>> {
  return readLedger(scope, async (trx) => {
    const rows = await subledgers(trx).orderBy('s.code').limit(page.limit).offset(offsetOf(page)).execute();
    const count = await trx.selectFrom('subledgers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return toPage(rows.map(subledgerView), Number(count.n), page);
  });
}

export async function getSubledger(scope: LedgerScope, code: string): Promise<Subledger> {
  return readLedger(scope, async (trx) => {
    const row = await subledgers(trx).where('s.code', '=', code).executeTakeFirst();
    if (!row) throw notFound('sub-ledger', code);
    return subledgerView(row);
  });
}

export async function subledgerBalances(
  scope: LedgerScope,
  code: string,
  query: { as_of?: string | undefined },
  page: PageRequest,
): Promise<SubledgerBalances> {
  return readLedger(scope, async (trx) => {
    const row = await subledgers(trx).where('s.code', '=', code).executeTakeFirst();
    if (!row) throw notFound('sub-ledger', code);
    const account = await findAccount(trx, row.control_account);
    const asOf = query.as_of ? sql`AND date <= ${query.as_of}::date` : sql``;
    const parties = await sql<{ party: string; currency: string; debits: string; credits: string }>`
        SELECT party, currency, sum(debits)::text AS debits, sum(credits)::text AS credits
          FROM party_daily_balances WHERE account_id = ${account.id} ${asOf}
         GROUP BY party, currency ORDER BY party, currency LIMIT ${page.limit} OFFSET ${offsetOf(page)}`.execute(trx);
    const count = await sql<{ n: string }>`SELECT count(*)::text AS n FROM (SELECT 1 FROM party_daily_balances WHERE account_id = ${account.id} ${asOf} GROUP BY party, currency) g`.execute(trx);
    const partyTotals = await sql<{ currency: string; debits: string; credits: string }>`
        SELECT currency, sum(debits)::text AS debits, sum(credits)::text AS credits
          FROM party_daily_balances WHERE account_id = ${account.id} ${asOf} GROUP BY currency ORDER BY currency`.execute(trx);
    const controlTotals = await sql<{ currency: string; debits: string; credits: string }>`
        SELECT currency, sum(debits)::text AS debits, sum(credits)::text AS credits
          FROM account_daily_balances WHERE account_id = ${account.id} ${asOf} GROUP BY currency ORDER BY currency`.execute(trx);
    // Invariant: the parties sum to the control account, per currency, at any date.
    const key = (r: { currency: string; debits: string; credits: string }) => `${r.currency}:${r.debits}:${r.credits}`;
    if (partyTotals.rows.map(key).join() !== controlTotals.rows.map(key).join()) {
      throw new Error(`invariant broken: sub-ledger ${code} does not sum to control account ${account.code}`);
    }
    const nameOf = await partyNames(trx, parties.rows.map((p) => p.party));
    return {
      ...toPage(
        parties.rows.map((p) => ({ subledger_account: p.party, name: nameOf(p.party), ...currencyBalance(account.type, p.currency, BigInt(p.debits), BigInt(p.credits)) })),
        Number(count.rows[0]?.n ?? 0),
        page,
      ),
      subledger: row.code,
      control_account: account.code,
      as_of: query.as_of ?? null,
      totals: controlTotals.rows.map((t) => currencyBalance(account.type, t.currency, BigInt(t.debits), BigInt(t.credits))),
    };
  });
}

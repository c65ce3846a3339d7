/**
 * The chart of accounts: create, list, get, update, balances.
 * Errors: conflict (code taken), unknown_account (parent), invalid_request (parent of another type,
 * a cycle), not_found.
 */
import { sql, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { recordDataEvent } from '../audit/environmentAudit.js';
import { LinksError, notFound } from '../domain/errors.js';
import { isDebitNormal, type Account, type AccountBalance, type AccountType, type CurrencyBalance } from '../domain/ledger.js';
import { formatMinor } from '../domain/money.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import type { AccountRow } from '../storage/environmentSchema.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from './scope.js';

export interface CreateAccountInput {
  code: string;
  name: string;
  type: AccountType;
  currency?: string | undefined;
  parent_code?: string | undefined;
  description?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
}

export interface UpdateAccountInput {
  name?: string | undefined;
  description?: string | null | undefined;
  is_active?: boolean | undefined;
  metadata?: Record<string, unknown> | undefined;
}

type AccountWithLinks = Selectable<AccountRow> & { parent_code: string | null; subledger_code: string | null };

function accountView(row: AccountWithLinks): Account {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    currency: row.currency,
    parent_code: row.parent_code,
    description: row.description,
    metadata: row.metadata,
    is_active: row.is_active,
    subledger: row.subledger_code,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function accountsWithLinks(trx: LedgerTransaction) {
  return trx
    .selectFrom('accounts as a')
    .leftJoin('accounts as p', (join) => join.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.parent_id'))
    .leftJoin('subledgers as s', (join) => join.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.control_account_id', '=', 'a.id'))
    .selectAll('a')
    .select(['p.code as parent_code', 's.code as subledger_code']);
}

export async function findAccount(trx: LedgerTransaction, code: string): Promise<AccountWithLinks> {
  const row = await accountsWithLinks(trx).where('a.code', '=', code).executeTakeFirst();
  if (!row) throw notFound('account', code);
  return row;
}

export async function createAccount(scope: LedgerScope, request: WriteRequest, input: CreateAccountInput): Promise<WriteOutcome<Account>> {
  try {
    return await writeLedger(scope, request, 201, async (trx) => {
      let parentId: string | null = null;
      if (input.parent_code !== undefined) {
        const parent = await trx.selectFrom('accounts').select(['id', 'type']).where('code', '=', input.parent_code).executeTakeFirst();
        if (!parent) {
          throw new LinksError('unknown_account', `No parent account ${JSON.stringify(input.parent_code)}.`, [{ path: 'parent_code', message: 'no such account' }]);
        }
        if (parent.type !== input.type) {
          throw new LinksError('invalid_request', `A ${input.type} account cannot sit under the ${parent.type} account ${input.parent_code}.`, [
            { path: 'parent_code', message: `parent is a ${parent.type} account` },
          ]);
        }
        parentId = parent.id;
      }
      const id = uuidv7();
      await trx
        .insertInto('accounts')
        .values({
          tenant_id: scope.tenantId,
          id,
          code: input.code,
          name: input.name,
          type: input.type,
          currency: input.currency ?? null,
          parent_id: parentId,
          description: input.description ?? null,
          metadata: JSON.stringify(input.metadata ?? {}),
          is_active: true,
        })
        .execute();
      await recordDataEvent(trx, scope.tenantId, request.context, { action: 'account.created', resourceType: 'account', resourceId: input.code });
      return accountView(await findAccount(trx, input.code));
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new LinksError('conflict', `Account code ${input.code} is already taken.`, [{ path: 'code', message: 'already taken' }]);
    }
    throw error;
  }
}

export interface AccountFilter {
  type?: AccountType | undefined;
  is_active?: boolean | undefined;
}

export async function listAccounts(scope: LedgerScope, filter: AccountFilter, page: PageRequest): Promise<Page<Account>> {
  return readLedger(scope, async (trx) => {
    let query = accountsWithLinks(trx);
    if (filter.type) query = query.where('a.type', '=', filter.type);
    if (filter.is_active !== undefined) query = query.where('a.is_active', '=', filter.is_active);
    const rows = await query.orderBy('a.code').limit(page.limit).offset(offsetOf(page)).execute();
    const count = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return toPage(rows.map(accountView), Number(count.n), page);
  });
}

export async function getAccount(scope: LedgerScope, code: string): Promise<Account> {
  return readLedger(scope, async (trx) => accountView(await findAccount(trx, code)));
}

export async function updateAccount(scope: LedgerScope, request: WriteRequest, code: string, input: UpdateAccountInput): Promise<Account> {
  const outcome = await writeLedger(scope, { ...request, idempotencyKey: undefined }, 200, async (trx) => {
    const existing = await findAccount(trx, code);
    await trx
      .updateTable('accounts')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.is_active !== undefined ? { is_active: input.is_active } : {}),
        ...(input.metadata !== undefined ? { metadata: JSON.stringify(input.metadata) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', existing.id)
      .execute();
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'account.updated', resourceType: 'account', resourceId: code });
    return accountView(await findAccount(trx, code));
  });
  return outcome.body.data;
}

export function currencyBalance(type: AccountType, currency: string, debits: bigint, credits: bigint): CurrencyBalance {
  const balance = isDebitNormal(type) ? debits - credits : credits - debits;
  return { currency, debits: formatMinor(debits, currency), credits: formatMinor(credits, currency), balance: formatMinor(balance, currency) };
}

export interface BalanceQuery {
  as_of?: string | undefined;
  currency?: string | undefined;
  include_children?: boolean | undefined;
}

/**
 * Without `as_of`, the running totals kept as entries post; with it, the per-day movements up to
 * that day — a few hundred rows a year, however many lines the account has. One round trip (the
 * database function account_balance).
 */
export async function accountBalance(scope: LedgerScope, code: string, query: BalanceQuery): Promise<AccountBalance> {
  const { rows } = await sql<{ account_code: string; account_type: AccountType; account_currency: string | null; currency: string | null; debits: string | null; credits: string | null }>`
    SELECT * FROM account_balance(${scope.tenantId}::uuid, ${code}, ${query.as_of ?? null}::date, ${query.currency ?? null}, ${query.include_children === true})`.execute(scope.db);
  const account = rows[0];
  if (!account) throw notFound('account', code);
  const balances = rows
    .filter((r) => r.currency !== null)
    .map((r) => currencyBalance(account.account_type, r.currency!, BigInt(r.debits!), BigInt(r.credits!)));
  const shown = query.currency ?? account.account_currency;
  if (balances.length === 0 && shown) balances.push(currencyBalance(account.account_type, shown, 0n, 0n));
  return { account: account.account_code, as_of: query.as_of ?? null, include_children: query.include_children === true, balances };
}

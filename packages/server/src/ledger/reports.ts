/**
 * Reports, per currency, from the per-day balance movements: trial balance (always balanced),
 * balance sheet (assets = liabilities + equity + current earnings), income statement (without the
 * year-end closing entries, so a closed year still shows its result).
 * Errors: invalid_request (currency needed when the books hold several).
 */
import { sql } from 'kysely';
import { LinksError } from '../domain/errors.js';
import { isDebitNormal, type AccountType } from '../domain/ledger.js';
import { formatMinor } from '../domain/money.js';
import { closingMovements } from '../storage/closingEntries.js';
import { readLedger, type LedgerScope, type LedgerTransaction } from './scope.js';

interface AccountMovement {
  code: string;
  name: string;
  type: AccountType;
  /** Debits minus credits. */
  net: bigint;
}

/** The report's currency: the one asked for, else the books' only one. */
async function reportCurrency(trx: LedgerTransaction, asked: string | undefined): Promise<string | null> {
  if (asked) return asked;
  const { rows } = await sql<{ currency: string }>`SELECT DISTINCT currency FROM account_balances ORDER BY currency`.execute(trx);
  if (rows.length <= 1) return rows[0]?.currency ?? null;
  const all = rows.map((r) => r.currency);
  throw new LinksError('invalid_request', `These books hold ${all.join(', ')}: name one with ?currency= (reports are per currency).`, [
    { path: 'query.currency', message: `required: one of ${all.join(', ')}` },
  ]);
}

/** Empty books have no currency yet: their reports are empty, with totals of "0". */
function money(minor: bigint, currency: string | null): string {
  return currency ? formatMinor(minor, currency) : minor.toString();
}

async function movements(trx: LedgerTransaction, currency: string | null, from: string | undefined, to: string | undefined): Promise<AccountMovement[]> {
  if (currency === null) return [];
  const { rows } = await sql<{ code: string; name: string; type: AccountType; net: string }>`
    SELECT a.code, a.name, a.type, sum(d.debits - d.credits)::text AS net
      FROM account_daily_balances d JOIN accounts a ON a.tenant_id = d.tenant_id AND a.id = d.account_id
     WHERE d.currency = ${currency}
       ${from ? sql`AND d.date >= ${from}::date` : sql``}
       ${to ? sql`AND d.date <= ${to}::date` : sql``}
     GROUP BY a.code, a.name, a.type
     ORDER BY a.code`.execute(trx);
  return rows.map((r) => ({ code: r.code, name: r.name, type: r.type, net: BigInt(r.net) }));
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

export interface TrialBalance {
  as_of: string | null;
  currency: string | null;
  accounts: Array<{ code: string; name: string; type: AccountType; debit: string; credit: string }>;
  total_debits: string;
  total_credits: string;
}

export async function trialBalance(scope: LedgerScope, query: { as_of?: string | undefined; currency?: string | undefined }): Promise<TrialBalance> {
  return readLedger(scope, async (trx) => {
    const currency = await reportCurrency(trx, query.currency);
    const rows = (await movements(trx, currency, undefined, query.as_of)).filter((m) => m.net !== 0n);
    const fmt = (v: bigint) => money(v, currency);
    const debits = sum(rows.filter((m) => m.net > 0n).map((m) => m.net));
    const credits = sum(rows.filter((m) => m.net < 0n).map((m) => -m.net));
    // Invariant: every entry balances, so the books do.
    if (debits !== credits) throw new Error(`invariant broken: trial balance ${debits} ≠ ${credits}`);
    return {
      as_of: query.as_of ?? null,
      currency,
      accounts: rows.map((m) => ({ code: m.code, name: m.name, type: m.type, debit: fmt(m.net > 0n ? m.net : 0n), credit: fmt(m.net < 0n ? -m.net : 0n) })),
      total_debits: fmt(debits),
      total_credits: fmt(credits),
    };
  });
}

interface ReportLine {
  code: string;
  name: string;
  balance: string;
}

function section(rows: AccountMovement[], type: AccountType, currency: string | null): { accounts: ReportLine[]; total: bigint } {
  const sign = isDebitNormal(type) ? 1n : -1n;
  const picked = rows.filter((r) => r.type === type && r.net !== 0n);
  return {
    accounts: picked.map((r) => ({ code: r.code, name: r.name, balance: money(r.net * sign, currency) })),
    total: sum(picked.map((r) => r.net * sign)),
  };
}

export interface BalanceSheet {
  as_of: string | null;
  currency: string | null;
  assets: { accounts: ReportLine[]; total: string };
  liabilities: { accounts: ReportLine[]; total: string };
  equity: { accounts: ReportLine[]; current_earnings: string; total: string };
  total_liabilities_and_equity: string;
}

export async function balanceSheet(scope: LedgerScope, query: { as_of?: string | undefined; currency?: string | undefined }): Promise<BalanceSheet> {
  return readLedger(scope, async (trx) => {
    const currency = await reportCurrency(trx, query.currency);
    const rows = await movements(trx, currency, undefined, query.as_of);
    const fmt = (v: bigint) => money(v, currency);
    const assets = section(rows, 'asset', currency);
    const liabilities = section(rows, 'liability', currency);
    const equity = section(rows, 'equity', currency);
    const earnings = section(rows, 'revenue', currency).total - section(rows, 'expense', currency).total;
    const right = liabilities.total + equity.total + earnings;
    if (assets.total !== right) throw new Error(`invariant broken: assets ${assets.total} ≠ liabilities + equity + earnings ${right}`);
    return {
      as_of: query.as_of ?? null,
      currency,
      assets: { accounts: assets.accounts, total: fmt(assets.total) },
      liabilities: { accounts: liabilities.accounts, total: fmt(liabilities.total) },
      equity: { accounts: equity.accounts, current_earnings: fmt(earnings), total: fmt(equity.total + earnings) },
      total_liabilities_and_equity: fmt(right),
    };
  });
}

export interface IncomeStatement {
  from: string | null;
  to: string | null;
  currency: string | null;
  revenue: { accounts: ReportLine[]; total: string };
  expenses: { accounts: ReportLine[]; total: string };
  net_income: string;
}

export async function incomeStatement(
  scope: LedgerScope,
  query: { from?: string | undefined; to?: string | undefined; currency?: string | undefined },
): Promise<IncomeStatement> {
  return readLedger(scope, async (trx) => {
    const currency = await reportCurrency(trx, query.currency);
    // Year-end closing entries (and their reversals) are not part of any year's result.
    const closing = currency === null ? new Map<string, bigint>() : await closingMovements(trx, currency, query.from, query.to);
    const rows = (await movements(trx, currency, query.from, query.to)).map((m) => ({ ...m, net: m.net - (closing.get(m.code) ?? 0n) }));
    const fmt = (v: bigint) => money(v, currency);
    const revenue = section(rows, 'revenue', currency);
    const expenses = section(rows, 'expense', currency);
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      currency,
      revenue: { accounts: revenue.accounts, total: fmt(revenue.total) },
      expenses: { accounts: expenses.accounts, total: fmt(expenses.total) },
      net_income: fmt(revenue.total - expenses.total),
    };
  });
}

/**
 * The financial statements beside `links trial-balance`: balance sheet, income statement,
 * receivables aging, and an account's statement with its running balance.
 */
import type { Command } from 'commander';
import type { BalanceSheet, IncomeStatement, ReceivablesAging } from '@links/sdk';
import { count, date, leaf, take } from '../commandKit.js';
import { withData, type DataOptions } from '../connection.js';
import { emit, emitList, renderTable, type Cell, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;
type Section = { accounts: Array<{ code: string; name: string; balance: string }>; total: string };

/** One statement section: its accounts, then its total. */
function sectionRows(title: string, section: Section): Cell[][] {
  return [[title, '', ''], ...section.accounts.map((a) => [a.code, a.name, a.balance]), ['', `Total ${title.toLowerCase()}`, section.total]];
}

function statement(title: string, rows: Cell[][]): string {
  return `${title}\n${renderTable(['code', 'name', 'balance'], rows, { align: ['left', 'left', 'right'] })}`;
}

function renderBalanceSheet(sheet: BalanceSheet): string {
  const rows = [
    ...sectionRows('Assets', sheet.assets),
    ...sectionRows('Liabilities', sheet.liabilities),
    ...sectionRows('Equity', { accounts: [...sheet.equity.accounts, { code: '', name: 'Current earnings', balance: sheet.equity.current_earnings }], total: sheet.equity.total }),
    ['', 'Total liabilities and equity', sheet.total_liabilities_and_equity],
  ];
  return statement(`Balance sheet${sheet.currency ? ` (${sheet.currency})` : ''}${sheet.as_of ? ` as of ${sheet.as_of}` : ''}`, rows);
}

function renderIncomeStatement(income: IncomeStatement): string {
  const span = income.from || income.to ? ` from ${income.from ?? 'the start'} to ${income.to ?? 'today'}` : '';
  const rows = [...sectionRows('Revenue', income.revenue), ...sectionRows('Expenses', income.expenses), ['', 'Net income', income.net_income]];
  return statement(`Income statement${income.currency ? ` (${income.currency})` : ''}${span}`, rows);
}

function renderAging(aging: ReceivablesAging): string {
  const head = ['customer', 'current', '1-30', '31-60', '61-90', 'over 90', 'unallocated', 'total'];
  const title = `Receivables aging of ${aging.account} (sub-ledger ${aging.subledger}) as of ${aging.as_of}`;
  if (aging.currencies.length === 0) return `${title}: nothing outstanding.`;
  const parts = aging.currencies.map((c) => {
    const buckets = (b: ReceivablesAging['currencies'][number]['totals']) => [b.current, b.days_1_30, b.days_31_60, b.days_61_90, b.days_over_90, b.unallocated, b.total];
    const rows = [...c.customers.map((customer) => [customer.customer, ...buckets(customer)]), ['Total', ...buckets(c.totals)]];
    return `${c.currency} (control account balance ${c.control_account_balance})\n${renderTable(head, rows, { align: ['left', ...head.slice(1).map(() => 'right' as const)] })}`;
  });
  return `${title}\n${parts.join('\n')}`;
}

export function registerStatements(program: Command): void {
  leaf(program, 'balance-sheet', 'the balance sheet: assets, liabilities and equity with current earnings')
    .option('--as-of <date>', 'as of the end of this date', date)
    .option('--currency <code>', 'required when the books hold several currencies')
    .action(async (options: Options & { asOf?: string; currency?: string }) =>
      withData(options, async ({ sdk }) => {
        const sheet = await sdk.reports.balanceSheet({ as_of: options.asOf, currency: options.currency });
        emit(options, sheet, () => renderBalanceSheet(sheet));
      }),
    );
  leaf(program, 'income-statement', 'the income statement: revenue, expenses and net income over a span')
    .option('--from <date>', 'from this date', date)
    .option('--to <date>', 'up to this date', date)
    .option('--currency <code>', 'required when the books hold several currencies')
    .action(async (options: Options & { from?: string; to?: string; currency?: string }) =>
      withData(options, async ({ sdk }) => {
        const income = await sdk.reports.incomeStatement({ from: options.from, to: options.to, currency: options.currency });
        emit(options, income, () => renderIncomeStatement(income));
      }),
    );
  leaf(program, 'ar-aging', 'receivables per customer by days past due')
    .option('--as-of <date>', 'as of the end of this date (default today)', date)
    .option('--account <code>', "the receivable control account (default: the invoice rule's receivable account)")
    .action(async (options: Options & { asOf?: string; account?: string }) =>
      withData(options, async ({ sdk }) => {
        const aging = await sdk.reports.arAging({ asOf: options.asOf, account: options.account });
        emit(options, aging, () => renderAging(aging));
      }),
    );
  leaf(program, 'statement', "an account's lines in date order, with the running balance after each")
    .argument('<account>', 'the account code')
    .option('--from <date>', 'from this date', date)
    .option('--to <date>', 'up to this date', date)
    .option('--currency <code>', 'only this currency')
    .option('--limit <n>', 'at most this many lines (default 100)', count)
    .action(async (account: string, options: Options & { from?: string; to?: string; currency?: string; limit?: number }) =>
      withData(options, async ({ sdk }) => {
        const limit = options.limit ?? 100;
        const lines = await take(sdk.accounts.lines(account, { from: options.from, to: options.to, currency: options.currency, limit: Math.min(limit, 100) }), limit);
        emitList(
          options,
          lines,
          `lines on ${account}`,
          ['date', 'reference', 'description', 'currency', 'debit', 'credit', 'party', 'balance'],
          (l) => [l.date, l.reference, l.description, l.currency, l.debit, l.credit, l.subledger_account, l.running_balance],
          ['left', 'left', 'left', 'left', 'right', 'right', 'left', 'right'],
        );
      }),
    );
}

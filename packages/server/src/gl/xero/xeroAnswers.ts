/**
 * Reading Xero's answers: the messages of a ValidationException (`Elements[].ValidationErrors[]`,
 * Xero's own words, shown to the person who must fix the journal) and the Trial Balance report
 * (rows nested in sections; values are strings, '' is zero; the label is "Name (Code)" and each
 * cell carries the AccountID; xero_accounting.yaml's TrialBalance example). The balance is the YTD
 * Debit and YTD Credit columns: the balance of a balance-sheet account, and of a profit-and-loss
 * account since the start of Xero's financial year (earlier years sit on Retained Earnings); the
 * Debit and Credit columns are only the month's movement. A zero is '' or "0.00". Which accounts are
 * profit and loss: the chart's Class REVENUE or EXPENSE, else the report's Revenue and Expenses
 * sections; earlier years sit on the chart's SystemAccount RETAINEDEARNINGS.
 */
import type { ErpTrialBalance } from '../../domain/glTransfer.js';
import { parseSignedAmount } from '../../domain/money.js';

export function validationMessages(body: unknown): string {
  const messages: string[] = [];
  const root = (typeof body === 'object' && body !== null ? body : {}) as { Message?: unknown; Elements?: unknown };
  if (Array.isArray(root.Elements)) {
    // Each element's ValidationErrors, then its Warnings (e.g. "Account code '476' has been removed as
    // it does not match a recognised account.", xero_accounting.yaml's ManualJournals example).
    const elements = root.Elements as Array<{ ValidationErrors?: Array<{ Message?: unknown }>; Warnings?: Array<{ Message?: unknown }> }>;
    for (const element of elements) for (const v of element.ValidationErrors ?? []) if (typeof v.Message === 'string') messages.push(v.Message);
    if (messages.length > 0) for (const element of elements) for (const v of element.Warnings ?? []) if (typeof v.Message === 'string') messages.push(v.Message);
  }
  if (messages.length === 0 && typeof root.Message === 'string') messages.push(root.Message);
  if (messages.length === 0) messages.push(typeof body === 'string' && body !== '' ? body.slice(0, 300) : 'Xero refused the journal');
  return [...new Set(messages)].join('; ');
}

interface ReportRow {
  RowType?: string;
  Title?: string;
  Rows?: ReportRow[];
  Cells?: Array<{ Value?: string; Attributes?: Array<{ Id?: string; Value?: string }> }>;
}

function minor(value: string | undefined, currency: string): bigint {
  // "1,020.50" → "1020.5"; "1000.00" in a zero-digit currency → "1000".
  const text = (value ?? '').replace(/,/g, '').trim().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  if (text === '' || text === '-') return 0n;
  const parsed = parseSignedAmount(text, currency);
  if (typeof parsed !== 'bigint') throw new Error(`the Xero trial balance holds an amount Links cannot read: ${JSON.stringify(value)}`);
  return parsed;
}

/** One account row of the report: its AccountID (the cells' `account` attribute), the code in its label, its net debit (positive) or credit (negative). */
export interface TrialBalanceRow {
  accountId: string | undefined;
  labelCode: string | undefined;
  /** The title of the section holding the row (Revenue, Expenses, Assets, Liabilities, Equity). */
  section: string;
  netMinor: bigint;
}

export function parseTrialBalance(body: unknown, currency: string): TrialBalanceRow[] {
  const report = (body as { Reports?: Array<{ Rows?: ReportRow[] }> }).Reports?.[0];
  const header = report?.Rows?.find((r) => r.RowType === 'Header')?.Cells?.map((c) => c.Value ?? '') ?? [];
  const ytdDebit = header.indexOf('YTD Debit');
  const ytdCredit = header.indexOf('YTD Credit');
  if (ytdDebit < 0 || ytdCredit < 0) throw new Error('the Xero trial balance has no YTD Debit / YTD Credit columns');
  const rows: TrialBalanceRow[] = [];
  const visit = (list: ReportRow[], section: string): void => {
    for (const row of list) {
      if (row.Rows) visit(row.Rows, row.Title ?? section);
      if (row.RowType !== 'Row' || !row.Cells) continue;
      rows.push({
        accountId: row.Cells[0]?.Attributes?.find((a) => a.Id === 'account')?.Value,
        labelCode: /\(([^()]+)\)\s*$/.exec(row.Cells[0]?.Value ?? '')?.[1],
        section,
        netMinor: minor(row.Cells[ytdDebit]?.Value, currency) - minor(row.Cells[ytdCredit]?.Value, currency),
      });
    }
  };
  visit(report?.Rows ?? [], '');
  return rows;
}

/** An account of Xero's chart (GET /Accounts) as the trial balance needs it. */
export interface ChartAccount {
  AccountID?: string;
  Code?: string;
  Class?: string;
  SystemAccount?: string;
}

const PROFIT_AND_LOSS_CLASSES = new Set(['REVENUE', 'EXPENSE']);
const PROFIT_AND_LOSS_SECTIONS = new Set(['Revenue', 'Expenses']);

/**
 * The report's rows per account code, the code by the row's AccountID through the chart (a label
 * "Name (Code)" is ambiguous when an account without a code has a name ending in parentheses), the
 * label's code only as a fallback. Every profit-and-loss account of the chart is present, its figure
 * running from `yearStart`; the Retained Earnings account is marked.
 */
export function xeroTrialBalance(rows: TrialBalanceRow[], chart: ChartAccount[], yearStart: string): ErpTrialBalance {
  const balances: ErpTrialBalance = new Map();
  const byId = new Map(chart.map((a) => [a.AccountID, a]));
  for (const account of chart) {
    if (!account.Code) continue;
    if (PROFIT_AND_LOSS_CLASSES.has(account.Class ?? '')) balances.set(account.Code, { balance: 0n, periodStart: yearStart });
    else if (account.SystemAccount === 'RETAINEDEARNINGS') balances.set(account.Code, { balance: 0n, carriesEarlierProfitAndLoss: true });
  }
  for (const row of rows) {
    const account = row.accountId ? byId.get(row.accountId) : undefined;
    const code = account?.Code || row.labelCode;
    if (!code) continue;
    const profitAndLoss = account ? PROFIT_AND_LOSS_CLASSES.has(account.Class ?? '') : PROFIT_AND_LOSS_SECTIONS.has(row.section);
    const entry = balances.get(code) ?? (profitAndLoss ? { balance: 0n, periodStart: yearStart } : { balance: 0n });
    balances.set(code, { ...entry, balance: entry.balance + row.netMinor });
  }
  return balances;
}

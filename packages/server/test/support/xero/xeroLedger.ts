/**
 * One Xero organisation's books as the stand-in keeps them: chart of accounts, manual journals,
 * lock dates, and what Xero checks before it stores a journal (the manual-journal rules of
 * `xero_accounting.yaml` plus the messages Xero answers with; where a message text was not found in
 * public material it says so in a comment).
 */
import { randomUUID } from 'node:crypto';
import { cents, dayMs, lockDateText, msDate, reportAmount } from './xeroFormats.js';

export interface XeroAccount {
  AccountID: string;
  Code: string;
  Name: string;
  Type: string;
  Status: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
  Class: 'ASSET' | 'EQUITY' | 'EXPENSE' | 'LIABILITY' | 'REVENUE';
  /** e.g. RETAINEDEARNINGS (xero_accounting.yaml Account.SystemAccount). */
  SystemAccount?: string;
}

export interface StoredLine {
  cents: bigint;
  AccountCode: string;
  AccountID: string;
  Description: string;
  Tracking: Array<{ Name: string; Option: string }>;
}

export interface StoredJournal {
  ManualJournalID: string;
  Narration: string;
  Date: string;
  Status: string;
  lines: StoredLine[];
  updatedAt: number;
}

const CLASS_OF: Record<string, XeroAccount['Class']> = {
  BANK: 'ASSET', CURRENT: 'ASSET', FIXED: 'ASSET', INVENTORY: 'ASSET', NONCURRENT: 'ASSET', PREPAYMENT: 'ASSET',
  CURRLIAB: 'LIABILITY', LIABILITY: 'LIABILITY', TERMLIAB: 'LIABILITY', PAYG: 'LIABILITY',
  EQUITY: 'EQUITY', REVENUE: 'REVENUE', SALES: 'REVENUE', OTHERINCOME: 'REVENUE',
  DIRECTCOSTS: 'EXPENSE', EXPENSE: 'EXPENSE', OVERHEADS: 'EXPENSE', DEPRECIATN: 'EXPENSE',
};

/** What a manual-journal line on a BANK account is refused with (Xero's exact wording is not published). */
export const BANK_ACCOUNT_REFUSAL = 'Bank accounts cannot be used in manual journals. Use a spend money or receive money transaction instead.';

/** The trial balance's sections, in the order of Xero's example. */
const SECTION_OF: Record<XeroAccount['Class'], string> = { REVENUE: 'Revenue', EXPENSE: 'Expenses', ASSET: 'Assets', LIABILITY: 'Liabilities', EQUITY: 'Equity' };
const SECTION_ORDER = ['Revenue', 'Expenses', 'Assets', 'Liabilities', 'Equity'];

export class XeroOrganisation {
  readonly accounts: XeroAccount[] = [];
  readonly journals: StoredJournal[] = [];
  periodLockDate: string | null = null;
  endOfYearLockDate: string | null = null;
  /** Organisation.FinancialYearEndDay / FinancialYearEndMonth. */
  financialYearEnd = { day: 31, month: 12 };

  constructor(
    readonly tenantId: string,
    readonly name: string,
    readonly baseCurrency: string,
  ) {}

  addAccount(code: string, name: string, type: string, status: XeroAccount['Status'] = 'ACTIVE', systemAccount?: string): XeroAccount {
    const account: XeroAccount = { AccountID: randomUUID(), Code: code, Name: name, Type: type, Status: status, Class: CLASS_OF[type] ?? 'ASSET', ...(systemAccount ? { SystemAccount: systemAccount } : {}) };
    this.accounts.push(account);
    return account;
  }

  account(code: string): XeroAccount | undefined {
    return this.accounts.find((a) => a.Code === code);
  }

  /** The journal's warnings: the text of xero_accounting.yaml's ManualJournals example for an unknown code. */
  warnings(input: Record<string, unknown>): string[] {
    const lines = Array.isArray(input.JournalLines) ? (input.JournalLines as Array<Record<string, unknown>>) : [];
    return lines
      .map((line) => String(line.AccountCode ?? ''))
      .filter((code) => code !== '' && !this.account(code))
      .map((code) => `Account code '${code}' has been removed as it does not match a recognised account.`);
  }

  /** The journal's validation errors (empty: it may be stored). */
  check(input: Record<string, unknown>): string[] {
    const errors: string[] = [];
    if (typeof input.Narration !== 'string' || input.Narration.trim() === '') errors.push('Narration is required'); // text [inferred]
    const date = typeof input.Date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(input.Date) ? input.Date.slice(0, 10) : null;
    if (!date) errors.push('Date is required'); // text [inferred]
    const lines = Array.isArray(input.JournalLines) ? (input.JournalLines as Array<Record<string, unknown>>) : [];
    if (lines.length < 2) errors.push('A manual journal must have at least two lines'); // text [inferred]
    let debits = 0n;
    let credits = 0n;
    for (const line of lines) {
      const amount = cents(line.LineAmount);
      if (amount === null) {
        errors.push('Line amounts must be numbers with at most two decimal places'); // text [inferred]
        continue;
      }
      if (amount > 0n) debits += amount;
      else credits += amount;
      const code = String(line.AccountCode ?? '');
      const account = this.account(code);
      if (!account || account.Status === 'DELETED') errors.push(`Account code '${code}' is not a valid code for this document.`); // text [inferred]
      else if (account.Status === 'ARCHIVED') errors.push(`The account '${account.Name}' (${code}) is archived and cannot be used.`); // text [inferred]
      // "You can't post a manual journal to a bank account in Xero" (https://help.xero.com/nz/Q_JournalBankAcc); text [inferred]
      else if (account.Type === 'BANK') errors.push(BANK_ACCOUNT_REFUSAL);
      if (Array.isArray(line.Tracking) && line.Tracking.length > 2) errors.push('Any JournalLine can have a maximum of 2 TrackingCategory elements');
    }
    if (debits + credits !== 0n) errors.push(`The total debits (${reportAmount(debits) || '0.00'}) must equal total credits (${reportAmount(credits) || '0.00'})`);
    // A date on or before a lock date is refused; the end-of-year text is Xero's own (waynerobinson/xeroizer#92).
    if (date && this.endOfYearLockDate && date <= this.endOfYearLockDate) {
      errors.push(`The document date cannot be before the end of year lock date, currently set at ${lockDateText(this.endOfYearLockDate)}`);
    } else if (date && this.periodLockDate && date <= this.periodLockDate) {
      errors.push(`The document date cannot be before the period lock date, currently set at ${lockDateText(this.periodLockDate)}`); // [secondary]: integrators' notes citing help centres
    }
    return errors;
  }

  store(input: Record<string, unknown>, now: number): StoredJournal {
    const lines = (input.JournalLines as Array<Record<string, unknown>>).map((line) => {
      const account = this.account(String(line.AccountCode)) as XeroAccount;
      return {
        cents: cents(line.LineAmount) as bigint,
        AccountCode: account.Code,
        AccountID: account.AccountID,
        Description: String(line.Description ?? ''),
        Tracking: Array.isArray(line.Tracking) ? (line.Tracking as StoredLine['Tracking']) : [],
      };
    });
    const journal: StoredJournal = {
      ManualJournalID: randomUUID(),
      Narration: String(input.Narration),
      Date: String(input.Date).slice(0, 10),
      Status: typeof input.Status === 'string' ? input.Status : 'DRAFT',
      lines,
      updatedAt: now,
    };
    this.journals.push(journal);
    return journal;
  }

  /** The journal as Xero answers it. */
  static view(j: StoredJournal): Record<string, unknown> {
    return {
      Date: msDate(dayMs(j.Date)),
      Status: j.Status,
      LineAmountTypes: 'NoTax',
      UpdatedDateUTC: msDate(j.updatedAt),
      ManualJournalID: j.ManualJournalID,
      Narration: j.Narration,
      JournalLines: j.lines.map((l) => ({
        Description: l.Description,
        TaxType: 'NONE',
        LineAmount: Number(l.cents) / 100,
        AccountCode: l.AccountCode,
        Tracking: l.Tracking,
        AccountID: l.AccountID,
        IsBlank: false,
      })),
      ShowOnCashBasisReports: true,
      HasAttachments: false,
    };
  }

  /** The first day of the financial year containing `date`. */
  private yearStart(date: string): string {
    const { day, month } = this.financialYearEnd;
    const endIn = (year: number) => `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate())).padStart(2, '0')}`;
    const year = Number(date.slice(0, 4));
    const lastEnd = endIn(year) < date ? endIn(year) : endIn(year - 1);
    return new Date(dayMs(lastEnd) + 86_400_000).toISOString().slice(0, 10);
  }

  /**
   * Reports/TrialBalance as at `date` from the POSTED journals, in the shape of the
   * xero_accounting.yaml example: a Header row (Account, Debit, Credit, YTD Debit, YTD Credit),
   * Sections titled Revenue, Expenses, Assets, Liabilities, Equity holding one Row per account
   * (label "Name (Code)", every cell carrying Attributes [{Id: "account", Value: AccountID}]), then an
   * untitled Section with the SummaryRow "Total"; values are strings, '' for nothing. Debit/Credit:
   * the movement in the month of `date` [secondary: odatalink's TrialBalance page]; YTD: the balance,
   * a profit-and-loss account's since the start of the financial year (the day after the last
   * `financialYearEnd` before `date`; a 29 February end is the 28th in other years), earlier years'
   * profit and loss shown on the RETAINEDEARNINGS account, as Xero's example shows Retained Earnings
   * with a YTD credit only.
   */
  trialBalance(date: string, now: number): Record<string, unknown> {
    const month = date.slice(0, 7);
    const yearStart = this.yearStart(date);
    const retained = this.accounts.find((a) => a.SystemAccount === 'RETAINEDEARNINGS');
    const rows = new Map<string, { month: bigint; ytd: bigint }>();
    const add = (account: XeroAccount, monthCents: bigint, ytdCents: bigint) => {
      const row = rows.get(account.AccountID) ?? { month: 0n, ytd: 0n };
      row.month += monthCents;
      row.ytd += ytdCents;
      rows.set(account.AccountID, row);
    };
    for (const j of this.journals) {
      if (j.Status !== 'POSTED' || j.Date > date) continue;
      for (const l of j.lines) {
        const account = this.accounts.find((a) => a.AccountID === l.AccountID) as XeroAccount;
        const profitAndLoss = account.Class === 'REVENUE' || account.Class === 'EXPENSE';
        const inMonth = j.Date.startsWith(month) ? l.cents : 0n;
        if (!profitAndLoss || j.Date >= yearStart) add(account, inMonth, l.cents);
        else if (retained) add(retained, 0n, l.cents);
      }
    }
    const sections = new Map<string, unknown[]>(SECTION_ORDER.map((title) => [title, []]));
    const totals = [0n, 0n, 0n, 0n];
    for (const account of this.accounts) {
      const row = rows.get(account.AccountID);
      if (!row) continue;
      const cells = [row.month > 0n ? row.month : 0n, row.month < 0n ? -row.month : 0n, row.ytd > 0n ? row.ytd : 0n, row.ytd < 0n ? -row.ytd : 0n];
      for (const [i, c] of cells.entries()) totals[i] = (totals[i] as bigint) + c;
      const attributes = [{ Value: account.AccountID, Id: 'account' }];
      sections.get(SECTION_OF[account.Class])?.push({ RowType: 'Row', Cells: [{ Value: `${account.Name} (${account.Code})`, Attributes: attributes }, ...cells.map((c) => ({ Value: reportAmount(c), Attributes: attributes }))] });
    }
    const asAt = new Date(dayMs(date)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      Reports: [
        {
          ReportName: 'Trial Balance',
          ReportType: 'TrialBalance',
          ReportTitles: ['Trial Balance', this.name, `As at ${asAt}`],
          ReportDate: asAt,
          UpdatedDateUTC: msDate(now, false),
          Fields: [],
          Rows: [
            { RowType: 'Header', Cells: ['Account', 'Debit', 'Credit', 'YTD Debit', 'YTD Credit'].map((Value) => ({ Value })) },
            ...[...sections].filter(([, Rows]) => Rows.length > 0).map(([Title, Rows]) => ({ RowType: 'Section', Title, Rows })),
            { RowType: 'Section', Title: '', Rows: [{ RowType: 'SummaryRow', Cells: [{ Value: 'Total' }, ...totals.map((t) => ({ Value: reportAmount(t) || '0.00' }))] }] },
          ],
        },
      ],
    };
  }
}

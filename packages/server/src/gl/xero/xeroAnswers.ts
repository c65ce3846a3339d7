/**
 * Reading Xero's answers: the messages of a ValidationException (`Elements[].ValidationErrors[]`,
 * Xero's own words, shown to the person who must fix the journal) and the Trial Balance report
 * (rows nested in sections; values are strings, '' is zero; the label is "Name (Code)" and each
 * cell carries the AccountID; xero_accounting.yaml's TrialBalance example). The balance is the YTD
 * Debit and YTD Credit columns: the balance of a balance-sheet account, and of a profit-and-loss
 * account since the start of Xero's financial year (earlier years sit on Retained Earnings); the
 * Debit and Credit columns are only the month's movement. A zero is '' or "0.00".
 */
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
  netMinor: bigint;
}

export function parseTrialBalance(body: unknown, currency: string): TrialBalanceRow[] {
  const report = (body as { Reports?: Array<{ Rows?: ReportRow[] }> }).Reports?.[0];
  const header = report?.Rows?.find((r) => r.RowType === 'Header')?.Cells?.map((c) => c.Value ?? '') ?? [];
  const ytdDebit = header.indexOf('YTD Debit');
  const ytdCredit = header.indexOf('YTD Credit');
  if (ytdDebit < 0 || ytdCredit < 0) throw new Error('the Xero trial balance has no YTD Debit / YTD Credit columns');
  const rows: TrialBalanceRow[] = [];
  const visit = (list: ReportRow[]): void => {
    for (const row of list) {
      if (row.Rows) visit(row.Rows);
      if (row.RowType !== 'Row' || !row.Cells) continue;
      rows.push({
        accountId: row.Cells[0]?.Attributes?.find((a) => a.Id === 'account')?.Value,
        labelCode: /\(([^()]+)\)\s*$/.exec(row.Cells[0]?.Value ?? '')?.[1],
        netMinor: minor(row.Cells[ytdDebit]?.Value, currency) - minor(row.Cells[ytdCredit]?.Value, currency),
      });
    }
  };
  visit(report?.Rows ?? []);
  return rows;
}

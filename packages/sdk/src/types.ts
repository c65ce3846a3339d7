/** The objects of the API, as the server's OpenAPI document defines them. */
import type { components, paths } from './generated/openapi.js';

type Schemas = components['schemas'];

export type Account = Schemas['Account'];
export type AccountBalance = Schemas['AccountBalance'];
export type CurrencyBalance = Schemas['CurrencyBalance'];
export type StatementLine = Schemas['StatementLine'];
export type Subledger = Schemas['Subledger'];
export type SubledgerBalances = Schemas['SubledgerBalances'];
export type JournalEntry = Schemas['JournalEntry'];
/** What `journalEntries.create` takes: money as decimal strings, one of debit or credit per line. */
export type JournalEntryInput = NonNullable<paths['/api/v1/journal-entries']['post']['requestBody']>['content']['application/json'];
export type Period = Schemas['Period'];
export type TrialBalance = Schemas['TrialBalance'];
export type BalanceSheet = Schemas['BalanceSheet'];
export type IncomeStatement = Schemas['IncomeStatement'];
export type AuditEvent = Schemas['AuditEvent'];
export type Whoami = Schemas['Whoami'];
export type LedgerVerification = Schemas['LedgerVerification'];
export type AccountType = Account['type'];

export interface CreateAccountInput {
  code: string;
  name: string;
  type: AccountType;
  currency?: string;
  parent_code?: string;
  description?: string;
  metadata?: Record<string, unknown>;
}

export interface UpdateAccountInput {
  name?: string;
  description?: string | null;
  is_active?: boolean;
  metadata?: Record<string, unknown>;
}

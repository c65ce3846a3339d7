/** Ledger objects as the API shows them (docs/ledger.md). Money is decimal strings; dates `YYYY-MM-DD`. */
export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Assets and expenses grow with debits; liabilities, equity and revenue with credits. */
export function isDebitNormal(type: AccountType): boolean {
  return type === 'asset' || type === 'expense';
}

export interface Account {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  currency: string | null;
  parent_code: string | null;
  description: string | null;
  metadata: Record<string, unknown>;
  is_active: boolean;
  subledger: string | null;
  created_at: string;
  updated_at: string;
}

export interface CurrencyBalance {
  currency: string;
  debits: string;
  credits: string;
  /** Signed by the account's normal side: positive when the account holds what its type expects. */
  balance: string;
}

export interface AccountBalance {
  account: string;
  as_of: string | null;
  include_children: boolean;
  balances: CurrencyBalance[];
}

export interface StatementLine {
  entry_id: string;
  line_number: number;
  date: string;
  description: string;
  reference: string | null;
  currency: string;
  debit: string | null;
  credit: string | null;
  subledger_account: string | null;
  /** The party's name when it is a recorded customer (its current name), else null. */
  subledger_account_name: string | null;
  memo: string | null;
  running_balance: string;
}

export interface JournalLine {
  line_number: number;
  account: string;
  debit: string | null;
  credit: string | null;
  subledger_account: string | null;
  dimensions: Record<string, string> | null;
  memo: string | null;
}

export interface JournalEntry {
  id: string;
  date: string;
  description: string;
  currency: string;
  reference: string | null;
  status: 'posted';
  lines: JournalLine[];
  created_at: string;
  reversal_of: string | null;
  reversed_by: string | null;
  metadata: Record<string, unknown>;
}

/** What a client sends to post one entry. */
export interface JournalEntryInput {
  date: string;
  description: string;
  currency: string;
  reference?: string | undefined;
  lines: Array<{
    account: string;
    debit?: string | undefined;
    credit?: string | undefined;
    subledger_account?: string | undefined;
    dimensions?: Record<string, string> | undefined;
    memo?: string | undefined;
  }>;
  metadata?: Record<string, unknown> | undefined;
}

export interface Subledger {
  id: string;
  code: string;
  name: string;
  control_account: string;
  created_at: string;
}

export interface Period {
  period: string;
  status: 'open' | 'closed';
  changed_at: string | null;
}

/**
 * Transfer to the general ledger: the vocabulary shared by the transfer engine (`gl/`), the ERP
 * providers (`gl/xero/`, `gl/webhook/`, later QuickBooks Online and NetSuite) and the HTTP layer.
 * The engine decides what to send and when; a provider only speaks one ERP's protocol and says,
 * for each request, whether the ERP certainly has the journal, certainly does not, or may have it.
 */

export const GL_PROVIDERS = ['xero', 'webhook'] as const;
export type GlProvider = (typeof GL_PROVIDERS)[number];

/** How messages name the other side. */
export const GL_PROVIDER_NAMES: Record<GlProvider, string> = { xero: 'Xero', webhook: 'The webhook receiver' };

export const GL_CONNECTION_STATUSES = ['active', 'paused', 'needs_authorization', 'error'] as const;
export type GlConnectionStatus = (typeof GL_CONNECTION_STATUSES)[number];

export const GL_SUMMARIZE_MODES = ['none', 'daily', 'monthly'] as const;
export type GlSummarizeMode = (typeof GL_SUMMARIZE_MODES)[number];

export const GL_TRANSFER_STATUSES = ['pending', 'sending', 'confirmed', 'failed', 'uncertain'] as const;
export type GlTransferStatus = (typeof GL_TRANSFER_STATUSES)[number];

/** One line of the journal as the ERP receives it: already mapped to the ERP's account code. */
export interface GlJournalLine {
  erpAccountCode: string;
  /** Minor units of the journal's currency; positive is a debit, negative a credit. */
  amountMinor: bigint;
  description: string;
  /** ERP dimension (Xero: tracking category name → option name). */
  dimensions: Record<string, string>;
}

/** What one transfer sends: one entry (summarize "none") or the entries of one day or month, summed. */
export interface GlJournal {
  transferId: string;
  /** YYYY-MM-DD, the date the ERP books it on. */
  date: string;
  /** ISO 4217; the currency's digits come from `domain/money.ts`. */
  currency: string;
  /** Human text; the provider adds its own read-back marker (e.g. `links:<transferId>`). */
  narration: string;
  entryIds: string[];
  lines: GlJournalLine[];
}

/** Why the ERP's answer was what it was, as the transfer's `last_error` shows it. */
export interface GlErpError {
  code: string;
  message: string;
  erpStatus: number | null;
  erpBody: unknown;
}

/**
 * The outcome of one send. Only `confirmed` and `refused` are certain; `uncertain` means the ERP may
 * have stored the journal (lost answer, timeout, reset, 5xx after the request was sent), so the
 * engine must read back (`findSent`) before any resend.
 */
export type GlSendOutcome =
  | { kind: 'confirmed'; erpDocumentId: string }
  /** The ERP refused it (validation, lock date, archived account…): a person must fix and retry. */
  | { kind: 'refused'; error: GlErpError }
  /** Certainly not stored, try again later (429, or refused before reaching the ERP). */
  | { kind: 'retry_later'; retryAfterMs: number; error: GlErpError }
  | { kind: 'uncertain'; error: GlErpError }
  /** The ERP no longer accepts our credentials (refresh token refused): the connection waits for a person. */
  | { kind: 'needs_authorization'; error: GlErpError };

export interface GlSendAttempt {
  /** Same key when resending an uncertain request; a new one after a definite refusal. */
  idempotencyKey: string;
}

export interface ErpAccount {
  code: string;
  name: string;
  /** The ERP's own type text (Xero: REVENUE, BANK, CURRLIAB…). */
  type: string;
  status: 'active' | 'archived';
  /** False when the ERP refuses journals on the account (Xero: BANK accounts take no manual journal). */
  accepts_journals: boolean;
}

/** One account's figure in the ERP's trial balance. */
export interface ErpAccountBalance {
  /** Net debit (positive) or credit (negative), minor units. */
  balance: bigint;
  /**
   * Set on a profit-and-loss account whose figure restarts each financial year: the figure runs from
   * this date (YYYY-MM-DD, the start of the year containing `asOf`). Absent: the balance to date.
   */
  periodStart?: string;
  /** Set on the account where the ERP carries earlier years' profit and loss (Xero's Retained Earnings). */
  carriesEarlierProfitAndLoss?: true;
}

/**
 * The ERP's trial balance per ERP account code. A profit-and-loss account of the chart is present
 * (balance 0) even when the report has no row for it, so its `periodStart` is known.
 */
export type ErpTrialBalance = Map<string, ErpAccountBalance>;

/** One connection's view of its ERP. Implementations keep tokens and rate limits to themselves. */
export interface ErpConnector {
  send(journal: GlJournal, attempt: GlSendAttempt): Promise<GlSendOutcome>;
  /** Reads back whether the ERP already holds this transfer's journal (by the provider's marker). */
  findSent(transferId: string, date: string): Promise<{ erpDocumentId: string } | null>;
  listAccounts(): Promise<ErpAccount[]>;
  trialBalance(asOf: string, currency: string): Promise<ErpTrialBalance>;
  /**
   * Keeps the ERP's authorization alive while nothing is sent (Xero drops a refresh token unused for
   * 60 days). The engine calls it from an idle step, at most every few hours per connection. Throws
   * ErpCallError('needs_authorization') when the ERP refused it.
   */
  keepAlive?(): Promise<void>;
}

/** Thrown by `findSent`, `listAccounts` and `trialBalance` when the ERP gave no usable answer. */
export class ErpCallError extends Error {
  constructor(
    readonly kind: 'retry_later' | 'uncertain' | 'refused' | 'needs_authorization',
    readonly erpError: GlErpError,
    readonly retryAfterMs = 0,
  ) {
    super(erpError.message);
    this.name = 'ErpCallError';
  }
}

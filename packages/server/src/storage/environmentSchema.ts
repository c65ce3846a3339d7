import type { ColumnType } from 'kysely';

/**
 * Row types of an environment database (one for production, one for sandbox). Every table is keyed
 * `(tenant_id, …)` and guarded by row-level security on `links.tenant_id`.
 */
export interface AuditEventRow {
  tenant_id: string;
  id: string;
  at: Date;
  actor_type: 'admin' | 'api_key' | 'user' | 'system';
  actor_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  request_id: string;
}

export interface EnvironmentDatabase {
  audit_events: AuditEventRow;
  accounts: AccountRow;
  subledgers: SubledgerRow;
  journal_entries: JournalEntryRow;
  journal_lines: JournalLineRow;
  account_balances: AccountBalanceRow;
  account_daily_balances: AccountDailyBalanceRow;
  party_daily_balances: PartyDailyBalanceRow;
  periods: PeriodRow;
  idempotency_keys: IdempotencyKeyRow;
  unified_records: UnifiedRecordRow;
  unified_record_versions: UnifiedRecordVersionRow;
  accounting_rules: AccountingRuleRow;
  record_postings: RecordPostingRow;
  external_connections: ExternalConnectionRow;
  journal_entry_drafts: JournalEntryDraftRow;
  gl_connections: GlConnectionRow;
  gl_transfers: GlTransferRow;
  xero_tokens: XeroTokenRow;
  jobs: JobRow;
}


/** NUMERIC comes back from pg as a string; it is summed into bigint in the ledger. */
type Numeric = ColumnType<string, string | bigint, string | bigint>;
type Json = ColumnType<Record<string, unknown>, string, string>;
type DateColumn = ColumnType<string, string, string>;

export interface AccountRow {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  type: 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';
  currency: string | null;
  parent_id: string | null;
  description: string | null;
  metadata: Json;
  is_active: boolean;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SubledgerRow {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  control_account_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface JournalEntryRow {
  tenant_id: string;
  id: string;
  sequence: ColumnType<string, string | bigint, never>;
  date: DateColumn;
  description: string;
  currency: string;
  reference: string | null;
  reversal_of: string | null;
  metadata: Json;
  line_count: number;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface JournalLineRow {
  tenant_id: string;
  entry_id: string;
  line_number: number;
  sequence: ColumnType<string, string | bigint, never>;
  date: DateColumn;
  account_id: string;
  currency: string;
  debit: ColumnType<string, string | bigint, never>;
  credit: ColumnType<string, string | bigint, never>;
  subledger_account: string | null;
  dimensions: ColumnType<Record<string, string> | null, string | null, never>;
  memo: string | null;
}

export interface BalanceColumns {
  debits: Numeric;
  credits: Numeric;
}

export interface AccountBalanceRow extends BalanceColumns {
  tenant_id: string;
  account_id: string;
  currency: string;
}

export interface AccountDailyBalanceRow extends BalanceColumns {
  tenant_id: string;
  account_id: string;
  currency: string;
  date: DateColumn;
  /** How many lines moved the account that day: statements count from here. */
  lines: ColumnType<string, string | number, string | number>;
}

export interface PartyDailyBalanceRow extends BalanceColumns {
  tenant_id: string;
  account_id: string;
  party: string;
  currency: string;
  date: DateColumn;
}

export interface PeriodRow {
  tenant_id: string;
  period: string;
  status: 'open' | 'closed';
  changed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface IdempotencyKeyRow {
  tenant_id: string;
  key: string;
  request_hash: Buffer;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

type JsonValue<T> = ColumnType<T, string, string>;

export interface UnifiedRecordRow {
  tenant_id: string;
  id: string;
  model: string;
  version: number;
  source_system: string | null;
  source_id: string | null;
  fields: JsonValue<Record<string, unknown>>;
  content_hash: Buffer;
  is_active: boolean;
  local_was_deleted: boolean;
  local_was_updated: boolean;
  created_at: ColumnType<Date, Date, never>;
  updated_at: ColumnType<Date, Date, Date>;
  /** The latest version's accounting outcome (unified_record_versions keeps each version's). */
  accounting_status: ColumnType<string, string | undefined, string>;
  accounting_error: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface UnifiedRecordVersionRow {
  tenant_id: string;
  record_id: string;
  version: number;
  fields: JsonValue<Record<string, unknown>>;
  is_active: boolean;
  local_was_deleted: boolean;
  recorded_at: Date;
  request_id: string;
  accounting_status: ColumnType<string, string | undefined, string>;
  accounting_error: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface AccountingRuleRow {
  tenant_id: string;
  event: string;
  definition: JsonValue<Record<string, unknown>>;
  updated_at: Date;
}

export interface RecordPostingRow {
  tenant_id: string;
  record_id: string;
  version: number;
  currency: string;
  event: string;
  entry_id: string;
}

export interface ExternalConnectionRow {
  tenant_id: string;
  id: string;
  name: string;
  type: 'csv' | 'postgres';
  status: string;
  csv_content: string | null;
  source: JsonValue<Record<string, unknown>>;
  sealed_secret: string | null;
  mapping: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  last_sync: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: ColumnType<Date, Date, Date>;
  mcp_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  mcp_tool_name: string | null;
  mcp_description: string | null;
}

/** A proposed entry awaiting approval (migration 0015). */
export interface JournalEntryDraftRow {
  tenant_id: string;
  id: string;
  status: 'pending_approval' | 'approved' | 'rejected';
  entry: JsonValue<Record<string, unknown>>;
  impact: JsonValue<Array<Record<string, unknown>>>;
  proposed_by_key: string;
  proposed_by_user: string;
  proposed_via: 'api' | 'mcp';
  decided_by_key: string | null;
  decided_by_user: string | null;
  reason: string | null;
  journal_entry_id: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export interface GlConnectionRow {
  tenant_id: string;
  id: string;
  provider: string;
  name: string;
  status: string;
  settings: JsonValue<Record<string, unknown>>;
  sealed_credentials: string;
  mapping: JsonValue<Record<string, unknown>>;
  queued_position: ColumnType<string, string | number | bigint | undefined, string | number | bigint>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: ColumnType<Date, Date, Date>;
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The process that sends the connection's transfers, and until when (migration 0018). */
  sender_id: ColumnType<string | null, string | null | undefined, string | null>;
  sender_lease_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface GlTransferRow {
  tenant_id: string;
  id: string;
  connection_id: string;
  status: string;
  entry_ids: ColumnType<string[], string[], string[]>;
  first_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  date: DateColumn;
  currency: string;
  journal: JsonValue<Record<string, unknown>>;
  erp_document_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  key_generation: ColumnType<number, number | undefined, number>;
  last_error: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  next_attempt_at: ColumnType<Date, Date, Date>;
  lease_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date, never>;
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A Xero connection's tokens (migration 0014): one row per GL connection, the token set sealed. */
export interface XeroTokenRow {
  tenant_id: string;
  connection_id: string;
  grant_type: 'client_credentials' | 'authorization_code';
  xero_tenant_id: string | null;
  /** secretBox-sealed JSON `{access_token, refresh_token}`; null until authorised. */
  sealed_tokens: string | null;
  access_expires_at: Date | null;
  /** SHA-256 (hex) of the `state` of an authorization in progress. */
  pending_state_hash: string | null;
  /** When Xero refused the refresh token or the client: a person must authorise again. */
  refused_at: Date | null;
  refreshes: ColumnType<string, string | bigint, string | bigint>;
  /** The worker renewing the tokens now, and until when its claim holds (migration 0017). */
  refresh_holder: string | null;
  refresh_lease_until: Date | null;
  updated_at: Date;
}

export interface JobRow {
  tenant_id: string;
  id: string;
  kind: string;
  params: ColumnType<Record<string, unknown>, string, never>;
  status: string;
  progress_done: ColumnType<number, number | undefined, number>;
  progress_total: ColumnType<number | null, number | null | undefined, number | null>;
  checkpoint: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  error: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_by: string | null;
  heartbeat_at: Date | null;
  created_at: ColumnType<Date, Date, never>;
  started_at: Date | null;
  finished_at: Date | null;
}

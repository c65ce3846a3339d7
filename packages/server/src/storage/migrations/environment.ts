/**
 * Environment database privileges (production and sandbox), applied at every start after the
 * migrations (environment/*.sql). Every tenant table gets `tenant_id` first in its keys and a
 * row-level security policy on `links.tenant_id`, and is listed here.
 */

/** What the application role may do per table. */
export const environmentGrants: Record<string, string> = {
  audit_events: 'SELECT, INSERT',
  accounts: 'SELECT, INSERT, UPDATE',
  subledgers: 'SELECT, INSERT',
  journal_entries: 'SELECT, INSERT',
  journal_lines: 'SELECT, INSERT',
  account_balances: 'SELECT, INSERT, UPDATE',
  account_daily_balances: 'SELECT, INSERT, UPDATE',
  party_daily_balances: 'SELECT, INSERT, UPDATE',
  periods: 'SELECT, INSERT, UPDATE',
  idempotency_keys: 'SELECT, INSERT, UPDATE, DELETE',
  ledger_chain_heads: 'SELECT, INSERT, UPDATE',
  ledger_chain: 'SELECT, INSERT',
  unified_records: 'SELECT, INSERT, UPDATE',
  unified_record_versions: 'SELECT, INSERT',
  accounting_rules: 'SELECT, INSERT, UPDATE',
  record_postings: 'SELECT, INSERT',
  external_connections: 'SELECT, INSERT, UPDATE',
  journal_entry_drafts: 'SELECT, INSERT, UPDATE',
  gl_connections: 'SELECT, INSERT, UPDATE',
  gl_transfers: 'SELECT, INSERT, UPDATE',
  xero_tokens: 'SELECT, INSERT, UPDATE, DELETE',
  jobs: 'SELECT, INSERT, UPDATE',
};

/** Sequences the application role draws from. */
export const environmentSequences = ['journal_entry_sequence'];

/** Tables that must carry row-level security; a startup check refuses to serve if one lacks it. */
export const tenantTables = Object.keys(environmentGrants);

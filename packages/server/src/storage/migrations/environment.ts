/**
 * Environment database migrations (the same schema in production and sandbox). Every tenant table
 * gets `tenant_id` first in its keys and a row-level security policy on `links.tenant_id`.
 */
import { readFileSync } from 'node:fs';
import { sql, type Migration } from 'kysely';
import { enableTenantRowSecurity, withRowSecurityLifted } from './rowSecurity.js';
import { hashChainMigration } from './hashChain.js';
import { balanceFunctionMigration } from './balanceFunction.js';
import { postingFunctionMigration } from './postingFunction.js';
import { unifiedRecordsMigration } from './unifiedRecords.js';

export const environmentMigrations: Record<string, Migration> = {
  '0001_audit_events': {
    async up(db) {
      await sql`
        CREATE TABLE audit_events (
          tenant_id uuid NOT NULL,
          id uuid NOT NULL,
          at timestamptz NOT NULL,
          actor_type text NOT NULL,
          actor_id text NOT NULL,
          action text NOT NULL,
          resource_type text NOT NULL,
          resource_id text NOT NULL,
          request_id text NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX audit_events_at ON audit_events (tenant_id, at, id);
      `.execute(db);
      await enableTenantRowSecurity(db, 'audit_events');
    },
  },
  '0002_ledger': {
    async up(db) {
      await sql`
        CREATE TABLE accounts (
          tenant_id uuid NOT NULL,
          id uuid NOT NULL,
          code text NOT NULL CHECK (code ~ '^[A-Za-z0-9._-]{1,32}$'),
          name text NOT NULL,
          type text NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'revenue', 'expense')),
          currency text CHECK (currency ~ '^[A-Z]{3}$'),
          parent_id uuid,
          description text,
          metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
          is_active boolean NOT NULL DEFAULT true,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, id),
          UNIQUE (tenant_id, code),
          FOREIGN KEY (tenant_id, parent_id) REFERENCES accounts (tenant_id, id)
        );
        CREATE INDEX accounts_parent ON accounts (tenant_id, parent_id);

        CREATE TABLE subledgers (
          tenant_id uuid NOT NULL,
          id uuid NOT NULL,
          code text NOT NULL CHECK (code ~ '^[A-Za-z0-9._-]{1,32}$'),
          name text NOT NULL,
          control_account_id uuid NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, id),
          UNIQUE (tenant_id, code),
          UNIQUE (tenant_id, control_account_id),
          FOREIGN KEY (tenant_id, control_account_id) REFERENCES accounts (tenant_id, id)
        );

        CREATE SEQUENCE journal_entry_sequence;

        -- Append-only: a reversal is a new entry pointing at the original (reversed_by is derived).
        CREATE TABLE journal_entries (
          tenant_id uuid NOT NULL,
          id uuid NOT NULL,
          sequence bigint NOT NULL,
          date date NOT NULL,
          description text NOT NULL,
          currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
          reference text,
          reversal_of uuid,
          metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
          line_count integer NOT NULL CHECK (line_count >= 2),
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, id),
          UNIQUE (tenant_id, sequence),
          FOREIGN KEY (tenant_id, reversal_of) REFERENCES journal_entries (tenant_id, id)
        );
        CREATE UNIQUE INDEX journal_entries_reversal_once ON journal_entries (tenant_id, reversal_of) WHERE reversal_of IS NOT NULL;
        CREATE INDEX journal_entries_date ON journal_entries (tenant_id, date, sequence);
        CREATE INDEX journal_entries_reference ON journal_entries (tenant_id, reference, sequence) WHERE reference IS NOT NULL;

        CREATE TABLE journal_lines (
          tenant_id uuid NOT NULL,
          entry_id uuid NOT NULL,
          line_number integer NOT NULL CHECK (line_number >= 1),
          sequence bigint NOT NULL,
          date date NOT NULL,
          account_id uuid NOT NULL,
          currency text NOT NULL,
          debit bigint NOT NULL CHECK (debit >= 0),
          credit bigint NOT NULL CHECK (credit >= 0),
          subledger_account text,
          dimensions jsonb,
          memo text,
          PRIMARY KEY (tenant_id, entry_id, line_number),
          FOREIGN KEY (tenant_id, entry_id) REFERENCES journal_entries (tenant_id, id),
          FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
          CHECK ((debit > 0) <> (credit > 0))
        );
        CREATE INDEX journal_lines_statement ON journal_lines (tenant_id, account_id, date, sequence, line_number);

        -- Balances kept as entries post: totals now, and per-day movements for any as_of.
        CREATE TABLE account_balances (
          tenant_id uuid NOT NULL,
          account_id uuid NOT NULL,
          currency text NOT NULL,
          debits numeric(38, 0) NOT NULL DEFAULT 0,
          credits numeric(38, 0) NOT NULL DEFAULT 0,
          PRIMARY KEY (tenant_id, account_id, currency),
          FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
        );
        CREATE TABLE account_daily_balances (
          tenant_id uuid NOT NULL,
          account_id uuid NOT NULL,
          currency text NOT NULL,
          date date NOT NULL,
          debits numeric(38, 0) NOT NULL DEFAULT 0,
          credits numeric(38, 0) NOT NULL DEFAULT 0,
          PRIMARY KEY (tenant_id, account_id, currency, date)
        );
        CREATE INDEX account_daily_balances_date ON account_daily_balances (tenant_id, date);
        CREATE TABLE party_daily_balances (
          tenant_id uuid NOT NULL,
          account_id uuid NOT NULL,
          party text NOT NULL,
          currency text NOT NULL,
          date date NOT NULL,
          debits numeric(38, 0) NOT NULL DEFAULT 0,
          credits numeric(38, 0) NOT NULL DEFAULT 0,
          PRIMARY KEY (tenant_id, account_id, party, currency, date)
        );

        CREATE TABLE periods (
          tenant_id uuid NOT NULL,
          period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
          status text NOT NULL CHECK (status IN ('open', 'closed')),
          changed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, period)
        );

        CREATE TABLE idempotency_keys (
          tenant_id uuid NOT NULL,
          key text NOT NULL,
          request_hash bytea NOT NULL,
          response_status integer,
          response_body jsonb,
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, key)
        );

        -- Posted entries never change: not through the API, not through SQL.
        CREATE FUNCTION refuse_posted_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'posted journal data is immutable: % on % refused', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'P0001', HINT = 'post a reversal instead';
        END $$;
        CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
          FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();
        CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_posted_change();
        CREATE TRIGGER journal_lines_immutable BEFORE UPDATE OR DELETE ON journal_lines
          FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();
        CREATE TRIGGER journal_lines_no_truncate BEFORE TRUNCATE ON journal_lines
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_posted_change();

        -- At commit, every entry has its declared number of lines, and they balance.
        CREATE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          total_debit numeric;
          total_credit numeric;
          lines integer;
        BEGIN
          SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*)
            INTO total_debit, total_credit, lines
            FROM journal_lines WHERE tenant_id = NEW.tenant_id AND entry_id = NEW.id;
          IF lines <> NEW.line_count OR total_debit <> total_credit OR total_debit = 0 THEN
            RAISE EXCEPTION 'journal entry % is unbalanced (debits %, credits %, % of % lines)',
              NEW.id, total_debit, total_credit, lines, NEW.line_count USING ERRCODE = '23514';
          END IF;
          RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced();
      `.execute(db);
      for (const table of ['accounts', 'subledgers', 'journal_entries', 'journal_lines', 'account_balances', 'account_daily_balances', 'party_daily_balances', 'periods', 'idempotency_keys']) {
        await enableTenantRowSecurity(db, table);
      }
    },
  },
  '0003_daily_line_counts': {
    async up(db) {
      await sql`ALTER TABLE account_daily_balances ADD COLUMN lines bigint NOT NULL DEFAULT 0`.execute(db);
      await withRowSecurityLifted(db, ['account_daily_balances', 'journal_lines'], async () => {
        await sql`
          UPDATE account_daily_balances d SET lines = c.n
            FROM (SELECT tenant_id, account_id, currency, date, count(*) AS n FROM journal_lines GROUP BY 1, 2, 3, 4) c
           WHERE d.tenant_id = c.tenant_id AND d.account_id = c.account_id AND d.currency = c.currency AND d.date = c.date`.execute(db);
      });
    },
  },
  '0004_posting_function': postingFunctionMigration,
  '0005_balance_function': balanceFunctionMigration,
  '0006_hash_chain': hashChainMigration,
  '0007_unified_records': unifiedRecordsMigration,
  // Until the .sql loader lands (drop at merge): 0008 is plain SQL beside this file.
  '0008_posting_locks_accounts': { up: async (db) => void (await sql.raw(readFileSync(new URL('./environment/0008_posting_locks_accounts.sql', import.meta.url), 'utf8')).execute(db)) },
};

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
};

/** Sequences the application role draws from. */
export const environmentSequences = ['journal_entry_sequence'];

/** Tables that must carry row-level security; a startup check refuses to serve if one lacks it. */
export const tenantTables = Object.keys(environmentGrants);

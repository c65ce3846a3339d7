-- Environment database 0013: transfer to the general ledger. A connection pushes the tenant
-- environment's posted entries to one ERP (or a signed webhook). Entries are queued by a high-water
-- mark, not an outbox row per entry: the tenant's hash-chain position (0006) is assigned under the
-- chain head's lock, which the posting holds until commit, so positions are gap-free in commit
-- order and a connection only remembers the last position it turned into transfers. Posting itself
-- writes nothing for the transfer.

CREATE TABLE gl_connections (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  provider text NOT NULL CHECK (provider IN ('xero', 'webhook', 'quickbooks', 'netsuite')),
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'paused', 'needs_authorization', 'error')),
  -- {start_date, summarize, ...}: what the API shows.
  settings jsonb NOT NULL,
  -- The provider's credentials as JSON, sealed (AES-256-GCM, bound to tenant and connection).
  sealed_credentials text NOT NULL,
  -- {accounts: {links code: erp code}, dimensions: {links key: erp name}}
  mapping jsonb NOT NULL DEFAULT '{"accounts": {}, "dimensions": {}}'::jsonb,
  -- The last chain position already turned into transfers (entries before start_date included).
  queued_position bigint NOT NULL DEFAULT 0 CHECK (queued_position >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX gl_connections_name ON gl_connections (tenant_id, name) WHERE deleted_at IS NULL;

CREATE TABLE gl_transfers (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  connection_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'confirmed', 'failed', 'uncertain')),
  entry_ids uuid[] NOT NULL CHECK (cardinality(entry_ids) >= 1),
  -- The lowest and highest chain position of its entries (a summary may interleave with another date's).
  first_position bigint NOT NULL,
  last_position bigint NOT NULL,
  date date NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The journal as built when queued: a resend sends the same body under the same key.
  journal jsonb NOT NULL,
  erp_document_id text,
  attempts integer NOT NULL DEFAULT 0,
  -- Part of the Idempotency-Key: raised only after a definite refusal, so an uncertain resend reuses it.
  key_generation integer NOT NULL DEFAULT 1,
  last_error jsonb,
  next_attempt_at timestamptz NOT NULL,
  -- While `sending`: until when the sending process holds it; after that it counts as uncertain.
  lease_until timestamptz,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  confirmed_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, connection_id) REFERENCES gl_connections (tenant_id, id),
  CHECK (first_position <= last_position),
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
);
CREATE UNIQUE INDEX gl_transfers_positions ON gl_transfers (tenant_id, connection_id, first_position);
CREATE INDEX gl_transfers_due ON gl_transfers (tenant_id, connection_id, next_attempt_at) WHERE status IN ('pending', 'sending', 'uncertain');
CREATE INDEX gl_transfers_list ON gl_transfers (tenant_id, connection_id, id);

ALTER TABLE "gl_connections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "gl_connections" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "gl_connections"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

ALTER TABLE "gl_transfers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "gl_transfers" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "gl_transfers"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

-- Environment database 0007: unified records (customers, invoices, payments, …), their versions, the
-- accounting rules that turn them into journal entries, the link from each generated entry to the
-- record version it came from, and external connections (data sources).

CREATE TABLE unified_records (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  model text NOT NULL CHECK (model IN ('customer', 'contact', 'invoice', 'payment', 'contract', 'product', 'opportunity')),
  version integer NOT NULL CHECK (version >= 1),
  source_system text,
  source_id text,
  -- Model and provenance fields as the API shows them (money as decimal strings).
  fields jsonb NOT NULL,
  content_hash bytea NOT NULL,
  is_active boolean NOT NULL,
  local_was_deleted boolean NOT NULL DEFAULT false,
  local_was_updated boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- One record per (source system, source id): a repeat is an upsert.
CREATE UNIQUE INDEX unified_records_source ON unified_records (tenant_id, model, (coalesce(source_system, '')), source_id) WHERE source_id IS NOT NULL;
CREATE INDEX unified_records_list ON unified_records (tenant_id, model, created_at, id);
-- A customer's invoices, payments, contacts…: lists filter on it.
CREATE INDEX unified_records_customer ON unified_records (tenant_id, model, (fields ->> 'unified_customer_id'), created_at);

-- Every version a record had, never changed: a generated entry names the version it came from.
CREATE TABLE unified_record_versions (
  tenant_id uuid NOT NULL,
  record_id uuid NOT NULL,
  version integer NOT NULL,
  fields jsonb NOT NULL,
  is_active boolean NOT NULL,
  local_was_deleted boolean NOT NULL,
  recorded_at timestamptz NOT NULL,
  request_id text NOT NULL,
  PRIMARY KEY (tenant_id, record_id, version),
  FOREIGN KEY (tenant_id, record_id) REFERENCES unified_records (tenant_id, id)
);

-- A tenant's edits of the shipped default rules; no row means the default.
CREATE TABLE accounting_rules (
  tenant_id uuid NOT NULL,
  event text NOT NULL,
  definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, event)
);

-- The entries a record version posted: at most one per currency, so a version never posts twice.
CREATE TABLE record_postings (
  tenant_id uuid NOT NULL,
  record_id uuid NOT NULL,
  version integer NOT NULL,
  currency text NOT NULL,
  event text NOT NULL,
  entry_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, record_id, version, currency),
  FOREIGN KEY (tenant_id, record_id, version) REFERENCES unified_record_versions (tenant_id, record_id, version),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES journal_entries (tenant_id, id)
);

CREATE TABLE external_connections (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('csv', 'postgres')),
  status text NOT NULL,
  -- csv: the uploaded file; postgres: {table} or {query}. The connection string is sealed (AES-GCM).
  csv_content text,
  source jsonb NOT NULL DEFAULT '{}'::jsonb,
  sealed_secret text,
  mapping jsonb,
  last_sync jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);

-- Posted history stays as it was: versions and postings are append-only for the application.
CREATE TRIGGER unified_record_versions_immutable BEFORE UPDATE OR DELETE ON unified_record_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();
CREATE TRIGGER record_postings_immutable BEFORE UPDATE OR DELETE ON record_postings
  FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();

ALTER TABLE "unified_records" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "unified_records" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "unified_records"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

ALTER TABLE "unified_record_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "unified_record_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "unified_record_versions"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

ALTER TABLE "accounting_rules" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "accounting_rules" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "accounting_rules"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

ALTER TABLE "record_postings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "record_postings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "record_postings"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

ALTER TABLE "external_connections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "external_connections" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "external_connections"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

-- Environment database 0014: the OAuth tokens of Xero GL connections. One row per connection;
-- the token set is sealed by the application (AES-256-GCM bound to tenant and connection), so the
-- database never holds a usable token. Workers refresh under this row's lock (SELECT … FOR UPDATE):
-- Xero rotates refresh tokens, and two refreshes at once would lose the newer one.

CREATE TABLE xero_tokens (
  tenant_id uuid NOT NULL,
  connection_id uuid NOT NULL,
  grant_type text NOT NULL CHECK (grant_type IN ('client_credentials', 'authorization_code')),
  xero_tenant_id text,
  sealed_tokens text,
  access_expires_at timestamptz,
  pending_state_hash text,
  refused_at timestamptz,
  refreshes bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, connection_id),
  CHECK ((sealed_tokens IS NULL) = (access_expires_at IS NULL))
);

ALTER TABLE "xero_tokens" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "xero_tokens" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "xero_tokens"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

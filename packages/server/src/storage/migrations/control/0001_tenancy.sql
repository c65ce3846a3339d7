-- Control database 0001: tenants, users, memberships, API keys (only their SHA-256), the control
-- audit trail and operator credentials.

CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  email_normalized text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE memberships (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'developer', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);
CREATE INDEX memberships_updated_at ON memberships (updated_at);
CREATE TABLE api_keys (
  tenant_id uuid NOT NULL,
  id text NOT NULL,
  environment text NOT NULL CHECK (environment IN ('production', 'sandbox')),
  user_id uuid NOT NULL,
  name text,
  permissions text[] NOT NULL CHECK (permissions <@ ARRAY['read', 'write']::text[] AND cardinality(permissions) > 0),
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  last4 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  replaced_by text,
  last_used_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id)
);
CREATE UNIQUE INDEX api_keys_public_id ON api_keys (id);
CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);
CREATE INDEX api_keys_updated_at ON api_keys (updated_at);
CREATE TABLE control_audit_events (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  tenant_id uuid,
  environment text CHECK (environment IN ('production', 'sandbox')),
  actor_type text NOT NULL,
  actor_id text NOT NULL,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  request_id text NOT NULL
);
CREATE INDEX control_audit_events_tenant ON control_audit_events (tenant_id, at);
CREATE INDEX control_audit_events_at ON control_audit_events (at);
CREATE TABLE operator_credentials (
  name text PRIMARY KEY,
  secret_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

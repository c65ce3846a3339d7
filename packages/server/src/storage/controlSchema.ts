/** Row types of the control database: tenants, users, memberships, API keys, control-plane audit. */
import type { ColumnType } from 'kysely';
import type { Environment, Permission, Role } from '../domain/tenancy.js';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface TenantRow {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface UserRow {
  id: string;
  email: string;
  /** Lower-cased email: the uniqueness key, so `Ann@x.io` and `ann@x.io` are one user. */
  email_normalized: string;
  name: string;
  created_at: CreatedAt;
}

export interface MembershipRow {
  tenant_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ApiKeyRow {
  tenant_id: string;
  id: string;
  environment: Environment;
  user_id: string;
  name: string | null;
  permissions: Permission[];
  /** SHA-256 of the whole key; the plaintext is never stored. */
  secret_hash: Buffer;
  last4: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  revoked_at: Date | null;
  replaced_by: string | null;
  last_used_at: Date | null;
  /** Moves on every change that affects verification; other processes poll it to drop cached keys. */
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ControlAuditEventRow {
  id: string;
  at: Date;
  tenant_id: string | null;
  environment: Environment | null;
  actor_type: 'admin' | 'api_key' | 'user' | 'system';
  actor_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  request_id: string;
}

export interface OperatorCredentialRow {
  name: string;
  secret_hash: Buffer;
  created_at: CreatedAt;
}

export interface ControlDatabase {
  tenants: TenantRow;
  users: UserRow;
  memberships: MembershipRow;
  api_keys: ApiKeyRow;
  control_audit_events: ControlAuditEventRow;
  operator_credentials: OperatorCredentialRow;
}


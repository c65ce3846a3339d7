/** Control-plane objects as the API shows them (docs/api.md, operator API). Timestamps are ISO 8601 UTC strings. */
import type { Environment, Permission, Role } from './tenancy.js';

export interface Tenant {
  id: string;
  name: string;
  created_at: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

export interface Membership {
  tenant_id: string;
  user_id: string;
  role: Role;
  created_at: string;
  updated_at: string;
}

/** An API key as listed: never its secret. */
export interface ApiKey {
  id: string;
  tenant_id: string;
  environment: Environment;
  user_id: string;
  name: string | null;
  permissions: Permission[];
  /** Direct agent posting enabled (domain/agentPosting.ts). */
  agent_posting: boolean;
  last4: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  replaced_by: string | null;
}

/** The one response that carries the plaintext key: creation and rotation. */
export interface IssuedApiKey extends ApiKey {
  key: string;
}

/** What an authenticated data-plane request acts as. */
export interface Principal {
  tenantId: string;
  tenantName: string;
  environment: Environment;
  keyId: string;
  userId: string;
  permissions: Permission[];
  /** The key's direct-agent-posting flag (domain/agentPosting.ts decides what it allows). */
  agentPosting: boolean;
}

/**
 * Told of every change to a key or to its holder's role, so this process drops its cached
 * verification at once (other processes learn it from the database).
 */
export interface KeyChangeListener {
  keyChanged(keyId: string): void;
  memberChanged(tenantId: string, userId: string): void;
}

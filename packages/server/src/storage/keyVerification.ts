/** What verifying an API key reads from the control database: the key, its tenant and its holder's role. */
import { sql, type Kysely } from 'kysely';
import type { Environment, Permission, Role } from '../domain/tenancy.js';
import type { ControlDatabase } from './controlSchema.js';

export interface VerifiedKey {
  keyId: string;
  secretHash: Buffer;
  tenantId: string;
  tenantName: string;
  environment: Environment;
  userId: string;
  role: Role;
  permissions: Permission[];
  agentPosting: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export type FindVerifiedKey = (control: Kysely<ControlDatabase>, secretHash: Buffer) => Promise<VerifiedKey | undefined>;

export const findVerifiedKey: FindVerifiedKey = async (control, secretHash) => {
  const row = await control
    .selectFrom('api_keys as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.tenant_id', '=', 'k.tenant_id').onRef('m.user_id', '=', 'k.user_id'))
    .select(['k.id', 'k.secret_hash', 'k.tenant_id', 't.name as tenant_name', 'k.environment', 'k.user_id', 'm.role', 'k.permissions', 'k.agent_posting', 'k.expires_at', 'k.revoked_at'])
    .where('k.secret_hash', '=', secretHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    keyId: row.id,
    secretHash: row.secret_hash,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    environment: row.environment,
    userId: row.user_id,
    role: row.role,
    permissions: row.permissions,
    agentPosting: row.agent_posting,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
};

/** Keys and memberships stamped (by the database's clock) within the last `windowMs`. */
export async function recentKeyChanges(
  control: Kysely<ControlDatabase>,
  windowMs: number,
): Promise<{ keys: Array<{ id: string }>; members: Array<{ tenant_id: string; user_id: string }> }> {
  const since = sql<Date>`clock_timestamp() - ${`${windowMs} milliseconds`}::interval`;
  const [keys, members] = await Promise.all([
    control.selectFrom('api_keys').select('id').where('updated_at', '>', since).execute(),
    control.selectFrom('memberships').select(['tenant_id', 'user_id']).where('updated_at', '>', since).execute(),
  ]);
  return { keys, members };
}

/** Records when keys were last used, never moving a time backwards. */
export async function recordKeysLastUsed(control: Kysely<ControlDatabase>, ids: string[], times: string[]): Promise<void> {
  await sql`
    UPDATE api_keys AS k SET last_used_at = v.at
      FROM unnest(${ids}::text[], ${times}::timestamptz[]) AS v(id, at)
     WHERE k.id = v.id AND (k.last_used_at IS NULL OR k.last_used_at < v.at)`.execute(control);
}

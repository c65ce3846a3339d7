/**
 * API keys: issued for one tenant environment to one member, capped by the member's role.
 * Errors: not_found (tenant, user, key), user_not_member, permission_exceeds_role,
 * invalid_request (expiry in the past, grace period too long), conflict (rotating a revoked, expired
 * or already rotated key; changing a revoked one), permission_exceeds_role (agent_posting on a key
 * without write permission, or whose holder is neither owner nor admin).
 */
import { sql, type Kysely, type Selectable, type Transaction, type UpdateObject } from 'kysely';
import type { WriteContext } from '../domain/audit.js';
import type { ApiKey, IssuedApiKey, KeyChangeListener } from '../domain/controlPlane.js';
import { LinksError, notFound } from '../domain/errors.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import { normalizePermissions, permissionsAllowed, type Environment, type Permission, type Role } from '../domain/tenancy.js';
import { generateApiKey, publicId } from '../auth/apiKeyFormat.js';
import type { ApiKeyRow, ControlDatabase } from '../storage/controlSchema.js';
import { recordControlEvent } from './controlAudit.js';
import { getTenant } from './tenants.js';
import { getUser } from './users.js';

export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 3600;

export function apiKeyView(row: Selectable<ApiKeyRow>): ApiKey {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    environment: row.environment,
    user_id: row.user_id,
    name: row.name,
    permissions: row.permissions,
    agent_posting: row.agent_posting,
    last4: row.last4,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
    last_used_at: row.last_used_at?.toISOString() ?? null,
    replaced_by: row.replaced_by,
  };
}

export interface CreateApiKeyInput {
  environment: Environment;
  user_id: string;
  name?: string | undefined;
  permissions?: Permission[] | undefined;
  expires_at?: Date | undefined;
  agent_posting?: boolean | undefined;
}

/** Direct agent posting (domain/agentPosting.ts) is for write keys of an owner or admin only. */
function checkAgentPosting(role: Role, permissions: Permission[]): void {
  if ((role === 'owner' || role === 'admin') && permissions.includes('write')) return;
  throw new LinksError(
    'permission_exceeds_role',
    `Direct agent posting needs a key with write permission held by an owner or admin; this key is a ${role}'s with ${permissions.join(' and ')}.`,
    [{ path: 'agent_posting', message: 'needs write permission and an owner or admin holder' }],
  );
}

async function memberRole(trx: Kysely<ControlDatabase>, tenantId: string, userId: string): Promise<Role> {
  const membership = await trx
    .selectFrom('memberships')
    .select('role')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .forShare()
    .executeTakeFirst();
  if (!membership) {
    throw new LinksError('user_not_member', `User ${userId} is not a member of tenant ${tenantId}; add the membership first.`);
  }
  return membership.role;
}

function grantedPermissions(role: Role, environment: Environment, requested: Permission[] | undefined): Permission[] {
  const allowed = permissionsAllowed(role, environment);
  if (requested === undefined) return allowed;
  const excess = requested.filter((p) => !allowed.includes(p));
  if (excess.length > 0) {
    throw new LinksError(
      'permission_exceeds_role',
      `A ${role} may hold ${allowed.join(' and ')} on ${environment}; ${excess.join(', ')} exceeds the role.`,
      [{ path: 'permissions', message: `allowed: ${allowed.join(', ')}` }],
    );
  }
  return normalizePermissions(requested);
}

async function insertKey(
  trx: Transaction<ControlDatabase>,
  values: { tenantId: string; environment: Environment; userId: string; name: string | null; permissions: Permission[]; expiresAt: Date | null; agentPosting: boolean },
): Promise<IssuedApiKey> {
  const generated = generateApiKey(values.environment);
  const row = await trx
    .insertInto('api_keys')
    .values({
      tenant_id: values.tenantId,
      id: publicId('key'),
      environment: values.environment,
      user_id: values.userId,
      name: values.name,
      permissions: values.permissions,
      secret_hash: generated.secretHash,
      last4: generated.last4,
      expires_at: values.expiresAt,
      agent_posting: values.agentPosting,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...apiKeyView(row), key: generated.plaintext };
}

export async function createApiKey(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  tenantId: string,
  input: CreateApiKeyInput,
): Promise<IssuedApiKey> {
  await getTenant(control, tenantId);
  await getUser(control, input.user_id);
  if (input.expires_at && input.expires_at.getTime() <= Date.now()) {
    throw new LinksError('invalid_request', 'expires_at must be in the future.', [{ path: 'expires_at', message: 'must be in the future' }]);
  }
  return control.transaction().execute(async (trx) => {
    const role = await memberRole(trx, tenantId, input.user_id);
    const permissions = grantedPermissions(role, input.environment, input.permissions);
    if (input.agent_posting) checkAgentPosting(role, permissions);
    const issued = await insertKey(trx, {
      tenantId,
      environment: input.environment,
      userId: input.user_id,
      name: input.name ?? null,
      permissions,
      expiresAt: input.expires_at ?? null,
      agentPosting: input.agent_posting ?? false,
    });
    await recordControlEvent(trx, context, {
      tenantId,
      environment: input.environment,
      action: 'api_key.created',
      resourceType: 'api_key',
      resourceId: issued.id,
    });
    return issued;
  });
}

export async function listTenantApiKeys(control: Kysely<ControlDatabase>, tenantId: string, request: PageRequest): Promise<Page<ApiKey>> {
  await getTenant(control, tenantId);
  const base = control.selectFrom('api_keys').where('tenant_id', '=', tenantId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at').orderBy('id').limit(request.limit).offset(offsetOf(request)).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows.map(apiKeyView), Number(count.n), request);
}

export async function listUserApiKeys(control: Kysely<ControlDatabase>, userId: string, request: PageRequest): Promise<Page<ApiKey>> {
  await getUser(control, userId);
  const base = control.selectFrom('api_keys').where('user_id', '=', userId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at').orderBy('id').limit(request.limit).offset(offsetOf(request)).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows.map(apiKeyView), Number(count.n), request);
}

async function lockKey(trx: Transaction<ControlDatabase>, keyId: string): Promise<Selectable<ApiKeyRow>> {
  const row = await trx.selectFrom('api_keys').selectAll().where('id', '=', keyId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('API key', keyId);
  return row;
}

/** A change to one key: the columns it sets and the audit action that records it. */
interface KeyChange {
  set: UpdateObject<ControlDatabase, 'api_keys'>;
  action: string;
}

/**
 * Locks the key, lets `decide` check the locked row and name the change (null: the key already is as
 * asked, nothing is written), writes it with its audit event in one transaction, then tells the key
 * cache (every process drops the key and reads it again).
 */
async function updateKey(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  keyId: string,
  listener: KeyChangeListener,
  decide: (trx: Transaction<ControlDatabase>, row: Selectable<ApiKeyRow>) => Promise<KeyChange | null>,
): Promise<ApiKey> {
  const changed = await control.transaction().execute(async (trx) => {
    const row = await lockKey(trx, keyId);
    const change = await decide(trx, row);
    if (!change) return apiKeyView(row);
    const updated = await trx
      .updateTable('api_keys')
      .set({ ...change.set, updated_at: sql<Date>`clock_timestamp()` })
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', keyId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordControlEvent(trx, context, { tenantId: row.tenant_id, environment: row.environment, action: change.action, resourceType: 'api_key', resourceId: keyId });
    return apiKeyView(updated);
  });
  listener.keyChanged(keyId);
  return changed;
}

/** Revoking is idempotent: a revoked key stays revoked with its first `revoked_at`. */
export async function revokeApiKey(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  keyId: string,
  listener: KeyChangeListener,
): Promise<ApiKey> {
  return updateKey(control, context, keyId, listener, async (_trx, row) =>
    row.revoked_at ? null : { set: { revoked_at: sql<Date>`clock_timestamp()` }, action: 'api_key.revoked' },
  );
}

/**
 * Issues a successor with the same tenant, environment, holder, name and permissions (cut to the
 * holder's current role); the old key stays valid for `gracePeriodSeconds`, then expires.
 */
export async function rotateApiKey(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  keyId: string,
  gracePeriodSeconds: number,
  listener: KeyChangeListener,
): Promise<IssuedApiKey> {
  if (gracePeriodSeconds > MAX_GRACE_PERIOD_SECONDS) {
    throw new LinksError('invalid_request', `grace_period_seconds is at most ${MAX_GRACE_PERIOD_SECONDS} (7 days).`, [
      { path: 'grace_period_seconds', message: `at most ${MAX_GRACE_PERIOD_SECONDS}` },
    ]);
  }
  const issued = await control.transaction().execute(async (trx) => {
    const old = await lockKey(trx, keyId);
    const now = Date.now();
    if (old.revoked_at) throw new LinksError('conflict', `API key ${keyId} is revoked; issue a new key instead.`);
    if (old.expires_at && old.expires_at.getTime() <= now) throw new LinksError('conflict', `API key ${keyId} has expired; issue a new key instead.`);
    if (old.replaced_by) throw new LinksError('conflict', `API key ${keyId} was already rotated to ${old.replaced_by}; rotate that key instead.`);
    const role = await memberRole(trx, old.tenant_id, old.user_id);
    const allowed = permissionsAllowed(role, old.environment);
    const permissions = normalizePermissions(old.permissions.filter((p) => allowed.includes(p)));
    const successor = await insertKey(trx, {
      tenantId: old.tenant_id,
      environment: old.environment,
      userId: old.user_id,
      name: old.name,
      permissions,
      expiresAt: old.expires_at,
      // Carried over while the holder may still have it.
      agentPosting: old.agent_posting && (role === 'owner' || role === 'admin') && permissions.includes('write'),
    });
    const graceEnds = new Date(now + gracePeriodSeconds * 1000);
    const oldExpiry = old.expires_at && old.expires_at < graceEnds ? old.expires_at : graceEnds;
    await trx
      .updateTable('api_keys')
      .set(
        gracePeriodSeconds === 0
          ? { revoked_at: sql<Date>`clock_timestamp()`, replaced_by: successor.id, updated_at: sql<Date>`clock_timestamp()` }
          : { expires_at: oldExpiry, replaced_by: successor.id, updated_at: sql<Date>`clock_timestamp()` },
      )
      .where('tenant_id', '=', old.tenant_id)
      .where('id', '=', keyId)
      .execute();
    await recordControlEvent(trx, context, {
      tenantId: old.tenant_id,
      environment: old.environment,
      action: 'api_key.rotated',
      resourceType: 'api_key',
      resourceId: keyId,
    });
    await recordControlEvent(trx, context, {
      tenantId: old.tenant_id,
      environment: old.environment,
      action: 'api_key.created',
      resourceType: 'api_key',
      resourceId: successor.id,
    });
    return successor;
  });
  listener.keyChanged(keyId);
  return issued;
}

/** Turns direct agent posting on or off for a key; takes effect from the next request. */
export async function setAgentPosting(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  keyId: string,
  enabled: boolean,
  listener: KeyChangeListener,
): Promise<ApiKey> {
  return updateKey(control, context, keyId, listener, async (trx, row) => {
    if (row.revoked_at) throw new LinksError('conflict', `API key ${keyId} is revoked; it cannot be changed.`);
    if (enabled) checkAgentPosting(await memberRole(trx, row.tenant_id, row.user_id), row.permissions);
    if (row.agent_posting === enabled) return null;
    return { set: { agent_posting: enabled }, action: enabled ? 'api_key.agent_posting_enabled' : 'api_key.agent_posting_disabled' };
  });
}

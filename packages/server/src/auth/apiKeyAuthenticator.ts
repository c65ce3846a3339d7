/**
 * Verifies data-plane API keys. A verified key is cached in memory by its hash, so a request costs
 * no database round trip; the cache forgets a key the moment this process changes it, and within
 * one poll interval when another process sharing the database does. `last_used_at` is written in
 * batches, not per request.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { KeyChangeListener, Principal } from '../domain/controlPlane.js';
import { LinksError } from '../domain/errors.js';
import { effectivePermissions, type Environment, type Permission, type Role } from '../domain/tenancy.js';
import type { ControlDatabase } from '../storage/controlSchema.js';
import { hashesEqual, parseApiKey } from './apiKeyFormat.js';

interface VerifiedKey {
  keyId: string;
  secretHash: Buffer;
  tenantId: string;
  tenantName: string;
  environment: Environment;
  userId: string;
  role: Role;
  permissions: Permission[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Changes newer than this are looked at on every poll, so a slow commit is still seen. */
const CHANGE_WINDOW_MS = 5000;
const LAST_USED_FLUSH_MS = 5000;

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export class ApiKeyAuthenticator implements KeyChangeListener {
  private readonly byHash = new Map<string, VerifiedKey>();
  private readonly lastUsed = new Map<string, Date>();
  private pollTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private lastPollAt = Date.now();
  private polling = false;

  constructor(
    private readonly control: Kysely<ControlDatabase>,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.pollTimer = setInterval(() => void this.pollChanges(), this.pollMs);
    this.flushTimer = setInterval(() => void this.flushLastUsed(), LAST_USED_FLUSH_MS);
    this.pollTimer.unref();
    this.flushTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.pollTimer);
    clearInterval(this.flushTimer);
    await this.flushLastUsed();
  }

  /** Resolves the request's key or throws unauthenticated / environment_mismatch. */
  async authenticate(authorization: string | undefined, listenerEnvironment: Environment): Promise<Principal> {
    const token = bearerToken(authorization);
    if (!token) {
      throw new LinksError('unauthenticated', 'Missing API key: send it as "Authorization: Bearer lk_…".');
    }
    const parsed = parseApiKey(token);
    if (!parsed) {
      throw new LinksError('unauthenticated', 'Malformed API key: check that it was copied whole (keys start with lk_sandbox_ or lk_production_).');
    }
    const hashHex = parsed.secretHash.toString('hex');
    let key = this.byHash.get(hashHex);
    if (!key) {
      key = await this.load(parsed.secretHash);
      if (!key) throw new LinksError('unauthenticated', 'Unknown API key.');
      this.byHash.set(hashHex, key);
    }
    if (!hashesEqual(key.secretHash, parsed.secretHash)) throw new LinksError('unauthenticated', 'Unknown API key.');
    if (key.revokedAt) throw new LinksError('unauthenticated', 'This API key has been revoked.');
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
      throw new LinksError('unauthenticated', `This API key expired at ${key.expiresAt.toISOString()}.`);
    }
    if (key.environment !== listenerEnvironment) {
      throw new LinksError(
        'environment_mismatch',
        `This API key belongs to the ${key.environment} environment; send it to the ${key.environment} endpoint, not the ${listenerEnvironment} one.`,
      );
    }
    this.lastUsed.set(key.keyId, new Date());
    return {
      tenantId: key.tenantId,
      tenantName: key.tenantName,
      environment: key.environment,
      keyId: key.keyId,
      userId: key.userId,
      permissions: effectivePermissions(key.permissions, key.role, key.environment),
    };
  }

  keyChanged(keyId: string): void {
    for (const [hash, key] of this.byHash) if (key.keyId === keyId) this.byHash.delete(hash);
  }

  memberChanged(tenantId: string, userId: string): void {
    for (const [hash, key] of this.byHash) if (key.tenantId === tenantId && key.userId === userId) this.byHash.delete(hash);
  }

  private async load(secretHash: Buffer): Promise<VerifiedKey | undefined> {
    const row = await this.control
      .selectFrom('api_keys as k')
      .innerJoin('tenants as t', 't.id', 'k.tenant_id')
      .innerJoin('memberships as m', (join) => join.onRef('m.tenant_id', '=', 'k.tenant_id').onRef('m.user_id', '=', 'k.user_id'))
      .select(['k.id', 'k.secret_hash', 'k.tenant_id', 't.name as tenant_name', 'k.environment', 'k.user_id', 'm.role', 'k.permissions', 'k.expires_at', 'k.revoked_at'])
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
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
  }

  /** Drops cached keys that another process revoked, rotated or whose holder's role changed. */
  private async pollChanges(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const startedAt = Date.now();
    try {
      if (startedAt - this.lastPollAt > CHANGE_WINDOW_MS - 1000) {
        // Too long since the last successful look (outage, stalled loop): trust nothing cached.
        this.byHash.clear();
      }
      if (this.byHash.size > 0) {
        const since = sql<Date>`clock_timestamp() - ${`${CHANGE_WINDOW_MS} milliseconds`}::interval`;
        const [keys, members] = await Promise.all([
          this.control.selectFrom('api_keys').select('id').where('updated_at', '>', since).execute(),
          this.control.selectFrom('memberships').select(['tenant_id', 'user_id']).where('updated_at', '>', since).execute(),
        ]);
        for (const k of keys) this.keyChanged(k.id);
        for (const m of members) this.memberChanged(m.tenant_id, m.user_id);
      }
      this.lastPollAt = startedAt;
    } catch (error) {
      this.byHash.clear();
      this.log.warn({ err: error }, 'api key change poll failed; verification cache cleared');
    } finally {
      this.polling = false;
    }
  }

  private async flushLastUsed(): Promise<void> {
    if (this.lastUsed.size === 0) return;
    const ids = [...this.lastUsed.keys()];
    const times = ids.map((id) => this.lastUsed.get(id)!.toISOString());
    this.lastUsed.clear();
    try {
      await sql`
        UPDATE api_keys AS k SET last_used_at = v.at
          FROM unnest(${ids}::text[], ${times}::timestamptz[]) AS v(id, at)
         WHERE k.id = v.id AND (k.last_used_at IS NULL OR k.last_used_at < v.at)`.execute(this.control);
    } catch (error) {
      this.log.warn({ err: error }, 'could not record api key last use');
    }
  }
}

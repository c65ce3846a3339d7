/**
 * Verifies data-plane API keys. A verified key is cached in memory by its hash, so a request costs
 * no database round trip; the cache forgets a key the moment this process changes it, within one
 * poll interval when another process sharing the database does (every polled stamp is the
 * database's clock, so a process with a wrong clock is still seen), and in any case once the entry
 * is older than the maximum age (a change that bypassed the stamps, or a commit slower than the
 * poll's window). `last_used_at` is written in batches, not per request.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { KeyChangeListener, Principal } from '../domain/controlPlane.js';
import { LinksError } from '../domain/errors.js';
import { effectivePermissions, type Environment } from '../domain/tenancy.js';
import type { ControlDatabase } from '../storage/controlSchema.js';
import { findVerifiedKey, recentKeyChanges, recordKeysLastUsed, type FindVerifiedKey, type VerifiedKey } from '../storage/keyVerification.js';
import { hashesEqual, parseApiKey } from './apiKeyFormat.js';

/** Changes newer than this are looked at on every poll, so a slow commit is still seen. */
const CHANGE_WINDOW_MS = 5000;
const LAST_USED_FLUSH_MS = 5000;

export interface KeyCacheOptions {
  /** How often to look for keys changed by another process. */
  pollMs: number;
  /** A verification cached longer than this is looked up again, whatever the poll saw. */
  maxAgeMs: number;
  /** Monotonic milliseconds (never the wall clock, which can jump); tests pass a fake clock. */
  now?: () => number;
  /** The lookup of a key not in the cache; a test may wrap it to hold a load in flight. */
  find?: FindVerifiedKey;
}

interface CachedKey {
  key: VerifiedKey;
  loadedAt: number;
}

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export class ApiKeyAuthenticator implements KeyChangeListener {
  private readonly byHash = new Map<string, CachedKey>();
  private readonly lastUsed = new Map<string, Date>();
  private pollTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly find: FindVerifiedKey;
  private lastPollAt: number;
  private polling = false;
  /** Bumped by every eviction: a load that was in flight across one may hold what was evicted. */
  private evictions = 0;
  private loadsInFlight = 0;

  constructor(
    private readonly control: Kysely<ControlDatabase>,
    private readonly options: KeyCacheOptions,
    private readonly log: Logger,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.find = options.find ?? findVerifiedKey;
    this.lastPollAt = this.now();
  }

  start(): void {
    this.pollTimer = setInterval(() => void this.pollChanges(), this.options.pollMs);
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
    const key = this.cached(hashHex) ?? (await this.loadAndCache(hashHex, parsed.secretHash));
    if (!key) throw new LinksError('unauthenticated', 'Unknown API key.');
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
      agentPosting: key.agentPosting,
    };
  }

  keyChanged(keyId: string): void {
    this.evict((key) => key.keyId === keyId);
  }

  memberChanged(tenantId: string, userId: string): void {
    this.evict((key) => key.tenantId === tenantId && key.userId === userId);
  }

  private evict(matches: (key: VerifiedKey) => boolean): void {
    this.evictions += 1;
    for (const [hash, entry] of this.byHash) if (matches(entry.key)) this.byHash.delete(hash);
  }

  private clear(): void {
    this.evictions += 1;
    this.byHash.clear();
  }

  private cached(hashHex: string): VerifiedKey | undefined {
    const entry = this.byHash.get(hashHex);
    if (!entry) return undefined;
    if (this.now() - entry.loadedAt < this.options.maxAgeMs) return entry.key;
    this.byHash.delete(hashHex);
    return undefined;
  }

  /**
   * A load that an eviction overtook may have read the row before the change: it answers its own
   * request (which raced the change) but is not kept, or it would outlive the eviction.
   */
  private async loadAndCache(hashHex: string, secretHash: Buffer): Promise<VerifiedKey | undefined> {
    const evictionsBefore = this.evictions;
    const loadedAt = this.now();
    this.loadsInFlight += 1;
    let key: VerifiedKey | undefined;
    try {
      key = await this.find(this.control, secretHash);
    } finally {
      this.loadsInFlight -= 1;
    }
    if (key && this.evictions === evictionsBefore) this.byHash.set(hashHex, { key, loadedAt });
    return key;
  }

  /** Drops cached keys that another process revoked, rotated or whose holder's role changed. */
  private async pollChanges(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const startedAt = this.now();
    try {
      if (startedAt - this.lastPollAt > CHANGE_WINDOW_MS - 1000) {
        // Too long since the last successful look (outage, stalled loop): trust nothing cached.
        this.clear();
      }
      for (const [hash, entry] of this.byHash) if (startedAt - entry.loadedAt >= this.options.maxAgeMs) this.byHash.delete(hash);
      if (this.byHash.size > 0 || this.loadsInFlight > 0) {
        const { keys, members } = await recentKeyChanges(this.control, CHANGE_WINDOW_MS);
        for (const k of keys) this.keyChanged(k.id);
        for (const m of members) this.memberChanged(m.tenant_id, m.user_id);
      }
      this.lastPollAt = startedAt;
    } catch (error) {
      this.clear();
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
      await recordKeysLastUsed(this.control, ids, times);
    } catch (error) {
      this.log.warn({ err: error }, 'could not record api key last use');
    }
  }
}

/**
 * A Xero connection's access token: read from `xero_tokens` (sealed at rest), cached in the process
 * until shortly before it expires, and renewed by one worker of all processes at a time (Xero rotates
 * refresh tokens: a worker refreshing with a token another already rotated past its grace is refused
 * and the connection would need a person). The renewing worker claims a lease on the row in a short
 * transaction, calls Xero outside any transaction, and writes the new tokens only while it still
 * holds the lease; the others wait for the lease to end and read the refreshed tokens.
 * A custom connection renews with client_credentials; an authorization-code connection with its
 * refresh token. Xero refusing the grant marks the row refused: the connection needs a person.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { XeroEndpoints } from '../../config/config.js';
import type { GlErpError } from '../../domain/glTransfer.js';
import type { EnvironmentDatabase } from '../../storage/environmentSchema.js';
import { inTenantTransaction } from '../../storage/tenantScope.js';
import { claimXeroTokenRefresh, finishXeroTokenRefresh, readXeroTokens, type XeroTokenRecord } from '../../storage/xeroTokens.js';
import { openSecret, sealSecret, SecretBoxError } from '../../sources/secretBox.js';
import type { GlClock } from './xeroRateShaper.js';

/** Renew this long before Xero's expiry, so a request never leaves with a token about to die. */
const RENEW_BEFORE_MS = 120_000;
/** How often a worker waiting for another's refresh looks at the row again. */
const REFRESH_WAIT_POLL_MS = 200;

export interface XeroCredentials {
  clientId: string;
  clientSecret: string;
  grant: 'client_credentials' | 'authorization_code';
  redirectUri?: string | undefined;
}

export interface SealedTokens {
  access_token: string;
  refresh_token: string | null;
}

export interface XeroIdentityContext {
  db: Kysely<EnvironmentDatabase>;
  tenantId: string;
  connectionId: string;
  credentials: XeroCredentials;
  secretsKey: Buffer;
  endpoints: XeroEndpoints;
  fetch: typeof fetch;
  clock: GlClock;
  requestTimeoutMs: number;
}

/** Why no token: a person must authorise (again), or Xero could not be asked now. */
export class XeroAuthError extends Error {
  constructor(
    readonly kind: 'needs_authorization' | 'retry_later',
    readonly erpError: GlErpError,
    /** For retry_later: when asking again makes sense. */
    readonly retryAfterMs = 30_000,
  ) {
    super(erpError.message);
    this.name = 'XeroAuthError';
  }
}

export function sealTokens(ctx: Pick<XeroIdentityContext, 'secretsKey' | 'tenantId' | 'connectionId'>, tokens: SealedTokens): string {
  return sealSecret(JSON.stringify(tokens), ctx.secretsKey, { tenantId: ctx.tenantId, connectionId: ctx.connectionId });
}

function openTokens(ctx: XeroIdentityContext, sealed: string): SealedTokens {
  return JSON.parse(openSecret(sealed, ctx.secretsKey, { tenantId: ctx.tenantId, connectionId: ctx.connectionId })) as SealedTokens;
}

const needsAuthorization = (message: string, erpStatus: number | null = null, erpBody: unknown = null) =>
  new XeroAuthError('needs_authorization', { code: 'erp_authorization_required', message, erpStatus, erpBody });

/** POST {identity}/connect/token with HTTP Basic client authentication; the parsed answer or an XeroAuthError. */
export async function requestToken(ctx: Pick<XeroIdentityContext, 'credentials' | 'endpoints' | 'fetch' | 'requestTimeoutMs'>, form: Record<string, string>): Promise<{ access_token: string; expires_in: number; refresh_token?: string }> {
  const basic = Buffer.from(`${ctx.credentials.clientId}:${ctx.credentials.clientSecret}`).toString('base64');
  let response: Response;
  try {
    response = await ctx.fetch(`${ctx.endpoints.identityUrl}/connect/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(ctx.requestTimeoutMs),
    });
  } catch (error) {
    throw new XeroAuthError('retry_later', { code: 'erp_unreachable', message: `Xero's identity service did not answer: ${(error as Error).message}`, erpStatus: null, erpBody: null });
  }
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  if (response.ok && typeof body.access_token === 'string' && typeof body.expires_in === 'number') {
    return body as { access_token: string; expires_in: number; refresh_token?: string };
  }
  if (response.status === 400 || response.status === 401) {
    throw needsAuthorization(`Xero refused the ${form.grant_type} grant (${String(body.error ?? response.status)}); authorise the connection again`, response.status, body);
  }
  throw new XeroAuthError('retry_later', { code: 'erp_unavailable', message: `Xero's identity service answered ${response.status}`, erpStatus: response.status, erpBody: body });
}

/** GET {connections} with a fresh token: the organisations (tenant ids) it may use. */
export async function listXeroOrganisations(ctx: Pick<XeroIdentityContext, 'endpoints' | 'fetch' | 'requestTimeoutMs'>, accessToken: string): Promise<Array<{ tenantId: string; tenantName: string; tenantType: string }>> {
  let response: Response;
  try {
    response = await ctx.fetch(ctx.endpoints.connectionsUrl, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, signal: AbortSignal.timeout(ctx.requestTimeoutMs) });
  } catch (error) {
    throw new XeroAuthError('retry_later', { code: 'erp_unreachable', message: `Xero's connections endpoint did not answer: ${(error as Error).message}`, erpStatus: null, erpBody: null });
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok || !Array.isArray(body)) {
    throw new XeroAuthError(response.status >= 500 ? 'retry_later' : 'needs_authorization', { code: 'erp_connections_failed', message: `Xero's connections endpoint answered ${response.status}`, erpStatus: response.status, erpBody: body });
  }
  return (body as Array<Record<string, unknown>>).map((c) => ({ tenantId: String(c.tenantId), tenantName: String(c.tenantName ?? ''), tenantType: String(c.tenantType ?? '') }));
}

export class XeroTokenSource {
  private cached: { accessToken: string; expiresAt: number; xeroTenantId: string } | null = null;

  constructor(private readonly ctx: XeroIdentityContext) {}

  /** A usable token and the organisation it speaks to. */
  async current(): Promise<{ accessToken: string; xeroTenantId: string }> {
    const now = this.ctx.clock.now();
    if (this.cached && this.cached.expiresAt - now > RENEW_BEFORE_MS) return this.cached;
    const row = await inTenantTransaction(this.ctx.db, this.ctx.tenantId, (trx) => readXeroTokens(trx, this.ctx.tenantId, this.ctx.connectionId));
    const usable = row && this.usable(row, now);
    if (usable) {
      this.cached = usable;
      return usable;
    }
    return this.renew(this.cached?.accessToken ?? null);
  }

  /**
   * An authorization-code connection whose tokens were last renewed over `maxAgeMs` ago renews them
   * now: Xero drops a refresh token unused for 60 days, and an idle connection renews nothing by itself.
   */
  async keepAlive(maxAgeMs: number): Promise<void> {
    if (this.ctx.credentials.grant !== 'authorization_code') return;
    const row = await inTenantTransaction(this.ctx.db, this.ctx.tenantId, (trx) => readXeroTokens(trx, this.ctx.tenantId, this.ctx.connectionId));
    if (!row || row.refused_at || !row.sealed_tokens || this.ctx.clock.now() - row.updated_at.getTime() < maxAgeMs) return;
    await this.renew(this.open(row.sealed_tokens).access_token);
  }

  /** After Xero answered 401 to `staleAccessToken` (or the token is near expiry): one worker renews, the others use its token. */
  async renew(staleAccessToken: string | null): Promise<{ accessToken: string; xeroTenantId: string }> {
    this.cached = null;
    const key = { tenantId: this.ctx.tenantId, connectionId: this.ctx.connectionId, holder: randomUUID() };
    // The lease outlives the token request (it is aborted at requestTimeoutMs), so a live holder never loses it.
    const leaseMs = this.ctx.requestTimeoutMs + 10_000;
    const giveUpAt = this.ctx.clock.now() + leaseMs;
    for (;;) {
      const now = this.ctx.clock.now();
      const claim = await inTenantTransaction(this.ctx.db, this.ctx.tenantId, (trx) =>
        claimXeroTokenRefresh(trx, key, new Date(now), new Date(now + leaseMs), (row) => {
          if (row.refused_at || !row.sealed_tokens) return false;
          const usable = this.usable(row, now);
          return !usable || usable.accessToken === staleAccessToken;
        }),
      );
      if (claim.kind === 'missing' || claim.row.refused_at || !claim.row.sealed_tokens) throw needsAuthorization('the Xero connection is not authorised; open its authorize_url');
      if (claim.kind === 'not_needed') {
        const usable = this.usable(claim.row, now);
        if (usable) this.cached = usable;
        if (usable) return usable;
        continue;
      }
      if (claim.kind === 'claimed') return this.refresh(key, claim.row);
      // Another worker is renewing: wait for it, then read what it wrote.
      if (now >= giveUpAt) {
        throw new XeroAuthError('retry_later', { code: 'erp_token_refreshing', message: 'another worker is renewing the Xero token of this connection', erpStatus: null, erpBody: null }, REFRESH_WAIT_POLL_MS * 5);
      }
      await this.ctx.clock.sleep(Math.min(REFRESH_WAIT_POLL_MS, Math.max(1, claim.until.getTime() - now)));
    }
  }

  /** Asks Xero for new tokens under the claimed lease, outside any transaction; writes them only while the lease holds. */
  private async refresh(key: { tenantId: string; connectionId: string; holder: string }, row: XeroTokenRecord): Promise<{ accessToken: string; xeroTenantId: string }> {
    const finish = (change: Parameters<typeof finishXeroTokenRefresh>[2]) =>
      inTenantTransaction(this.ctx.db, this.ctx.tenantId, (trx) => finishXeroTokenRefresh(trx, key, change, new Date(this.ctx.clock.now())));
    let tokens: SealedTokens;
    try {
      tokens = this.open(row.sealed_tokens as string);
    } catch (error) {
      await finish({});
      throw error;
    }
    let answer: Awaited<ReturnType<typeof requestToken>>;
    try {
      answer =
        this.ctx.credentials.grant === 'client_credentials'
          ? await requestToken(this.ctx, { grant_type: 'client_credentials' })
          : await requestToken(this.ctx, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    } catch (error) {
      // Refused: a person must authorise again. Otherwise nothing changed (Xero keeps the old refresh
      // token valid for a grace period, so a lost answer is retried): only the lease is given back.
      const refused = error instanceof XeroAuthError && error.kind === 'needs_authorization';
      await finish(refused ? { refused_at: new Date(this.ctx.clock.now()) } : {});
      throw error;
    }
    const next: SealedTokens = { access_token: answer.access_token, refresh_token: answer.refresh_token ?? tokens.refresh_token };
    const expiresAt = this.ctx.clock.now() + answer.expires_in * 1000;
    const fresh = { accessToken: next.access_token, expiresAt, xeroTenantId: row.xero_tenant_id ?? '' };
    // Stored before it is used. A lease taken over (or an authorization started meanwhile) leaves the
    // row to the other writer: this worker asks again shortly and reads what was stored.
    if (!(await finish({ sealed_tokens: sealTokens(this.ctx, next), access_expires_at: new Date(expiresAt), refreshed: true }))) {
      throw new XeroAuthError('retry_later', { code: 'erp_token_refreshing', message: 'another worker took over renewing the Xero token of this connection', erpStatus: null, erpBody: null }, REFRESH_WAIT_POLL_MS * 5);
    }
    this.cached = fresh;
    return fresh;
  }

  /** The row's token when it is good for more than RENEW_BEFORE_MS (no side effect: callers cache it). */
  private usable(row: XeroTokenRecord, now: number): { accessToken: string; expiresAt: number; xeroTenantId: string } | null {
    if (row.refused_at || !row.sealed_tokens || !row.access_expires_at || !row.xero_tenant_id) return null;
    const expiresAt = row.access_expires_at.getTime();
    if (expiresAt - now <= RENEW_BEFORE_MS) return null;
    return { accessToken: this.open(row.sealed_tokens).access_token, expiresAt, xeroTenantId: row.xero_tenant_id };
  }

  private open(sealed: string): SealedTokens {
    try {
      return openTokens(this.ctx, sealed);
    } catch (error) {
      if (error instanceof SecretBoxError) throw needsAuthorization('the stored Xero tokens cannot be opened with this server\'s secrets key; authorise the connection again');
      throw error;
    }
  }
}

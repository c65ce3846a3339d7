/**
 * A Xero connection's access token: read from `xero_tokens` (sealed at rest), cached in the process
 * until shortly before it expires, and renewed under the row lock so that only one worker of all
 * processes refreshes at a time (Xero rotates refresh tokens: two refreshes at once lose one). After
 * the lock the row is read again: another worker may have refreshed while this one waited.
 * A custom connection renews with client_credentials; an authorization-code connection with its
 * refresh token. Xero refusing the grant marks the row refused: the connection needs a person.
 */
import type { Kysely } from 'kysely';
import type { XeroEndpoints } from '../../config/config.js';
import type { GlErpError } from '../../domain/glTransfer.js';
import type { EnvironmentDatabase } from '../../storage/environmentSchema.js';
import { inTenantTransaction } from '../../storage/tenantScope.js';
import { lockXeroTokens, readXeroTokens, updateXeroTokens, type XeroTokenRecord } from '../../storage/xeroTokens.js';
import { openSecret, sealSecret, SecretBoxError } from '../../sources/secretBox.js';
import type { GlClock } from './xeroRateShaper.js';

/** Renew this long before Xero's expiry, so a request never leaves with a token about to die. */
const RENEW_BEFORE_MS = 120_000;

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
    if (usable) return usable;
    return this.renew(this.cached?.accessToken ?? null);
  }

  /** After Xero answered 401 to `staleAccessToken`: one worker renews, the others use its token. */
  async renew(staleAccessToken: string | null): Promise<{ accessToken: string; xeroTenantId: string }> {
    this.cached = null;
    const result = await inTenantTransaction(this.ctx.db, this.ctx.tenantId, async (trx) => {
      const row = await lockXeroTokens(trx, this.ctx.tenantId, this.ctx.connectionId);
      if (!row || row.refused_at || !row.sealed_tokens) return needsAuthorization('the Xero connection is not authorised; open its authorize_url');
      const now = this.ctx.clock.now();
      const tokens = this.open(row.sealed_tokens);
      const usable = this.usable(row, now);
      if (usable && tokens.access_token !== staleAccessToken) return usable;
      try {
        const answer =
          this.ctx.credentials.grant === 'client_credentials'
            ? await requestToken(this.ctx, { grant_type: 'client_credentials' })
            : await requestToken(this.ctx, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
        const next: SealedTokens = { access_token: answer.access_token, refresh_token: answer.refresh_token ?? tokens.refresh_token };
        const expiresAt = this.ctx.clock.now() + answer.expires_in * 1000;
        await updateXeroTokens(trx, this.ctx.tenantId, this.ctx.connectionId, { sealed_tokens: sealTokens(this.ctx, next), access_expires_at: new Date(expiresAt), refreshed: true }, new Date(this.ctx.clock.now()));
        return { accessToken: next.access_token, expiresAt, xeroTenantId: row.xero_tenant_id ?? '' };
      } catch (error) {
        if (error instanceof XeroAuthError && error.kind === 'needs_authorization') {
          await updateXeroTokens(trx, this.ctx.tenantId, this.ctx.connectionId, { refused_at: new Date(this.ctx.clock.now()) }, new Date(this.ctx.clock.now()));
          return error;
        }
        // Nothing was written: Xero keeps the old refresh token valid for a grace period, so a lost answer is retried.
        throw error;
      }
    });
    if (result instanceof XeroAuthError) throw result;
    this.cached = result;
    return result;
  }

  private usable(row: XeroTokenRecord, now: number): { accessToken: string; expiresAt: number; xeroTenantId: string } | null {
    if (row.refused_at || !row.sealed_tokens || !row.access_expires_at || !row.xero_tenant_id) return null;
    const expiresAt = row.access_expires_at.getTime();
    if (expiresAt - now <= RENEW_BEFORE_MS) return null;
    this.cached = { accessToken: this.open(row.sealed_tokens).access_token, expiresAt, xeroTenantId: row.xero_tenant_id };
    return this.cached;
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

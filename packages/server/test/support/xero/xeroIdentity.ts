/**
 * Xero's identity service as the stand-in plays it: `POST /connect/token` (client_credentials for a
 * custom connection; authorization_code; refresh_token with rotation: a used refresh token still
 * works for a grace period, then `invalid_grant`), the authorize page (approves at once and
 * redirects with `code` and `state`) and `GET /connections`. Access tokens live 30 minutes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { json, text, type XeroResponse } from './xeroFormats.js';

/** "All Xero access tokens expire after 30 minutes" (developer.xero.com/faq/custom-integration). */
export const ACCESS_TOKEN_SECONDS = 1800;
/** A refreshed token may be refreshed again "for a grace period of 30 minutes" (Xero staff, community.xero.com/developer/discussion/105714701). */
export const REFRESH_GRACE_MS = 30 * 60_000;
/** A refresh token unused for 60 days expires [secondary: Xero's OAuth 2.0 FAQ as quoted by Databricks' Xero troubleshooting page]. */
export const REFRESH_IDLE_MS = 60 * 86_400_000;

export interface XeroApp {
  clientId: string;
  clientSecret: string;
  /** The organisations a person grants (authorization code) or the custom connection's one. */
  tenantIds: string[];
  customConnection: boolean;
}

interface AccessToken {
  clientId: string;
  tenantIds: string[];
  expiresAt: number;
}

interface RefreshToken {
  clientId: string;
  tenantIds: string[];
  issuedAt: number;
  /** When it was exchanged for a new one; usable again only within the grace. */
  usedAt: number | null;
  revoked: boolean;
}

export interface Clock {
  now(): number;
}

export class XeroIdentity {
  readonly apps = new Map<string, XeroApp>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, { clientId: string; redirectUri: string; tenantIds: string[] }>();
  readonly connectionIds = new Map<string, string>();
  /** Refresh grants answered, and those refused: the simulation checks no rotation is lost. */
  readonly stats = { refreshes: 0, refusedRefreshes: 0, tokensIssued: 0 };

  /** `organisationName`: the name /connections gives an organisation, as Xero gives its own. */
  constructor(
    private readonly clock: Clock,
    private readonly organisationName: (tenantId: string) => string | undefined = () => undefined,
  ) {}

  addApp(app: XeroApp): void {
    this.apps.set(app.clientId, app);
  }

  /** Makes every access token of a client expire now (the fault "token expired"). */
  expireAccessTokens(clientId?: string): void {
    for (const token of this.access.values()) if (!clientId || token.clientId === clientId) token.expiresAt = this.clock.now();
  }

  /** The person disconnected the app: every refresh token dies. */
  revokeRefreshTokens(clientId: string): void {
    for (const token of this.refresh.values()) if (token.clientId === clientId) token.revoked = true;
  }

  /** The bearer's organisations, or why not: 'missing' | 'expired' | 'invalid'. */
  authenticate(authorization: string | undefined): { tenantIds: string[] } | { problem: string } {
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!bearer) return { problem: 'AuthenticationUnsuccessful' };
    const token = this.access.get(bearer);
    if (!token) return { problem: 'AuthenticationUnsuccessful' };
    if (token.expiresAt <= this.clock.now()) {
      return { problem: `TokenExpired: token expired at ${new Date(token.expiresAt).toISOString()}` };
    }
    return { tenantIds: token.tenantIds };
  }

  /** GET /identity/connect/authorize: approves for the app's organisations and redirects. */
  authorize(query: URLSearchParams): XeroResponse {
    const app = this.apps.get(query.get('client_id') ?? '');
    const redirectUri = query.get('redirect_uri');
    if (!app || !redirectUri || query.get('response_type') !== 'code') return text(400, 'unauthorized_client');
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { clientId: app.clientId, redirectUri, tenantIds: app.tenantIds });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, headers: { location: target.toString() }, body: '' };
  }

  /** POST /connect/token, client authentication by HTTP Basic, form body. */
  token(authorization: string | undefined, form: URLSearchParams): XeroResponse {
    const basic = /^Basic (\S+)$/.exec(authorization ?? '')?.[1];
    const [clientId, clientSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    const app = this.apps.get(clientId ?? '');
    if (!app || app.clientSecret !== clientSecret) return json(400, { error: 'invalid_client' });
    const grant = form.get('grant_type');
    // A custom connection: client_credentials "only requires your client id and client secret", and
    // gives no refresh token (developer.xero.com/faq/custom-integration).
    if (grant === 'client_credentials') {
      if (!app.customConnection) return json(400, { error: 'unauthorized_client' });
      return json(200, this.issue(app.clientId, app.tenantIds, false));
    }
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.clientId !== app.clientId || code.redirectUri !== form.get('redirect_uri')) return json(400, { error: 'invalid_grant' });
      this.codes.delete(form.get('code') ?? '');
      return json(200, this.issue(app.clientId, code.tenantIds, true));
    }
    if (grant === 'refresh_token') {
      const value = form.get('refresh_token') ?? '';
      const old = this.refresh.get(value);
      const now = this.clock.now();
      const expired = old ? (old.usedAt !== null ? now - old.usedAt > REFRESH_GRACE_MS : now - old.issuedAt > REFRESH_IDLE_MS) : true;
      // A refused refresh: 400 {"error":"invalid_grant"} (RFC 6749 5.2; the body Xero's token endpoint answers).
      if (!old || old.clientId !== app.clientId || old.revoked || expired) {
        this.stats.refusedRefreshes++;
        return json(400, { error: 'invalid_grant' });
      }
      old.usedAt ??= now;
      this.stats.refreshes++;
      return json(200, this.issue(app.clientId, old.tenantIds, true));
    }
    return json(400, { error: 'unsupported_grant_type' });
  }

  /** GET /connections: the organisations the bearer may use. */
  connections(authorization: string | undefined): XeroResponse {
    const auth = this.authenticate(authorization);
    if ('problem' in auth) return json(401, { Type: null, Title: 'Unauthorized', Status: 401, Detail: auth.problem, Instance: randomUUID(), Extensions: {} });
    const at = new Date(this.clock.now()).toISOString();
    return json(
      200,
      auth.tenantIds.map((tenantId) => ({
        id: this.connectionId(tenantId),
        authEventId: randomUUID(),
        tenantId,
        tenantType: 'ORGANISATION',
        tenantName: this.organisationName(tenantId) ?? `Organisation ${tenantId.slice(0, 8)}`,
        createdDateUtc: at,
        updatedDateUtc: at,
      })),
    );
  }

  private connectionId(tenantId: string): string {
    const id = this.connectionIds.get(tenantId) ?? randomUUID();
    this.connectionIds.set(tenantId, id);
    return id;
  }

  private issue(clientId: string, tenantIds: string[], withRefresh: boolean): Record<string, unknown> {
    const accessToken = `xat_${randomBytes(18).toString('base64url')}`;
    this.access.set(accessToken, { clientId, tenantIds, expiresAt: this.clock.now() + ACCESS_TOKEN_SECONDS * 1000 });
    this.stats.tokensIssued++;
    const body: Record<string, unknown> = { access_token: accessToken, expires_in: ACCESS_TOKEN_SECONDS, token_type: 'Bearer', scope: 'accounting.transactions accounting.settings.read accounting.reports.read' };
    if (withRefresh) {
      const refreshToken = `xrt_${randomBytes(18).toString('base64url')}`;
      this.refresh.set(refreshToken, { clientId, tenantIds, issuedAt: this.clock.now(), usedAt: null, revoked: false });
      body.refresh_token = refreshToken;
      body.scope = `offline_access ${body.scope as string}`;
    }
    return body;
  }
}

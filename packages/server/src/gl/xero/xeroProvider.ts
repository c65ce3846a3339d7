/**
 * Xero as a GL provider (plugged into `gl/connectors.ts`): credentials `{client_id, client_secret}`
 * (custom connection) or `{client_id, client_secret, grant: "authorization_code", redirect_uri}`.
 * After the connection row exists, `connect` takes the first token (custom connection → active) or
 * starts the authorization (→ needs_authorization with the `authorize_url`); `completeAuthorization`
 * finishes it from the callback's `code` and `state`; `forget` drops the tokens of a deleted connection.
 * Errors (acceptCredentials): invalid_request. `connect`/`completeAuthorization` throw XeroAuthError.
 */
import type { XeroEndpoints } from '../../config/config.js';
import { LinksError } from '../../domain/errors.js';
import { inTenantTransaction } from '../../storage/tenantScope.js';
import { deleteXeroTokens } from '../../storage/xeroTokens.js';
import type { AcceptedCredentials, ConnectorContext, GlProviderDefinition } from '../connectors.js';
import { beginXeroAuthorization, completeXeroAuthorization, connectXeroCustom } from './xeroAuthorization.js';
import { createXeroConnector } from './xeroConnector.js';
import { type GlClock, processXeroShapers, systemClock, type XeroShapers } from './xeroRateShaper.js';
import type { XeroCredentials, XeroIdentityContext } from './xeroTokenSource.js';

export interface XeroProviderOptions {
  endpoints: XeroEndpoints;
  secretsKey: () => Buffer;
  /** Tests and the simulation inject these; the server uses the defaults. */
  fetch?: typeof fetch;
  clock?: GlClock;
  shapers?: XeroShapers;
  /** How long a request waits for its organisation's rate limits before "retry later" (default 10 s). */
  maxWaitMs?: number;
}

export interface XeroConnectResult {
  status: 'active' | 'needs_authorization';
  /** The URL a person opens to authorise Links (authorization-code connections). */
  authorize_url?: string;
  /** The organisation (custom connections). */
  organisation?: { tenant_id: string; name: string };
}

export interface XeroProviderDefinition extends GlProviderDefinition {
  connect(context: ConnectorContext): Promise<XeroConnectResult>;
  completeAuthorization(context: ConnectorContext, callback: { state: string; code: string }): Promise<XeroConnectResult>;
  forget(context: ConnectorContext): Promise<void>;
}

const ALLOWED = ['client_id', 'client_secret', 'grant', 'redirect_uri'];

function invalid(message: string, path: string): LinksError {
  return new LinksError('invalid_request', message, [{ path: `credentials.${path}`, message }]);
}

export function acceptXeroCredentials(input: unknown): AcceptedCredentials {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('Xero credentials are {"client_id", "client_secret"} (custom connection) or add "grant": "authorization_code" and "redirect_uri"', '');
  }
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).find((k) => !ALLOWED.includes(k));
  if (unknown) throw invalid(`unknown field ${unknown}; Xero credentials take ${ALLOWED.join(', ')}`, unknown);
  for (const field of ['client_id', 'client_secret'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '' || (raw[field] as string).length > 200) throw invalid(`${field} is required (a string from the Xero app)`, field);
  }
  const grant = raw.grant ?? 'client_credentials';
  if (grant !== 'client_credentials' && grant !== 'authorization_code') throw invalid('grant is "client_credentials" (custom connection, the default) or "authorization_code"', 'grant');
  if (grant === 'authorization_code') {
    let redirect: URL | undefined;
    try {
      redirect = typeof raw.redirect_uri === 'string' ? new URL(raw.redirect_uri) : undefined;
    } catch {
      redirect = undefined;
    }
    if (!redirect || (redirect.protocol !== 'https:' && redirect.protocol !== 'http:')) throw invalid('redirect_uri is required with the authorization_code grant (the http(s) URL registered in the Xero app)', 'redirect_uri');
  } else if (raw.redirect_uri !== undefined) {
    throw invalid('redirect_uri is only for the authorization_code grant', 'redirect_uri');
  }
  return { stored: { client_id: raw.client_id, client_secret: raw.client_secret, grant, ...(grant === 'authorization_code' ? { redirect_uri: raw.redirect_uri } : {}) } };
}

export function xeroCredentialsOf(stored: Record<string, unknown>): XeroCredentials {
  return {
    clientId: String(stored.client_id),
    clientSecret: String(stored.client_secret),
    grant: stored.grant === 'authorization_code' ? 'authorization_code' : 'client_credentials',
    redirectUri: typeof stored.redirect_uri === 'string' ? stored.redirect_uri : undefined,
  };
}

export function xeroProvider(options: XeroProviderOptions): XeroProviderDefinition {
  const identity = (context: ConnectorContext): XeroIdentityContext => ({
    db: context.db,
    tenantId: context.tenantId,
    connectionId: context.connectionId,
    credentials: xeroCredentialsOf(context.credentials),
    secretsKey: options.secretsKey(),
    endpoints: options.endpoints,
    fetch: options.fetch ?? globalThis.fetch,
    clock: options.clock ?? systemClock,
    requestTimeoutMs: context.requestTimeoutMs,
  });
  return {
    readsBack: true,
    acceptCredentials: (input) => acceptXeroCredentials(input),
    connector: (context) =>
      createXeroConnector({
        ...identity(context),
        shapers: options.shapers ?? processXeroShapers,
        maxWaitMs: options.maxWaitMs,
      }),
    async connect(context) {
      const ctx = identity(context);
      if (ctx.credentials.grant === 'authorization_code') {
        const { authorizeUrl } = await beginXeroAuthorization(ctx);
        return { status: 'needs_authorization', authorize_url: authorizeUrl };
      }
      const organisation = await connectXeroCustom(ctx);
      return { status: 'active', organisation: { tenant_id: organisation.xeroTenantId, name: organisation.tenantName } };
    },
    async completeAuthorization(context, callback) {
      const organisation = await completeXeroAuthorization(identity(context), callback);
      return { status: 'active', organisation: { tenant_id: organisation.xeroTenantId, name: organisation.tenantName } };
    },
    async forget(context) {
      await inTenantTransaction(context.db, context.tenantId, (trx) => deleteXeroTokens(trx, context.tenantId, context.connectionId));
    },
  };
}

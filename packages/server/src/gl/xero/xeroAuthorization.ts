/**
 * Connecting Links to a Xero organisation, the two ways Xero offers:
 * - a custom connection (client_credentials; one organisation, found through the connections endpoint);
 * - the authorization-code flow: `beginXeroAuthorization` gives the URL a person opens (with a
 *   `state` whose hash is kept), `completeXeroAuthorization` takes the callback's `code` and `state`,
 *   exchanges the code and keeps the rotating refresh token.
 * Errors: XeroAuthError (`needs_authorization`: refused or a wrong state; `retry_later`: Xero unreachable).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { newAuthorizationState } from '../authorizationState.js';
import { inTenantTransaction } from '../../storage/tenantScope.js';
import { putXeroTokens, readXeroTokens } from '../../storage/xeroTokens.js';
import { listXeroOrganisations, requestToken, sealTokens, XeroAuthError, type XeroIdentityContext } from './xeroTokenSource.js';

/** What Links asks for: write journals, read the chart and the trial balance; offline_access for a refresh token. */
export const XERO_SCOPES = 'offline_access accounting.transactions accounting.settings.read accounting.reports.read';

export interface XeroOrganisationChoice {
  xeroTenantId: string;
  tenantName: string;
}

function stateHash(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

async function organisationOf(ctx: XeroIdentityContext, accessToken: string): Promise<XeroOrganisationChoice> {
  const organisations = (await listXeroOrganisations(ctx, accessToken)).filter((o) => o.tenantType === 'ORGANISATION' || o.tenantType === '');
  const first = organisations[0];
  if (!first) throw new XeroAuthError('needs_authorization', { code: 'erp_no_organisation', message: 'the Xero token gives access to no organisation', erpStatus: null, erpBody: null });
  return { xeroTenantId: first.tenantId, tenantName: first.tenantName };
}

/** A custom connection: takes a token with the client credentials and stores it with its organisation. */
export async function connectXeroCustom(ctx: XeroIdentityContext): Promise<XeroOrganisationChoice> {
  const answer = await requestToken(ctx, { grant_type: 'client_credentials' });
  const organisation = await organisationOf(ctx, answer.access_token);
  await inTenantTransaction(ctx.db, ctx.tenantId, (trx) =>
    putXeroTokens(
      trx,
      {
        tenant_id: ctx.tenantId,
        connection_id: ctx.connectionId,
        grant_type: 'client_credentials',
        xero_tenant_id: organisation.xeroTenantId,
        sealed_tokens: sealTokens(ctx, { access_token: answer.access_token, refresh_token: null }),
        access_expires_at: new Date(ctx.clock.now() + answer.expires_in * 1000),
      },
      new Date(ctx.clock.now()),
    ),
  );
  return organisation;
}

/** Starts (or restarts) the authorization-code flow: the URL to open. Earlier tokens of the connection are dropped. */
export async function beginXeroAuthorization(ctx: XeroIdentityContext, scopes: string = XERO_SCOPES): Promise<{ authorizeUrl: string; state: string }> {
  if (!ctx.credentials.redirectUri) throw new Error('beginXeroAuthorization: the credentials carry no redirect_uri');
  const state = newAuthorizationState(ctx.tenantId, ctx.connectionId);
  await inTenantTransaction(ctx.db, ctx.tenantId, (trx) =>
    putXeroTokens(trx, { tenant_id: ctx.tenantId, connection_id: ctx.connectionId, grant_type: 'authorization_code', pending_state_hash: stateHash(state) }, new Date(ctx.clock.now())),
  );
  const url = new URL(ctx.endpoints.loginUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', ctx.credentials.clientId);
  url.searchParams.set('redirect_uri', ctx.credentials.redirectUri);
  url.searchParams.set('scope', scopes);
  url.searchParams.set('state', state);
  return { authorizeUrl: url.toString(), state };
}

/** The callback: checks `state`, exchanges `code`, stores the tokens and the organisation. */
export async function completeXeroAuthorization(ctx: XeroIdentityContext, callback: { state: string; code: string }): Promise<XeroOrganisationChoice> {
  const row = await inTenantTransaction(ctx.db, ctx.tenantId, (trx) => readXeroTokens(trx, ctx.tenantId, ctx.connectionId));
  const expected = row?.pending_state_hash ? Buffer.from(row.pending_state_hash, 'hex') : null;
  const given = Buffer.from(stateHash(callback.state), 'hex');
  if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new XeroAuthError('needs_authorization', { code: 'invalid_state', message: 'the state does not match an authorization in progress for this connection', erpStatus: null, erpBody: null });
  }
  const answer = await requestToken(ctx, { grant_type: 'authorization_code', code: callback.code, redirect_uri: ctx.credentials.redirectUri ?? '' });
  const organisation = await organisationOf(ctx, answer.access_token);
  await inTenantTransaction(ctx.db, ctx.tenantId, (trx) =>
    putXeroTokens(
      trx,
      {
        tenant_id: ctx.tenantId,
        connection_id: ctx.connectionId,
        grant_type: 'authorization_code',
        xero_tenant_id: organisation.xeroTenantId,
        sealed_tokens: sealTokens(ctx, { access_token: answer.access_token, refresh_token: answer.refresh_token ?? null }),
        access_expires_at: new Date(ctx.clock.now() + answer.expires_in * 1000),
      },
      new Date(ctx.clock.now()),
    ),
  );
  return organisation;
}

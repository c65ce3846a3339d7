/**
 * GL connections whose provider holds a session with the ERP (Xero): connecting right after the
 * connection is created, re-authorizing, and the OAuth callback. Every ERP call runs outside any
 * transaction (PGlite is one session), once the row it concerns has committed.
 * - A custom connection takes its first token at creation → `active` (or `paused`).
 * - An authorization-code connection stays `needs_authorization` with an `authorize_url` shown once;
 *   the callback (a browser redirect carrying no key: its `state` is the only authority) finishes it.
 * - Credentials the ERP refuses, or an ERP that does not answer, at creation: the connection is
 *   discarded (deleted, its Idempotency-Key released), so the failed create changed nothing.
 * Errors: not_found, invalid_request (credentials the ERP refused; a provider with nothing to
 * authorize; a state Links did not make or already used; the person declined at the ERP),
 * unavailable (the ERP did not answer).
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import type { WriteContext } from '../domain/audit.js';
import { LinksError } from '../domain/errors.js';
import { ErpCallError, type GlProvider } from '../domain/glTransfer.js';
import { readLedger, writeLedger, type LedgerScope, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import { discardGlConnection, updateGlConnection } from '../storage/glTransfers.js';
import { authorizationStateTarget } from './authorizationState.js';
import type { ConnectorContext, GlConnectResult, GlProviderDefinition, GlSettings, ShownOnce } from './connectors.js';
import { connectorContext, createGlConnection, credentialsUnreadable, glConnectionView, loadGlConnection, type GlConnectionInput, type GlConnectionView, type GlContext } from './glConnections.js';
import { XeroAuthError } from './xero/xeroTokenSource.js';

export type ConnectedGlConnectionView = GlConnectionView & ShownOnce & { organisation?: GlConnectResult['organisation'] };

/** The ERP's refusal or silence as a contract error; undefined for anything else (a defect: rethrown). */
function sessionFailure(error: unknown, refused: string): LinksError | undefined {
  if (!(error instanceof ErpCallError) && !(error instanceof XeroAuthError)) return undefined;
  if (error.kind === 'needs_authorization') return new LinksError('invalid_request', `${refused}: ${error.message}`, [{ path: 'credentials', message: error.message }]);
  return new LinksError('unavailable', `The ERP did not answer usably (${error.message}); nothing was changed, retry later.`);
}

/** Records what the ERP said: `active` (or `paused` when so set), or still `needs_authorization`. */
async function settle(scope: LedgerScope, context: WriteContext, gl: GlContext, id: string, result: GlConnectResult, action: string): Promise<GlConnectionView> {
  const outcome = await writeLedger(scope, { context, idempotencyKey: undefined, fingerprint: null }, 200, async (trx) => {
    const row = await loadGlConnection(trx, id, true);
    const status = result.status === 'active' ? ((row.settings as unknown as GlSettings).paused ? 'paused' : 'active') : 'needs_authorization';
    const now = new Date();
    await updateGlConnection(trx, id, { status }, now);
    await recordDataEvent(trx, scope.tenantId, context, { action, resourceType: 'gl_connection', resourceId: id });
    return glConnectionView({ ...row, status, updated_at: now });
  });
  if (result.status === 'active') gl.wake(scope.environment, scope.tenantId, id);
  return outcome.body.data;
}

function shown(view: GlConnectionView, result: GlConnectResult): ConnectedGlConnectionView {
  return { ...view, ...(result.authorize_url !== undefined && { authorize_url: result.authorize_url }), ...(result.organisation && { organisation: result.organisation }) };
}

async function sessionOf(scope: LedgerScope, gl: GlContext, id: string): Promise<{ definition: GlProviderDefinition; context: ConnectorContext }> {
  const row = await readLedger(scope, (trx) => loadGlConnection(trx, id));
  const definition = gl.providers[row.provider as GlProvider];
  if (!definition?.connect) throw new LinksError('invalid_request', `A ${row.provider} connection has no authorization to give.`, [{ path: 'id', message: `a ${row.provider} connection` }]);
  const context = connectorContext(scope, gl, row);
  if (!context) throw credentialsUnreadable();
  return { definition, context };
}

/** Creates the connection, then (a new row only, not a replay) connects it to its ERP. */
export async function createConnectedGlConnection(scope: LedgerScope, request: WriteRequest, gl: GlContext, input: GlConnectionInput): Promise<WriteOutcome<ConnectedGlConnectionView>> {
  const outcome = await createGlConnection(scope, request, gl, input);
  if (outcome.replayed || !gl.providers[input.provider]?.connect) return outcome;
  const created = outcome.body.data;
  const { definition, context } = await sessionOf(scope, gl, created.id);
  let result: GlConnectResult;
  try {
    result = await (definition.connect as NonNullable<GlProviderDefinition['connect']>)(context);
  } catch (error) {
    await writeLedger(scope, { ...request, idempotencyKey: undefined }, 200, async (trx) => {
      await discardGlConnection(trx, scope.tenantId, created.id, request.idempotencyKey, new Date());
      await recordDataEvent(trx, scope.tenantId, request.context, { action: 'gl_connection.discarded', resourceType: 'gl_connection', resourceId: created.id });
    });
    await definition.forget?.(context);
    throw sessionFailure(error, `The ERP refused these credentials, so no connection was made`) ?? error;
  }
  const view = await settle(scope, request.context, gl, created.id, result, result.status === 'active' ? 'gl_connection.connected' : 'gl_connection.authorization_started');
  return { ...outcome, body: { data: { ...shown(view, result), ...(created.signing_secret !== undefined && { signing_secret: created.signing_secret }) } } };
}

/**
 * Connects again: a new `authorize_url` (authorization code; any earlier one stops working) or a
 * fresh token (custom connection). Not replayed under an Idempotency-Key: every call starts anew.
 */
export async function authorizeGlConnection(scope: LedgerScope, request: WriteRequest, gl: GlContext, id: string): Promise<ConnectedGlConnectionView> {
  const { definition, context } = await sessionOf(scope, gl, id);
  let result: GlConnectResult;
  try {
    result = await (definition.connect as NonNullable<GlProviderDefinition['connect']>)(context);
  } catch (error) {
    throw sessionFailure(error, "The ERP refused this connection's credentials; delete it and create it again with working ones") ?? error;
  }
  return shown(await settle(scope, request.context, gl, id, result, result.status === 'active' ? 'gl_connection.connected' : 'gl_connection.authorization_started'), result);
}

export interface AuthorizationCallback {
  state: string;
  code?: string | undefined;
  error?: string | undefined;
  error_description?: string | undefined;
}

const noSuchAuthorization = () => new LinksError('invalid_request', 'No authorization is in progress for this state (it was not made by Links, was used already, or a newer one replaced it); ask for a new URL with POST /api/v1/gl-connections/{id}/authorize.', [{ path: 'state', message: 'unknown' }]);

/** The browser's return from the ERP: the state names the connection and proves the person started there. */
export async function completeGlAuthorization(scopeOf: (tenantId: string) => LedgerScope, gl: GlContext, callback: AuthorizationCallback, requestId: string): Promise<ConnectedGlConnectionView> {
  const target = authorizationStateTarget(callback.state);
  if (!target) throw noSuchAuthorization();
  const scope = scopeOf(target.tenantId);
  let session: Awaited<ReturnType<typeof sessionOf>>;
  try {
    session = await sessionOf(scope, gl, target.connectionId);
  } catch (error) {
    if (error instanceof LinksError && (error.code === 'not_found' || error.code === 'invalid_request')) throw noSuchAuthorization();
    throw error;
  }
  const complete = session.definition.completeAuthorization;
  if (!complete) throw noSuchAuthorization();
  if (callback.error !== undefined || callback.code === undefined) {
    const said = callback.error === undefined ? 'no code' : `${callback.error}${callback.error_description ? ` (${callback.error_description})` : ''}`;
    throw new LinksError('invalid_request', `The ERP did not authorize Links: ${said}. The connection stays needs_authorization; ask for a new URL with POST /api/v1/gl-connections/{id}/authorize.`, [{ path: 'code', message: 'missing' }]);
  }
  let result: GlConnectResult;
  try {
    result = await complete(session.context, { state: callback.state, code: callback.code });
  } catch (error) {
    throw sessionFailure(error, 'The authorization could not be completed') ?? error;
  }
  const context: WriteContext = { actor: { type: 'system', id: 'gl-authorization-callback' }, requestId };
  return shown(await settle(scope, context, gl, target.connectionId, result, 'gl_connection.authorized'), result);
}

/**
 * GL connections: where a tenant environment's posted entries are transferred (an ERP, or a signed
 * webhook). Credentials are sealed at rest and never returned; what a provider shows once (the
 * webhook's signing secret) is in the creating response only, never in a stored idempotent replay.
 * Errors: not_found, conflict (name taken; needs authorization), invalid_request (credentials the
 * provider cannot use, provider not in this build, rotation of a non-webhook), unknown_erp_account
 * (a mapping naming an ERP account the ERP does not have, has archived or takes no journals on, as
 * Xero's bank accounts), unavailable (the ERP did not answer; a new Xero connection's first token
 * could not be taken: the connection is discarded).
 * A provider with a session (Xero) is connected after the row commits (glAuthorization.ts).
 */
import { v7 as uuidv7 } from 'uuid';
import { recordDataEvent } from '../audit/environmentAudit.js';
import { todayUtc } from '../domain/calendar.js';
import { LinksError } from '../domain/errors.js';
import { ErpCallError, type ErpAccount, type ErpConnector, GL_PROVIDER_NAMES, type GlConnectionStatus, type GlProvider, type GlSummarizeMode } from '../domain/glTransfer.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import type { Environment } from '../domain/tenancy.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import { findGlConnection, glConnectionPage, insertGlConnection, updateGlConnection, type GlConnectionRecord } from '../storage/glTransfers.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import type { ConnectorContext, ConnectorFactory, GlProviderRegistry, GlSettings, ShownOnce } from './connectors.js';
import { sealGlCredentials, tryOpenGlCredentials } from './credentials.js';
import type { GlMapping } from './journals.js';
import { rotateWebhookSecret, type WebhookCredentials } from './webhook/webhookProvider.js';

/** Everything a GL service call needs beside the scope. */
export interface GlContext {
  secretsKey: () => Buffer;
  providers: GlProviderRegistry;
  connectors: ConnectorFactory;
  requestTimeoutMs: number;
  /** Tells the engine a connection has work now (created, resumed, retried, run). */
  wake: (environment: Environment, tenantId: string, connectionId: string) => void;
}

export interface GlConnectionView {
  id: string;
  provider: GlProvider;
  name: string;
  status: GlConnectionStatus;
  settings: GlSettings;
  mapping: GlMapping;
  created_at: string;
  updated_at: string;
}

export interface GlConnectionInput {
  provider: GlProvider;
  name: string;
  credentials: unknown;
  settings?: { start_date?: string | undefined; summarize?: GlSummarizeMode | undefined; paused?: boolean | undefined } | undefined;
}

export interface GlConnectionChange {
  name?: string | undefined;
  settings?: { start_date?: string | undefined; summarize?: GlSummarizeMode | undefined; paused?: boolean | undefined } | undefined;
}

/** A rotated-out webhook secret stays valid this long. */
const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export function glConnectionView(row: GlConnectionRecord): GlConnectionView {
  return {
    id: row.id,
    provider: row.provider as GlProvider,
    name: row.name,
    status: row.status as GlConnectionStatus,
    settings: row.settings as unknown as GlSettings,
    mapping: row.mapping as unknown as GlMapping,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export async function loadGlConnection(trx: LedgerTransaction, id: string, forUpdate = false): Promise<GlConnectionRecord> {
  const row = await findGlConnection(trx, id, forUpdate);
  if (!row) throw new LinksError('not_found', `No GL connection ${JSON.stringify(id)} in this scope.`);
  return row;
}

const nameTaken = (name: string) => new LinksError('conflict', `A GL connection named ${JSON.stringify(name)} exists already.`, [{ path: 'name', message: 'taken' }]);

export async function createGlConnection(scope: LedgerScope, request: WriteRequest, gl: GlContext, input: GlConnectionInput): Promise<WriteOutcome<GlConnectionView & ShownOnce>> {
  const definition = gl.providers[input.provider];
  if (!definition) throw new LinksError('invalid_request', `The ${input.provider} provider is not in this build of Links.`, [{ path: 'provider', message: 'not available' }]);
  const now = new Date();
  const accepted = definition.acceptCredentials(input.credentials, now);
  const id = uuidv7();
  const settings: GlSettings = { start_date: input.settings?.start_date ?? todayUtc(), summarize: input.settings?.summarize ?? 'none', paused: input.settings?.paused ?? false };
  let created = false;
  const outcome = await writeLedger(scope, request, 201, async (trx) => {
    const row: Omit<GlConnectionRecord, 'deleted_at' | 'queued_position'> & { queued_position: bigint } = {
      tenant_id: scope.tenantId,
      id,
      provider: input.provider,
      name: input.name,
      // A provider with a session (Xero) starts unauthorized until glAuthorization.ts has connected it.
      status: definition.connect ? 'needs_authorization' : settings.paused ? 'paused' : 'active',
      settings: settings as unknown as Record<string, unknown>,
      sealed_credentials: sealGlCredentials(scope.tenantId, id, accepted.stored, gl.secretsKey),
      mapping: { accounts: {}, dimensions: {} },
      // Every posted entry dated on or after start_date is sent, those posted before the connection too.
      queued_position: 0n,
      created_at: now,
      updated_at: now,
    };
    try {
      await insertGlConnection(trx, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'gl_connection.created', resourceType: 'gl_connection', resourceId: id });
    created = true;
    return glConnectionView({ ...row, queued_position: '0', deleted_at: null });
  });
  if (!created) return outcome;
  gl.wake(scope.environment, scope.tenantId, id);
  // Shown once: added after the idempotent answer was stored, so no replay (and no row) holds it.
  return { ...outcome, body: { data: { ...outcome.body.data, ...accepted.shownOnce } } };
}

export async function listGlConnections(scope: LedgerScope, page: PageRequest): Promise<Page<GlConnectionView>> {
  return readLedger(scope, async (trx) => {
    const { rows, total } = await glConnectionPage(trx, page.limit, offsetOf(page));
    return toPage(rows.map(glConnectionView), total, page);
  });
}

export async function getGlConnection(scope: LedgerScope, id: string): Promise<GlConnectionView> {
  return readLedger(scope, async (trx) => glConnectionView(await loadGlConnection(trx, id)));
}

/** Renames, changes settings, pauses or resumes; resuming also clears `needs_authorization` and `error`, to try again. */
export async function changeGlConnection(scope: LedgerScope, request: WriteRequest, gl: GlContext, id: string, change: GlConnectionChange): Promise<WriteOutcome<GlConnectionView>> {
  const outcome = await writeLedger(scope, request, 200, async (trx) => {
    const row = await loadGlConnection(trx, id, true);
    const settings = { ...(row.settings as unknown as GlSettings), ...Object.fromEntries(Object.entries(change.settings ?? {}).filter(([, v]) => v !== undefined)) } as GlSettings;
    // Pausing and resuming move between active and paused only: a connection that needs a person
    // (needs_authorization, error) keeps saying so until that is done.
    const status = row.status === 'needs_authorization' || row.status === 'error' ? row.status : settings.paused ? 'paused' : 'active';
    const now = new Date();
    try {
      await updateGlConnection(trx, id, { ...(change.name !== undefined && { name: change.name }), settings: settings as unknown as Record<string, unknown>, status }, now);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(change.name ?? row.name);
      throw error;
    }
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'gl_connection.updated', resourceType: 'gl_connection', resourceId: id });
    return glConnectionView({ ...row, name: change.name ?? row.name, settings: settings as unknown as Record<string, unknown>, status, updated_at: now });
  });
  gl.wake(scope.environment, scope.tenantId, id);
  return outcome;
}

/** Deletes the connection: nothing more is sent; its transfers stay readable in the audit trail's terms. */
export async function deleteGlConnection(scope: LedgerScope, request: WriteRequest, gl: GlContext, id: string): Promise<WriteOutcome<GlConnectionView>> {
  let deleted: GlConnectionRecord | undefined;
  const outcome = await writeLedger(scope, request, 200, async (trx) => {
    const row = await loadGlConnection(trx, id, true);
    await updateGlConnection(trx, id, { deleted_at: new Date() }, new Date());
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'gl_connection.deleted', resourceType: 'gl_connection', resourceId: id });
    deleted = row;
    return glConnectionView(row);
  });
  // After the commit: the provider drops what it keeps for the connection (Xero: its tokens).
  const forget = deleted && gl.providers[deleted.provider as GlProvider]?.forget;
  if (deleted && forget) {
    const context = connectorContext(scope, gl, deleted);
    if (context) await forget(context);
  }
  return outcome;
}

/** What a provider builds from for one call, or undefined when this server's key cannot open the credentials. */
export function connectorContext(scope: Pick<LedgerScope, 'db' | 'environment' | 'tenantId'>, gl: GlContext, row: GlConnectionRecord): ConnectorContext | undefined {
  const credentials = tryOpenGlCredentials(row, gl.secretsKey);
  if (!credentials) return undefined;
  return {
    db: scope.db,
    environment: scope.environment,
    tenantId: scope.tenantId,
    connectionId: row.id,
    credentials,
    settings: row.settings as unknown as GlSettings,
    requestTimeoutMs: gl.requestTimeoutMs,
  };
}

export const credentialsUnreadable = () => new LinksError('conflict', "The connection's credentials cannot be opened with this server's LINKS_SECRETS_KEY; delete the connection and create it again.");

/** A connector for a request (the chart, the mapping check, reconciliation). */
export function requestConnector(scope: LedgerScope, gl: GlContext, row: GlConnectionRecord): ErpConnector {
  const context = connectorContext(scope, gl, row);
  if (!context) throw credentialsUnreadable();
  return gl.connectors(row.provider as GlProvider, context);
}

/** An ERP call made for a request: its failure is the ERP's, said as a contract error. */
export async function askErp<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ErpCallError)) throw error;
    if (error.kind === 'needs_authorization') throw new LinksError('conflict', `The ERP no longer accepts this connection's authorization: ${error.message}`);
    throw new LinksError('unavailable', `The ERP did not answer usably: ${error.message}`);
  }
}

/** The ERP's chart of accounts, read live (a webhook receiver has none: empty). */
export async function listErpAccounts(scope: LedgerScope, gl: GlContext, id: string): Promise<ErpAccount[]> {
  const row = await readLedger(scope, (trx) => loadGlConnection(trx, id));
  return askErp(() => requestConnector(scope, gl, row).listAccounts());
}

/** Replaces the mapping, checked against the ERP's chart first (outside any transaction). */
export async function putGlMapping(scope: LedgerScope, request: WriteRequest, gl: GlContext, id: string, mapping: GlMapping): Promise<WriteOutcome<GlConnectionView>> {
  const row = await readLedger(scope, (trx) => loadGlConnection(trx, id));
  if (gl.providers[row.provider as GlProvider]?.readsBack ?? true) {
    const chart = new Map((await askErp(() => requestConnector(scope, gl, row).listAccounts())).map((a) => [a.code, a]));
    const erpName = GL_PROVIDER_NAMES[row.provider as GlProvider];
    const problems = Object.entries(mapping.accounts).flatMap(([links, erp]) => {
      const problem = mappingProblem(erpName, erp, chart.get(erp));
      return problem ? [{ path: `accounts.${links}`, message: problem }] : [];
    });
    if (problems.length > 0) throw new LinksError('unknown_erp_account', `The mapping names ERP accounts the ERP does not take: ${problems.map((p) => p.message).join('; ')}.`, problems);
  }
  return writeLedger(scope, request, 200, async (trx) => {
    const current = await loadGlConnection(trx, id, true);
    const now = new Date();
    await updateGlConnection(trx, id, { mapping: mapping as unknown as Record<string, unknown> }, now);
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'gl_connection.mapping_changed', resourceType: 'gl_connection', resourceId: id });
    return glConnectionView({ ...current, mapping: mapping as unknown as Record<string, unknown>, updated_at: now });
  });
}

/** Why a mapping may not name this ERP account, or null when it may. */
function mappingProblem(erpName: string, code: string, account: ErpAccount | undefined): string | null {
  if (!account) return `the ERP has no account ${code}`;
  if (account.status !== 'active') return `ERP account ${code} is archived`;
  if (!account.accepts_journals) {
    return `${erpName} does not take manual journals on ${account.type.toLowerCase()} account ${code} (${account.name}); map to a clearing or current-asset account`;
  }
  return null;
}

/** A new webhook signing secret, shown once; the previous one stays valid for a day (both sign meanwhile). */
export async function rotateGlSecret(scope: LedgerScope, request: WriteRequest, gl: GlContext, id: string): Promise<WriteOutcome<{ previous_valid_until: string; signing_secret?: string }>> {
  let secret: string | undefined;
  const outcome = await writeLedger(scope, request, 200, async (trx) => {
    const row = await loadGlConnection(trx, id, true);
    if (row.provider !== 'webhook') throw new LinksError('invalid_request', 'Only a webhook connection has a signing secret to rotate.', [{ path: 'id', message: `a ${row.provider} connection` }]);
    const credentials = tryOpenGlCredentials(row, gl.secretsKey) as WebhookCredentials | undefined;
    if (!credentials) throw credentialsUnreadable();
    const now = new Date();
    const graceEnds = new Date(now.getTime() + SECRET_GRACE_MS);
    const rotated = rotateWebhookSecret(credentials, now, graceEnds);
    secret = rotated.secret;
    await updateGlConnection(trx, id, { sealed_credentials: sealGlCredentials(scope.tenantId, id, rotated.credentials as unknown as Record<string, unknown>, gl.secretsKey) }, now);
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'gl_connection.secret_rotated', resourceType: 'gl_connection', resourceId: id });
    return { previous_valid_until: graceEnds.toISOString() };
  });
  return secret === undefined ? outcome : { ...outcome, body: { data: { ...outcome.body.data, signing_secret: secret } } };
}

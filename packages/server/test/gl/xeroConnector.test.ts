/**
 * The Xero connector against the Xero stand-in over HTTP, with its tokens in the real storage:
 * every fault the stand-in can inject (stored then dropped, 500 before and after the store, 429,
 * expired tokens, lock dates, archived and bank accounts, refresh races, revoked refresh tokens) ends with
 * Xero holding each journal at most once, and the outcome saying what Xero did.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpConnector, GlJournal } from '../../src/domain/glTransfer.js';
import type { ConnectorContext } from '../../src/gl/connectors.js';
import { xeroProvider, type XeroProviderDefinition } from '../../src/gl/xero/xeroProvider.js';
import { XeroShapers } from '../../src/gl/xero/xeroRateShaper.js';
import { XeroAuthError } from '../../src/gl/xero/xeroTokenSource.js';
import { inTenantTransaction } from '../../src/storage/tenantScope.js';
import { readXeroTokens } from '../../src/storage/xeroTokens.js';
import { openSandboxStore, type SandboxStore } from '../support/sandboxStore.js';
import { startXeroHttp, type XeroStandInUrls } from '../support/xero/xeroHttp.js';
import type { XeroOrganisation } from '../support/xero/xeroLedger.js';
import { XeroModel, type XeroFault } from '../support/xero/xeroModel.js';

describe('Xero connector against the stand-in', () => {
  let sandbox: SandboxStore;
  let stand: XeroStandInUrls & { close(): Promise<void> };
  let provider: XeroProviderDefinition;
  let org: XeroOrganisation;
  const model = new XeroModel({ now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  const tenantId = uuidv7();
  const faults: XeroFault[] = [];

  const context = (connectionId: string, credentials: Record<string, unknown>): ConnectorContext => ({
    db: sandbox.db,
    environment: 'sandbox',
    tenantId,
    connectionId,
    credentials,
    settings: { start_date: '2026-01-01', summarize: 'none', paused: false },
    requestTimeoutMs: 5_000,
  });
  const journal = (lines: Array<[string, bigint]>, date = '2026-12-01', currency = 'USD'): GlJournal => ({
    transferId: uuidv7(),
    date,
    currency,
    narration: 'Links entry',
    entryIds: [uuidv7()],
    lines: lines.map(([erpAccountCode, amountMinor]) => ({ erpAccountCode, amountMinor, description: 'line', dimensions: {} })),
  });
  const stored = (transferId: string) => org.journals.filter((j) => j.Narration.includes(`links:${transferId}`));
  const custom = { client_id: 'CUSTOM', client_secret: 'custom-secret', grant: 'client_credentials' };
  let connector: ErpConnector;
  let key: Buffer;

  beforeAll(async () => {
    sandbox = await openSandboxStore();
    key = sandbox.key;
    org = model.addOrganisation('Stand-in Ltd', 'USD');
    org.addAccount('090', 'Bank', 'BANK');
    org.addAccount('091', 'Cash clearing', 'CURRENT');
    org.addAccount('200', 'Sales', 'REVENUE');
    org.addAccount('300', 'Old sales', 'REVENUE', 'ARCHIVED');
    model.identity.addApp({ clientId: 'CUSTOM', clientSecret: 'custom-secret', tenantIds: [org.tenantId], customConnection: true });
    model.identity.addApp({ clientId: 'WEB', clientSecret: 'web-secret', tenantIds: [org.tenantId], customConnection: false });
    model.faults = (request) => (request.path.endsWith('/ManualJournals') && request.method === 'PUT' ? faults.shift() : undefined);
    stand = await startXeroHttp(model);
    provider = xeroProvider({ endpoints: stand, secretsKey: () => key, shapers: new XeroShapers() });
    const ctx = context(uuidv7(), custom);
    expect(await provider.connect(ctx)).toMatchObject({ status: 'active', organisation: { tenant_id: org.tenantId } });
    connector = provider.connector(ctx);
  });

  afterAll(async () => {
    await stand?.close();
    await sandbox?.close();
  });

  it('reads the chart (archived accounts marked) and confirms a balanced journal, found again by its marker', async () => {
    expect(await connector.listAccounts()).toEqual([
      { code: '090', name: 'Bank', type: 'BANK', status: 'active', accepts_journals: false },
      { code: '091', name: 'Cash clearing', type: 'CURRENT', status: 'active', accepts_journals: true },
      { code: '200', name: 'Sales', type: 'REVENUE', status: 'active', accepts_journals: true },
      { code: '300', name: 'Old sales', type: 'REVENUE', status: 'archived', accepts_journals: true },
    ]);
    const j = journal([['091', 12_345n], ['200', -12_345n]]);
    const outcome = await connector.send(j, { idempotencyKey: `k-${j.transferId}` });
    expect(outcome).toMatchObject({ kind: 'confirmed' });
    expect(stored(j.transferId)).toHaveLength(1);
    expect(stored(j.transferId)[0]).toMatchObject({ Status: 'POSTED', Date: '2026-12-01' });
    expect(await connector.findSent(j.transferId, j.date)).toEqual({ erpDocumentId: (outcome as { erpDocumentId: string }).erpDocumentId });
    expect(await connector.findSent(uuidv7(), j.date)).toBeNull();
    const tb = await connector.trialBalance('2026-12-31', 'USD');
    expect(tb.get('091')).toEqual({ balance: 12_345n });
    expect(tb.get('200')).toEqual({ balance: -12_345n, periodStart: '2026-01-01' });
  });

  it('read-back pages through the journals of the date, matching the marker itself, when Xero refuses the Contains filter', async () => {
    const j = journal([['091', 4_200n], ['200', -4_200n]], '2026-11-02');
    const others = { Date: '2026-11-02', Status: 'POSTED', JournalLines: [{ LineAmount: 0.01, AccountCode: '091' }, { LineAmount: -0.01, AccountCode: '200' }] };
    for (let i = 0; i < 150; i++) org.store({ ...others, Narration: `Someone else's journal ${i}` }, Date.now());
    const outcome = await connector.send(j, { idempotencyKey: `k-${j.transferId}` });
    expect(outcome).toMatchObject({ kind: 'confirmed' });
    const before = model.log.length;
    model.refuseContainsFilter = true;
    try {
      expect(await connector.findSent(j.transferId, j.date)).toEqual({ erpDocumentId: (outcome as { erpDocumentId: string }).erpDocumentId });
      expect(await connector.findSent(uuidv7(), j.date)).toBeNull();
    } finally {
      model.refuseContainsFilter = false;
    }
    // Each read: the filtered GET refused (400), then the Date-only GET, page 1 and page 2 (151 journals).
    expect(model.log.slice(before).filter((l) => l.path.endsWith('/ManualJournals')).map((l) => l.status)).toEqual([400, 200, 200, 400, 200, 200]);
    expect(await connector.findSent(j.transferId, j.date)).toEqual({ erpDocumentId: (outcome as { erpDocumentId: string }).erpDocumentId });
  });

  it('a journal stored and then dropped is uncertain; read-back finds it and the same key replays, never a duplicate', async () => {
    const j = journal([['091', 500n], ['200', -500n]]);
    faults.push({ kind: 'drop_after' });
    expect(await connector.send(j, { idempotencyKey: `k-${j.transferId}` })).toMatchObject({ kind: 'uncertain', error: { code: 'erp_no_answer' } });
    expect(stored(j.transferId)).toHaveLength(1);
    const found = await connector.findSent(j.transferId, j.date);
    expect(found?.erpDocumentId).toBe(stored(j.transferId)[0]?.ManualJournalID);
    expect(await connector.send(j, { idempotencyKey: `k-${j.transferId}` })).toEqual({ kind: 'confirmed', erpDocumentId: found?.erpDocumentId });
    expect(stored(j.transferId)).toHaveLength(1);
  });

  it('500 after the store is uncertain and a resend replays; 500 before the store is uncertain and nothing is stored', async () => {
    const after = journal([['091', 700n], ['200', -700n]]);
    faults.push({ kind: 'error_500', afterStore: true });
    expect(await connector.send(after, { idempotencyKey: `k-${after.transferId}` })).toMatchObject({ kind: 'uncertain', error: { erpStatus: 500 } });
    expect(await connector.send(after, { idempotencyKey: `k-${after.transferId}` })).toMatchObject({ kind: 'confirmed', erpDocumentId: stored(after.transferId)[0]?.ManualJournalID });
    expect(stored(after.transferId)).toHaveLength(1);
    const before = journal([['091', 800n], ['200', -800n]]);
    faults.push({ kind: 'error_500', afterStore: false });
    expect(await connector.send(before, { idempotencyKey: `k-${before.transferId}` })).toMatchObject({ kind: 'uncertain' });
    expect(stored(before.transferId)).toHaveLength(0);
    expect(await connector.findSent(before.transferId, before.date)).toBeNull();
  });

  it('429 is retry_later after Retry-After, with the limit Xero named; nothing stored', async () => {
    const j = journal([['091', 900n], ['200', -900n]]);
    faults.push({ kind: 'rate_429', problem: 'minute', retryAfterSeconds: 1 });
    const outcome = await connector.send(j, { idempotencyKey: `k-${j.transferId}` });
    expect(outcome).toMatchObject({ kind: 'retry_later', retryAfterMs: 1000, error: { erpStatus: 429 } });
    expect((outcome as { error: { message: string } }).error.message).toContain('minute');
    expect(stored(j.transferId)).toHaveLength(0);
    // The concurrent limit's 429 has no Retry-After: a second's pause, not a minute's.
    faults.push({ kind: 'rate_429', problem: 'concurrent', retryAfterSeconds: 0 });
    expect(await connector.send(j, { idempotencyKey: `k-${j.transferId}` })).toMatchObject({ kind: 'retry_later', retryAfterMs: 1000, error: { erpStatus: 429 } });
    expect(stored(j.transferId)).toHaveLength(0);
  });

  it('an expired token is renewed on 401 and the journal goes through once', async () => {
    const issued = model.identity.stats.tokensIssued;
    const j = journal([['091', 1_000n], ['200', -1_000n]]);
    faults.push({ kind: 'expire_token' });
    expect(await connector.send(j, { idempotencyKey: `k-${j.transferId}` })).toMatchObject({ kind: 'confirmed' });
    expect(model.identity.stats.tokensIssued).toBe(issued + 1);
    expect(stored(j.transferId)).toHaveLength(1);
  });

  it("Xero's refusals come back with Xero's own message: lock date, archived account, bank account, unbalanced; after the lock is lifted a new key goes through", async () => {
    org.endOfYearLockDate = '2026-06-30';
    const locked = journal([['091', 100n], ['200', -100n]], '2026-06-15');
    expect(await connector.send(locked, { idempotencyKey: `k1-${locked.transferId}` })).toMatchObject({
      kind: 'refused',
      error: { code: 'erp_validation', erpStatus: 400, message: 'The document date cannot be before the end of year lock date, currently set at 30-Jun-2026' },
    });
    org.endOfYearLockDate = null;
    // Xero caches error answers under the key too: only a new key is looked at again.
    expect(await connector.send(locked, { idempotencyKey: `k1-${locked.transferId}` })).toMatchObject({ kind: 'refused' });
    expect(await connector.send(locked, { idempotencyKey: `k2-${locked.transferId}` })).toMatchObject({ kind: 'confirmed' });
    expect(stored(locked.transferId)).toHaveLength(1);
    const archived = journal([['091', 100n], ['300', -100n]]);
    expect(await connector.send(archived, { idempotencyKey: `k-${archived.transferId}` })).toMatchObject({ kind: 'refused', error: { message: "The account 'Old sales' (300) is archived and cannot be used." } });
    const bank = journal([['090', 100n], ['200', -100n]]);
    expect(await connector.send(bank, { idempotencyKey: `k-${bank.transferId}` })).toMatchObject({
      kind: 'refused',
      error: { code: 'erp_validation', erpStatus: 400, message: 'Bank accounts cannot be used in manual journals. Use a spend money or receive money transaction instead.' },
    });
    expect(stored(bank.transferId)).toHaveLength(0);
    const unknown = journal([['091', 100n], ['999', -100n]]);
    const unknownOutcome = await connector.send(unknown, { idempotencyKey: `k-${unknown.transferId}` });
    expect(unknownOutcome).toMatchObject({ kind: 'refused', error: { code: 'erp_validation', erpStatus: 400 } });
    expect((unknownOutcome as { error: { message: string } }).error.message).toContain("Account code '999' has been removed as it does not match a recognised account.");
    const unbalanced = journal([['091', 10_000n], ['200', -1_000n]]);
    expect(await connector.send(unbalanced, { idempotencyKey: `k-${unbalanced.transferId}` })).toMatchObject({ kind: 'refused', error: { message: 'The total debits (100.00) must equal total credits (-10.00)' } });
    const euros = journal([['091', 100n], ['200', -100n]], '2026-12-01', 'EUR');
    const sent = model.log.length;
    expect(await connector.send(euros, { idempotencyKey: `k-${euros.transferId}` })).toMatchObject({ kind: 'refused', error: { code: 'erp_currency_not_supported' } });
    expect(model.log.length).toBe(sent);
  });

  it('never more than 5 requests in flight to one organisation', async () => {
    const journals = Array.from({ length: 12 }, (_, i) => journal([['091', BigInt(100 + i)], ['200', -BigInt(100 + i)]]));
    const outcomes = await Promise.all(journals.map((j) => connector.send(j, { idempotencyKey: `k-${j.transferId}` })));
    expect(outcomes.every((o) => o.kind === 'confirmed')).toBe(true);
    const stats = model.stats.get(org.tenantId);
    expect(stats?.maxInFlight).toBeLessThanOrEqual(5);
    expect(stats?.limited).toEqual({ concurrent: 0, minute: 0, day: 0 });
  });

  it('authorization code: authorize URL with state, callback, rotating refresh; two workers refresh once; a revoked grant needs authorization', async () => {
    const web = { client_id: 'WEB', client_secret: 'web-secret', grant: 'authorization_code', redirect_uri: 'https://links.example/xero/callback' };
    const ctx = context(uuidv7(), web);
    const started = await provider.connect(ctx);
    expect(started.status).toBe('needs_authorization');
    const authorize = new URL(started.authorize_url as string);
    expect(authorize.origin + authorize.pathname).toBe(stand.loginUrl);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: 'code', client_id: 'WEB', redirect_uri: web.redirect_uri });
    const approval = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(approval.headers.get('location') as string);
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    await expect(provider.completeAuthorization(ctx, { state: 'forged', code: callback.searchParams.get('code') as string })).rejects.toBeInstanceOf(XeroAuthError);
    expect(await provider.completeAuthorization(ctx, { state: callback.searchParams.get('state') as string, code: callback.searchParams.get('code') as string })).toMatchObject({ status: 'active' });

    const row = await inTenantTransaction(sandbox.db, tenantId, (trx) => readXeroTokens(trx, tenantId, ctx.connectionId));
    expect(row?.sealed_tokens).toMatch(/^v2\./);
    expect(JSON.stringify(row)).not.toMatch(/xat_|xrt_/);

    // Two workers (two connector instances, as two processes would have), both holding an expired token.
    const workers = [provider.connector(ctx), provider.connector(ctx)];
    await workers[0]?.listAccounts();
    await workers[1]?.listAccounts();
    model.identity.expireAccessTokens('WEB');
    const refreshes = model.identity.stats.refreshes;
    const pair = [journal([['091', 1n], ['200', -1n]]), journal([['091', 2n], ['200', -2n]])];
    const outcomes = await Promise.all(pair.map((j, i) => workers[i]?.send(j, { idempotencyKey: `k-${j.transferId}` })));
    expect(outcomes.map((o) => o?.kind)).toEqual(['confirmed', 'confirmed']);
    expect(model.identity.stats.refreshes).toBe(refreshes + 1);
    expect(model.identity.stats.refusedRefreshes).toBe(0);

    model.identity.revokeRefreshTokens('WEB');
    model.identity.expireAccessTokens('WEB');
    const late = journal([['091', 3n], ['200', -3n]]);
    expect(await workers[0]?.send(late, { idempotencyKey: `k-${late.transferId}` })).toMatchObject({ kind: 'needs_authorization', error: { code: 'erp_authorization_required' } });
    expect(stored(late.transferId)).toHaveLength(0);
    expect((await inTenantTransaction(sandbox.db, tenantId, (trx) => readXeroTokens(trx, tenantId, ctx.connectionId)))?.refused_at).toBeInstanceOf(Date);
  });

  it('a token refresh holds no transaction while Xero answers; a second worker waits for it and refreshes nothing', async () => {
    // The identity service answers only when the gate opens: meanwhile the database must serve others.
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let tokenRequests = 0;
    const gatedFetch: typeof fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).endsWith('/connect/token')) {
        tokenRequests++;
        await gate;
      }
      return fetch(input, init);
    }) as typeof fetch;
    const ctx = context(uuidv7(), custom);
    expect(await provider.connect(ctx)).toMatchObject({ status: 'active' });
    const gated = xeroProvider({ endpoints: stand, secretsKey: () => key, fetch: gatedFetch, shapers: new XeroShapers() });
    const workers = [gated.connector(ctx), gated.connector(ctx)];
    model.identity.expireAccessTokens('CUSTOM');
    const pair = [journal([['091', 4n], ['200', -4n]]), journal([['091', 5n], ['200', -5n]])];
    const sending = pair.map((j, i) => workers[i]?.send(j, { idempotencyKey: `k-${j.transferId}` }));
    await expect.poll(() => tokenRequests, { timeout: 10_000 }).toBe(1);
    // With the row locked across the call this would wait for the gate (and on PGlite block everything).
    const during = await Promise.race([
      inTenantTransaction(sandbox.db, tenantId, (trx) => trx.selectFrom('xero_tokens').selectAll().where('connection_id', '=', ctx.connectionId).forUpdate().executeTakeFirstOrThrow()),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the token row stayed locked while Xero was asked')), 5_000)),
    ]);
    expect(during.refresh_holder).not.toBeNull();
    expect(during.refresh_lease_until?.getTime()).toBeGreaterThan(Date.now());
    const refreshes = model.identity.stats.tokensIssued;
    openGate();
    expect((await Promise.all(sending)).map((o) => o?.kind)).toEqual(['confirmed', 'confirmed']);
    expect(tokenRequests).toBe(1);
    expect(model.identity.stats.tokensIssued).toBe(refreshes + 1);
    const after = await inTenantTransaction(sandbox.db, tenantId, (trx) => readXeroTokens(trx, tenantId, ctx.connectionId));
    expect(after).toMatchObject({ refresh_holder: null, refresh_lease_until: null, refused_at: null });
    for (const j of pair) expect(stored(j.transferId)).toHaveLength(1);
  });

  it('an idle authorization-code connection renews its tokens a week after the last renewal, not before', async () => {
    let shiftMs = 0;
    const clock = { now: () => Date.now() + shiftMs, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
    const later = xeroProvider({ endpoints: stand, secretsKey: () => key, shapers: new XeroShapers(), clock });
    const web = { client_id: 'WEB', client_secret: 'web-secret', grant: 'authorization_code', redirect_uri: 'https://links.example/xero/callback' };
    const ctx = context(uuidv7(), web);
    const started = await later.connect(ctx);
    const callback = new URL((await fetch(started.authorize_url as string, { redirect: 'manual' })).headers.get('location') as string);
    await later.completeAuthorization(ctx, { state: callback.searchParams.get('state') as string, code: callback.searchParams.get('code') as string });
    const idle = later.connector(ctx);
    const refreshes = model.identity.stats.refreshes;
    await idle.keepAlive?.();
    expect(model.identity.stats.refreshes, 'just authorised: nothing to renew').toBe(refreshes);
    shiftMs = 6 * 24 * 3_600_000;
    await idle.keepAlive?.();
    expect(model.identity.stats.refreshes, 'six days idle: still nothing').toBe(refreshes);
    shiftMs = 8 * 24 * 3_600_000;
    await idle.keepAlive?.();
    expect(model.identity.stats.refreshes, 'eight days idle: renewed once').toBe(refreshes + 1);
    const row = await inTenantTransaction(sandbox.db, tenantId, (trx) => readXeroTokens(trx, tenantId, ctx.connectionId));
    expect(row).toMatchObject({ refresh_holder: null, refused_at: null, refreshes: '1' });
    await idle.keepAlive?.();
    expect(model.identity.stats.refreshes, 'just renewed: nothing').toBe(refreshes + 1);
    // A revoked grant comes out as needs_authorization (the engine then marks the connection).
    model.identity.revokeRefreshTokens('WEB');
    shiftMs = 16 * 24 * 3_600_000;
    await expect(idle.keepAlive?.()).rejects.toMatchObject({ kind: 'needs_authorization' });
    // A custom connection has no refresh token to keep.
    const custom8 = later.connector(context(uuidv7(), custom));
    await expect(custom8.keepAlive?.()).resolves.toBeUndefined();
  });

  it('credentials are checked before anything is stored', () => {
    expect(() => provider.acceptCredentials({ client_id: 'x' }, new Date())).toThrow(/client_secret/);
    expect(() => provider.acceptCredentials({ client_id: 'x', client_secret: 'y', grant: 'authorization_code' }, new Date())).toThrow(/redirect_uri/);
    expect(() => provider.acceptCredentials({ client_id: 'x', client_secret: 'y', token: 'z' }, new Date())).toThrow(/unknown field token/);
    expect(provider.acceptCredentials({ client_id: 'x', client_secret: 'y' }, new Date())).toEqual({ stored: { client_id: 'x', client_secret: 'y', grant: 'client_credentials' } });
  });
});

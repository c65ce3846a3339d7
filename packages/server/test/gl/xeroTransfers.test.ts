/**
 * Transfer to Xero over Links' HTTP API, against the Xero stand-in over HTTP: in each summarize
 * mode Xero's lines per account equal Links' movements and reconciliation (against Xero's trial
 * balance) is matched; faults (stored then dropped, 500, 429 with Retry-After, expired tokens, a lock
 * date) never duplicate a journal, and the refused entries are `failed` with Xero's message until the
 * lock is lifted and they are retried (a journal on a bank account, reached by an unmapped account,
 * too); the organisation's limits (5 in flight, 60 a minute) are kept; reconciliation across Xero's
 * financial-year start (profit and loss from the year's start, earlier years on Retained Earnings)
 * is matched and still shows a journal Links did not send; connecting (custom connection,
 * authorization code with the callback, refused credentials, Xero unreachable), the chart and the
 * mapping check; no credential or token in answers, rows or logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { call } from '../support/http.js';
import { cr, dr, entry, createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';
import { newStorage, plantedSecrets, postgresAvailable, startTestLinks, type TestLinks, type TestStorage } from '../support/linksServer.js';
import { standInEnv, startXeroHttp, type XeroStandInUrls } from '../support/xero/xeroHttp.js';
import type { XeroOrganisation } from '../support/xero/xeroLedger.js';
import { XeroModel, type XeroFault } from '../support/xero/xeroModel.js';
import { waitFor } from '../support/waitFor.js';
import { FAST_GL_ENGINE } from '../support/fastGlEngine.js';

// A Xero request may wait on a token request first: 3 s for an answer rather than a webhook's 1.5 s.
const FAST_ENGINE = { ...FAST_GL_ENGINE, LINKS_GL_REQUEST_TIMEOUT_MS: '3000' };
const MAPPING = { accounts: { '1000': '091', '4000': '200', '6000': '400' } };

describe.skipIf(!postgresAvailable())('GL transfer to Xero (stand-in over HTTP)', () => {
  const model = new XeroModel({ now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  const organisations = new Map<string, XeroOrganisation>();
  /** Faults for the ManualJournals PUTs of one organisation, taken in order. */
  const faults = new Map<string, XeroFault[]>();
  /** Every bearer token Links sent, and every client secret: never in an answer, a row or a log. */
  const secrets = new Set<string>();
  let stand: XeroStandInUrls & { close(): Promise<void> };
  let storage: TestStorage;
  let links: TestLinks;
  let ledger: Ledger;
  const posted: string[] = [];

  function organisation(name: string): { org: XeroOrganisation; credentials: { client_id: string; client_secret: string } } {
    const org = model.addOrganisation(name, 'USD');
    for (const [code, account, type] of [['090', 'Bank', 'BANK'], ['091', 'Cash clearing', 'CURRENT'], ['200', 'Sales', 'REVENUE'], ['400', 'Supplies', 'OVERHEADS']] as const) org.addAccount(code, account, type);
    org.addAccount('300', 'Old sales', 'REVENUE', 'ARCHIVED');
    organisations.set(name, org);
    const credentials = { client_id: `CLIENT-${organisations.size}`, client_secret: `xero-secret-${organisations.size}-${Date.now()}` };
    model.identity.addApp({ clientId: credentials.client_id, clientSecret: credentials.client_secret, tenantIds: [org.tenantId], customConnection: true });
    secrets.add(credentials.client_secret);
    plantedSecrets.push(credentials.client_secret);
    return { org, credentials };
  }

  beforeAll(async () => {
    model.faults = (request) => {
      const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (bearer && !secrets.has(bearer)) {
        secrets.add(bearer);
        plantedSecrets.push(bearer);
      }
      const basic = /^Basic (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (request.path === '/connect/token' && basic && Buffer.from(basic, 'base64').toString().startsWith('UNREACHABLE:')) return { kind: 'drop_before' };
      const queue = request.path.endsWith('/ManualJournals') && request.method === 'PUT' ? faults.get(request.headers['xero-tenant-id'] ?? '') : undefined;
      return queue?.shift();
    };
    stand = await startXeroHttp(model);
    storage = newStorage();
    links = await startTestLinks({ storage, env: { ...FAST_ENGINE, ...standInEnv(stand) } });
    ledger = (await createLedgerTenant(links, 'GL Xero')).sandbox;
    for (const [code, type] of [['1000', 'asset'], ['4000', 'revenue'], ['6000', 'expense']]) await ledger.createAccount(code!, type!);
    for (const [date, amount] of [['2026-05-10', '10.00'], ['2026-05-10', '2.50'], ['2026-05-11', '4.00'], ['2026-05-20', '1.25']] as const) {
      posted.push((await ledger.postEntry(entry(date, [dr('1000', amount), cr('4000', amount)], { description: `sale ${amount}` }))).id);
    }
    posted.push((await ledger.postEntry(entry('2026-05-11', [dr('6000', '3.00'), cr('1000', '3.00')], { description: 'supplies' }))).id);
  }, 120_000);

  let stopped = false;
  afterAll(async () => {
    if (!stopped) await links?.stop();
    await stand?.close();
    await storage?.destroy();
  });

  /** A custom connection, created paused, mapped, then resumed: sending starts with the mapping in place. */
  async function connect(name: string, credentials: Record<string, string>, summarize: string, org: XeroOrganisation, startDate = '2026-05-01', mapping: { accounts: Record<string, string> } = MAPPING): Promise<string> {
    const created = await ledger.post('/gl-connections', { provider: 'xero', name, credentials, settings: { start_date: startDate, summarize, paused: true } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.data).toMatchObject({ provider: 'xero', status: 'paused', organisation: { tenant_id: org.tenantId } });
    expect(created.body.data.authorize_url).toBeUndefined();
    const id = created.body.data.id as string;
    expect((await ledger.request('PUT', `/gl-connections/${id}/mapping`, mapping)).status).toBe(200);
    expect((await ledger.patch(`/gl-connections/${id}`, { settings: { paused: false } })).body.data.status).toBe('active');
    return id;
  }

  const transfersOf = async (id: string): Promise<any[]> => (await ledger.allPages(`/gl-connections/${id}/transfers?limit=100`)).flatMap((p) => p.data);
  const settled = (id: string) => {
    let last: any[] = [];
    return waitFor(
      `every entry confirmed on ${id}`,
      async () => {
        const transfers = await transfersOf(id);
        last = transfers;
        return transfers.flatMap((t) => t.entry_ids).length === posted.length && transfers.every((t) => t.status === 'confirmed') ? transfers : undefined;
      },
      90_000,
      () => last.map((t) => [t.status, t.attempts, t.last_error]),
    );
  };
  /** Net debit per Xero account code over the organisation's journals, and each transfer's journals. */
  function booked(org: XeroOrganisation): { sums: Map<string, bigint>; perTransfer: Map<string, number> } {
    const sums = new Map<string, bigint>();
    const perTransfer = new Map<string, number>();
    for (const j of org.journals) {
      const transfer = /links:([0-9a-f-]{36})/.exec(j.Narration)?.[1] ?? 'none';
      perTransfer.set(transfer, (perTransfer.get(transfer) ?? 0) + 1);
      for (const l of j.lines) sums.set(l.AccountCode, (sums.get(l.AccountCode) ?? 0n) + l.cents);
    }
    return { sums, perTransfer };
  }

  it.each([
    ['none', 5],
    ['daily', 3],
    ['monthly', 1],
  ] as const)('summarize %s: Xero holds each transfer once, lines per account equal the movements, reconciliation matched', { timeout: 180_000 }, async (summarize, journals) => {
    const { org, credentials } = organisation(`Books ${summarize}`);
    const id = await connect(`Books ${summarize}`, credentials, summarize, org);
    const transfers = await settled(id);
    expect(transfers).toHaveLength(journals);
    expect(transfers.flatMap((t) => t.entry_ids).sort()).toEqual([...posted].sort());
    const { sums, perTransfer } = booked(org);
    expect([...perTransfer.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(perTransfer.keys())).toEqual(new Set(transfers.map((t) => t.id)));
    for (const t of transfers) expect(t).toMatchObject({ status: 'confirmed', last_error: null, currency: 'USD', erp_document_id: expect.any(String) });
    expect(sums).toEqual(new Map([['091', 1475n], ['200', -1775n], ['400', 300n]]));
    const reconciliation = await ledger.ok('GET', `/gl-connections/${id}/reconciliation?as_of=2026-05-31&currency=USD`);
    expect(reconciliation).toMatchObject({ as_of: '2026-05-31', matched: true });
    expect(reconciliation.accounts).toContainEqual(expect.objectContaining({ erp_account: '200', links_balance: '-17.75', erp_balance: '-17.75', difference: '0.00' }));
  });

  it('faults (stored then dropped, 500, 429 Retry-After, expired token) and a lock date: no duplicate; the refused are failed, then confirmed after the lock is lifted and a retry', { timeout: 240_000 }, async () => {
    const { org, credentials } = organisation('Books faults');
    org.endOfYearLockDate = '2026-05-10';
    const planned: XeroFault[] = [{ kind: 'drop_after' }, { kind: 'error_500', afterStore: true }, { kind: 'rate_429', problem: 'minute', retryAfterSeconds: 1 }, { kind: 'expire_token' }, { kind: 'error_500', afterStore: false }];
    faults.set(org.tenantId, planned);
    const id = await connect('Books faults', credentials, 'none', org);
    const failed = await waitFor('two refused, three confirmed', async () => {
      const transfers = await transfersOf(id);
      const done = transfers.filter((t) => t.status === 'confirmed').length === 3 && transfers.filter((t) => t.status === 'failed').length === 2;
      return done ? transfers.filter((t) => t.status === 'failed') : undefined;
    });
    expect(planned).toHaveLength(0);
    for (const t of failed) {
      expect(t.date).toBe('2026-05-10');
      expect(t.last_error).toMatchObject({ erp_status: 400, message: expect.stringContaining('end of year lock date, currently set at 10-May-2026') });
    }
    org.endOfYearLockDate = null;
    for (const t of failed) {
      const retried = await ledger.post(`/gl-connections/${id}/transfers/${t.id}/retry`);
      expect(retried.status, retried.text).toBe(200);
    }
    const transfers = await settled(id);
    const { sums, perTransfer } = booked(org);
    expect(new Set(perTransfer.keys())).toEqual(new Set(transfers.map((t) => t.id)));
    expect([...perTransfer.values()].every((n) => n === 1)).toBe(true);
    expect(sums).toEqual(new Map([['091', 1475n], ['200', -1775n], ['400', 300n]]));
    expect(transfers.some((t) => t.attempts > 1)).toBe(true);
    expect((await ledger.ok('GET', `/gl-connections/${id}/reconciliation?as_of=2026-05-31&currency=USD`)).matched).toBe(true);
  });

  it("keeps each organisation's limits: at most 5 requests in flight and 60 a minute", () => {
    expect(organisations.size).toBe(4);
    for (const org of organisations.values()) {
      const stats = model.stats.get(org.tenantId)!;
      expect(stats.requests).toBeGreaterThan(0);
      expect(stats.maxInFlight).toBeLessThanOrEqual(5);
      expect(stats.maxPerMinute).toBeLessThanOrEqual(60);
      expect(stats.limited).toEqual({ concurrent: 0, minute: 0, day: 0 });
    }
  });

  it("across Xero's financial-year start (year ending 31 March): profit and loss compared from the year's start, earlier years on Retained Earnings, matched; a journal Links did not send is a difference", { timeout: 180_000 }, async () => {
    const { org, credentials } = organisation('Books year end');
    org.financialYearEnd = { day: 31, month: 3 };
    org.addAccount('610', 'Accounts Receivable', 'CURRENT');
    org.addAccount('960', 'Retained Earnings', 'EQUITY', 'ACTIVE', 'RETAINEDEARNINGS');
    await ledger.createAccount('1100', 'asset');
    // Before this connection's start_date (2026-03-01) for the other connections (2026-05-01): only this one sends them.
    const earlier = [
      entry('2026-03-20', [dr('1100', '40.00'), cr('4000', '40.00')], { description: 'sale, old year' }),
      entry('2026-03-25', [dr('6000', '5.00'), cr('1100', '5.00')], { description: 'supplies, old year' }),
      entry('2026-04-15', [dr('1100', '30.00'), cr('4000', '30.00')], { description: 'sale, new year' }),
    ];
    for (const e of earlier) await ledger.postEntry(e);
    const id = await connect('Books year end', credentials, 'none', org, '2026-03-01', { accounts: { ...MAPPING.accounts, '1100': '610' } });
    await waitFor('every entry since 1 March confirmed', async () => {
      const transfers = await transfersOf(id);
      return transfers.length === posted.length + earlier.length && transfers.every((t) => t.status === 'confirmed') ? transfers : undefined;
    });
    const reconcile = async (asOf: string) => ledger.ok('GET', `/gl-connections/${id}/reconciliation?as_of=${asOf}&currency=USD`);
    const line = (erp_account: string, links: string, erp: string, difference: string) => ({ erp_account, links_balance: links, erp_balance: erp, difference });
    // The year from 1 April 2026: Sales and Supplies are this year's only; March's profit sits on Retained Earnings on both sides.
    const newYear = await reconcile('2026-05-31');
    expect(newYear.matched, JSON.stringify(newYear.accounts)).toBe(true);
    expect(newYear.accounts).toEqual(expect.arrayContaining([line('200', '-47.75', '-47.75', '0.00'), line('400', '3.00', '3.00', '0.00'), line('610', '65.00', '65.00', '0.00'), line('960', '-35.00', '-35.00', '0.00')]));
    // In the old year (start_date is after its start) everything runs from start_date.
    const oldYear = await reconcile('2026-03-31');
    expect(oldYear.matched, JSON.stringify(oldYear.accounts)).toBe(true);
    expect(oldYear.accounts).toEqual([line('200', '-40.00', '-40.00', '0.00'), line('400', '5.00', '5.00', '0.00'), line('610', '35.00', '35.00', '0.00')]);
    // Journals made in Xero by hand, one in each year: the differences show on the account and, for the old year, on Retained Earnings.
    const now = Date.now();
    org.store({ Narration: 'by hand', Date: '2026-04-20', Status: 'POSTED', JournalLines: [{ LineAmount: 2.5, AccountCode: '610' }, { LineAmount: -2.5, AccountCode: '200' }] }, now);
    org.store({ Narration: 'by hand', Date: '2026-03-10', Status: 'POSTED', JournalLines: [{ LineAmount: 1, AccountCode: '400' }, { LineAmount: -1, AccountCode: '610' }] }, now);
    const differing = await reconcile('2026-05-31');
    expect(differing.matched).toBe(false);
    expect(differing.accounts).toEqual(expect.arrayContaining([line('200', '-47.75', '-50.25', '2.50'), line('400', '3.00', '3.00', '0.00'), line('610', '65.00', '66.50', '-1.50'), line('960', '-35.00', '-34.00', '-1.00')]));
  });

  it("lists Xero's chart; a mapping to an unknown, archived or bank Xero account is 422 unknown_erp_account", async () => {
    const id = (await ledger.ok('GET', '/gl-connections?limit=100')).find((c: any) => c.name === 'Books none').id;
    const chart = await ledger.ok('GET', `/gl-connections/${id}/accounts`);
    expect(chart).toEqual(
      expect.arrayContaining([
        { code: '090', name: 'Bank', type: 'BANK', status: 'active', accepts_journals: false },
        { code: '091', name: 'Cash clearing', type: 'CURRENT', status: 'active', accepts_journals: true },
        expect.objectContaining({ code: '300', status: 'archived', accepts_journals: true }),
      ]),
    );
    for (const [erp, why] of [['300', 'ERP account 300 is archived'], ['999', 'the ERP has no account 999']]) {
      const refused = await ledger.request('PUT', `/gl-connections/${id}/mapping`, { accounts: { '4000': erp } });
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'unknown_erp_account', details: [{ path: 'accounts.4000', message: why }] });
    }
    const bank = await ledger.request('PUT', `/gl-connections/${id}/mapping`, { accounts: { '1000': '090', '4000': '200' } });
    expect(bank.status, bank.text).toBe(422);
    expect(bank.body.error).toMatchObject({
      code: 'unknown_erp_account',
      details: [{ path: 'accounts.1000', message: 'Xero does not take manual journals on bank account 090 (Bank); map to a clearing or current-asset account' }],
    });
    expect((await ledger.ok('GET', `/gl-connections/${id}`)).mapping.accounts).toEqual(MAPPING.accounts);
  });

  it("an unmapped Links account falls back to Xero's same-code BANK account: Xero refuses each journal, the transfers are failed with Xero's message, nothing is booked", { timeout: 180_000 }, async () => {
    const { org, credentials } = organisation('Books bank fallback');
    org.addAccount('1000', 'Cash at bank', 'BANK');
    const id = await connect('Books bank fallback', credentials, 'none', org, '2026-05-01', { accounts: { '4000': '200', '6000': '400' } });
    const failed = await waitFor('every transfer failed', async () => {
      const transfers = await transfersOf(id);
      return transfers.flatMap((t) => t.entry_ids).length === posted.length && transfers.every((t) => t.status === 'failed') ? transfers : undefined;
    });
    for (const t of failed) {
      expect(t.last_error).toMatchObject({ erp_status: 400, message: expect.stringContaining('Bank accounts cannot be used in manual journals. Use a spend money or receive money transaction instead.') });
    }
    expect(org.journals).toHaveLength(0);
    expect((await ledger.request('DELETE', `/gl-connections/${id}`)).status).toBe(200);
  });

  it('refused credentials are 400 and leave nothing (the Idempotency-Key too); Xero unreachable is 503', { timeout: 60_000 }, async () => {
    const { credentials } = organisation('Books credentials');
    const wrong = { ...credentials, client_secret: 'not-the-secret' };
    const refused = await ledger.post('/gl-connections', { provider: 'xero', name: 'Refused', credentials: wrong }, { 'idempotency-key': 'xero-create-1' });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('refused these credentials') });
    expect((await ledger.ok('GET', '/gl-connections?limit=100')).map((c: any) => c.name)).not.toContain('Refused');
    const again = await ledger.post('/gl-connections', { provider: 'xero', name: 'Refused', credentials, settings: { paused: true } }, { 'idempotency-key': 'xero-create-1' });
    expect(again.status, again.text).toBe(201);
    expect(again.body.data.status).toBe('paused');
    const unreachable = await ledger.post('/gl-connections', { provider: 'xero', name: 'Unreachable', credentials: { client_id: 'UNREACHABLE', client_secret: 'whatever-secret' } });
    expect(unreachable.status, unreachable.text).toBe(503);
    expect(unreachable.body.error.code).toBe('unavailable');
    expect((await ledger.ok('GET', '/gl-connections?limit=100')).map((c: any) => c.name)).not.toContain('Unreachable');
    const deleted = await ledger.request('DELETE', `/gl-connections/${again.body.data.id}`);
    expect(deleted.status).toBe(200);
  });

  it('authorization code: needs_authorization with a URL shown once; the keyless callback (state is the authority) makes it active; re-authorize gives a new URL', { timeout: 60_000 }, async () => {
    const org = model.addOrganisation('Books web', 'USD');
    org.addAccount('091', 'Cash clearing', 'CURRENT');
    const web = { client_id: 'WEB-CLIENT', client_secret: `web-secret-${Date.now()}`, grant: 'authorization_code', redirect_uri: `${links.url('sandbox')}/api/v1/gl-connections/oauth-callback` };
    model.identity.addApp({ clientId: web.client_id, clientSecret: web.client_secret, tenantIds: [org.tenantId], customConnection: false });
    secrets.add(web.client_secret);
    plantedSecrets.push(web.client_secret);
    const created = await ledger.post('/gl-connections', { provider: 'xero', name: 'Books web', credentials: web });
    expect(created.status, created.text).toBe(201);
    expect(created.body.data.status).toBe('needs_authorization');
    const authorize = new URL(created.body.data.authorize_url);
    expect(authorize.origin + authorize.pathname).toBe(stand.loginUrl);
    const id = created.body.data.id as string;
    expect((await ledger.get(`/gl-connections/${id}`)).body.data.authorize_url).toBeUndefined();
    const approval = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(approval.headers.get('location')!);
    expect(callback.origin + callback.pathname).toBe(web.redirect_uri);
    secrets.add(callback.searchParams.get('code')!);
    secrets.add(callback.searchParams.get('state')!);
    const forged = await call(links.url('sandbox'), 'GET', `/api/v1/gl-connections/oauth-callback?state=${encodeURIComponent(`${ledger.tenantId}.${id}.${'x'.repeat(32)}`)}&code=abc`, {});
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('invalid_request');
    const done = await call(links.url('sandbox'), 'GET', `${callback.pathname}${callback.search}`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body.data).toMatchObject({ id, status: 'active', organisation: { tenant_id: org.tenantId } });
    const replayed = await call(links.url('sandbox'), 'GET', `${callback.pathname}${callback.search}`, {});
    expect(replayed.status).toBe(400);
    expect((await ledger.ok('GET', `/gl-connections/${id}/accounts`)).map((a: any) => a.code)).toEqual(['091']);
    const declined = await ledger.post(`/gl-connections/${id}/authorize`);
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body.data.status).toBe('needs_authorization');
    const state = new URL(declined.body.data.authorize_url).searchParams.get('state')!;
    secrets.add(state);
    const refusal = await call(links.url('sandbox'), 'GET', `/api/v1/gl-connections/oauth-callback?state=${encodeURIComponent(state)}&error=access_denied`, {});
    expect(refusal.status).toBe(400);
    expect(refusal.body.error.message).toContain('access_denied');
    expect((await ledger.ok('GET', `/gl-connections/${id}`)).status).toBe('needs_authorization');
    // Pausing and resuming do not hide that a person must authorise.
    expect((await ledger.ok('PATCH', `/gl-connections/${id}`, { settings: { paused: true } })).status).toBe('needs_authorization');
    expect((await ledger.ok('PATCH', `/gl-connections/${id}`, { name: 'Books web (renamed)', settings: { paused: false } })).status).toBe('needs_authorization');
    // The production listener serves only production: a sandbox state names nothing there.
    const elsewhere = await call(links.url('production'), 'GET', `/api/v1/gl-connections/oauth-callback?state=${encodeURIComponent(state)}&code=abc`, {});
    expect(elsewhere.status).toBe(400);
    const webhook = await ledger.post('/gl-connections', { provider: 'webhook', name: 'hook', credentials: { url: 'http://127.0.0.1:9/x' }, settings: { paused: true } });
    expect((await ledger.post(`/gl-connections/${webhook.body.data.id}/authorize`)).status).toBe(400);
    expect((await ledger.request('DELETE', `/gl-connections/${id}`)).status).toBe(200);
  });

  it('no client secret, token or code in any answer, row or log', { timeout: 120_000 }, async () => {
    const answers = [(await ledger.get('/gl-connections?limit=100')).text, (await ledger.get('/audit-events?limit=100')).text];
    await links.stop();
    stopped = true;
    const rows: string[] = [];
    for (const database of ['control', 'sandbox'] as const) {
      rows.push(
        ...(await asDatabaseOwner(storage, database, async (owner) => {
          const out: string[] = [];
          for (const { tablename } of await owner.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)) {
            await owner.query('BEGIN');
            await owner.query(`ALTER TABLE "${tablename}" NO FORCE ROW LEVEL SECURITY`);
            out.push(...(await owner.query<{ row: string }>(`SELECT t::text AS row FROM "${tablename}" t`)).map((r) => r.row));
            await owner.query('ROLLBACK');
          }
          return out;
        })),
      );
    }
    expect(rows.some((r) => r.includes('xero'))).toBe(true);
    expect(secrets.size).toBeGreaterThan(6);
    const where = (secret: string) => ['answers', 'rows', 'logs'].filter((_, i) => [answers, rows, links.logs][i]!.some((t) => t.includes(secret)));
    for (const secret of secrets) expect(where(secret), `a secret (${secret.length} characters) is stored, answered or logged`).toEqual([]);
  });
});

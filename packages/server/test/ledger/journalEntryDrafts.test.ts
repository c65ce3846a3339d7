/**
 * Journal-entry drafts (docs/ledger.md, "Drafts and approval") over HTTP: a proposal is checked as a
 * post is and posts nothing; approval posts once, also under concurrent approvals; maker-checker in
 * production; stale drafts refused with the reason; rejection; permissions and isolation.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AdminClient } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, Ledger, uniqueCode, type LedgerTenant } from './ledgerClient.js';

describe.skipIf(!postgresAvailable())('journal-entry drafts', () => {
  let links: TestLinks;
  let admin: AdminClient;
  let tenant: LedgerTenant;
  let ledger: Ledger;
  const a = { cash: '', sales: '', rent: '' };

  const propose = async (body: unknown, as = ledger) => {
    const result = await as.post('/journal-entry-drafts', body);
    if (result.status !== 201) throw new Error(`propose → ${result.status} ${result.text}`);
    return result.body.data;
  };

  /** A key of a new member of the tenant with `role`, in `environment`. */
  async function memberKey(role: string, environment: 'sandbox' | 'production', permissions?: string[]): Promise<Ledger> {
    const user = await admin.createUser(`${role}-${randomBytes(4).toString('hex')}@drafts.example`);
    await admin.addMember(tenant.tenantId, user.id, role);
    const key = await admin.createKey(tenant.tenantId, { environment, user_id: user.id, ...(permissions ? { permissions } : {}) });
    return new Ledger(links.url(environment), key.key, key.id, tenant.tenantId);
  }

  useTestServer(async (started) => {
    links = started;
    admin = new AdminClient(links.url('console'), links.adminToken);
    tenant = await createLedgerTenant(links, 'Drafts');
    ledger = tenant.sandbox;
    Object.assign(a, await ledger.accounts({ cash: 'asset', sales: 'revenue', rent: 'expense' }));
    await ledger.postEntry(entry('2026-03-01', [dr(a.cash, '100.00'), cr(a.sales, '100.00')]));
  });

  it('a proposal answers 201 with the draft and its impact, and posts nothing', async () => {
    const before = await ledger.entryCount();
    const body = entry('2026-03-02', [dr(a.rent, '30.00'), cr(a.cash, '30.00')], { reference: 'RENT-3' });
    const draft = await propose(body);
    expect(draft).toMatchObject({
      status: 'pending_approval',
      entry: body,
      impact: [
        { account: a.rent, currency: 'USD', before: '0.00', after: '30.00' },
        { account: a.cash, currency: 'USD', before: '100.00', after: '70.00' },
      ],
      proposed_by: { key_id: ledger.keyId, user_id: tenant.userId, via: 'api' },
      decided_by: null,
      decided_at: null,
      reason: null,
      journal_entry_id: null,
    });
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ledger.entryCount()).toBe(before);
    expect(await ledger.balance(a.cash)).toBe('100.00');
    expect(await ledger.ok('GET', `/journal-entry-drafts/${draft.id}`)).toEqual(draft);
  });

  it('a proposal is refused exactly as the post would be, and no draft is kept', async () => {
    const drafts = (await ledger.get('/journal-entry-drafts?limit=1')).body.totalResults;
    const cases: Array<[unknown, string]> = [
      [entry('2026-03-03', [dr(a.cash, '1.00'), cr(a.sales, '2.00')]), 'unbalanced_entry'],
      [entry('2026-03-03', [dr('NOPE-404', '1.00'), cr(a.sales, '1.00')]), 'unknown_account'],
      [entry('2026-03-03', [dr(a.cash, '1.001'), cr(a.sales, '1.001')]), 'invalid_amount'],
    ];
    for (const [body, code] of cases) {
      const posted = await ledger.post('/journal-entries', body);
      const proposed = await ledger.post('/journal-entry-drafts', body);
      expect(proposed.status, proposed.text).toBe(posted.status);
      expect(proposed.body.error.code).toBe(code);
      expect(proposed.body.error.details).toEqual(posted.body.error.details);
    }
    expect((await ledger.get('/journal-entry-drafts?limit=1')).body.totalResults).toBe(drafts);
  });

  it('approval posts the entry once: 201 the entry, the draft names it, a second approval answers the same entry', async () => {
    const draft = await propose(entry('2026-03-04', [dr(a.cash, '12.00'), cr(a.sales, '12.00')]));
    const before = await ledger.entryCount();
    const approved = await ledger.post(`/journal-entry-drafts/${draft.id}/approve`);
    expect(approved.status, approved.text).toBe(201);
    expect(approved.body.data).toMatchObject({ status: 'posted', date: '2026-03-04', lines: [{ account: a.cash, debit: '12.00' }, { account: a.sales, credit: '12.00' }] });
    const again = await ledger.post(`/journal-entry-drafts/${draft.id}/approve`);
    expect(again.status).toBe(201);
    expect(again.body.data.id).toBe(approved.body.data.id);
    expect(await ledger.entryCount()).toBe(before + 1);
    const after = await ledger.ok('GET', `/journal-entry-drafts/${draft.id}`);
    expect(after).toMatchObject({ status: 'approved', journal_entry_id: approved.body.data.id, decided_by: { key_id: ledger.keyId, user_id: tenant.userId } });
    expect(Number.isNaN(Date.parse(after.decided_at))).toBe(false);
    expect(await ledger.ok('GET', `/journal-entries/${approved.body.data.id}`)).toMatchObject({ id: approved.body.data.id });
  });

  it('ten approvals at once post exactly one entry, and all answer it', async () => {
    const reference = uniqueCode('CONC');
    const draft = await propose(entry('2026-03-05', [dr(a.cash, '7.00'), cr(a.sales, '7.00')], { reference }));
    const results = await Promise.all(Array.from({ length: 10 }, () => ledger.post(`/journal-entry-drafts/${draft.id}/approve`)));
    for (const r of results) expect(r.status, r.text).toBe(201);
    expect(new Set(results.map((r) => r.body.data.id)).size).toBe(1);
    expect(await ledger.entryCount(`reference=${reference}`)).toBe(1);
  });

  it('a stale draft is refused at approval with the reason and stays pending: inactive account, closed period', async () => {
    const account = uniqueCode('stale');
    await ledger.createAccount(account, 'asset');
    const onAccount = await propose(entry('2026-03-06', [dr(account, '5.00'), cr(a.sales, '5.00')]));
    await ledger.ok('PATCH', `/accounts/${account}`, { is_active: false });
    const refused = await ledger.post(`/journal-entry-drafts/${onAccount.id}/approve`);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('inactive_account');
    expect((await ledger.ok('GET', `/journal-entry-drafts/${onAccount.id}`)).status).toBe('pending_approval');
    await ledger.ok('PATCH', `/accounts/${account}`, { is_active: true });
    expect((await ledger.post(`/journal-entry-drafts/${onAccount.id}/approve`)).status).toBe(201);

    const inPeriod = await propose(entry('2025-02-10', [dr(a.cash, '5.00'), cr(a.sales, '5.00')]));
    await ledger.ok('POST', '/periods/2025-02/close');
    const closed = await ledger.post(`/journal-entry-drafts/${inPeriod.id}/approve`);
    expect(closed.status, closed.text).toBe(422);
    expect(closed.body.error.code).toBe('period_closed');
    expect((await ledger.ok('GET', `/journal-entry-drafts/${inPeriod.id}`)).status).toBe('pending_approval');
  });

  it('rejection keeps the reason; a rejected draft cannot be approved, an approved one cannot be rejected', async () => {
    const before = await ledger.entryCount();
    const draft = await propose(entry('2026-03-07', [dr(a.rent, '9.00'), cr(a.cash, '9.00')]));
    const rejected = await ledger.post(`/journal-entry-drafts/${draft.id}/reject`, { reason: 'Wrong month' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.data).toMatchObject({ status: 'rejected', reason: 'Wrong month', journal_entry_id: null, decided_by: { key_id: ledger.keyId } });
    const approve = await ledger.post(`/journal-entry-drafts/${draft.id}/approve`);
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('conflict');
    expect(await ledger.entryCount()).toBe(before);

    const missingReason = await ledger.post(`/journal-entry-drafts/${draft.id}/reject`, {});
    expect(missingReason.status).toBe(400);

    const posted = await propose(entry('2026-03-07', [dr(a.rent, '9.00'), cr(a.cash, '9.00')]));
    await ledger.ok('POST', `/journal-entry-drafts/${posted.id}/approve`);
    const late = await ledger.post(`/journal-entry-drafts/${posted.id}/reject`, { reason: 'Too late' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');
  });

  it('lists newest first, filters by status, and pages by cursor', async () => {
    const pending = await ledger.ok('GET', '/journal-entry-drafts?status=pending_approval&limit=100');
    expect(pending.length).toBeGreaterThan(0);
    for (const d of pending) expect(d.status).toBe('pending_approval');
    const all = await ledger.allPages('/journal-entry-drafts?limit=2');
    const ids = all.flatMap((p) => p.data.map((d: { id: string }) => d.id));
    expect(ids.length).toBe(all[0]!.totalResults);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().reverse()).toEqual(ids);
    expect((await ledger.get('/journal-entry-drafts?cursor=nonsense')).status).toBe(400);
    expect((await ledger.get('/journal-entry-drafts?status=posted')).status).toBe(400);
  });

  it('proposal, approval and rejection are audit events', async () => {
    const draft = await propose(entry('2026-03-08', [dr(a.cash, '1.00'), cr(a.sales, '1.00')]));
    await ledger.ok('POST', `/journal-entry-drafts/${draft.id}/approve`);
    const other = await propose(entry('2026-03-08', [dr(a.cash, '1.00'), cr(a.sales, '1.00')]));
    await ledger.ok('POST', `/journal-entry-drafts/${other.id}/reject`, { reason: 'Duplicate' });
    const events = (await ledger.allPages('/audit-events?limit=100')).flatMap((p) => p.data as Array<{ action: string; resource_id: string; actor: { id: string } }>);
    const actions = (id: string) => events.filter((e) => e.resource_id === id).map((e) => e.action).sort();
    expect(actions(draft.id)).toEqual(['journal_entry_draft.approved', 'journal_entry_draft.proposed']);
    expect(actions(other.id)).toEqual(['journal_entry_draft.proposed', 'journal_entry_draft.rejected']);
    expect(events.find((e) => e.resource_id === draft.id)!.actor.id).toBe(ledger.keyId);
  });

  it('a read-only key lists and reads drafts but cannot propose, approve or reject (403 forbidden)', async () => {
    const draft = await propose(entry('2026-03-09', [dr(a.cash, '2.00'), cr(a.sales, '2.00')]));
    const reader = await memberKey('viewer', 'sandbox');
    for (const [path, body] of [
      ['/journal-entry-drafts', entry('2026-03-09', [dr(a.cash, '2.00'), cr(a.sales, '2.00')])],
      [`/journal-entry-drafts/${draft.id}/approve`, undefined],
      [`/journal-entry-drafts/${draft.id}/reject`, { reason: 'no' }],
    ] as const) {
      const result = await reader.post(path, body);
      expect(result.status, `${path} ${result.text}`).toBe(403);
      expect(result.body.error.code).toBe('forbidden');
    }
    expect((await reader.ok('GET', `/journal-entry-drafts/${draft.id}`)).status).toBe('pending_approval');
  });

  it('production is maker-checker: the proposer cannot approve, another admin can; a developer key cannot even propose', async () => {
    const maker = await tenant.production();
    const checker = await memberKey('admin', 'production');
    const developer = await memberKey('developer', 'production');
    await maker.createAccount(a.cash, 'asset');
    await maker.createAccount(a.sales, 'revenue');
    const draft = await propose(entry('2026-03-10', [dr(a.cash, '40.00'), cr(a.sales, '40.00')]), maker);
    const own = await maker.post(`/journal-entry-drafts/${draft.id}/approve`);
    expect(own.status, own.text).toBe(403);
    expect(own.body.error.code).toBe('forbidden');
    expect(await maker.entryCount()).toBe(0);
    expect((await developer.post(`/journal-entry-drafts/${draft.id}/approve`)).status).toBe(403);
    expect((await developer.post('/journal-entry-drafts', draft.entry)).status).toBe(403);
    const approved = await checker.post(`/journal-entry-drafts/${draft.id}/approve`);
    expect(approved.status, approved.text).toBe(201);
    expect(await maker.entryCount()).toBe(1);
    expect(await maker.ok('GET', `/journal-entry-drafts/${draft.id}`)).toMatchObject({ status: 'approved', decided_by: { key_id: checker.keyId } });
    // In sandbox the proposer may approve their own draft (shown in the other tests).
  });

  it('another tenant, and the other environment of the same tenant, see none of these drafts', async () => {
    const draft = await propose(entry('2026-03-11', [dr(a.cash, '3.00'), cr(a.sales, '3.00')]));
    const stranger = (await createLedgerTenant(links, 'Stranger')).sandbox;
    const production = await tenant.production();
    for (const other of [stranger, production]) {
      const one = await other.get(`/journal-entry-drafts/${draft.id}`);
      expect(one.status).toBe(404);
      const list = await other.get('/journal-entry-drafts?limit=100');
      expect(list.text).not.toContain(draft.id);
      for (const action of ['approve', 'reject']) {
        const write = await other.post(`/journal-entry-drafts/${draft.id}/${action}`, action === 'reject' ? { reason: 'x' } : undefined);
        expect(write.status).toBe(404);
      }
    }
    expect((await ledger.ok('GET', `/journal-entry-drafts/${draft.id}`)).status).toBe('pending_approval');
  });
});

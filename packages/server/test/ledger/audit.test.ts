/** The data-plane audit trail (docs/ledger.md) over HTTP: every ledger write, with the request id that made it. */
import { describe, expect, it } from 'vitest';
import { AdminClient, type HttpResult } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, type Ledger, type LedgerTenant } from './ledgerClient.js';

interface AuditEvent {
  id: string;
  at: string;
  tenant_id: string;
  environment: string;
  actor: { type: string; id: string };
  action: string;
  resource_type: string;
  resource_id: string;
  request_id: string;
}

describe.skipIf(!postgresAvailable())('data-plane audit', () => {
  let links: TestLinks;
  let tenant: LedgerTenant;
  let ledger: Ledger;
  const writes: Array<{ result: HttpResult; action: string; resource_type: string; resource_id: string }> = [];

  const events = async (who: Ledger = ledger): Promise<AuditEvent[]> => {
    const pages = await who.allPages<AuditEvent>('/audit-events?limit=100');
    return pages.flatMap((p) => p.data);
  };
  async function write(method: string, path: string, body: unknown, action: string, resource_type: string, resourceId: (data: any) => string) {
    const result = await ledger.request(method, path, body);
    expect(result.status, `${method} ${path}: ${result.text}`).toBeLessThan(300);
    writes.push({ result, action, resource_type, resource_id: resourceId(result.body.data) });
    return result.body.data;
  }

  useTestServer(async (started) => {
    links = started;
    tenant = await createLedgerTenant(links, 'Audited');
    ledger = tenant.sandbox;
    await write('POST', '/accounts', { code: '1000', name: 'Cash', type: 'asset' }, 'account.created', 'account', () => '1000');
    await write('POST', '/accounts', { code: '1100', name: 'Receivables', type: 'asset' }, 'account.created', 'account', () => '1100');
    await write('POST', '/accounts', { code: '4000', name: 'Sales', type: 'revenue' }, 'account.created', 'account', () => '4000');
    await write('PATCH', '/accounts/4000', { name: 'Revenue' }, 'account.updated', 'account', () => '4000');
    await write('POST', '/subledgers', { code: 'AR', name: 'AR', control_account: '1100' }, 'subledger.created', 'subledger', () => 'AR');
    const posted = await write('POST', '/journal-entries', entry('2026-05-01', [dr('1000', '10.00'), cr('4000', '10.00')]), 'journal_entry.posted', 'journal_entry', (d) => d.id);
    await write('POST', `/journal-entries/${posted.id}/reverse`, { date: '2026-05-02' }, 'journal_entry.reversed', 'journal_entry', (d) => d.id);
    await write('POST', '/periods/2026-04/close', undefined, 'period.closed', 'period', () => '2026-04');
    await write('POST', '/periods/2026-04/reopen', undefined, 'period.reopened', 'period', () => '2026-04');
  });

  it('records each write with its action, resource, actor and the Request-Id of the request that made it', async () => {
    const all = await events();
    expect(all).toHaveLength(writes.length);
    for (const w of writes) {
      const requestId = w.result.headers.get('request-id');
      expect(requestId).toMatch(/^req_/);
      const matching = all.filter((e) => e.request_id === requestId);
      expect(matching, w.action).toHaveLength(1);
      expect(matching[0]).toMatchObject({
        tenant_id: tenant.tenantId,
        environment: 'sandbox',
        actor: { type: 'api_key', id: ledger.keyId },
        action: w.action,
        resource_type: w.resource_type,
        resource_id: w.resource_id,
      });
    }
    // Newest first.
    expect(all.map((e) => e.action)).toEqual(writes.map((w) => w.action).reverse());
    const times = all.map((e) => Date.parse(e.at));
    expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).toBe(true);
  });

  it('a batch records one event per entry, all with the batch request’s id', async () => {
    const result = await ledger.post('/journal-entries/batch', {
      entries: [
        entry('2026-05-03', [dr('1000', '1.00'), cr('4000', '1.00')]),
        entry('2026-05-03', [dr('1000', '2.00'), cr('4000', '2.00')]),
        entry('2026-05-03', [dr('1100', '3.00', { subledger_account: 'cus_1' }), cr('4000', '3.00')]),
      ],
    });
    expect(result.status).toBe(201);
    const requestId = result.headers.get('request-id');
    const recorded = (await events()).filter((e) => e.request_id === requestId);
    expect(recorded.map((e) => e.action)).toEqual(['journal_entry.posted', 'journal_entry.posted', 'journal_entry.posted']);
    expect(new Set(recorded.map((e) => e.resource_id))).toEqual(new Set(result.body.data.entries.map((e: { id: string }) => e.id)));
  });

  it('refused writes, idempotent replays and reads record nothing', async () => {
    const before = (await events()).length;
    await ledger.post('/accounts', { code: '1000', name: 'Duplicate', type: 'asset' });
    await ledger.post('/journal-entries', entry('2026-05-04', [dr('1000', '1.00'), cr('4000', '2.00')]));
    await ledger.post('/journal-entries', entry('2026-05-04', [dr('1100', '1.00'), cr('4000', '1.00')]));
    await ledger.patch('/accounts/4000', {});
    await ledger.post('/subledgers', { code: 'AR', name: 'Again', control_account: '1000' });
    await ledger.get('/accounts');
    await ledger.get('/reports/trial-balance');
    const body = entry('2026-05-05', [dr('1000', '5.00'), cr('4000', '5.00')]);
    const first = await ledger.post('/journal-entries', body, { 'Idempotency-Key': 'audit-once' });
    expect(first.status).toBe(201);
    const replay = await ledger.post('/journal-entries', body, { 'Idempotency-Key': 'audit-once' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const after = await events();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ action: 'journal_entry.posted', resource_id: first.body.data.id, request_id: first.headers.get('request-id') });
    expect(after.some((e) => e.request_id === replay.headers.get('request-id'))).toBe(false);
  });

  it('pages by cursor through the same events as one long page', async () => {
    const all = await events();
    expect(all.length).toBeGreaterThan(5);
    const pages = await ledger.allPages<AuditEvent>('/audit-events?limit=2');
    expect(pages.length).toBe(Math.ceil(all.length / 2));
    expect(pages.flatMap((p) => p.data.map((e) => e.id))).toEqual(all.map((e) => e.id));
    expect(pages[0]!.totalResults).toBe(all.length);
    const bad = await ledger.get('/audit-events?cursor=nonsense');
    expect(bad.status).toBe(400);
  });

  it('each tenant environment sees only its own events', async () => {
    const mine = new Set((await events()).map((e) => e.request_id));
    const other = (await createLedgerTenant(links, 'Unrelated')).sandbox;
    await other.createAccount('1000', 'asset');
    const theirs = await events(other);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ action: 'account.created', tenant_id: other.tenantId, actor: { type: 'api_key', id: other.keyId } });
    expect(theirs.some((e) => mine.has(e.request_id))).toBe(false);

    const production = await tenant.production();
    expect(await events(production)).toEqual([]);
    const created = await production.post('/accounts', { code: '1000', name: 'Live cash', type: 'asset' });
    const live = await events(production);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ environment: 'production', request_id: created.headers.get('request-id'), actor: { id: production.keyId } });
    expect((await events()).some((e) => e.request_id === created.headers.get('request-id'))).toBe(false);
  });

  it('the operator’s audit view of the tenant includes its data-plane events', async () => {
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const viewed: AuditEvent[] = await admin.request('GET', `/audit-events?tenant_id=${tenant.tenantId}&environment=sandbox&limit=100`);
    const dataPlane = await events();
    expect(dataPlane.length).toBeGreaterThan(5);
    for (const event of dataPlane) expect(viewed).toContainEqual(event);
  });
});

/** Chart templates over HTTP: the saas chart matches the default accounting rules; applying is additive, idempotent and reports conflicts. */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from './ledgerClient.js';

const SAAS_CODES = ['1000', '1100', '1200', '2000', '2100', '2400', '3000', '3900', '4000', '4100', '5000', '5100', '6000', '6100', '6200', '6300'];

describe.skipIf(!postgresAvailable())('chart templates', () => {
  let links: TestLinks;
  useTestServer(async (started) => {
    links = started;
  });

  const accounts = async (ledger: Ledger) => (await ledger.ok('GET', '/accounts?limit=100')) as Array<{ code: string; name: string; type: string; subledger: string | null; parent_code: string | null; metadata: Record<string, unknown> }>;

  it('lists the saas template: cash, a receivable with a customer sub-ledger, payables, deferred revenue, equity, revenue, costs', async () => {
    const ledger = (await createLedgerTenant(links, 'Templates list')).sandbox;
    const listed = await ledger.get('/chart-templates');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ page: 1, totalResults: 1 });
    const saas = listed.body.data.find((t: any) => t.name === 'saas');
    expect(saas.accounts.map((a: any) => a.code)).toEqual(SAAS_CODES);
    const byCode = new Map(saas.accounts.map((a: any) => [a.code, a.type]));
    expect([byCode.get('1000'), byCode.get('1100'), byCode.get('2000'), byCode.get('2400'), byCode.get('3900'), byCode.get('4000'), byCode.get('5000'), byCode.get('6000')]).toEqual([
      'asset', 'asset', 'liability', 'liability', 'equity', 'revenue', 'expense', 'expense',
    ]);
    expect(saas.subledgers).toEqual([{ code: 'AR', name: 'Customers', control_account: '1100' }]);
    expect(saas.retained_earnings_account).toBe('3900');
  });

  it('one call sets up books in which the default rules post invoices and payments; a second call changes nothing', async () => {
    const ledger = (await createLedgerTenant(links, 'Templates apply')).sandbox;
    const applied = await ledger.post('/chart-templates/saas/apply');
    expect(applied.status, applied.text).toBe(201);
    expect(applied.body.data).toEqual({ template: 'saas', created: SAAS_CODES, existing: [], subledgers_created: ['AR'], subledgers_existing: [], conflicts: [] });
    const chart = await accounts(ledger);
    expect(chart.map((a) => a.code)).toEqual(SAAS_CODES);
    expect(chart.find((a) => a.code === '1100')!.subledger).toBe('AR');
    expect(chart.find((a) => a.code === '6300')!.parent_code).toBe('6000');
    expect(chart.find((a) => a.code === '3900')!.metadata).toEqual({ retained_earnings: true });

    // The documented default rules now account for an invoice and its payment.
    const customer = (await ledger.ok('POST', '/unified/customer', { email: 'ada@example.com', name: 'Ada' })).id;
    await ledger.ok('POST', '/unified/invoice', { status: 'open', currency: 'USD', amount_due: '120.00', unified_customer_id: customer, effective_date: '2026-11-02', due_date: '2026-12-02' });
    await ledger.ok('POST', '/unified/payment', { status: 'completed', currency: 'USD', amount: '20.00', unified_customer_id: customer, source_data_created_at: '2026-11-10T00:00:00Z' });
    expect(await ledger.balance('1000')).toBe('20.00');
    expect(await ledger.balance('4000')).toBe('120.00');
    expect((await ledger.ok('GET', `/unified/customer/${customer}/balance`)).balances).toMatchObject([{ currency: 'USD', balance: '100.00' }]);

    const audit = (await ledger.ok('GET', '/audit-events?limit=100')) as Array<{ action: string; resource_id: string }>;
    expect(audit.filter((e) => e.action === 'chart_template.applied').map((e) => e.resource_id)).toEqual(['saas']);
    const entries = await ledger.entryCount();
    const again = await ledger.post('/chart-templates/saas/apply', {});
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ template: 'saas', created: [], existing: SAAS_CODES, subledgers_created: [], subledgers_existing: ['AR'], conflicts: [] });
    expect(await accounts(ledger)).toEqual(chart);
    expect(await ledger.entryCount()).toBe(entries);
  });

  it('over an existing chart it adds only what is missing and reports conflicts without touching them', async () => {
    const ledger = (await createLedgerTenant(links, 'Templates merge')).sandbox;
    await ledger.ok('POST', '/accounts', { code: '1000', name: 'Cash', type: 'asset' });
    await ledger.ok('POST', '/accounts', { code: '1100', name: 'Accounts receivable', type: 'asset' });
    await ledger.ok('POST', '/accounts', { code: '4000', name: 'Subscription revenue', type: 'expense' });
    await ledger.ok('POST', '/accounts', { code: '6000', name: 'Bank fees', type: 'expense' });
    await ledger.ok('POST', '/accounts', { code: '2000', name: 'Accounts payable', type: 'liability', currency: 'EUR' });
    const before = await accounts(ledger);
    const applied = await ledger.post('/chart-templates/saas/apply');
    expect(applied.status, applied.text).toBe(201);
    const result = applied.body.data;
    expect(result.existing).toEqual(['1000', '1100']);
    expect(result.created).toEqual(SAAS_CODES.filter((c) => !['1000', '1100', '2000', '4000', '6000'].includes(c)));
    expect(result.subledgers_created).toEqual([]);
    expect(result.conflicts.map((c: any) => c.code)).toEqual(['2000', '4000', '6000', '1100']);
    expect(result.conflicts.find((c: any) => c.code === '4000').reason).toContain('expense');
    expect(result.conflicts.find((c: any) => c.code === '6000').reason).toContain('Bank fees');
    expect(result.conflicts.find((c: any) => c.code === '2000').reason).toContain('EUR');
    expect(result.conflicts.find((c: any) => c.code === '1100').reason).toContain('without a sub-ledger');
    const after = await accounts(ledger);
    for (const old of before) expect(after.find((a) => a.code === old.code)).toEqual(old);
    // Children of a conflicting parent still join the chart, at the top level.
    expect(after.find((a) => a.code === '6100')!.parent_code).toBe('6000');
    expect(after.find((a) => a.code === '5100')!.parent_code).toBe('5000');
  });

  it('an unknown template is 404 and creates nothing; a repeat with the same Idempotency-Key replays', async () => {
    const ledger = (await createLedgerTenant(links, 'Templates keys')).sandbox;
    const unknown = await ledger.post('/chart-templates/retail/apply');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect(await accounts(ledger)).toEqual([]);
    const bad = await ledger.post('/chart-templates/saas/apply', { extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');

    const first = await ledger.post('/chart-templates/saas/apply', undefined, { 'Idempotency-Key': 'chart-1' });
    const replay = await ledger.post('/chart-templates/saas/apply', undefined, { 'Idempotency-Key': 'chart-1' });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const anotherKey = await ledger.post('/chart-templates/saas/apply', undefined, { 'Idempotency-Key': 'chart-2' });
    expect(anotherKey.status).toBe(200);
    expect(anotherKey.body.data.created).toEqual([]);
  });
});

/**
 * Accounting runs as jobs (docs/records.md, "pipeline"): on a fresh tenant an invoice and a payment
 * are captured in error; after the saas template a `retry` run accounts for both. A month closed
 * then reopened is retried the same way. Changing invoice.issued's revenue account and running
 * `reaccount` moves the revenue with new entries only; a second `reaccount` posts nothing.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';
import { runAccounting } from './accountingRunClient.js';

describe.skipIf(!postgresAvailable())('accounting runs', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let customer: string;
  const today = new Date().toISOString().slice(0, 10);

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Runs')).sandbox;
  });

  it('retry: an invoice and a payment captured in error are accounted once the saas template is applied', async () => {
    customer = (await ledger.ok('POST', '/unified/customer', { email: 'ada@example.com', name: 'Ada', source_system: 'billing', source_id: 'cus_1' })).id;
    const invoice = await ledger.ok('POST', '/unified/invoice', { source_system: 'billing', source_id: 'INV-1', status: 'OPEN', currency: 'USD', amount_due: '120.00', effective_date: today, unified_customer_id: customer });
    const payment = await ledger.ok('POST', '/unified/payment', { source_system: 'billing', source_id: 'PAY-1', status: 'COMPLETED', currency: 'USD', amount: '20.00', unified_customer_id: customer });
    expect([invoice.accounting.status, payment.accounting.status]).toEqual(['error', 'error']);

    await ledger.ok('POST', '/chart-templates/saas/apply');
    // A run before the template would have failed the same way; this one accounts for both.
    const job = await runAccounting(ledger, { mode: 'retry' });
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 }, result: { mode: 'retry', records: 2, accounted: 2, errors: 0, entries: 2 }, error: null });
    expect(job.finished_at).not.toBeNull();
    for (const [model, id] of [['invoice', invoice.id], ['payment', payment.id]]) {
      const record = await ledger.ok('GET', `/unified/${model}/${id}`);
      expect(record.accounting.status).toBe('accounted');
      expect(record.accounting.entries).toHaveLength(1);
    }
    expect((await ledger.ok('GET', `/unified/customer/${customer}/balance`)).balances).toEqual([expect.objectContaining({ account: '1100', currency: 'USD', balance: '100.00' })]);
    const trial = await ledger.ok('GET', '/reports/trial-balance?currency=USD');
    expect(trial.total_debits).toBe('120.00');
    expect(trial.total_credits).toBe(trial.total_debits);
    expect((await ledger.get('/accounting/exceptions')).body.data).toEqual([]);
    // Nothing left to retry: a second run accounts for nothing.
    expect((await runAccounting(ledger, { mode: 'retry' })).result).toMatchObject({ records: 0, accounted: 0 });
  });

  it('retry: an invoice refused by a closed month is accounted after the month is reopened', async () => {
    await ledger.ok('POST', '/periods/2025-01/close');
    const late = await ledger.ok('POST', '/unified/invoice', { source_system: 'billing', source_id: 'INV-JAN', status: 'OPEN', currency: 'USD', amount_due: '50.00', effective_date: '2025-01-15', unified_customer_id: customer });
    expect(late.accounting.error.code).toBe('period_closed');
    // Still closed: the run leaves it in error, as it was (no new version).
    const refused = await runAccounting(ledger, { mode: 'retry', model: 'invoice' });
    expect(refused.result).toMatchObject({ records: 1, accounted: 0, errors: 1 });
    expect(await ledger.ok('GET', `/unified/invoice/${late.id}`)).toMatchObject({ version: late.version, accounting: { status: 'error', error: { code: 'period_closed' } } });
    await ledger.ok('POST', '/periods/2025-01/reopen');
    const job = await runAccounting(ledger, { mode: 'retry', from: '2025-01-01', to: '2025-01-31' });
    expect(job.result).toMatchObject({ records: 1, accounted: 1, errors: 0 });
    const [entry] = await ledger.ok<any[]>('GET', `/journal-entries?reference=invoice:${late.id}`);
    expect(entry.date).toBe('2025-01-15');
  });

  it('reaccount: a new revenue account moves revenue with new entries only; a second reaccount posts nothing', async () => {
    const before = await ledger.ok<any[]>('GET', '/journal-entries?limit=100');
    await ledger.ok('PUT', '/accounting-rules/invoice.issued', { credit_account: '4100' });
    // Adjustments are dated today; with this month closed (forced) they land in the next open month.
    const month = today.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    await ledger.ok('POST', `/periods/${month}/close`, { force: true });
    const job = await runAccounting(ledger, { mode: 'reaccount' });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ mode: 'reaccount', records: 3, accounted: 2, errors: 0 });
    expect(await ledger.balance('4000')).toBe('0.00');
    expect(await ledger.balance('4100')).toBe('170.00');
    const after = await ledger.ok<any[]>('GET', '/journal-entries?limit=100');
    expect(after.length).toBe(before.length + 2);
    // Nothing posted was modified: every earlier entry reads as before.
    for (const entry of before) expect(after.find((e) => e.id === entry.id)).toEqual(entry);
    const added = after.filter((e) => !before.some((b) => b.id === e.id));
    for (const entry of added) {
      expect(entry).toMatchObject({ date: `${next}-01`, description: expect.stringContaining(`period ${month} closed`), metadata: { moved_from_period: month } });
    }
    await ledger.ok('POST', `/periods/${month}/reopen`);
    const trial = await ledger.ok('GET', '/reports/trial-balance?currency=USD');
    expect(trial.total_credits).toBe(trial.total_debits);

    const again = await runAccounting(ledger, { mode: 'reaccount' });
    expect(again.result).toMatchObject({ records: 3, accounted: 0, entries: 0, unchanged: 3 });
    expect(await ledger.entryCount()).toBe(after.length);
  });

  it('lists jobs newest first with cursor paging; a bad run request or unknown job is a contract error', async () => {
    const pages = await ledger.allPages('/jobs?limit=2');
    const jobs = pages.flatMap((p) => p.data);
    expect(jobs.length, JSON.stringify(pages.map((p) => p.data.map((j) => j.params)))).toBe(6);
    expect(jobs.map((j) => j.created_at)).toEqual([...jobs.map((j) => j.created_at)].sort().reverse());
    expect((await ledger.get('/jobs?kind=connection_sync')).body.data).toEqual([]);
    const bad = await ledger.post('/accounting/runs', { mode: 'redo' });
    expect(bad.status).toBe(400);
    const backwards = await ledger.post('/accounting/runs', { mode: 'retry', from: '2026-02-01', to: '2026-01-01' });
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'invalid_request']);
    const missing = await ledger.get('/jobs/0190a4d2-0000-7000-8000-000000000000');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
    expect((await ledger.get('/jobs?cursor=c1.nope')).status).toBe(400);
  });
});

/**
 * Capture never depends on the books (docs/records.md): on a tenant with no chart of accounts an
 * issued invoice or a payment is stored with `accounting.status = "error"` and listed in
 * /accounting/exceptions; once the chart is set up, writing it again accounts for it. Closed
 * periods, drafts, contacts and syncs follow the same rule.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';

describe.skipIf(!postgresAvailable())('accounting outcome: records are captured whatever the books', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let customer: string;
  let invoiceId: string;
  let paymentId: string;

  const invoiceBody = { source_system: 'billing', source_id: 'INV-1', status: 'OPEN', currency: 'USD', amount_due: '120.00', effective_date: '2026-11-10' };
  const paymentBody = { source_system: 'billing', source_id: 'PAY-1', status: 'COMPLETED', currency: 'USD', amount: '20.00' };
  const exceptions = async (query = '') => {
    const result = await ledger.get(`/accounting/exceptions${query}`);
    expect(result.status, result.text).toBe(200);
    return result.body;
  };

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'No chart yet')).sandbox;
  });

  it('on a fresh tenant, customers and contacts are not_applicable; an open invoice and a payment are stored with unknown_account', async () => {
    const created = await ledger.post('/unified/customer', { email: 'ada@example.com', name: 'Ada', source_system: 'billing', source_id: 'cus_1' });
    expect(created.status, created.text).toBe(201);
    expect(created.body.data.accounting).toEqual({ status: 'not_applicable', entries: [], error: null });
    customer = created.body.data.id;
    const contact = await ledger.post('/unified/contact', { email: 'ada.contact@example.com', first_name: 'Ada', unified_customer_id: customer });
    expect(contact.status, contact.text).toBe(201);
    expect(contact.body.data.accounting).toEqual({ status: 'not_applicable', entries: [], error: null });

    const invoice = await ledger.post('/unified/invoice', { ...invoiceBody, unified_customer_id: customer });
    expect(invoice.status, invoice.text).toBe(201);
    expect(invoice.body.data.accounting).toMatchObject({ status: 'error', entries: [], error: { code: 'unknown_account', message: expect.stringMatching(/^Accounting rule invoice\.issued: .*1100/) } });
    invoiceId = invoice.body.data.id;
    const payment = await ledger.post('/unified/payment', { ...paymentBody, unified_customer_id: customer });
    expect(payment.status, payment.text).toBe(201);
    expect(payment.body.data.accounting).toMatchObject({ status: 'error', entries: [], error: { code: 'unknown_account' } });
    paymentId = payment.body.data.id;

    // The read shows the same outcome; nothing was posted.
    expect((await ledger.ok('GET', `/unified/invoice/${invoiceId}`)).accounting.error.code).toBe('unknown_account');
    expect((await ledger.get('/journal-entries?limit=1')).body.totalResults).toBe(0);
    const audit = await ledger.ok<any[]>('GET', '/audit-events?limit=100');
    expect(audit.filter((e) => e.resource_id === invoiceId).map((e) => e.action).sort()).toEqual(['invoice.accounting_failed', 'invoice.created']);
  });

  it('a DRAFT invoice is not_applicable and not an exception', async () => {
    const draft = await ledger.post('/unified/invoice', { ...invoiceBody, source_id: 'INV-DRAFT', status: 'DRAFT', unified_customer_id: customer });
    expect(draft.status, draft.text).toBe(201);
    expect(draft.body.data.accounting).toEqual({ status: 'not_applicable', entries: [], error: null });
    expect((await exceptions()).data.map((e: any) => e.source_id)).not.toContain('INV-DRAFT');
  });

  it('lists the exceptions newest first, filtered by model and code, with cursor paging; unknown filters are a 400', async () => {
    const all = await exceptions();
    expect(all.data.map((e: any) => [e.model, e.record_id, e.version, e.source_system, e.source_id, e.error.code])).toEqual([
      ['payment', paymentId, 1, 'billing', 'PAY-1', 'unknown_account'],
      ['invoice', invoiceId, 1, 'billing', 'INV-1', 'unknown_account'],
    ]);
    expect(all.next_cursor).toBeNull();
    expect(all.data[0].error.message).toMatch(/^Accounting rule payment\.received: /);
    expect((await exceptions('?model=invoice')).data.map((e: any) => e.record_id)).toEqual([invoiceId]);
    expect((await exceptions('?code=unknown_account')).data).toHaveLength(2);
    expect((await exceptions('?code=period_closed')).data).toEqual([]);

    const first = await exceptions('?limit=1');
    expect(first.data.map((e: any) => e.record_id)).toEqual([paymentId]);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await exceptions(`?limit=1&cursor=${encodeURIComponent(first.next_cursor)}`);
    expect(second.data.map((e: any) => e.record_id)).toEqual([invoiceId]);
    expect(second.next_cursor).toBeNull();

    for (const bad of ['?model=ledger', '?code=bogus', '?limit=0', '?limit=101', '?cursor=c1.forged', '?colour=red']) {
      const refused = await ledger.get(`/accounting/exceptions${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.code, bad).toBe('invalid_request');
    }
  });

  it('once the chart is set up, writing the invoice and the payment again accounts for them and clears the exceptions', async () => {
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await ledger.createAccount(code!, type!);
    // 1100 without a sub-ledger cannot carry the customer: still captured, now with that error.
    const noSubledger = await ledger.post('/unified/invoice', { ...invoiceBody, unified_customer_id: customer });
    expect(noSubledger.status, noSubledger.text).toBe(200);
    expect(noSubledger.body.data).toMatchObject({ id: invoiceId, version: 2, accounting: { status: 'error', error: { code: 'invalid_request' } } });
    expect((await exceptions('?code=invalid_request')).data.map((e: any) => [e.record_id, e.version])).toEqual([[invoiceId, 2]]);

    await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
    const accounted = await ledger.post('/unified/invoice', { ...invoiceBody, unified_customer_id: customer });
    expect(accounted.status, accounted.text).toBe(200);
    expect(accounted.body.data).toMatchObject({ id: invoiceId, version: 3, accounting: { status: 'accounted', error: null } });
    expect(accounted.body.data.accounting.entries).toHaveLength(1);
    const [entry] = await ledger.ok<any[]>('GET', `/journal-entries?reference=invoice:${invoiceId}`);
    expect(accounted.body.data.accounting.entries).toEqual([entry.id]);
    expect(entry.metadata.source_record.version).toBe(3);
    // Written once more, unchanged: no new version, the same entries shown.
    const again = await ledger.post('/unified/invoice', { ...invoiceBody, unified_customer_id: customer });
    expect(again.body.data).toMatchObject({ version: 3, accounting: { status: 'accounted', entries: [entry.id] } });
    expect((await exceptions()).data.map((e: any) => e.record_id)).toEqual([paymentId]);

    const retried = await ledger.post('/unified/payment', { ...paymentBody, unified_customer_id: customer });
    expect(retried.body.data.accounting).toMatchObject({ status: 'accounted', error: null });
    expect((await exceptions()).data).toEqual([]);
    const balance = await ledger.ok('GET', `/unified/customer/${customer}/balance`);
    expect(balance.balances).toEqual([expect.objectContaining({ account: '1100', currency: 'USD', balance: '100.00' })]);
  });

  it('an invoice dated in a closed month is stored with period_closed and listed under that code', async () => {
    await ledger.ok('POST', '/periods/2026-01/close');
    const late = await ledger.post('/unified/invoice', { ...invoiceBody, source_id: 'INV-JAN', effective_date: '2026-01-15', unified_customer_id: customer });
    expect(late.status, late.text).toBe(201);
    expect(late.body.data.accounting).toMatchObject({ status: 'error', entries: [], error: { code: 'period_closed' } });
    expect((await exceptions('?code=period_closed&model=invoice')).data.map((e: any) => e.source_id)).toEqual(['INV-JAN']);
    expect(await ledger.ok('GET', `/journal-entries?reference=invoice:${late.body.data.id}`)).toEqual([]);
  });

  it('a deleted invoice whose reversal cannot post is marked deleted with the error', async () => {
    // The reversal would credit back revenue 4000, which is deactivated meanwhile.
    const issued = await ledger.ok('POST', '/unified/invoice', { ...invoiceBody, source_id: 'INV-DEL', unified_customer_id: customer });
    expect(issued.accounting.status).toBe('accounted');
    await ledger.ok('PATCH', '/accounts/4000', { is_active: false });
    const deleted = await ledger.request('DELETE', `/unified/invoice/${issued.id}`);
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body.data).toMatchObject({ local_was_deleted: true, accounting: { status: 'error', entries: [], error: { code: 'inactive_account' } } });
    expect((await exceptions('?code=inactive_account')).data.map((e: any) => e.record_id)).toEqual([issued.id]);
    await ledger.ok('PATCH', '/accounts/4000', { is_active: true });
  });
});

describe.skipIf(!postgresAvailable())('accounting outcome: a sync into books with no accounts', () => {
  let ledger: Ledger;

  useTestServer(async (started: TestLinks) => {
    ledger = (await createLedgerTenant(started, 'Sync before chart')).sandbox;
  });

  it('stores every valid row, counts it, and lists each row the books could not account for', async () => {
    for (const id of ['cus_1', 'cus_2']) await ledger.ok('POST', '/unified/customer', { email: `${id}@example.com`, name: id, source_system: 'billing', source_id: id });
    const csv = 'number,customer,total,currency,status\nS-1,cus_1,10.00,USD,open\nS-2,cus_2,20.00,USD,draft\nS-3,cus_2,30.00,USD,open\nS-4,cus_1,1.001,USD,open\n';
    const mapping = { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', status: 'status' } };
    const connection = await ledger.ok('POST', '/external-connections', { name: 'invoices before chart', type: 'csv', csv, mapping });
    const sync = await ledger.post(`/external-connections/${connection.id}/sync`);
    expect(sync.status, sync.text).toBe(200);
    expect(sync.body.data).toMatchObject({ rows: 4, created: 3, updated: 0, unchanged: 0, rejected: 1 });
    expect(sync.body.data.rejections.map((r: any) => [r.source_id, r.code])).toEqual([['S-4', 'invalid_amount']]);
    expect(sync.body.data.accounting_errors).toEqual([
      { row: 2, source_id: 'S-1', code: 'unknown_account', message: expect.stringMatching(/^Accounting rule invoice\.issued: /) },
      { row: 4, source_id: 'S-3', code: 'unknown_account', message: expect.stringMatching(/^Accounting rule invoice\.issued: /) },
    ]);
    const stored = await ledger.ok<any[]>('GET', '/unified/invoices?source_system=billing&limit=100');
    expect(stored.map((i) => [i.source_id, i.accounting.status]).sort()).toEqual([
      ['S-1', 'error'],
      ['S-2', 'not_applicable'],
      ['S-3', 'error'],
    ]);
    const listed = await ledger.ok<any[]>('GET', '/accounting/exceptions');
    expect(listed.map((e) => e.source_id).sort()).toEqual(['S-1', 'S-3']);
    // Run again with the books unchanged: nothing is rewritten, the errors are still reported.
    const again = await ledger.post(`/external-connections/${connection.id}/sync`);
    expect(again.body.data).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 1 });
    expect(again.body.data.accounting_errors.map((r: any) => r.source_id)).toEqual(['S-1', 'S-3']);
  });
});

/**
 * Data sources (docs/records.md) over HTTP: customers and invoices from CSV uploads and a list of payments;
 * after the sync, the AR sub-ledger per customer, the trial balance and each customer's balance
 * are right; re-running the sync changes nothing; editing an invoice amount in the source posts
 * exactly one adjusting entry; two syncs at once post nothing twice.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';

const CUSTOMERS = `id,email,name,city
cus_1,ada@example.com,Ada Lovelace,London
cus_2,"grace@example.com","Hopper, Grace",Arlington
cus_3,alan@example.com,Alan Turing,Manchester
`;

const invoicesCsv = (secondAmount: string) => `number,customer,total,currency,status,issued
INV-1,cus_1,1200.00,USD,open,2026-11-02
INV-2,cus_2,${secondAmount},USD,paid,2026-11-03
INV-3,cus_3,99.99,usd,draft,2026-11-04
INV-4,cus_3,450.50,USD,open,2026-11-05
INV-5,cus_1,12.345,USD,open,2026-11-06
INV-6,cus_9,10.00,USD,open,2026-11-07
`;

const invoiceMapping = {
  model: 'invoice',
  source_system: 'billing',
  fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', status: 'status', effective_date: 'issued' },
};

describe.skipIf(!postgresAvailable())('data sources: CSV sync into the books', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let customersId: string;
  let invoicesId: string;
  const ids: Record<string, string> = {};

  const sync = async (id: string) => {
    const result = await ledger.post(`/external-connections/${id}/sync`);
    expect(result.status, result.text).toBe(200);
    return result.body.data;
  };
  const entryCount = async () => (await ledger.get('/journal-entries?limit=1')).body.totalResults as number;
  const balanceOf = async (id: string) => (await ledger.ok('GET', `/unified/customer/${id}/balance`)).balances.map((b: any) => b.balance);

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Sources')).sandbox;
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await ledger.createAccount(code!, type!);
    await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
  });

  it('uploads customers as CSV, shows its schema, and syncs them', async () => {
    const created = await ledger.post('/external-connections', { name: 'billing customers', type: 'csv', csv: CUSTOMERS });
    expect(created.status, created.text).toBe(201);
    expect(created.body.data).toMatchObject({ name: 'billing customers', type: 'csv', status: 'needs_mapping', mapping: null, source: { rows: 3 } });
    customersId = created.body.data.id;
    const schema = await ledger.get(`/external-connections/${customersId}/schema`);
    expect(schema.body).toEqual([
      { column_name: 'id', data_type: 'text' },
      { column_name: 'email', data_type: 'text' },
      { column_name: 'name', data_type: 'text' },
      { column_name: 'city', data_type: 'text' },
    ]);
    const unmapped = await ledger.post(`/external-connections/${customersId}/sync`);
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error.message).toContain('mapping');

    const badMapping = await ledger.request('PUT', `/external-connections/${customersId}/mapping`, { model: 'customer', fields: { email: 'email', name: 'nom' } });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error.details.map((d: any) => d.path).sort()).toEqual(['mapping.fields.name', 'mapping.fields.source_id']);

    const mapped = await ledger.request('PUT', `/external-connections/${customersId}/mapping`, {
      model: 'customer',
      source_system: 'billing',
      fields: { source_id: 'id', email: 'email', name: 'name', address_city: 'city' },
    });
    expect(mapped.status, mapped.text).toBe(200);
    expect(mapped.body.data.status).toBe('ready');
    const report = await sync(customersId);
    expect(report).toMatchObject({ model: 'customer', rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 });
    // Rows are written side by side (lanes by source id), so creation order need not be file order.
    const customers = (await ledger.ok<any[]>('GET', '/unified/customers?source_system=billing')).sort((a, b) => a.source_id.localeCompare(b.source_id));
    expect(customers.map((c) => [c.source_id, c.name, c.address_city, c.external_system_provider_id, c.external_system_config_id])).toEqual([
      ['cus_1', 'Ada Lovelace', 'London', 'csv', customersId],
      ['cus_2', 'Hopper, Grace', 'Arlington', 'csv', customersId],
      ['cus_3', 'Alan Turing', 'Manchester', 'csv', customersId],
    ]);
    for (const c of customers) ids[c.source_id] = c.id;
  });

  it('syncs invoices: issued ones post to the customer, drafts do not, bad rows are rejected with reasons, rows the books cannot account for are stored and listed', async () => {
    const created = await ledger.post('/external-connections', { name: 'billing invoices', type: 'csv', csv: invoicesCsv('300.00'), mapping: invoiceMapping });
    expect(created.status, created.text).toBe(201);
    invoicesId = created.body.data.id;
    const report = await sync(invoicesId);
    expect(report).toMatchObject({ rows: 6, created: 5, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.rejections.map((r: any) => [r.row, r.source_id, r.code, r.details[0].path])).toEqual([[6, 'INV-5', 'invalid_amount', 'amount_due']]);
    // No customer to carry the receivable: the invoice is stored, unposted, with what to fix.
    expect(report.accounting_errors.map((r: any) => [r.row, r.source_id, r.code])).toEqual([[7, 'INV-6', 'subledger_account_required']]);
    const inv6 = (await ledger.ok<any[]>('GET', '/unified/invoices?source_id=INV-6'))[0];
    expect(inv6.accounting).toMatchObject({ status: 'error', entries: [], error: { code: 'subledger_account_required', details: [{ path: 'unified_customer_id' }] } });
    expect(await entryCount()).toBe(3);
    // Payments arrive through the API: Ada pays in full, Grace half, Alan's is still pending.
    const invoices = await ledger.ok<any[]>('GET', '/unified/invoices?limit=100');
    const invoice = (n: string) => invoices.find((i) => i.source_id === n)!;
    expect(invoice('INV-3')).toMatchObject({ currency: 'USD', status: 'draft', unified_customer_id: ids.cus_3 });
    for (const [source_id, amount, status, inv] of [['pay_1', '1200.00', 'COMPLETED', 'INV-1'], ['pay_2', '150.00', 'paid', 'INV-2'], ['pay_3', '450.50', 'pending', 'INV-4']] as const) {
      const payment = await ledger.post('/unified/payment', { source_system: 'billing', source_id, amount, currency: 'USD', status, unified_invoice_id: invoice(inv).id });
      expect(payment.status, payment.text).toBe(201);
    }
    expect(await balanceOf(ids.cus_1!)).toEqual(['0.00']);
    expect(await balanceOf(ids.cus_2!)).toEqual(['150.00']);
    expect(await balanceOf(ids.cus_3!)).toEqual(['450.50']);
    const subledger = await ledger.get('/subledgers/AR/balances?limit=100');
    expect(Object.fromEntries(subledger.body.data.map((p: any) => [p.subledger_account, p.balance]))).toEqual({ [ids.cus_1!]: '0.00', [ids.cus_2!]: '150.00', [ids.cus_3!]: '450.50' });
    expect(subledger.body.totals[0].balance).toBe('600.50');
    const trial = await ledger.ok('GET', '/reports/trial-balance?currency=USD');
    expect(trial.accounts.map((a: any) => [a.code, a.debit, a.credit])).toEqual([
      ['1000', '1350.00', '0.00'],
      ['1100', '600.50', '0.00'],
      ['4000', '0.00', '1950.50'],
    ]);
    expect(trial.total_debits).toBe('1950.50');
  });

  it('a source id repeated in one file ends as its last row says', async () => {
    const rows = ['id,email,name', ...Array.from({ length: 12 }, (_, i) => `dup_${i % 3},d${i}@example.com,Version ${i}`)].join('\n');
    const connection = await ledger.ok('POST', '/external-connections', {
      name: 'duplicates',
      type: 'csv',
      csv: rows,
      mapping: { model: 'customer', source_system: 'dups', fields: { source_id: 'id', email: 'email', name: 'name' } },
    });
    expect(await sync(connection.id)).toMatchObject({ rows: 12, created: 3, updated: 9, rejected: 0 });
    const customers = await ledger.ok<any[]>('GET', '/unified/customers?source_system=dups');
    expect(customers.map((c) => [c.source_id, c.name, c.version]).sort()).toEqual([
      ['dup_0', 'Version 9', 4],
      ['dup_1', 'Version 10', 4],
      ['dup_2', 'Version 11', 4],
    ]);
  });

  it('a row the ledger refuses (its month is closed) is stored unposted with its accounting error; the rest of its batch posts', async () => {
    await ledger.ok('POST', '/periods/2026-01/close');
    const before = await entryCount();
    const connection = await ledger.ok('POST', '/external-connections', {
      name: 'late invoices',
      type: 'csv',
      csv: 'number,customer,total,currency,issued\nL-1,cus_1,10.00,USD,2026-11-20\nL-2,cus_2,20.00,USD,2026-01-20\nL-3,cus_3,30.00,USD,2026-11-21\n',
      mapping: { ...invoiceMapping, fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
    });
    const report = await sync(connection.id);
    expect(report).toMatchObject({ rows: 3, created: 3, rejected: 0, rejections: [] });
    expect(report.accounting_errors).toEqual([{ row: 3, source_id: 'L-2', code: 'period_closed', message: expect.stringMatching(/^Accounting rule invoice\.issued: /) }]);
    const late = await ledger.ok<any[]>('GET', '/unified/invoices?source_id=L-2');
    expect(late.map((i) => [i.accounting.status, i.accounting.error.code, i.accounting.entries])).toEqual([['error', 'period_closed', []]]);
    expect((await ledger.ok<any[]>('GET', '/unified/invoices?source_id=L-1'))[0].accounting).toMatchObject({ status: 'accounted', entries: [expect.any(String)] });
    expect(await entryCount()).toBe(before + 2);
    await ledger.ok('POST', '/periods/2026-01/reopen');
  });

  it('re-running both syncs changes nothing: every row unchanged, no entry posted, the unaccounted row still listed', async () => {
    const before = await entryCount();
    expect(await sync(customersId)).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    const again = await sync(invoicesId);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, rejected: 1 });
    expect(again.accounting_errors.map((r: any) => [r.row, r.source_id, r.code])).toEqual([[7, 'INV-6', 'subledger_account_required']]);
    expect((await ledger.ok<any[]>('GET', '/unified/invoices?source_id=INV-6'))[0].version).toBe(1);
    expect(await entryCount()).toBe(before);
  });

  it('an invoice amount edited in the source posts exactly one adjusting entry, even with two syncs at once', async () => {
    const before = await entryCount();
    const uploaded = await ledger.request('PUT', `/external-connections/${invoicesId}`, { csv: invoicesCsv('340.00') });
    expect(uploaded.status, uploaded.text).toBe(200);
    const reports = await Promise.all([sync(invoicesId), sync(invoicesId)]);
    expect(reports.map((r) => r.updated).sort()).toEqual([0, 1]);
    expect(reports.map((r) => r.unchanged).sort()).toEqual([4, 5]);
    expect(await entryCount()).toBe(before + 1);
    const inv2 = (await ledger.ok<any[]>('GET', '/unified/invoices?source_id=INV-2'))[0];
    const entries = await ledger.ok<any[]>('GET', `/journal-entries?reference=invoice:${inv2.id}`);
    expect(entries.map((e) => [e.metadata.accounting_rule, e.metadata.source_record.version, e.lines[0].account, e.lines[0].debit])).toEqual([
      ['invoice.adjusted', 2, '1100', '40.00'],
      ['invoice.issued', 1, '1100', '300.00'],
    ]);
    expect(await balanceOf(ids.cus_2!)).toEqual(['190.00']);
  });
});

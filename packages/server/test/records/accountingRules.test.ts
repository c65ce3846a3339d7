/**
 * Accounting rules (docs/records.md) over HTTP: invoices and payments post as they are written, an amount
 * change posts exactly one adjusting entry, a void reverses, a version never posts twice, and the
 * customer's balance, the AR sub-ledger and the trial balance agree.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';

describe.skipIf(!postgresAvailable())('accounting rules', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let alice: string;
  let bob: string;

  const entriesOf = async (model: string, id: string) => (await ledger.ok<any[]>('GET', `/journal-entries?reference=${model}:${id}&limit=100`)).reverse();
  const customerBalance = async (id: string) => (await ledger.ok('GET', `/unified/customer/${id}/balance`)).balances;

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Rules')).sandbox;
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue'], ['4100', 'revenue']]) await ledger.createAccount(code!, type!);
    await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
    alice = (await ledger.ok('POST', '/unified/customer', { email: 'alice@example.com', name: 'Alice', source_system: 'billing', source_id: 'cus_a' })).id;
    bob = (await ledger.ok('POST', '/unified/customer', { email: 'bob@example.com', name: 'Bob', source_system: 'billing', source_id: 'cus_b' })).id;
  });

  it('ships defaults: invoice.issued Dr 1100 / Cr 4000 unless DRAFT or VOID; payment.received on COMPLETED, SUCCEEDED, PAID', async () => {
    const rules = await ledger.get('/accounting-rules');
    expect(rules.status).toBe(200);
    expect(rules.body.data.map((r: any) => r.event)).toEqual(['invoice.issued', 'invoice.adjusted', 'invoice.voided', 'payment.received', 'payment.adjusted', 'payment.reversed']);
    const issued = await ledger.ok('GET', '/accounting-rules/invoice.issued');
    expect(issued).toMatchObject({ debit_account: '1100', credit_account: '4000', receivable_account: '1100', enabled: true, is_default: true });
    expect(issued.conditions).toEqual([{ field: 'status', operator: 'not_in', values: ['DRAFT', 'VOID', 'VOIDED'] }]);
    const received = await ledger.ok('GET', '/accounting-rules/payment.received');
    expect(received).toMatchObject({ debit_account: '1000', credit_account: '1100' });
  });

  it('a draft posts nothing; issuing it posts Dr AR (the customer) / Cr revenue per line, dated its effective date', async () => {
    const draft = await ledger.post('/unified/invoice', { source_system: 'billing', source_id: 'inv_1', status: 'draft', currency: 'USD', amount_due: '100', unified_customer_id: alice, effective_date: '2026-11-20' });
    expect(draft.status, draft.text).toBe(201);
    expect(draft.body.data.amount_due).toBe('100.00');
    expect(await entriesOf('invoice', draft.body.data.id)).toEqual([]);

    const issued = await ledger.request('PUT', `/unified/invoice/${draft.body.data.id}`, {
      status: 'open',
      amount_due: '150.00',
      lines: [
        { description: 'Plan', amount: '100.00' },
        { description: 'Setup', amount: '50.00', revenue_account: '4100' },
      ],
    });
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body.data).toMatchObject({ version: 2, status: 'open', local_was_updated: true });
    const [entry, ...more] = await entriesOf('invoice', draft.body.data.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ date: '2026-11-20', description: 'Invoice inv_1 issued', currency: 'USD' });
    expect(entry.metadata).toEqual({ source_record: { model: 'invoice', id: draft.body.data.id, version: 2 }, accounting_rule: 'invoice.issued' });
    expect(entry.lines.map((l: any) => [l.account, l.debit, l.credit, l.subledger_account])).toEqual([
      ['1100', '150.00', null, alice],
      ['4000', null, '100.00', null],
      ['4100', null, '50.00', null],
    ]);
    expect(await customerBalance(alice)).toEqual([{ account: '1100', currency: 'USD', debits: '150.00', credits: '0.00', balance: '150.00' }]);
  });

  it('an amount change posts exactly one adjusting entry for the difference; writing the same again posts nothing', async () => {
    const created = await ledger.ok('POST', '/unified/invoice', { source_system: 'billing', source_id: 'inv_2', currency: 'USD', amount_due: '200.00', source_system_customer_id: 'cus_b', effective_date: '2026-11-21' });
    expect(created.unified_customer_id).toBe(bob);
    const changed = await ledger.post('/unified/invoice', { source_system: 'billing', source_id: 'inv_2', currency: 'USD', amount_due: '260.00', source_system_customer_id: 'cus_b', effective_date: '2026-11-21' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.data).toMatchObject({ id: created.id, version: 2 });
    const again = await ledger.post('/unified/invoice', { source_system: 'billing', source_id: 'inv_2', currency: 'USD', amount_due: '260.00', source_system_customer_id: 'cus_b', effective_date: '2026-11-21' });
    expect(again.status).toBe(200);
    expect(again.body.data.version).toBe(2);
    const entries = await entriesOf('invoice', created.id);
    expect(entries.map((e: any) => [e.metadata.accounting_rule, e.lines.map((l: any) => [l.account, l.debit ?? `-${l.credit}`])])).toEqual([
      ['invoice.issued', [['1100', '200.00'], ['4000', '-200.00']]],
      ['invoice.adjusted', [['1100', '60.00'], ['4000', '-60.00']]],
    ]);
    expect(entries[1].description).toBe('Invoice inv_2 amount changed');
  });

  it('a payment credits the customer; voiding an invoice reverses what it posted; the books agree everywhere', async () => {
    const invoice = await ledger.ok('POST', '/unified/invoice', { source_system: 'billing', source_id: 'inv_3', currency: 'USD', amount_due: '80.00', unified_customer_id: alice });
    const pending = await ledger.ok('POST', '/unified/payment', { source_system: 'billing', source_id: 'pay_1', amount: '150.00', currency: 'USD', status: 'pending', unified_invoice_id: (await ledger.ok('GET', '/unified/invoices?source_id=inv_1')).data?.[0]?.id ?? invoice.id });
    expect(await entriesOf('payment', pending.id)).toEqual([]);
    const paid = await ledger.ok('PUT', `/unified/payment/${pending.id}`, { status: 'Succeeded' });
    expect(paid.unified_customer_id).toBe(alice);
    const [payment] = await entriesOf('payment', pending.id);
    expect(payment.lines.map((l: any) => [l.account, l.debit, l.credit, l.subledger_account])).toEqual([
      ['1000', '150.00', null, null],
      ['1100', null, '150.00', alice],
    ]);
    const voided = await ledger.ok('PUT', `/unified/invoice/${invoice.id}`, { status: 'VOID' });
    expect(voided.version).toBe(2);
    const [, reversal] = await entriesOf('invoice', invoice.id);
    expect(reversal.metadata.accounting_rule).toBe('invoice.voided');
    expect(reversal.lines.map((l: any) => [l.account, l.debit, l.credit])).toEqual([
      ['4000', '80.00', null],
      ['1100', null, '80.00'],
    ]);
    // Alice: 150 invoiced − 150 paid; Bob: 260 invoiced.
    expect(await customerBalance(alice)).toEqual([{ account: '1100', currency: 'USD', debits: '230.00', credits: '230.00', balance: '0.00' }]);
    expect(await customerBalance(bob)).toEqual([{ account: '1100', currency: 'USD', debits: '260.00', credits: '0.00', balance: '260.00' }]);
    const subledger = await ledger.get('/subledgers/AR/balances');
    expect(subledger.body.data.map((p: any) => [p.subledger_account, p.balance])).toEqual([alice, bob].sort().map((id) => [id, id === bob ? '260.00' : '0.00']));
    const trial = await ledger.ok('GET', '/reports/trial-balance?currency=USD');
    expect(trial.total_debits).toBe(trial.total_credits);
    expect(trial.accounts.map((a: any) => [a.code, a.debit, a.credit])).toEqual([
      ['1000', '150.00', '0.00'],
      ['1100', '260.00', '0.00'],
      ['4000', '0.00', '360.00'],
      ['4100', '0.00', '50.00'],
    ]);
  });
});

describe.skipIf(!postgresAvailable())('accounting rules: editing, previews and refusals', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let customer: string;

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Rule edits')).sandbox;
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['1150', 'asset'], ['4000', 'revenue'], ['4900', 'revenue']]) await ledger.createAccount(code!, type!);
    customer = (await ledger.ok('POST', '/unified/customer', { email: 'c@example.com', name: 'C' })).id;
  });

  it('an issued invoice is stored with its accounting error, and posts nothing, while the receivable is not a control account', async () => {
    const stored = await ledger.post('/unified/invoice', { source_id: 'early', currency: 'USD', amount_due: '10.00', unified_customer_id: customer });
    expect(stored.status, stored.text).toBe(201);
    expect(stored.body.data.accounting).toMatchObject({ status: 'error', entries: [], error: { code: 'invalid_request' } });
    expect(stored.body.data.accounting.error.message).toMatch(/^Accounting rule invoice\.issued: .*1100.*sub-ledger/);
    expect((await ledger.get('/unified/invoices?include_deleted=true')).body.totalResults).toBe(1);
    expect(await ledger.ok('GET', `/journal-entries?reference=invoice:${stored.body.data.id}`)).toEqual([]);
    await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
    // Fixed set-up: the same invoice written again is accounted for, as its next version.
    const again = await ledger.post('/unified/invoice', { source_id: 'early', currency: 'USD', amount_due: '10.00', unified_customer_id: customer });
    expect(again.status, again.text).toBe(200);
    expect(again.body.data).toMatchObject({ version: 2, accounting: { status: 'accounted', error: null } });
    expect(again.body.data.accounting.entries).toHaveLength(1);
    await ledger.ok('DELETE', `/unified/invoice/${stored.body.data.id}`);
  });

  it('PUT refuses unknown accounts, a receivable without sub-ledger, unknown template fields and accounts on derived events', async () => {
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['invoice.issued', { credit_account: '9999' }, 422, 'unknown_account'],
      ['invoice.issued', { debit_account: '1150' }, 422, 'subledger_account_required'],
      ['payment.received', { credit_account: '1000' }, 422, 'subledger_account_required'],
      ['invoice.issued', { description_template: 'Invoice {{secret_field}}' }, 400, 'invalid_request'],
      ['invoice.issued', { conditions: [{ field: 'colour', operator: 'equals', values: ['red'] }] }, 400, 'invalid_request'],
      ['invoice.issued', { conditions: [{ field: 'status', operator: 'in' }] }, 400, 'invalid_request'],
      ['invoice.voided', { debit_account: '1100' }, 400, 'invalid_request'],
      ['invoice.issued', {}, 400, 'invalid_request'],
    ];
    for (const [event, body, status, code] of cases) {
      const result = await ledger.request('PUT', `/accounting-rules/${event}`, body);
      expect(result.status, `${event} ${JSON.stringify(body)}: ${result.text}`).toBe(status);
      expect(result.body.error.code).toBe(code);
    }
    expect((await ledger.get('/accounting-rules/invoice.paid')).status).toBe(404);
    expect((await ledger.ok('GET', '/accounting-rules/invoice.issued')).is_default).toBe(true);
  });

  it('a tenant edits accounts, conditions and wording; the next write follows them', async () => {
    const edited = await ledger.request('PUT', '/accounting-rules/invoice.issued', {
      credit_account: '4900',
      conditions: [{ field: 'status', operator: 'in', values: ['finalized'] }],
      description_template: 'Sale {{record}} to {{unified_customer_id}} ({{currency}})',
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.data).toMatchObject({ credit_account: '4900', debit_account: '1100', is_default: false });
    const voidRule = await ledger.ok('PUT', '/accounting-rules/invoice.voided', { description_template: 'Cancelled {{record}}' });
    expect(voidRule).toMatchObject({ kind: 'reversal', recognition_event: 'invoice.issued', credit_account: '4900', description_template: 'Cancelled {{record}}' });

    const open = await ledger.ok('POST', '/unified/invoice', { source_id: 'R-1', status: 'open', currency: 'EUR', amount_due: '40.00', unified_customer_id: customer });
    expect(await ledger.ok('GET', `/journal-entries?reference=invoice:${open.id}`)).toEqual([]);
    await ledger.ok('PUT', `/unified/invoice/${open.id}`, { status: 'FINALIZED' });
    const [sale] = await ledger.ok<any[]>('GET', `/journal-entries?reference=invoice:${open.id}`);
    expect(sale.description).toBe(`Sale R-1 to ${customer} (EUR)`);
    expect(sale.lines.map((l: any) => l.account)).toEqual(['1100', '4900']);
    await ledger.ok('DELETE', `/unified/invoice/${open.id}`);
    const [cancel] = await ledger.ok<any[]>('GET', `/journal-entries?reference=invoice:${open.id}`);
    expect(cancel.description).toBe('Cancelled R-1');
    expect(cancel.metadata.accounting_rule).toBe('invoice.voided');
  });

  it('preview shows the entry a write would post, posts nothing, and fails where the write would', async () => {
    const count = async () => (await ledger.get('/journal-entries?limit=1')).body.totalResults;
    const before = await count();
    const preview = await ledger.post('/accounting-rules/invoice.issued/preview', {
      record: { source_id: 'P-1', status: 'finalized', currency: 'USD', effective_date: '2026-11-30', unified_customer_id: customer, lines: [{ amount: '30.00' }, { amount: '12.50', revenue_account: '4000' }] },
    });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.data).toMatchObject({ event: 'invoice.issued', matches: true, would_post_as: 'invoice.issued' });
    expect(preview.body.data.entries).toEqual([
      {
        date: '2026-11-30',
        description: `Sale P-1 to ${customer} (USD)`,
        currency: 'USD',
        reference: expect.stringMatching(/^invoice:/),
        lines: [
          { account: '1100', debit: '42.50', subledger_account: customer },
          { account: '4000', credit: '12.50' },
          { account: '4900', credit: '30.00' },
        ],
        metadata: expect.objectContaining({ accounting_rule: 'invoice.issued' }),
      },
    ]);
    const draft = await ledger.ok('POST', '/accounting-rules/invoice.issued/preview', { record: { status: 'draft', currency: 'USD', amount_due: '5.00', unified_customer_id: customer } });
    expect(draft).toEqual({ event: 'invoice.issued', matches: false, would_post_as: null, entries: [] });
    const broken = await ledger.post('/accounting-rules/invoice.issued/preview', { record: { status: 'finalized', currency: 'USD', unified_customer_id: customer, lines: [{ amount: '1.00', revenue_account: 'NOPE' }] } });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('unknown_account');
    const noCustomer = await ledger.post('/accounting-rules/invoice.issued/preview', { record: { status: 'finalized', currency: 'USD', amount_due: '1.00' } });
    expect(noCustomer.body.error.code).toBe('subledger_account_required');
    expect((await ledger.post('/accounting-rules/invoice.issued/preview', { record: { amount_due: 12 } })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('an invoice into a closed period is stored with the error period_closed and no entry', async () => {
    await ledger.ok('POST', '/periods/2026-01/close');
    const closed = await ledger.post('/unified/invoice', { source_id: 'OLD-1', status: 'finalized', currency: 'USD', amount_due: '9.00', effective_date: '2026-01-15', unified_customer_id: customer });
    expect(closed.status, closed.text).toBe(201);
    expect(closed.body.data.accounting).toMatchObject({ status: 'error', entries: [], error: { code: 'period_closed' } });
    expect((await ledger.get('/unified/invoices?source_id=OLD-1')).body.data[0].accounting.error.code).toBe('period_closed');
    expect(await ledger.ok('GET', `/journal-entries?reference=invoice:${closed.body.data.id}`)).toEqual([]);
  });

  it('a currency change moves the invoice: one entry takes the old currency to zero, one posts the new', async () => {
    const invoice = await ledger.ok('POST', '/unified/invoice', { source_id: 'FX-1', status: 'finalized', currency: 'USD', amount_due: '70.00', unified_customer_id: customer });
    await ledger.ok('PUT', `/unified/invoice/${invoice.id}`, { currency: 'GBP', amount_due: '55.00' });
    const entries = await ledger.ok<any[]>('GET', `/journal-entries?reference=invoice:${invoice.id}`);
    const receivable = (e: any) => e.lines.find((l: any) => l.account === '1100');
    expect(entries.map((e) => [e.metadata.accounting_rule, e.currency, receivable(e).debit ?? `-${receivable(e).credit}`]).sort()).toEqual([
      ['invoice.adjusted', 'GBP', '55.00'],
      ['invoice.adjusted', 'USD', '-70.00'],
      ['invoice.issued', 'USD', '70.00'],
    ]);
    expect(await ledger.ok('GET', `/unified/customer/${customer}/balance`)).toMatchObject({
      balances: expect.arrayContaining([expect.objectContaining({ currency: 'GBP', balance: '55.00' }), expect.objectContaining({ currency: 'USD', balance: '0.00' })]),
    });
  });

  it('a disabled rule posts nothing', async () => {
    await ledger.ok('PUT', '/accounting-rules/payment.received', { enabled: false });
    const payment = await ledger.ok('POST', '/unified/payment', { source_id: 'PAY-OFF', status: 'paid', currency: 'USD', amount: '3.00', unified_customer_id: customer });
    expect(await ledger.ok('GET', `/journal-entries?reference=payment:${payment.id}`)).toEqual([]);
    expect((await ledger.ok('GET', '/accounting-rules/payment.reversed')).enabled).toBe(false);
  });
});

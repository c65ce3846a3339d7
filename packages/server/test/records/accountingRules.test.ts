/**
 * Accounting rules (issue 7 §3) over HTTP: invoices and payments post as they are written, an amount
 * change posts exactly one adjusting entry, a void reverses, a version never posts twice, and the
 * customer's balance, the AR sub-ledger and the trial balance agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
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

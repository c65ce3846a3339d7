/** Receivables aging over HTTP: per customer and currency by days past due, always summing to the control account. */
import { beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { cr, createLedgerTenant, dr, entry, type Ledger } from './ledgerClient.js';

const BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90', 'unallocated', 'total'] as const;
const zero = Object.fromEntries(BUCKETS.map((b) => [b, '0.00']));

describe.skipIf(!postgresAvailable())('receivables aging', () => {
  let links: TestLinks;
  let ledger: Ledger;
  const customers: Record<string, string> = {};

  useTestServer(async (started) => {
    links = started;
  });

  beforeAll(async () => {
    ledger = (await createLedgerTenant(links, 'Aging')).sandbox;
    await ledger.ok('POST', '/chart-templates/saas/apply');
    for (const name of ['alice', 'bob', 'carol']) customers[name] = (await ledger.ok('POST', '/unified/customer', { email: `${name}@example.com`, name })).id;
    const invoice = (customer: string, amount: string, effective: string, due?: string, currency = 'USD') =>
      ledger.ok('POST', '/unified/invoice', { status: 'open', currency, amount_due: amount, unified_customer_id: customers[customer], effective_date: effective, ...(due ? { due_date: due } : {}) });
    const payment = (customer: string, amount: string, at: string) =>
      ledger.ok('POST', '/unified/payment', { status: 'completed', currency: 'USD', amount, unified_customer_id: customers[customer], source_data_created_at: `${at}T12:00:00Z` });
    await invoice('alice', '100.00', '2026-01-10', '2026-02-09');
    await invoice('alice', '200.00', '2026-05-01', '2026-05-31');
    await invoice('alice', '300.00', '2026-06-01', '2026-07-01');
    await invoice('alice', '500.00', '2026-07-05', '2026-08-04');
    await payment('alice', '150.00', '2026-06-10');
    await invoice('bob', '80.00', '2026-03-01', '2026-04-15');
    await invoice('bob', '50.00', '2026-03-05', '2026-05-01');
    await invoice('bob', '40.00', '2026-06-03');
    await invoice('bob', '90.00', '2026-06-01', '2026-06-20', 'EUR');
    await ledger.postEntry(entry('2026-06-02', [dr('1100', '25.00', { subledger_account: customers.bob }), cr('4000', '25.00')], { description: 'Manual charge' }));
    await payment('carol', '70.00', '2026-06-15');
  });

  const aging = async (query: string) => {
    const result = await ledger.get(`/reports/ar-aging${query}`);
    expect(result.status, result.text).toBe(200);
    return result.body.data;
  };

  it('buckets each customer by days past due, oldest invoices paid first, the rest unallocated; totals equal 1100', async () => {
    const report = await aging('?as_of=2026-06-30');
    expect(report).toMatchObject({ as_of: '2026-06-30', account: '1100', subledger: 'AR' });
    expect(report.currencies.map((c: any) => c.currency)).toEqual(['EUR', 'USD']);
    const usd = report.currencies[1];
    const row = (name: string) => usd.customers.find((c: any) => c.customer === customers[name]);
    // 600 invoiced less 150 paid: the payment settles the oldest invoice and half the next.
    expect(row('alice')).toEqual({ customer: customers.alice, name: 'alice', ...zero, current: '300.00', days_1_30: '150.00', total: '450.00' });
    // The manual line and the invoice without a due date are unallocated.
    expect(row('bob')).toEqual({ customer: customers.bob, name: 'bob', ...zero, days_31_60: '50.00', days_61_90: '80.00', unallocated: '65.00', total: '195.00' });
    // A payment on account is a credit balance.
    expect(row('carol')).toEqual({ customer: customers.carol, name: 'carol', ...zero, unallocated: '-70.00', total: '-70.00' });
    expect(usd.totals).toEqual({ current: '300.00', days_1_30: '150.00', days_31_60: '50.00', days_61_90: '80.00', days_over_90: '0.00', unallocated: '-5.00', total: '575.00' });
    expect(usd.control_account_balance).toBe('575.00');
    expect(await ledger.balance('1100', 'USD', 'as_of=2026-06-30')).toBe('575.00');
    expect(report.currencies[0]).toEqual({
      currency: 'EUR',
      customers: [{ customer: customers.bob, name: 'bob', ...zero, days_1_30: '90.00', total: '90.00' }],
      totals: { ...zero, days_1_30: '90.00', total: '90.00' },
      control_account_balance: '90.00',
    });
  });

  it('ages as of any date: before a due date the invoice is current; the total always equals the control account', async () => {
    const early = await aging('?as_of=2026-02-09');
    expect(early.currencies).toEqual([
      { currency: 'USD', customers: [{ customer: customers.alice, name: 'alice', ...zero, current: '100.00', total: '100.00' }], totals: { ...zero, current: '100.00', total: '100.00' }, control_account_balance: '100.00' },
    ]);
    expect((await aging('?as_of=2026-02-10')).currencies[0].totals.days_1_30).toBe('100.00');
    expect((await aging('?as_of=2026-05-11')).currencies[0].customers[0].days_over_90).toBe('100.00');
    for (const asOf of ['2025-12-31', '2026-01-10', '2026-03-31', '2026-06-15', '2026-07-05', '2026-12-31']) {
      const report = await aging(`?as_of=${asOf}`);
      for (const currency of ['USD', 'EUR']) {
        const section = report.currencies.find((c: any) => c.currency === currency);
        const control = (await ledger.balance('1100', currency, `as_of=${asOf}`)) ?? '0.00';
        expect(section?.totals.total ?? '0.00', `${currency} ${asOf}`).toBe(control);
        if (section) {
          const cents = (v: string) => Math.round(Number(v) * 100);
          expect(BUCKETS.slice(0, -1).reduce((s, b) => s + cents(section.totals[b]), 0), `${currency} ${asOf}`).toBe(cents(section.control_account_balance));
        }
      }
    }
    const now = await aging('');
    expect(now.as_of).toBe(new Date().toISOString().slice(0, 10));
    expect(now.currencies.find((c: any) => c.currency === 'USD').totals.total).toBe(await ledger.balance('1100', 'USD'));
  });

  it('names another control account with ?account=; refuses one without a sub-ledger, an unknown one and a bad date', async () => {
    expect((await aging('?account=1100&as_of=2026-06-30')).currencies[1].totals.total).toBe('575.00');
    const plain = await ledger.get('/reports/ar-aging?account=1000');
    expect([plain.status, plain.body.error.code]).toEqual([422, 'subledger_account_required']);
    const unknown = await ledger.get('/reports/ar-aging?account=9999');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    for (const query of ['?as_of=2026-02-30', '?as_of=yesterday', '?currency=USD']) {
      const bad = await ledger.get(`/reports/ar-aging${query}`);
      expect([bad.status, bad.body.error.code], query).toEqual([400, 'invalid_request']);
    }
    const empty = (await createLedgerTenant(links, 'Aging empty')).sandbox;
    const noChart = await empty.get('/reports/ar-aging');
    expect([noChart.status, noChart.body.error.code]).toEqual([404, 'not_found']);
    await empty.ok('POST', '/chart-templates/saas/apply');
    expect((await empty.ok('GET', '/reports/ar-aging?as_of=2026-06-30')).currencies).toEqual([]);
  });
});

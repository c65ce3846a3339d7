/**
 * Named parties over HTTP: a customer's sub-ledger account is its unified customer, whether a record
 * posts for it or a manual line names it by Links id or by `source_system:source_id`; balances,
 * statements and the aging show its name; a reference that names no customer is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { cr, createLedgerTenant, dr, entry, type Ledger } from './ledgerClient.js';

describe.skipIf(!postgresAvailable())('named parties', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let ada: string;
  let bob: string;

  useTestServer(async (started) => {
    links = started;
  });

  beforeAll(async () => {
    ledger = (await createLedgerTenant(links, 'Parties')).sandbox;
    await ledger.ok('POST', '/chart-templates/saas/apply');
    ada = (await ledger.ok('POST', '/unified/customer', { name: 'Ada Lovelace Ltd', email: 'ada@example.com', source_system: 'stripe', source_id: 'cus:ada' })).id;
    bob = (await ledger.ok('POST', '/unified/customer', { name: 'Bob & Co', email: 'bob@example.com', source_system: 'hubspot', source_id: '42' })).id;
    const invoice = await ledger.ok('POST', '/unified/invoice', { status: 'OPEN', currency: 'USD', amount_due: '100.00', unified_customer_id: ada, effective_date: '2026-03-01', due_date: '2026-03-31' });
    expect(invoice.accounting.status).toBe('accounted');
  });

  const balances = async () => {
    const result = await ledger.get('/subledgers/AR/balances');
    expect(result.status, result.text).toBe(200);
    return result.body.data as Array<{ subledger_account: string; name: string | null; balance: string }>;
  };

  it('a manual line naming the customer by source_system:source_id or by its Links id in capitals lands on the customer the invoice posted to', async () => {
    const bySource = await ledger.post('/journal-entries', entry('2026-03-05', [dr('1100', '20.00', { subledger_account: 'stripe:cus:ada' }), cr('4000', '20.00')]));
    expect(bySource.status, bySource.text).toBe(201);
    expect(bySource.body.data.lines[0].subledger_account).toBe(ada);
    const byId = await ledger.post('/journal-entries', entry('2026-03-06', [dr('1000', '30.00'), cr('1100', '30.00', { subledger_account: ada.toUpperCase() })]));
    expect(byId.status, byId.text).toBe(201);
    expect(byId.body.data.lines[1].subledger_account).toBe(ada);
    const upper = await ledger.ok('POST', '/unified/invoice', { status: 'OPEN', currency: 'USD', amount_due: '10.00', unified_customer_id: ada.toUpperCase(), effective_date: '2026-03-06' });
    expect(upper).toMatchObject({ unified_customer_id: ada, accounting: { status: 'accounted' } });
    const toBob = await ledger.post('/journal-entries', entry('2026-03-07', [dr('1100', '5.00', { subledger_account: 'hubspot:42' }), cr('4000', '5.00')]));
    expect(toBob.body.data.lines[0].subledger_account).toBe(bob);

    // One sub-ledger account per customer, named after it: 100 + 20 − 30 + 10 for Ada.
    const rows = await balances();
    expect(rows.filter((r) => r.name === 'Ada Lovelace Ltd')).toEqual([expect.objectContaining({ subledger_account: ada, balance: '100.00' })]);
    expect(rows.find((r) => r.subledger_account === bob)).toMatchObject({ name: 'Bob & Co', balance: '5.00' });
  });

  it('a reference that names no customer is refused with unknown_account on the line, and nothing posts', async () => {
    const before = await ledger.entryCount();
    for (const reference of ['stripe:cus_nobody', '0190a1b2-0000-7000-8000-000000000000', `stripe:${bob}`]) {
      const refused = await ledger.post('/journal-entries', entry('2026-03-08', [dr('1100', '1.00', { subledger_account: reference }), cr('4000', '1.00')]));
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.error.code).toBe('unknown_account');
      expect(refused.body.error.details).toEqual([{ path: 'lines.0.subledger_account', message: expect.stringContaining(`no customer ${JSON.stringify(reference)}`) }]);
    }
    const batch = await ledger.post('/journal-entries/batch', {
      entries: [entry('2026-03-08', [dr('1100', '1.00', { subledger_account: ada }), cr('4000', '1.00')]), entry('2026-03-08', [dr('1100', '1.00'), cr('4000', '1.00')].map((l, i) => (i === 0 ? { ...l, subledger_account: 'nope:1' } : l)))],
    });
    expect(batch.status, batch.text).toBe(422);
    expect(batch.body.error).toMatchObject({ code: 'unknown_account', details: [{ path: 'entries.1.lines.0.subledger_account' }] });
    expect(await ledger.entryCount()).toBe(before);
  });

  it('a party of your own (no colon, not a UUID) posts as written, without a name', async () => {
    const own = await ledger.post('/journal-entries', entry('2026-03-09', [dr('1100', '7.00', { subledger_account: 'walk_in_sales' }), cr('4000', '7.00')]));
    expect(own.status, own.text).toBe(201);
    expect((await balances()).find((r) => r.subledger_account === 'walk_in_sales')).toMatchObject({ name: null, balance: '7.00' });
  });

  it("the control account's statement and the receivables aging show each customer's current name", async () => {
    await ledger.ok('PUT', `/unified/customer/${bob}`, { name: 'Bob & Co (renamed)' });
    expect(await ledger.ok('GET', `/unified/customer/${bob}/balance`)).toMatchObject({ customer_id: bob, name: 'Bob & Co (renamed)' });
    const statement = await ledger.get('/accounts/1100/lines?limit=100');
    expect(statement.status, statement.text).toBe(200);
    const names = new Map(statement.body.data.map((l: any) => [l.subledger_account, l.subledger_account_name]));
    expect(Object.fromEntries(names)).toEqual({ [ada]: 'Ada Lovelace Ltd', [bob]: 'Bob & Co (renamed)', walk_in_sales: null });
    const cash = await ledger.get('/accounts/1000/lines');
    expect(cash.body.data[0]).toMatchObject({ subledger_account: null, subledger_account_name: null });

    const aging = await ledger.get('/reports/ar-aging?as_of=2026-03-31');
    expect(aging.status, aging.text).toBe(200);
    const customers = aging.body.data.currencies[0].customers;
    expect(customers.map((c: any) => [c.customer, c.name, c.total]).sort()).toEqual(
      [
        [ada, 'Ada Lovelace Ltd', '100.00'],
        [bob, 'Bob & Co (renamed)', '5.00'],
        ['walk_in_sales', null, '7.00'],
      ].sort(),
    );
  });

  it("one customer's statement: its lines on the control account with its own running balance, paged by cursor; an unknown customer is 404", async () => {
    const first = await ledger.get('/accounts/1100/lines?limit=2&subledger_account=stripe:cus:ada');
    expect(first.status, first.text).toBe(200);
    expect(first.body.totalResults).toBe(4);
    expect(first.body.data.map((l: any) => [l.date, l.subledger_account, l.subledger_account_name, l.running_balance])).toEqual([
      ['2026-03-01', ada, 'Ada Lovelace Ltd', '100.00'],
      ['2026-03-05', ada, 'Ada Lovelace Ltd', '120.00'],
    ]);
    const second = await ledger.get(`/accounts/1100/lines?limit=2&subledger_account=${ada}&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.status, second.text).toBe(200);
    expect(second.body.data.map((l: any) => [l.date, l.credit ?? l.debit, l.running_balance])).toEqual([
      ['2026-03-06', '30.00', '90.00'],
      ['2026-03-06', '10.00', '100.00'],
    ]);
    const own = await ledger.get('/accounts/1100/lines?subledger_account=walk_in_sales');
    expect(own.body.data.map((l: any) => [l.subledger_account_name, l.running_balance])).toEqual([[null, '7.00']]);
    const unknown = await ledger.get('/accounts/1100/lines?subledger_account=stripe:cus_nobody');
    expect(unknown.status, unknown.text).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });
});

/** Periods and reports (docs/ledger.md) over HTTP: closing months, trial balance, balance sheet, income statement. */
import { beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, minor, type Ledger } from './ledgerClient.js';

describe.skipIf(!postgresAvailable())('periods and reports', () => {
  let links: TestLinks;

  useTestServer(async (started) => {
    links = started;
  });

  describe('periods', () => {
    let ledger: Ledger;
    beforeAll(async () => {
      ledger = (await createLedgerTenant(links, 'Periods')).sandbox;
      await ledger.createAccount('1000', 'asset');
      await ledger.createAccount('4000', 'revenue');
    });
    const sale = (date: string, amount = '10.00') => entry(date, [dr('1000', amount), cr('4000', amount)]);
    const periods = async () => (await ledger.ok('GET', '/periods?limit=100')) as Array<{ period: string; status: string; changed_at: string | null }>;

    it('lists the months that have postings, open, newest first', async () => {
      expect(await periods()).toEqual([]);
      await ledger.postEntry(sale('2026-09-15'));
      await ledger.postEntry(sale('2026-10-01'));
      await ledger.postEntry(sale('2026-10-31'));
      const listed = await periods();
      expect(listed.map((p) => [p.period, p.status])).toEqual([
        ['2026-10', 'open'],
        ['2026-09', 'open'],
      ]);
      const paged = await ledger.get('/periods?limit=1&page=2');
      expect(paged.body).toMatchObject({ page: 2, limit: 1, totalResults: 2, totalPages: 2 });
      expect(paged.body.data[0].period).toBe('2026-09');
    });

    it('a closed month refuses postings, reversals and batch entries dated in it (422 period_closed) until reopened', async () => {
      const september = await ledger.postEntry(sale('2026-09-20', '1.00'));
      const october = await ledger.postEntry(sale('2026-10-20', '2.00'));
      const closed = await ledger.post('/periods/2026-10/close');
      expect(closed.status).toBe(200);
      expect(closed.body.data).toMatchObject({ period: '2026-10', status: 'closed' });
      expect(Number.isNaN(Date.parse(closed.body.data.changed_at))).toBe(false);

      const count = await ledger.entryCount();
      const balance = await ledger.balance('1000');
      for (const date of ['2026-10-01', '2026-10-15', '2026-10-31']) {
        const refused = await ledger.post('/journal-entries', sale(date));
        expect(refused.status, date).toBe(422);
        expect(refused.body.error.code).toBe('period_closed');
        expect(refused.body.error.details[0].path).toBe('date');
        expect(refused.body.error.message).toContain('2026-10');
      }
      const reversedInto = await ledger.post(`/journal-entries/${september.id}/reverse`, { date: '2026-10-05' });
      expect(reversedInto.status).toBe(422);
      expect(reversedInto.body.error.code).toBe('period_closed');
      const batch = await ledger.post('/journal-entries/batch', { entries: [sale('2026-11-02'), sale('2026-10-03')] });
      expect(batch.status).toBe(422);
      expect(batch.body.error.code).toBe('period_closed');
      expect(batch.body.error.details[0].path).toBe('entries.1.date');
      expect(await ledger.entryCount()).toBe(count);
      expect(await ledger.balance('1000')).toBe(balance);
      expect((await ledger.ok('GET', `/journal-entries/${september.id}`)).reversed_by).toBeNull();

      // The months around it stay open; an entry of the closed month may be reversed into an open one.
      expect((await ledger.post('/journal-entries', sale('2026-09-30'))).status).toBe(201);
      expect((await ledger.post('/journal-entries', sale('2026-11-01'))).status).toBe(201);
      const reversal = await ledger.post(`/journal-entries/${october.id}/reverse`, { date: '2026-11-05' });
      expect(reversal.status).toBe(201);

      // Closing twice is fine and changes nothing.
      const again = await ledger.post('/periods/2026-10/close');
      expect(again.status).toBe(200);
      expect(again.body.data).toEqual(closed.body.data);
      expect((await periods()).find((p) => p.period === '2026-10')).toEqual(closed.body.data);

      const reopened = await ledger.post('/periods/2026-10/reopen');
      expect(reopened.status).toBe(200);
      expect(reopened.body.data).toMatchObject({ period: '2026-10', status: 'open' });
      expect((await ledger.post('/journal-entries', sale('2026-10-15'))).status).toBe(201);
      expect((await ledger.post(`/journal-entries/${september.id}/reverse`, { date: '2026-10-05' })).status).toBe(201);
      expect((await ledger.post('/periods/2026-10/reopen')).body.data.status).toBe('open');
      expect((await periods()).find((p) => p.period === '2026-10')!.status).toBe('open');
    });

    it('a month may be closed before anything is posted in it; bad months are 400', async () => {
      const closed = await ledger.post('/periods/2027-01/close', { force: true });
      expect(closed.status).toBe(200);
      expect((await periods()).find((p) => p.period === '2027-01')!.status).toBe('closed');
      expect((await ledger.post('/journal-entries', sale('2027-01-01'))).body.error.code).toBe('period_closed');
      for (const period of ['2026-13', '2026-1', '2026-10-01', 'october']) {
        const bad = await ledger.post(`/periods/${period}/close`);
        expect(bad.status, period).toBe(400);
        expect(bad.body.error.code).toBe('invalid_request');
      }
    });
  });

  describe('reports', () => {
    let ledger: Ledger;
    const cents = (v: string) => minor(v);

    beforeAll(async () => {
      ledger = (await createLedgerTenant(links, 'Reports')).sandbox;
      for (const [code, type] of [['1000', 'asset'], ['1200', 'asset'], ['2000', 'liability'], ['3000', 'equity'], ['4000', 'revenue'], ['6000', 'expense']]) {
        await ledger.createAccount(code!, type!, { name: `Account ${code}` });
      }
      const postings: Array<[string, string, string, string]> = [
        ['2026-01-02', '1000', '3000', '1000.00'],
        ['2026-01-15', '1200', '4000', '500.00'],
        ['2026-01-20', '6000', '2000', '200.00'],
        ['2026-02-10', '1000', '1200', '300.00'],
        ['2026-02-15', '6000', '1000', '100.00'],
        ['2026-02-20', '1000', '4000', '250.00'],
      ];
      for (const [date, debit, credit, amount] of postings) await ledger.postEntry(entry(date, [dr(debit, amount), cr(credit, amount)]));
    });

    it('an empty ledger’s reports are empty and balanced', async () => {
      const empty = (await createLedgerTenant(links, 'Empty')).sandbox;
      const trial = await empty.ok('GET', '/reports/trial-balance');
      expect(trial.accounts).toEqual([]);
      expect(trial.total_debits).toBe(trial.total_credits);
      expect(minor(trial.total_debits)).toBe(0n);
    });

    it('trial balance: each account on its side, totals equal, as of a date', async () => {
      const trial = await ledger.get('/reports/trial-balance');
      expect(trial.status).toBe(200);
      expect(trial.body.data).toEqual({
        as_of: null,
        currency: 'USD',
        accounts: [
          { code: '1000', name: 'Account 1000', type: 'asset', debit: '1450.00', credit: '0.00' },
          { code: '1200', name: 'Account 1200', type: 'asset', debit: '200.00', credit: '0.00' },
          { code: '2000', name: 'Account 2000', type: 'liability', debit: '0.00', credit: '200.00' },
          { code: '3000', name: 'Account 3000', type: 'equity', debit: '0.00', credit: '1000.00' },
          { code: '4000', name: 'Account 4000', type: 'revenue', debit: '0.00', credit: '750.00' },
          { code: '6000', name: 'Account 6000', type: 'expense', debit: '300.00', credit: '0.00' },
        ],
        total_debits: '1950.00',
        total_credits: '1950.00',
      });
      const january = await ledger.ok('GET', '/reports/trial-balance?as_of=2026-01-31&currency=USD');
      expect(january.as_of).toBe('2026-01-31');
      expect(january.accounts.map((a: { code: string; debit: string; credit: string }) => [a.code, a.debit, a.credit])).toEqual([
        ['1000', '1000.00', '0.00'],
        ['1200', '500.00', '0.00'],
        ['2000', '0.00', '200.00'],
        ['3000', '0.00', '1000.00'],
        ['4000', '0.00', '500.00'],
        ['6000', '200.00', '0.00'],
      ]);
      expect([january.total_debits, january.total_credits]).toEqual(['1700.00', '1700.00']);
      for (const q of ['as_of=2026-02-30', 'currency=XYZ', 'colour=red']) expect((await ledger.get(`/reports/trial-balance?${q}`)).status, q).toBe(400);
    });

    it('balance sheet: assets = liabilities + equity, equity including current earnings', async () => {
      const sheet = await ledger.ok('GET', '/reports/balance-sheet');
      expect(sheet.assets.total).toBe('1650.00');
      expect(sheet.assets.accounts).toEqual([
        { code: '1000', name: 'Account 1000', balance: '1450.00' },
        { code: '1200', name: 'Account 1200', balance: '200.00' },
      ]);
      expect(sheet.liabilities).toEqual({ accounts: [{ code: '2000', name: 'Account 2000', balance: '200.00' }], total: '200.00' });
      expect(sheet.equity).toEqual({ accounts: [{ code: '3000', name: 'Account 3000', balance: '1000.00' }], current_earnings: '450.00', total: '1450.00' });
      expect(sheet.total_liabilities_and_equity).toBe('1650.00');
      expect(cents(sheet.assets.total)).toBe(cents(sheet.liabilities.total) + cents(sheet.equity.total));

      const january = await ledger.ok('GET', '/reports/balance-sheet?as_of=2026-01-31');
      expect(january.as_of).toBe('2026-01-31');
      expect(january.assets.total).toBe('1500.00');
      expect(january.equity.current_earnings).toBe('300.00');
      expect(january.equity.total).toBe('1300.00');
      expect(cents(january.assets.total)).toBe(cents(january.liabilities.total) + cents(january.equity.total));
    });

    it('income statement: revenue, expenses and net income over from/to', async () => {
      const all = await ledger.ok('GET', '/reports/income-statement');
      expect(all.revenue).toEqual({ accounts: [{ code: '4000', name: 'Account 4000', balance: '750.00' }], total: '750.00' });
      expect(all.expenses).toEqual({ accounts: [{ code: '6000', name: 'Account 6000', balance: '300.00' }], total: '300.00' });
      expect(all.net_income).toBe('450.00');
      const february = await ledger.ok('GET', '/reports/income-statement?from=2026-02-01&to=2026-02-28');
      expect(february).toMatchObject({ from: '2026-02-01', to: '2026-02-28', currency: 'USD' });
      expect([february.revenue.total, february.expenses.total, february.net_income]).toEqual(['250.00', '100.00', '150.00']);
      const january = await ledger.ok('GET', '/reports/income-statement?from=2026-01-01&to=2026-01-31');
      expect([january.revenue.total, january.expenses.total, january.net_income]).toEqual(['500.00', '200.00', '300.00']);
      const oneDay = await ledger.ok('GET', '/reports/income-statement?from=2026-01-20&to=2026-01-20');
      expect([oneDay.revenue.total, oneDay.expenses.total, oneDay.net_income]).toEqual(['0.00', '200.00', '-200.00']);
      const backwards = await ledger.get('/reports/income-statement?from=2026-02-01&to=2026-01-01');
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.code).toBe('invalid_request');
    });

    it('with two currencies in the books, reports need ?currency= (400 naming them) and are per currency', async () => {
      const multi = (await createLedgerTenant(links, 'Multi')).sandbox;
      await multi.createAccount('1000', 'asset');
      await multi.createAccount('4000', 'revenue');
      await multi.postEntry(entry('2026-03-01', [dr('1000', '100.00'), cr('4000', '100.00')]));
      expect((await multi.get('/reports/trial-balance')).status).toBe(200);
      await multi.postEntry(entry('2026-03-02', [dr('1000', '2500'), cr('4000', '2500')], { currency: 'JPY' }));
      for (const path of ['/reports/trial-balance', '/reports/balance-sheet', '/reports/income-statement']) {
        const refused = await multi.get(path);
        expect(refused.status, path).toBe(400);
        expect(refused.body.error.code).toBe('invalid_request');
        expect(refused.body.error.message).toContain('JPY');
        expect(refused.body.error.message).toContain('USD');
      }
      const usd = await multi.ok('GET', '/reports/trial-balance?currency=USD');
      expect([usd.currency, usd.total_debits, usd.total_credits]).toEqual(['USD', '100.00', '100.00']);
      const yen = await multi.ok('GET', '/reports/trial-balance?currency=JPY');
      expect([yen.currency, yen.total_debits, yen.total_credits]).toEqual(['JPY', '2500', '2500']);
      expect(yen.accounts.map((a: { code: string; debit: string; credit: string }) => [a.code, a.debit, a.credit])).toEqual([
        ['1000', '2500', '0'],
        ['4000', '0', '2500'],
      ]);
      const sheet = await multi.ok('GET', '/reports/balance-sheet?currency=JPY');
      expect([sheet.assets.total, sheet.equity.current_earnings, sheet.total_liabilities_and_equity]).toEqual(['2500', '2500', '2500']);
      const income = await multi.ok('GET', '/reports/income-statement?currency=USD');
      expect(income.net_income).toBe('100.00');
    });

    it('reports follow reversals: a reversed entry nets out', async () => {
      const before = await ledger.ok('GET', '/reports/trial-balance');
      const posted = await ledger.postEntry(entry('2026-03-10', [dr('6000', '33.33'), cr('1000', '33.33')]));
      const during = await ledger.ok('GET', '/reports/trial-balance');
      expect(during.accounts.find((a: { code: string }) => a.code === '6000').debit).toBe('333.33');
      expect(during.accounts.find((a: { code: string }) => a.code === '1000').debit).toBe('1416.67');
      expect(during.total_debits).toBe(during.total_credits);
      await ledger.ok('POST', `/journal-entries/${posted.id}/reverse`, { date: '2026-03-11' });
      expect(await ledger.ok('GET', '/reports/trial-balance')).toEqual(before);
      const march10 = await ledger.ok('GET', '/reports/income-statement?from=2026-03-10&to=2026-03-10');
      expect(march10.net_income).toBe('-33.33');
      const march = await ledger.ok('GET', '/reports/income-statement?from=2026-03-01&to=2026-03-31');
      expect(march.net_income).toBe('0.00');
    });
  });
});

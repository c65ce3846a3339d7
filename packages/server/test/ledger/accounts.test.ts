/** The chart of accounts (docs/ledger.md) over HTTP: create, list, get, update, balances, statements. */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, minor, uniqueCode, type Ledger } from './ledgerClient.js';

describe.skipIf(!postgresAvailable())('chart of accounts', () => {
  let links: TestLinks;
  let ledger: Ledger;

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Accounts')).sandbox;
  });

  describe('create', () => {
    it('answers 201 with the account, which GET then returns', async () => {
      const code = uniqueCode('cash');
      const created = await ledger.post('/accounts', {
        code,
        name: 'Operating cash',
        type: 'asset',
        currency: 'USD',
        description: 'Main bank account',
        metadata: { bank: 'First', iban_last4: '1234' },
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('request-id')).toMatch(/^req_/);
      expect(created.body.data).toMatchObject({
        code,
        name: 'Operating cash',
        type: 'asset',
        currency: 'USD',
        parent_code: null,
        description: 'Main bank account',
        metadata: { bank: 'First', iban_last4: '1234' },
        is_active: true,
        subledger: null,
      });
      expect(typeof created.body.data.id).toBe('string');
      expect(Number.isNaN(Date.parse(created.body.data.created_at))).toBe(false);
      const fetched = await ledger.get(`/accounts/${code}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body.data).toEqual(created.body.data);
    });

    it('accepts every type and the widest legal code; an account without currency takes any', async () => {
      for (const type of ['asset', 'liability', 'equity', 'revenue', 'expense']) {
        const account = await ledger.createAccount(uniqueCode(type), type);
        expect(account.type).toBe(type);
        expect(account.currency).toBeNull();
      }
      const widest = `Ab.9_-${'x'.repeat(26)}`;
      expect(widest).toHaveLength(32);
      const result = await ledger.post('/accounts', { code: widest, name: 'Widest', type: 'asset' });
      expect(result.status).toBe(201);
      expect(result.body.data.code).toBe(widest);
    });

    it('refuses bad codes, types, currencies and names with 400 and the field path', async () => {
      const valid = { code: uniqueCode('ok'), name: 'Fine', type: 'asset' };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...valid, code: '' }, 'code'],
        [{ ...valid, code: 'x'.repeat(33) }, 'code'],
        [{ ...valid, code: 'has space' }, 'code'],
        [{ ...valid, code: '1/2' }, 'code'],
        [{ ...valid, code: 'café' }, 'code'],
        [{ ...valid, code: 1000 }, 'code'],
        [{ name: 'No code', type: 'asset' }, 'code'],
        [{ ...valid, type: 'assets' }, 'type'],
        [{ ...valid, type: 'Asset' }, 'type'],
        [{ code: valid.code, name: 'No type' }, 'type'],
        [{ ...valid, currency: 'XXX' }, 'currency'],
        [{ ...valid, currency: 'usd' }, 'currency'],
        [{ ...valid, name: '' }, 'name'],
        [{ ...valid, name: 'x'.repeat(201) }, 'name'],
        [{ ...valid, metadata: 'not an object' }, 'metadata'],
      ];
      for (const [body, path] of cases) {
        const result = await ledger.post('/accounts', body);
        expect(result.status, JSON.stringify(body)).toBe(400);
        expect(result.body.error.code).toBe('invalid_request');
        expect(result.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
      }
      expect((await ledger.get(`/accounts/${valid.code}`)).status).toBe(404);
    });

    it('refuses unknown fields, naming them', async () => {
      const code = uniqueCode('extra');
      const result = await ledger.post('/accounts', { code, name: 'Extra', type: 'asset', colour: 'red' });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe('invalid_request');
      const details: Array<{ path: string; message: string }> = result.body.error.details;
      expect(details.length).toBeGreaterThan(0);
      expect(details.some((d) => d.path === 'colour' || d.message.includes('colour'))).toBe(true);
      expect((await ledger.get(`/accounts/${code}`)).status).toBe(404);
    });

    it('parent_code must name an existing account of the same type', async () => {
      const parent = uniqueCode('parent');
      await ledger.createAccount(parent, 'asset');
      const child = await ledger.post('/accounts', { code: uniqueCode('child'), name: 'Child', type: 'asset', parent_code: parent });
      expect(child.status).toBe(201);
      expect(child.body.data.parent_code).toBe(parent);

      const orphan = uniqueCode('orphan');
      const missing = await ledger.post('/accounts', { code: orphan, name: 'Orphan', type: 'asset', parent_code: 'no-such-parent' });
      expect(missing.status).toBe(422);
      expect(missing.body.error.code).toBe('unknown_account');
      expect(missing.body.error.details[0].path).toBe('parent_code');

      const mixed = await ledger.post('/accounts', { code: orphan, name: 'Orphan', type: 'liability', parent_code: parent });
      expect(mixed.status).toBe(400);
      expect(mixed.body.error.code).toBe('invalid_request');
      expect(mixed.body.error.details[0].path).toBe('parent_code');
      expect((await ledger.get(`/accounts/${orphan}`)).status).toBe(404);
    });

    it('a taken code is 409 conflict and leaves the first account as it was', async () => {
      const code = uniqueCode('dup');
      await ledger.createAccount(code, 'asset', { name: 'First' });
      const again = await ledger.post('/accounts', { code, name: 'Second', type: 'liability' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
      expect(again.body.error.details[0].path).toBe('code');
      const kept = await ledger.ok('GET', `/accounts/${code}`);
      expect(kept).toMatchObject({ name: 'First', type: 'asset' });
    });

    it('concurrent creates of one code: one 201, the rest 409 conflict', async () => {
      const code = uniqueCode('race');
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.post('/accounts', { code, name: `Racer ${i}`, type: 'asset' })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status !== 201).map((r) => [r.status, r.body?.error?.code])).toEqual(Array(9).fill([409, 'conflict']));
      const winner = results.find((r) => r.status === 201)!.body.data;
      expect(await ledger.ok('GET', `/accounts/${code}`)).toEqual(winner);
    });
  });

  describe('list and get', () => {
    it('lists by code with type and is_active filters, page and limit', async () => {
      const own = (await createLedgerTenant(links, 'Listing')).sandbox;
      for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['1200', 'asset'], ['2000', 'liability'], ['2100', 'liability']]) {
        await own.createAccount(code!, type!);
      }
      await own.ok('PATCH', '/accounts/1100', { is_active: false });
      const codes = (body: { data: Array<{ code: string }> }) => body.data.map((a) => a.code);

      const all = await own.get('/accounts');
      expect(all.body).toMatchObject({ page: 1, limit: 10, totalPages: 1, totalResults: 5 });
      expect(codes(all.body)).toEqual(['1000', '1100', '1200', '2000', '2100']);
      expect(codes((await own.get('/accounts?type=liability')).body)).toEqual(['2000', '2100']);
      expect(codes((await own.get('/accounts?is_active=false')).body)).toEqual(['1100']);
      expect(codes((await own.get('/accounts?type=asset&is_active=true')).body)).toEqual(['1000', '1200']);

      const second = await own.get('/accounts?limit=2&page=2');
      expect(second.body).toMatchObject({ page: 2, limit: 2, totalPages: 3, totalResults: 5 });
      expect(codes(second.body)).toEqual(['1200', '2000']);
      expect(codes((await own.get('/accounts?limit=2&page=3')).body)).toEqual(['2100']);
      expect((await own.get('/accounts?limit=2&page=4')).body.data).toEqual([]);

      for (const q of ['limit=0', 'limit=101', 'page=0', 'type=assets', 'is_active=yes', 'colour=red']) {
        const bad = await own.get(`/accounts?${q}`);
        expect(bad.status, q).toBe(400);
        expect(bad.body.error.code).toBe('invalid_request');
      }
    });

    it('an unknown code, or one of another tenant, is 404 not_found', async () => {
      const missing = await ledger.get('/accounts/does-not-exist');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
      const other = (await createLedgerTenant(links, 'Other')).sandbox;
      const code = uniqueCode('theirs');
      await other.createAccount(code, 'asset');
      expect((await ledger.get(`/accounts/${code}`)).status).toBe(404);
      expect((await ledger.get(`/accounts/${code}/balance`)).status).toBe(404);
    });
  });

  describe('update', () => {
    it('renames, describes, sets metadata and deactivates; refuses empty or unknown fields', async () => {
      const code = uniqueCode('upd');
      const created = await ledger.createAccount(code, 'expense', { name: 'Old', metadata: { a: 1 } });
      const renamed = await ledger.patch(`/accounts/${code}`, { name: 'New name', description: 'Explained' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.data).toMatchObject({ code, name: 'New name', description: 'Explained', metadata: { a: 1 }, is_active: true, type: 'expense' });
      expect(Date.parse(renamed.body.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));

      const meta = await ledger.patch(`/accounts/${code}`, { metadata: { b: 'two' }, description: null });
      expect(meta.body.data).toMatchObject({ metadata: { b: 'two' }, description: null, name: 'New name' });
      const off = await ledger.patch(`/accounts/${code}`, { is_active: false });
      expect(off.body.data.is_active).toBe(false);
      expect((await ledger.ok('GET', `/accounts/${code}`)).is_active).toBe(false);

      for (const body of [{}, { type: 'asset' }, { code: 'renamed' }, { name: '' }, { is_active: 'no' }]) {
        const bad = await ledger.patch(`/accounts/${code}`, body);
        expect(bad.status, JSON.stringify(body)).toBe(400);
        expect(bad.body.error.code).toBe('invalid_request');
      }
      expect(await ledger.ok('GET', `/accounts/${code}`)).toMatchObject({ code, type: 'expense', name: 'New name', is_active: false });
      const income = uniqueCode('inc');
      await ledger.createAccount(income, 'revenue');
      const refused = await ledger.post('/journal-entries', entry('2026-01-02', [dr(code, '1.00'), cr(income, '1.00')]));
      expect(refused.body.error.code).toBe('inactive_account');
      await ledger.ok('PATCH', `/accounts/${code}`, { is_active: true });
      expect((await ledger.post('/journal-entries', entry('2026-01-02', [dr(code, '1.00'), cr(income, '1.00')]))).status).toBe(201);
      const missing = await ledger.patch('/accounts/no-such-account', { name: 'x' });
      expect(missing.status).toBe(404);
    });
  });

  describe('balance', () => {
    it('is signed by the normal side, per currency, as of a date', async () => {
      const a = await ledger.accounts({ cash: 'asset', loan: 'liability', sales: 'revenue', rent: 'expense' });
      await ledger.postEntry(entry('2026-01-10', [dr(a.cash, '100.00'), cr(a.loan, '100.00')]));
      await ledger.postEntry(entry('2026-01-20', [dr(a.rent, '30.00'), cr(a.cash, '30.00')]));
      await ledger.postEntry(entry('2026-02-05', [dr(a.cash, '50'), cr(a.sales, '50')]));
      await ledger.postEntry(entry('2026-02-07', [dr(a.cash, '7.00'), cr(a.sales, '7.00')], { currency: 'EUR' }));

      const cash = await ledger.ok('GET', `/accounts/${a.cash}/balance`);
      expect(cash).toMatchObject({ account: a.cash, as_of: null });
      expect(cash.balances).toEqual([
        { currency: 'EUR', debits: '7.00', credits: '0.00', balance: '7.00' },
        { currency: 'USD', debits: '150.00', credits: '30.00', balance: '120.00' },
      ]);
      expect(await ledger.balances(a.loan)).toEqual([{ currency: 'USD', debits: '0.00', credits: '100.00', balance: '100.00' }]);
      expect(await ledger.balance(a.sales)).toBe('50.00');
      expect(await ledger.balance(a.rent)).toBe('30.00');

      expect(await ledger.balances(a.cash, 'currency=USD')).toEqual([{ currency: 'USD', debits: '150.00', credits: '30.00', balance: '120.00' }]);
      expect(await ledger.balance(a.cash, 'USD', 'as_of=2026-01-15')).toBe('100.00');
      expect(await ledger.balance(a.cash, 'USD', 'as_of=2026-01-20')).toBe('70.00');
      const early = await ledger.ok('GET', `/accounts/${a.cash}/balance?as_of=2025-12-31`);
      expect(early.as_of).toBe('2025-12-31');
      expect(early.balances.filter((b: { balance: string }) => b.balance !== '0.00')).toEqual([]);
      expect(await ledger.balance(a.cash, 'USD', 'as_of=2025-12-31')).toBe('0.00');

      // More debits than credits on a credit-normal account is a negative balance.
      await ledger.postEntry(entry('2026-03-01', [dr(a.loan, '130.00'), cr(a.cash, '130.00')]));
      expect(await ledger.balance(a.loan)).toBe('-30.00');
      expect(await ledger.balance(a.cash)).toBe('-10.00');
      expect(await ledger.balance(a.loan, 'USD', 'as_of=2026-02-28')).toBe('100.00');

      for (const q of ['as_of=2026-02-30', 'currency=XYZ', 'include_children=1', 'colour=red']) {
        expect((await ledger.get(`/accounts/${a.cash}/balance?${q}`)).status, q).toBe(400);
      }
    });

    it('include_children rolls up every descendant', async () => {
      const root = uniqueCode('root');
      const left = uniqueCode('left');
      const leaf = uniqueCode('leaf');
      const right = uniqueCode('right');
      const income = uniqueCode('income');
      await ledger.createAccount(root, 'asset');
      await ledger.createAccount(left, 'asset', { parent_code: root });
      await ledger.createAccount(leaf, 'asset', { parent_code: left });
      await ledger.createAccount(right, 'asset', { parent_code: root });
      await ledger.createAccount(income, 'revenue');
      await ledger.postEntry(
        entry('2026-01-05', [dr(root, '1.00'), dr(left, '10.00'), dr(leaf, '5.00'), dr(right, '2.50'), cr(income, '18.50')]),
      );
      await ledger.postEntry(entry('2026-01-06', [dr(income, '0.50'), cr(leaf, '0.50')]));

      expect(await ledger.balance(root)).toBe('1.00');
      expect(await ledger.balance(root, 'USD', 'include_children=false')).toBe('1.00');
      const rolled = await ledger.ok('GET', `/accounts/${root}/balance?include_children=true`);
      expect(rolled.balances).toEqual([{ currency: 'USD', debits: '18.50', credits: '0.50', balance: '18.00' }]);
      expect(await ledger.balance(left, 'USD', 'include_children=true')).toBe('14.50');
      expect(await ledger.balance(right, 'USD', 'include_children=true')).toBe('2.50');
      expect(await ledger.balance(root, 'USD', 'include_children=true&as_of=2026-01-05')).toBe('18.50');
    });
  });

  describe('statement', () => {
    it('lists lines by date with running balances, pages by cursor, and filters by from/to', async () => {
      const a = await ledger.accounts({ bank: 'asset', other: 'revenue' });
      // Posted out of date order on purpose: the statement orders by date, then posting order.
      const postings: Array<[string, 'debit' | 'credit', string]> = [
        ['2026-05-10', 'debit', '100.00'],
        ['2026-05-01', 'debit', '20.00'],
        ['2026-05-10', 'credit', '30.55'],
        ['2026-05-03', 'credit', '5.45'],
        ['2026-05-20', 'debit', '0.01'],
        ['2026-05-15', 'credit', '84.00'],
        ['2026-05-03', 'debit', '12.34'],
      ];
      const ids: string[] = [];
      for (const [date, side, amount] of postings) {
        const lines = side === 'debit' ? [dr(a.bank, amount), cr(a.other, amount)] : [cr(a.bank, amount), dr(a.other, amount)];
        ids.push((await ledger.postEntry(entry(date, lines))).id);
      }
      // An entry with two lines on the account, in line order.
      ids.push((await ledger.postEntry(entry('2026-05-03', [dr(a.bank, '1.00'), dr(a.bank, '2.00'), cr(a.other, '3.00')]))).id);

      const expected = [
        { id: ids[1], n: 1, date: '2026-05-01', debit: '20.00', credit: null },
        { id: ids[3], n: 1, date: '2026-05-03', debit: null, credit: '5.45' },
        { id: ids[6], n: 1, date: '2026-05-03', debit: '12.34', credit: null },
        { id: ids[7], n: 1, date: '2026-05-03', debit: '1.00', credit: null },
        { id: ids[7], n: 2, date: '2026-05-03', debit: '2.00', credit: null },
        { id: ids[0], n: 1, date: '2026-05-10', debit: '100.00', credit: null },
        { id: ids[2], n: 1, date: '2026-05-10', debit: null, credit: '30.55' },
        { id: ids[5], n: 1, date: '2026-05-15', debit: null, credit: '84.00' },
        { id: ids[4], n: 1, date: '2026-05-20', debit: '0.01', credit: null },
      ];
      let running = 0n;
      const runningBalances = expected.map((line) => {
        running += minor(line.debit ?? '0') - minor(line.credit ?? '0');
        return running;
      });

      const pages = await ledger.allPages(`/accounts/${a.bank}/lines?limit=4`);
      expect(pages.map((p) => p.data.length)).toEqual([4, 4, 1]);
      expect(pages.at(-1)!.next_cursor).toBeNull();
      expect(pages[0]!.totalResults).toBe(9);
      // The entry with two lines on the account is listed once among its entries.
      expect(await ledger.entryCount(`account=${a.bank}`)).toBe(8);
      const lines = pages.flatMap((p) => p.data);
      expect(lines.map((l) => ({ id: l.entry_id, n: l.line_number, date: l.date, debit: l.debit, credit: l.credit }))).toEqual(expected);
      expect(lines.map((l) => minor(l.running_balance))).toEqual(runningBalances);
      expect(lines.at(-1).running_balance).toBe('15.35');
      expect(await ledger.balance(a.bank)).toBe('15.35');

      // The revenue account took every line on the other side; it is credit-normal, so its running
      // balances are the same numbers.
      const revenue = (await ledger.allPages(`/accounts/${a.other}/lines?limit=100`)).flatMap((p) => p.data);
      expect(revenue.map((l) => minor(l.running_balance))).toEqual(runningBalances.filter((_, i) => i !== 3));
      expect(revenue.at(-1).running_balance).toBe('15.35');

      // A window carries the balance brought forward from before it.
      const window = await ledger.get(`/accounts/${a.bank}/lines?from=2026-05-03&to=2026-05-10`);
      expect(window.status).toBe(200);
      expect(window.body.totalResults).toBe(6);
      expect(window.body.data.map((l: { date: string }) => l.date)).toEqual(expected.slice(1, 7).map((l) => l.date));
      expect(window.body.data.map((l: { running_balance: string }) => minor(l.running_balance))).toEqual(runningBalances.slice(1, 7));

      // Paging by cursor inside a window keeps both the window and the running balance.
      const windowed = (await ledger.allPages(`/accounts/${a.bank}/lines?from=2026-05-03&to=2026-05-15&limit=2`)).flatMap((p) => p.data);
      expect(windowed.map((l) => minor(l.running_balance))).toEqual(runningBalances.slice(1, 8));

      // Page numbers work too, with the same running balances.
      const second = await ledger.get(`/accounts/${a.bank}/lines?limit=4&page=2`);
      expect(second.body.data.map((l: { running_balance: string }) => minor(l.running_balance))).toEqual(runningBalances.slice(4, 8));
      const after = await ledger.get(`/accounts/${a.bank}/lines?from=2026-06-01`);
      expect(after.body).toMatchObject({ data: [], totalResults: 0, next_cursor: null });

      const bad = await ledger.get(`/accounts/${a.bank}/lines?cursor=not-a-cursor`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_request');
      expect((await ledger.get('/accounts/no-such-account/lines')).status).toBe(404);
    });

    it('keeps a running balance per currency', async () => {
      const a = await ledger.accounts({ wallet: 'asset', fx: 'revenue' });
      await ledger.postEntry(entry('2026-07-01', [dr(a.wallet, '10.00'), cr(a.fx, '10.00')]));
      await ledger.postEntry(entry('2026-07-02', [dr(a.wallet, '500'), cr(a.fx, '500')], { currency: 'JPY' }));
      await ledger.postEntry(entry('2026-07-03', [cr(a.wallet, '2.50'), dr(a.fx, '2.50')]));
      await ledger.postEntry(entry('2026-07-04', [cr(a.wallet, '200'), dr(a.fx, '200')], { currency: 'JPY' }));
      const lines = (await ledger.allPages(`/accounts/${a.wallet}/lines?limit=1`)).flatMap((p) => p.data);
      expect(lines.map((l) => [l.currency, l.running_balance])).toEqual([
        ['USD', '10.00'],
        ['JPY', '500'],
        ['USD', '7.50'],
        ['JPY', '300'],
      ]);
      const yen = await ledger.ok('GET', `/accounts/${a.wallet}/lines?currency=JPY`);
      expect(yen.map((l: { running_balance: string }) => l.running_balance)).toEqual(['500', '300']);
    });
  });
});

/** Journal entries (docs/ledger.md) over HTTP: the posting rules and their exact errors, reversal, batch, listing. */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, uniqueCode, type Ledger } from './ledgerClient.js';

describe.skipIf(!postgresAvailable())('journal entries', () => {
  let links: TestLinks;
  let ledger: Ledger;
  const a = { cash: '', sales: '', rent: '', usdOnly: '', closed: '', control: '' };

  /** Posts a body that must be refused; checks status, code and first detail path, and that nothing was posted. */
  async function refused(body: unknown, status: number, code: string, path?: string) {
    const before = await ledger.entryCount();
    const balanceBefore = await ledger.balances(a.cash);
    const result = await ledger.post('/journal-entries', body);
    expect(result.status, `${JSON.stringify(body)} → ${result.text}`).toBe(status);
    expect(result.body.error.code).toBe(code);
    expect(result.body.error.request_id).toBe(result.headers.get('request-id'));
    if (path !== undefined) expect(result.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await ledger.entryCount()).toBe(before);
    expect(await ledger.balances(a.cash)).toEqual(balanceBefore);
    return result.body.error;
  }

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Journal')).sandbox;
    Object.assign(a, await ledger.accounts({ cash: 'asset', sales: 'revenue', rent: 'expense', closed: 'asset' }));
    a.usdOnly = uniqueCode('usd-only');
    await ledger.createAccount(a.usdOnly, 'asset', { currency: 'USD' });
    await ledger.ok('PATCH', `/accounts/${a.closed}`, { is_active: false });
    a.control = uniqueCode('ar');
    await ledger.createAccount(a.control, 'asset');
    await ledger.ok('POST', '/subledgers', { code: uniqueCode('AR'), name: 'Receivables', control_account: a.control });
  });

  it('posts a balanced entry: 201 with the contract shape, and GET returns the same', async () => {
    const body = entry('2026-03-01', [dr(a.cash, '10', { memo: 'till', dimensions: { region: 'EU' } }), cr(a.sales, '10.00')], {
      reference: 'INV-1',
      metadata: { source: 'test' },
    });
    const result = await ledger.post('/journal-entries', body);
    expect(result.status).toBe(201);
    const posted = result.body.data;
    expect(posted).toMatchObject({
      date: '2026-03-01',
      description: 'entry of 2026-03-01',
      currency: 'USD',
      reference: 'INV-1',
      status: 'posted',
      reversal_of: null,
      reversed_by: null,
      metadata: { source: 'test' },
      lines: [
        { line_number: 1, account: a.cash, debit: '10.00', credit: null, memo: 'till', dimensions: { region: 'EU' }, subledger_account: null },
        { line_number: 2, account: a.sales, debit: null, credit: '10.00', memo: null, dimensions: null, subledger_account: null },
      ],
    });
    expect(posted.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(posted.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const fetched = await ledger.get(`/journal-entries/${posted.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.data).toEqual(posted);
  });

  it('money must be a positive decimal string with at most the currency’s minor digits: else 422 invalid_amount', async () => {
    const cases: Array<[string, string]> = [
      ['USD', '1.001'], ['USD', '0'], ['USD', '0.00'], ['USD', '-5'], ['USD', '+5'], ['USD', '1e3'], ['USD', ' 1'], ['USD', '1 '],
      ['USD', ''], ['USD', '1.'], ['USD', '.5'], ['USD', '01'], ['USD', '1,000.00'], ['USD', 'ten'], ['USD', 'NaN'], ['USD', '0x10'],
      ['USD', '10000000000000000000'], ['USD', '10000000000000.00'], ['JPY', '1.5'], ['JPY', '100.0'], ['BHD', '1.2345'],
    ];
    for (const [currency, amount] of cases) {
      const error = await refused(entry('2026-03-02', [dr(a.cash, amount), cr(a.sales, amount)], { currency }), 422, 'invalid_amount', 'lines.0.debit');
      expect(error.message, `${currency} ${JSON.stringify(amount)}`).toContain('lines[0].debit');
    }
    const onCredit = await refused(entry('2026-03-02', [dr(a.cash, '1.00'), cr(a.sales, '1.001')]), 422, 'invalid_amount', 'lines.1.credit');
    expect(onCredit.message).toMatch(/USD/);
  });

  it('money as a JSON number is 400 invalid_request naming the field', async () => {
    for (const amount of [10, 10.5, 0]) {
      await refused(entry('2026-03-02', [{ account: a.cash, debit: amount } as never, cr(a.sales, '10.00')]), 400, 'invalid_request', 'lines.0.debit');
    }
    await refused(entry('2026-03-02', [dr(a.cash, '10.00'), { account: a.sales, credit: 10 } as never]), 400, 'invalid_request', 'lines.1.credit');
  });

  it('adds exactly: 0.10 + 0.20 = 0.30, ten times 0.10 = 1.00; JPY has no minor digits, BHD three', async () => {
    const x = await ledger.accounts({ bank: 'asset', income: 'revenue' });
    await ledger.postEntry(entry('2026-03-03', [dr(x.bank, '0.10'), dr(x.bank, '0.20'), cr(x.income, '0.30')]));
    expect(await ledger.balances(x.bank)).toEqual([{ currency: 'USD', debits: '0.30', credits: '0.00', balance: '0.30' }]);
    await ledger.postEntry(entry('2026-03-03', [dr(x.income, '1.00'), ...Array.from({ length: 10 }, () => cr(x.bank, '0.10'))]));
    expect(await ledger.balances(x.bank)).toEqual([{ currency: 'USD', debits: '0.30', credits: '1.00', balance: '-0.70' }]);
    expect(await ledger.balance(x.income)).toBe('-0.70');

    const yen = await ledger.postEntry(entry('2026-03-03', [dr(x.bank, '1000'), cr(x.income, '999'), cr(x.income, '1')], { currency: 'JPY' }));
    expect(yen.lines.map((l: { debit: string | null; credit: string | null }) => l.debit ?? l.credit)).toEqual(['1000', '999', '1']);
    expect(await ledger.balances(x.bank, 'currency=JPY')).toEqual([{ currency: 'JPY', debits: '1000', credits: '0', balance: '1000' }]);

    const dinar = await ledger.postEntry(entry('2026-03-03', [dr(x.bank, '1.234'), dr(x.bank, '0.5'), cr(x.income, '1.734')], { currency: 'BHD' }));
    expect(dinar.lines.map((l: { debit: string | null; credit: string | null }) => l.debit ?? l.credit)).toEqual(['1.234', '0.500', '1.734']);
    expect(await ledger.balance(x.bank, 'BHD')).toBe('1.734');

    const big = '9999999999999.99';
    await ledger.postEntry(entry('2026-03-03', [dr(x.bank, big), dr(x.bank, big), cr(x.income, big), cr(x.income, big)]));
    expect(await ledger.balance(x.income)).toBe('19999999999999.28');
  });

  it('breaks of the accounting rules are 422 with their own code and path', async () => {
    await refused(entry('2026-03-04', [dr(a.cash, '10.00'), cr(a.sales, '9.99')]), 422, 'unbalanced_entry', 'lines');
    await refused(entry('2026-03-04', [dr(a.cash, '0.10'), dr(a.cash, '0.20'), cr(a.sales, '0.31')]), 422, 'unbalanced_entry', 'lines');
    await refused(entry('2026-03-04', [dr(a.cash, '10.00'), cr('no-such-account', '10.00')]), 422, 'unknown_account', 'lines.1.account');
    await refused(entry('2026-03-04', [dr(a.closed, '10.00'), cr(a.sales, '10.00')]), 422, 'inactive_account', 'lines.0.account');
    await refused(entry('2026-03-04', [dr(a.usdOnly, '10.00'), cr(a.sales, '10.00')], { currency: 'EUR' }), 422, 'currency_mismatch', 'lines.0.account');
    await refused(entry('2026-03-04', [dr(a.control, '10.00'), cr(a.sales, '10.00')]), 422, 'subledger_account_required', 'lines.0.subledger_account');
    // A sub-ledger account on an account that has no sub-ledger is a malformed line.
    await refused(entry('2026-03-04', [dr(a.cash, '10.00', { subledger_account: 'cus_1' }), cr(a.sales, '10.00')]), 400, 'invalid_request', 'lines.0.subledger_account');
    // The same account in its own currency, and the control account with a party, are fine.
    await ledger.postEntry(entry('2026-03-04', [dr(a.usdOnly, '10.00'), cr(a.sales, '10.00')]));
    await ledger.postEntry(entry('2026-03-04', [dr(a.control, '10.00', { subledger_account: 'cus_1' }), cr(a.sales, '10.00')]));
  });

  it('malformed entries are 400 invalid_request', async () => {
    const ok = entry('2026-03-05', [dr(a.cash, '1.00'), cr(a.sales, '1.00')]);
    const cases: Array<[unknown, string]> = [
      [{ ...ok, lines: [dr(a.cash, '1.00')] }, 'lines'],
      [{ ...ok, lines: [] }, 'lines'],
      [{ ...ok, lines: [{ account: a.cash, debit: '1.00', credit: '1.00' }, cr(a.sales, '1.00')] }, 'lines.0'],
      [{ ...ok, lines: [dr(a.cash, '1.00'), { account: a.sales }] }, 'lines.1'],
      [{ ...ok, lines: [dr(a.cash, '1.00'), { ...cr(a.sales, '1.00'), colour: 'red' }] }, 'lines.1'],
      [{ ...ok, date: '2026-02-30' }, 'date'],
      [{ ...ok, date: '01/03/2026' }, 'date'],
      [{ ...ok, currency: 'XYZ' }, 'currency'],
      [{ ...ok, currency: undefined }, 'currency'],
      [{ ...ok, description: undefined }, 'description'],
      [{ ...ok, lines: 'none' }, 'lines'],
    ];
    for (const [body, path] of cases) {
      const error = await refused(body, 400, 'invalid_request');
      expect(error.details.some((d: { path: string }) => d.path === path || d.path.startsWith(`${path}.`)), `${JSON.stringify(body)}: ${JSON.stringify(error.details)}`).toBe(true);
    }
    const extra = await refused({ ...ok, approved: true }, 400, 'invalid_request');
    expect(JSON.stringify(extra.details)).toContain('approved');
    const broken = await ledger.request('POST', '/journal-entries', undefined, {});
    expect(broken.status).toBe(400);
    // Text PostgreSQL cannot store (U+0000, an unpaired surrogate), anywhere in the body, keys too.
    for (const body of [
      { ...ok, metadata: { note: 'a\u0000b' } },
      { ...ok, metadata: { 'k\u0000': 1 } },
      { ...ok, lines: [dr(a.cash, '1.00', { dimensions: { dept: '\ud800' } }), cr(a.sales, '1.00')] },
      { ...ok, lines: [dr(a.cash, '1.00', { memo: 'x\udfff' }), cr(a.sales, '1.00')] },
    ]) {
      const error = await refused(body, 400, 'invalid_request');
      expect(error.message).toContain('U+0000');
    }
  });

  it('reverses once: mirrored lines, reversal_of and reversed_by; the second time is 409 already_reversed', async () => {
    const x = await ledger.accounts({ till: 'asset', income: 'revenue' });
    const original = await ledger.postEntry(
      entry('2026-03-06', [dr(x.till, '25.00', { memo: 'm1', dimensions: { dept: 'ops' } }), cr(x.income, '20.00'), cr(x.income, '5.00', { memo: 'tip' })], {
        reference: 'REV-1',
      }),
    );
    const result = await ledger.post(`/journal-entries/${original.id}/reverse`, { date: '2026-03-07', description: 'Typo' });
    expect(result.status).toBe(201);
    const reversal = result.body.data;
    expect(reversal).toMatchObject({ date: '2026-03-07', description: 'Typo', currency: 'USD', reversal_of: original.id, reversed_by: null, status: 'posted' });
    expect(reversal.id).not.toBe(original.id);
    expect(reversal.lines.map((l: Record<string, unknown>) => [l.account, l.debit, l.credit, l.memo, l.dimensions])).toEqual([
      [x.till, null, '25.00', 'm1', { dept: 'ops' }],
      [x.income, '20.00', null, null, null],
      [x.income, '5.00', null, 'tip', null],
    ]);
    const reread = await ledger.ok('GET', `/journal-entries/${original.id}`);
    expect(reread.reversed_by).toBe(reversal.id);
    expect({ ...reread, reversed_by: null }).toEqual(original);
    expect(await ledger.balances(x.till)).toEqual([{ currency: 'USD', debits: '25.00', credits: '25.00', balance: '0.00' }]);
    expect(await ledger.balance(x.till, 'USD', 'as_of=2026-03-06')).toBe('25.00');

    const before = await ledger.entryCount();
    const twice = await ledger.post(`/journal-entries/${original.id}/reverse`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_reversed');
    expect(await ledger.entryCount()).toBe(before);

    const unknown = await ledger.post('/journal-entries/00000000-0000-4000-8000-000000000000/reverse', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('a reversal without date or description is dated today and says what it reverses; it may use an account deactivated since', async () => {
    const x = await ledger.accounts({ old: 'asset', income: 'revenue' });
    const original = await ledger.postEntry(entry('2026-03-08', [dr(x.old, '3.00'), cr(x.income, '3.00')], { description: 'Sale 42' }));
    await ledger.ok('PATCH', `/accounts/${x.old}`, { is_active: false });
    const dayBefore = new Date().toISOString().slice(0, 10);
    const result = await ledger.post(`/journal-entries/${original.id}/reverse`, {});
    const dayAfter = new Date().toISOString().slice(0, 10);
    expect(result.status, result.text).toBe(201);
    expect([dayBefore, dayAfter]).toContain(result.body.data.date);
    expect(result.body.data.description).toContain('Sale 42');
    expect(await ledger.balance(x.old)).toBe('0.00');
  });

  it('the reverse body is optional: a POST without a body reverses', async () => {
    const x = await ledger.accounts({ bank: 'asset', income: 'revenue' });
    const original = await ledger.postEntry(entry('2026-03-09', [dr(x.bank, '8.00'), cr(x.income, '8.00')]));
    const result = await ledger.post(`/journal-entries/${original.id}/reverse`);
    expect(result.status, result.text).toBe(201);
    expect(result.body.data.reversal_of).toBe(original.id);
    expect(await ledger.balance(x.bank)).toBe('0.00');
  });

  it('concurrent reversals of one entry: exactly one succeeds, the others are 409 already_reversed', async () => {
    const x = await ledger.accounts({ bank: 'asset', income: 'revenue' });
    const original = await ledger.postEntry(entry('2026-03-09', [dr(x.bank, '6.00'), cr(x.income, '6.00')]));
    const before = await ledger.entryCount();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.post(`/journal-entries/${original.id}/reverse`, { description: `attempt ${i}` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 201);
    expect(losers.map((r) => [r.status, r.body?.error?.code])).toEqual(Array(9).fill([409, 'already_reversed']));
    expect(await ledger.entryCount()).toBe(before + 1);
    expect(await ledger.balance(x.bank)).toBe('0.00');
    const winner = results.find((r) => r.status === 201)!.body.data;
    expect((await ledger.ok('GET', `/journal-entries/${original.id}`)).reversed_by).toBe(winner.id);
  });

  it('a batch holds at most 1000 entries, and 1000 post at once', async () => {
    const x = await ledger.accounts({ bulk: 'asset', income: 'revenue' });
    const one = entry('2026-03-22', [dr(x.bulk, '0.01'), cr(x.income, '0.01')]);
    const before = await ledger.entryCount();
    const tooMany = await ledger.post('/journal-entries/batch', { entries: Array(1001).fill(one) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe('entries');
    expect(await ledger.entryCount()).toBe(before);
    const thousand = await ledger.post('/journal-entries/batch', { entries: Array(1000).fill(one) });
    expect(thousand.status, thousand.text.slice(0, 300)).toBe(201);
    expect(thousand.body.data.entries).toHaveLength(1000);
    expect(await ledger.entryCount()).toBe(before + 1000);
    expect(await ledger.balances(x.bulk)).toEqual([{ currency: 'USD', debits: '10.00', credits: '0.00', balance: '10.00' }]);
  });

  it('a batch posts all entries or none; the error names the failing entry’s index', async () => {
    const x = await ledger.accounts({ bank: 'asset', income: 'revenue' });
    const good = (i: number) => entry(`2026-03-1${i}`, [dr(x.bank, `${i + 1}.00`), cr(x.income, `${i + 1}.00`)]);
    const bad: Array<[Record<string, unknown>, number, string, string]> = [
      [entry('2026-03-13', [dr(x.bank, '1.00'), cr('no-such-account', '1.00')]), 422, 'unknown_account', 'entries.3.lines.1.account'],
      [entry('2026-03-13', [dr(x.bank, '1.00'), cr(x.income, '2.00')]), 422, 'unbalanced_entry', 'entries.3.lines'],
      [entry('2026-03-13', [dr(x.bank, '1.001'), cr(x.income, '1.001')]), 422, 'invalid_amount', 'entries.3.lines.0.debit'],
      [entry('2026-03-13', [dr(x.bank, '1.00'), { account: x.income, credit: 1 } as never]), 400, 'invalid_request', 'entries.3.lines.1.credit'],
    ];
    const count = await ledger.entryCount();
    for (const [broken, status, code, path] of bad) {
      const result = await ledger.post('/journal-entries/batch', { entries: [good(0), good(1), good(2), broken, good(4)] });
      expect(result.status, result.text).toBe(status);
      expect(result.body.error.code).toBe(code);
      expect(result.body.error.details[0].path).toBe(path);
      if (status === 422) expect(result.body.error.message).toContain('entries[3]');
      expect(await ledger.entryCount()).toBe(count);
      expect(await ledger.balances(x.bank)).toEqual([]);
    }
    for (const body of [{ entries: [] }, { entries: good(1) }, {}]) {
      expect((await ledger.post('/journal-entries/batch', body)).status).toBe(400);
    }

    const posted = await ledger.post('/journal-entries/batch', { entries: [good(1), good(2), good(3), good(4), good(5)] });
    expect(posted.status).toBe(201);
    expect(posted.body.data.entries.map((e: { date: string }) => e.date)).toEqual(['2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
    expect(new Set(posted.body.data.entries.map((e: { id: string }) => e.id)).size).toBe(5);
    expect(await ledger.entryCount()).toBe(count + 5);
    expect(await ledger.balance(x.bank)).toBe('20.00');
    for (const e of posted.body.data.entries) expect(await ledger.ok('GET', `/journal-entries/${e.id}`)).toEqual(e);
  });

  it('lists newest first with account, from, to and reference filters, and pages by cursor', async () => {
    const x = await ledger.accounts({ listed: 'asset', income: 'revenue' });
    const ref = uniqueCode('REF');
    const ids: string[] = [];
    for (let day = 1; day <= 7; day++) {
      const extra = day % 3 === 0 ? { reference: ref } : {};
      ids.push((await ledger.postEntry(entry(`2026-04-0${day}`, [dr(x.listed, `${day}.00`), cr(x.income, `${day}.00`)], extra))).id);
    }
    await ledger.postEntry(entry('2026-04-04', [dr(a.cash, '1.00'), cr(a.sales, '1.00')], { reference: ref }));
    const newestFirst = [...ids].reverse();

    const all = await ledger.get(`/journal-entries?account=${x.listed}&limit=100`);
    expect(all.status).toBe(200);
    expect(all.body.totalResults).toBe(7);
    expect(all.body.next_cursor).toBeNull();
    expect(all.body.data.map((e: { id: string }) => e.id)).toEqual(newestFirst);
    const window = await ledger.ok('GET', `/journal-entries?account=${x.listed}&from=2026-04-02&to=2026-04-04`);
    expect(window.map((e: { date: string }) => e.date)).toEqual(['2026-04-04', '2026-04-03', '2026-04-02']);
    const byRef = await ledger.get(`/journal-entries?reference=${ref}`);
    expect(byRef.body.totalResults).toBe(3);
    expect(byRef.body.data.every((e: { reference: string }) => e.reference === ref)).toBe(true);
    const both = await ledger.ok('GET', `/journal-entries?reference=${ref}&account=${x.listed}`);
    expect(both.map((e: { id: string }) => e.id)).toEqual([ids[5], ids[2]]);

    const pages = await ledger.allPages(`/journal-entries?account=${x.listed}&limit=3`);
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.data.map((e: { id: string }) => e.id))).toEqual(newestFirst);
    const paged = await ledger.get(`/journal-entries?account=${x.listed}&limit=3&page=2`);
    expect(paged.body.data.map((e: { id: string }) => e.id)).toEqual(newestFirst.slice(3, 6));

    for (const q of ['cursor=garbage', 'from=2026-13-01', 'limit=101', 'colour=red']) {
      const bad = await ledger.get(`/journal-entries?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body.error.code).toBe('invalid_request');
    }
  });

  it('GET of an unknown entry, or another tenant’s, is 404', async () => {
    const unknown = await ledger.get('/journal-entries/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const other = (await createLedgerTenant(links, 'Elsewhere')).sandbox;
    const y = await other.accounts({ bank: 'asset', income: 'revenue' });
    const theirs = await other.postEntry(entry('2026-03-20', [dr(y.bank, '1.00'), cr(y.income, '1.00')]));
    expect((await ledger.get(`/journal-entries/${theirs.id}`)).status).toBe(404);
    expect((await ledger.post(`/journal-entries/${theirs.id}/reverse`, {})).status).toBe(404);
    expect((await other.ok('GET', `/journal-entries/${theirs.id}`)).reversed_by).toBeNull();
  });

  it('posted entries are immutable: no PUT, PATCH or DELETE', async () => {
    const posted = await ledger.postEntry(entry('2026-03-21', [dr(a.cash, '4.00'), cr(a.sales, '4.00')]));
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const result = await ledger.request(method, `/journal-entries/${posted.id}`, method === 'DELETE' ? undefined : { description: 'changed' });
      expect(result.status, method).toBe(404);
      expect(result.body.error.code).toBe('not_found');
    }
    expect(await ledger.ok('GET', `/journal-entries/${posted.id}`)).toEqual(posted);
  });
});

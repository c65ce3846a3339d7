/** Sub-ledgers (docs/ledger.md) over HTTP: per-party balances under a control account that always sum to it. */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, type Ledger } from './ledgerClient.js';

interface PartyBalance {
  subledger_account: string;
  currency: string;
  debits: string;
  credits: string;
  balance: string;
}

describe.skipIf(!postgresAvailable())('sub-ledgers', () => {
  let links: TestLinks;
  let ledger: Ledger;

  /** The whole body: per-party rows in `data`, with `totals`, `subledger`, `control_account`, `as_of` beside them. */
  async function balances(query = '') {
    const result = await ledger.get(`/subledgers/AR/balances?limit=100${query ? `&${query}` : ''}`);
    expect(result.status, result.text).toBe(200);
    return result.body;
  }
  const parties = (rows: PartyBalance[]) => rows.map((r) => [r.subledger_account, r.currency, r.balance]);
  /** The sub-ledger's totals must equal the control account's balances at the same as_of. */
  async function expectTotalsMatchControl(asOf?: string) {
    const query = asOf ? `as_of=${asOf}` : '';
    const sub = await balances(query);
    const control = await ledger.balances('1100', query);
    expect(sub.totals, `as_of ${asOf}`).toEqual(control);
    return sub;
  }

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Receivables')).sandbox;
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['1200', 'asset'], ['2100', 'liability'], ['4000', 'revenue']]) {
      await ledger.createAccount(code!, type!);
    }
  });

  it('creates AR on account 1100: 201, readable, listed, and shown on the account', async () => {
    const created = await ledger.post('/subledgers', { code: 'AR', name: 'Accounts receivable', control_account: '1100' });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ code: 'AR', name: 'Accounts receivable', control_account: '1100' });
    expect(typeof created.body.data.id).toBe('string');
    expect(await ledger.ok('GET', '/subledgers/AR')).toEqual(created.body.data);
    const listed = await ledger.get('/subledgers');
    expect(listed.body.totalResults).toBe(1);
    expect(listed.body.data).toEqual([created.body.data]);
    expect((await ledger.ok('GET', '/accounts/1100')).subledger).toBe('AR');
    expect((await ledger.ok('GET', '/accounts/1000')).subledger).toBeNull();
  });

  it('refuses a taken code, a second sub-ledger on one account, unknown accounts and accounts with lines', async () => {
    const sameCode = await ledger.post('/subledgers', { code: 'AR', name: 'Again', control_account: '1200' });
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.error.code).toBe('conflict');
    const sameAccount = await ledger.post('/subledgers', { code: 'AR2', name: 'Again', control_account: '1100' });
    expect(sameAccount.status).toBe(409);
    expect(sameAccount.body.error.code).toBe('conflict');
    const unknown = await ledger.post('/subledgers', { code: 'AP', name: 'Payables', control_account: '9999' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_account');

    await ledger.postEntry(entry('2026-01-02', [dr('1200', '5.00'), cr('4000', '5.00')]));
    const withLines = await ledger.post('/subledgers', { code: 'LOANS', name: 'Loans', control_account: '1200' });
    expect(withLines.status).toBe(409);
    expect(withLines.body.error.code).toBe('conflict');
    expect(withLines.body.error.details[0].path).toBe('control_account');
    expect((await ledger.get('/subledgers/LOANS')).status).toBe(404);
    expect((await ledger.ok('GET', '/accounts/1200')).subledger).toBeNull();
    // A line on 1200 still needs no party: it did not become a control account.
    expect((await ledger.post('/journal-entries', entry('2026-01-03', [dr('1200', '1.00'), cr('4000', '1.00')]))).status).toBe(201);

    for (const body of [{ code: 'X', name: 'X' }, { code: 'bad code', name: 'X', control_account: '2100' }, { code: 'X', name: 'X', control_account: '2100', extra: 1 }]) {
      const bad = await ledger.post('/subledgers', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    const missing = await ledger.get('/subledgers/NOPE');
    expect(missing.status).toBe(404);
    expect((await ledger.get('/subledgers/NOPE/balances')).status).toBe(404);
  });

  it('lines on the control account must name a party (422 subledger_account_required)', async () => {
    const before = await ledger.entryCount();
    const refused = await ledger.post('/journal-entries', entry('2026-01-05', [dr('1100', '10.00'), cr('4000', '10.00')]));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('subledger_account_required');
    expect(refused.body.error.details[0].path).toBe('lines.0.subledger_account');
    const second = await ledger.post(
      '/journal-entries',
      entry('2026-01-05', [dr('1100', '10.00', { subledger_account: 'cus_A' }), cr('1100', '4.00'), cr('4000', '6.00')]),
    );
    expect(second.body.error.code).toBe('subledger_account_required');
    expect(second.body.error.details[0].path).toBe('lines.1.subledger_account');
    expect(await ledger.entryCount()).toBe(before);
    expect(await expectTotalsMatchControl()).toMatchObject({ data: [], totals: [] });
  });

  it('keeps per-party balances whose totals equal the control account at any as_of', async () => {
    await ledger.postEntry(entry('2026-01-10', [dr('1100', '100.00', { subledger_account: 'cus_A' }), cr('4000', '100.00')]));
    await ledger.postEntry(entry('2026-01-20', [dr('1100', '50.00', { subledger_account: 'cus_B' }), cr('4000', '50.00')]));
    await ledger.postEntry(entry('2026-02-05', [dr('1000', '40.00'), cr('1100', '40.00', { subledger_account: 'cus_A' })]));
    await ledger.postEntry(
      entry('2026-02-10', [dr('1100', '10.00', { subledger_account: 'cus_C' }), dr('1100', '0.01', { subledger_account: 'cus_A' }), cr('4000', '10.01')]),
    );

    const now = await expectTotalsMatchControl();
    expect(now).toMatchObject({ subledger: 'AR', control_account: '1100', as_of: null, totalResults: 3 });
    expect(now.data).toEqual([
      { subledger_account: 'cus_A', name: null, currency: 'USD', debits: '100.01', credits: '40.00', balance: '60.01' },
      { subledger_account: 'cus_B', name: null, currency: 'USD', debits: '50.00', credits: '0.00', balance: '50.00' },
      { subledger_account: 'cus_C', name: null, currency: 'USD', debits: '10.00', credits: '0.00', balance: '10.00' },
    ]);
    expect(now.totals).toEqual([{ currency: 'USD', debits: '160.01', credits: '40.00', balance: '120.01' }]);

    const endOfJanuary = await expectTotalsMatchControl('2026-01-31');
    expect(endOfJanuary.as_of).toBe('2026-01-31');
    expect(parties(endOfJanuary.data)).toEqual([
      ['cus_A', 'USD', '100.00'],
      ['cus_B', 'USD', '50.00'],
    ]);
    expect(endOfJanuary.totals[0].balance).toBe('150.00');
    expect(parties((await expectTotalsMatchControl('2026-01-15')).data)).toEqual([['cus_A', 'USD', '100.00']]);
    expect((await expectTotalsMatchControl('2026-02-05')).totals[0].balance).toBe('110.00');
    expect(await expectTotalsMatchControl('2025-12-31')).toMatchObject({ data: [], totals: [] });

    const page = await ledger.get('/subledgers/AR/balances?limit=2&page=2');
    expect(page.body).toMatchObject({ page: 2, limit: 2, totalPages: 2, totalResults: 3 });
    expect(parties(page.body.data)).toEqual([['cus_C', 'USD', '10.00']]);
    expect(page.body.totals).toEqual(now.totals);
    expect((await ledger.get('/subledgers/AR/balances?as_of=2026-02-30')).status).toBe(400);
  });

  it('reversals, batches and other currencies keep every party and the totals in step', async () => {
    const sale = await ledger.postEntry(entry('2026-03-01', [dr('1100', '25.00', { subledger_account: 'cus_B' }), cr('4000', '25.00')]));
    const reversal = await ledger.ok('POST', `/journal-entries/${sale.id}/reverse`, { date: '2026-03-02' });
    expect(reversal.lines[0]).toMatchObject({ account: '1100', credit: '25.00', subledger_account: 'cus_B' });
    await ledger.ok('POST', '/journal-entries/batch', {
      entries: [
        entry('2026-03-03', [dr('1000', '50.00'), cr('1100', '50.00', { subledger_account: 'cus_B' })]),
        entry('2026-03-04', [dr('1100', '7.50', { subledger_account: 'cus_D' }), cr('4000', '7.50')], { currency: 'EUR' }),
      ],
    });

    const now = await expectTotalsMatchControl();
    expect(parties(now.data)).toEqual([
      ['cus_A', 'USD', '60.01'],
      ['cus_B', 'USD', '0.00'],
      ['cus_C', 'USD', '10.00'],
      ['cus_D', 'EUR', '7.50'],
    ]);
    expect(now.data[1]).toMatchObject({ debits: '75.00', credits: '75.00' });
    expect(now.totals).toEqual([
      { currency: 'EUR', debits: '7.50', credits: '0.00', balance: '7.50' },
      { currency: 'USD', debits: '185.01', credits: '115.00', balance: '70.01' },
    ]);
    for (const asOf of ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04']) await expectTotalsMatchControl(asOf);
    expect(parties((await expectTotalsMatchControl('2026-03-01')).data)).toContainEqual(['cus_B', 'USD', '75.00']);

    // The statement of the control account names the party of every line.
    const lines = (await ledger.allPages('/accounts/1100/lines?limit=100')).flatMap((p) => p.data);
    expect(lines.every((l) => typeof l.subledger_account === 'string' && l.subledger_account.startsWith('cus_'))).toBe(true);
    expect(lines).toHaveLength(9);
  });
});

/**
 * Closing the books over HTTP: the month-close guard (period_not_ended unless force), and the
 * year-end close — its closing entries, the income statement that still reads right, the balance
 * sheet that holds throughout — and its reopening, which leaves every report as before.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, fmt, type Ledger } from './ledgerClient.js';

const today = () => new Date().toISOString().slice(0, 10);
const monthOf = (date: string) => date.slice(0, 7);
const MONTH_ENDS = ['2025-01-31', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-30', '2025-12-31', '2026-01-31'];

/** Every report and balance a finance user reads about 2025, in both currencies. */
async function snapshot(ledger: Ledger) {
  const shot: Record<string, unknown> = {};
  for (const currency of ['USD', 'EUR']) {
    for (const asOf of MONTH_ENDS) {
      shot[`tb ${currency} ${asOf}`] = await ledger.ok('GET', `/reports/trial-balance?currency=${currency}&as_of=${asOf}`);
      shot[`bs ${currency} ${asOf}`] = await ledger.ok('GET', `/reports/balance-sheet?currency=${currency}&as_of=${asOf}`);
    }
    shot[`is ${currency} 2025`] = await ledger.ok('GET', `/reports/income-statement?currency=${currency}&from=2025-01-01&to=2025-12-31`);
    shot[`is ${currency} 2025-Q4`] = await ledger.ok('GET', `/reports/income-statement?currency=${currency}&from=2025-10-01&to=2025-12-31`);
  }
  // Balances, not gross debits and credits: a close and its reopening add the same amount to both.
  for (const code of ['1000', '3000', '3900', '4000', '4100', '5000', '6100', '6300']) {
    shot[`balance ${code}`] = (await ledger.balances(code)).filter((b) => !/^0(\.0+)?$/.test(b.balance)).map((b) => [b.currency, b.balance]);
  }
  return shot;
}

async function saasBooks(links: TestLinks, name: string): Promise<Ledger> {
  const ledger = (await createLedgerTenant(links, name)).sandbox;
  await ledger.ok('POST', '/chart-templates/saas/apply');
  return ledger;
}

describe.skipIf(!postgresAvailable())('closing the books', () => {
  let links: TestLinks;
  useTestServer(async (started) => {
    links = started;
  });

  describe('month-close guard', () => {
    let ledger: Ledger;
    beforeAll(async () => {
      ledger = (await createLedgerTenant(links, 'Close guard')).sandbox;
    });

    it('a month that has not ended is 422 period_not_ended, unless force: true; an ended month closes as before', async () => {
      for (const period of [monthOf(today()), '2999-12']) {
        const refused = await ledger.post(`/periods/${period}/close`);
        expect(refused.status, period).toBe(422);
        expect(refused.body.error.code).toBe('period_not_ended');
        expect(refused.body.error.message).toContain('force');
        expect(refused.body.error.details[0].path).toBe('force');
        expect((await ledger.post(`/periods/${period}/close`, { force: false })).status).toBe(422);
      }
      expect(((await ledger.ok('GET', '/periods?limit=100')) as unknown[]).length).toBe(0);
      const forced = await ledger.post(`/periods/${monthOf(today())}/close`, { force: true });
      expect(forced.status).toBe(200);
      expect(forced.body.data.status).toBe('closed');
      const ended = await ledger.post('/periods/2025-11/close');
      expect(ended.status).toBe(200);
      expect((await ledger.post('/periods/2025-11/close', { force: 'yes' })).status).toBe(400);
    });
  });

  describe('year-end close and reopen', () => {
    let ledger: Ledger;
    let before: Record<string, unknown>;
    beforeAll(async () => {
      ledger = await saasBooks(links, 'Year end');
      const batch = [
        entry('2025-01-10', [dr('1000', '5000.00'), cr('3000', '5000.00')]),
        entry('2025-02-01', [dr('1000', '1200.00'), cr('4000', '1200.00')]),
        entry('2025-06-15', [dr('1000', '300.00'), cr('4100', '300.00')]),
        entry('2025-07-01', [dr('5000', '250.00'), cr('1000', '250.00')]),
        entry('2025-12-31', [dr('6300', '5.00'), dr('6100', '700.00'), cr('1000', '705.00')]),
        entry('2025-03-03', [dr('1000', '80.00'), cr('4000', '80.00')], { currency: 'EUR' }),
        entry('2025-04-04', [dr('6100', '100.00'), cr('1000', '100.00')], { currency: 'EUR' }),
        entry('2026-01-05', [dr('1000', '40.00'), cr('4000', '40.00')]),
      ];
      await ledger.ok('POST', '/journal-entries/batch', { entries: batch });
      before = await snapshot(ledger);
    });

    it('posts one closing entry per currency into the template’s retained earnings and closes the twelve months', async () => {
      const closed = await ledger.post('/periods/2025/close-year', undefined, { 'Idempotency-Key': 'ye-2025' });
      expect(closed.status, closed.text).toBe(200);
      expect(closed.body.data).toMatchObject({ year: '2025', status: 'closed', retained_earnings_account: '3900' });
      expect(closed.body.data.periods).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
      expect(closed.body.data.entries).toHaveLength(2);
      const replay = await ledger.post('/periods/2025/close-year', undefined, { 'Idempotency-Key': 'ye-2025' });
      expect(replay.body).toEqual(closed.body);

      const [eur, usd] = await Promise.all(closed.body.data.entries.map((id: string) => ledger.ok('GET', `/journal-entries/${id}`)));
      expect(usd).toMatchObject({ date: '2025-12-31', reference: 'year-end:2025', currency: 'USD', metadata: { closing: true, closing_year: '2025', retained_earnings_account: '3900' } });
      const lines = (e: any) => e.lines.map((l: any) => [l.account, l.debit, l.credit]);
      expect(lines(usd)).toEqual([
        ['4000', '1200.00', null],
        ['4100', '300.00', null],
        ['5000', null, '250.00'],
        ['6100', null, '700.00'],
        ['6300', null, '5.00'],
        ['3900', null, '545.00'],
      ]);
      expect(lines(eur)).toEqual([
        ['4000', '80.00', null],
        ['6100', null, '100.00'],
        ['3900', '20.00', null],
      ]);

      const periods = (await ledger.ok('GET', '/periods?limit=100')) as Array<{ period: string; status: string }>;
      expect(periods.filter((p) => p.period.startsWith('2025-')).every((p) => p.status === 'closed')).toBe(true);
      expect(periods.find((p) => p.period === '2026-01')!.status).toBe('open');
      const late = await ledger.post('/journal-entries', entry('2025-05-05', [dr('6300', '1.00'), cr('1000', '1.00')]));
      expect(late.body.error.code).toBe('period_closed');
      const again = await ledger.post('/periods/2025/close-year');
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
    });

    it('after the close: the income statement of 2025 reads as before, revenue and expenses are zero at year end, the result sits in 3900', async () => {
      const after = await snapshot(ledger);
      for (const key of ['is USD 2025', 'is EUR 2025', 'is USD 2025-Q4', 'is EUR 2025-Q4']) expect(after[key], key).toEqual(before[key]);
      // Before 31 December nothing changed.
      for (const key of Object.keys(before).filter((k) => !k.includes('2025-12-31') && !k.includes('2026-01-31') && !k.startsWith('balance '))) expect(after[key], key).toEqual(before[key]);
      const sheet = after['bs USD 2025-12-31'] as any;
      expect(sheet.equity.accounts).toEqual([
        { code: '3000', name: 'Owner equity', balance: '5000.00' },
        { code: '3900', name: 'Retained earnings', balance: '545.00' },
      ]);
      expect(sheet.equity.current_earnings).toBe('0.00');
      expect(sheet.total_liabilities_and_equity).toBe((before['bs USD 2025-12-31'] as any).total_liabilities_and_equity);
      expect(sheet.assets.total).toBe(sheet.total_liabilities_and_equity);
      expect(await ledger.balance('4000', 'USD', 'as_of=2025-12-31')).toBe('0.00');
      expect(await ledger.balance('4000', 'USD')).toBe('40.00');
      expect(await ledger.balance('3900', 'EUR')).toBe('-20.00');
      const trial = after['tb USD 2025-12-31'] as any;
      expect(trial.accounts.map((a: any) => a.code)).toEqual(['1000', '3000', '3900']);
    });

    it('reopening the year reverses the closing entries and leaves every report and balance as before the close', async () => {
      const reopened = await ledger.post('/periods/2025/reopen-year');
      expect(reopened.status, reopened.text).toBe(200);
      expect(reopened.body.data).toMatchObject({ year: '2025', status: 'open', retained_earnings_account: '3900' });
      expect(reopened.body.data.entries).toHaveLength(2);
      expect(await snapshot(ledger)).toEqual(before);
      const periods = (await ledger.ok('GET', '/periods?limit=100')) as Array<{ period: string; status: string }>;
      expect(periods.filter((p) => p.period.startsWith('2025-')).every((p) => p.status === 'open')).toBe(true);
      const reversal = await ledger.ok('GET', `/journal-entries/${reopened.body.data.entries[0]}`);
      expect(reversal).toMatchObject({ date: '2025-12-31', reference: 'year-end:2025', metadata: { closing: true } });
      expect(reversal.reversal_of).not.toBeNull();
      // Reopening an open year posts nothing.
      const count = await ledger.entryCount();
      const twice = await ledger.post('/periods/2025/reopen-year');
      expect(twice.status).toBe(200);
      expect(twice.body.data.entries).toEqual([]);
      expect(await ledger.entryCount()).toBe(count);
      // It may be closed again, and reads the same.
      expect((await ledger.post('/periods/2025/close-year')).status).toBe(200);
      expect((await snapshot(ledger))['is USD 2025']).toEqual(before['is USD 2025']);
      expect((await ledger.post('/periods/2025/reopen-year')).status).toBe(200);
      expect(await snapshot(ledger)).toEqual(before);
      const audit = (await ledger.ok('GET', '/audit-events?limit=100')) as Array<{ action: string }>;
      expect(audit.filter((e) => e.action === 'year.closed').length).toBe(2);
      expect(audit.filter((e) => e.action === 'year.reopened').length).toBe(3);
    });

    it('a year not yet over needs force; the retained-earnings account must be equity and known', async () => {
      const year = today().slice(0, 4);
      const refused = await ledger.post(`/periods/${year}/close-year`);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('period_not_ended');
      for (const [body, status, code] of [
        [{ retained_earnings_account: '4000' }, 400, 'invalid_request'],
        [{ retained_earnings_account: 'NOPE' }, 422, 'unknown_account'],
        [{ retained_earnings_account: 3900 }, 400, 'invalid_request'],
        [{ other: true }, 400, 'invalid_request'],
      ] as const) {
        const bad = await ledger.post('/periods/2025/close-year', body);
        expect([bad.status, bad.body.error.code], JSON.stringify(body)).toEqual([status, code]);
      }
      expect((await ledger.post('/periods/25/close-year')).status).toBe(400);
      const unmarked = (await createLedgerTenant(links, 'Year end unmarked')).sandbox;
      await unmarked.createAccount('3000', 'equity');
      const none = await unmarked.post('/periods/2025/close-year');
      expect(none.status).toBe(422);
      expect(none.body.error.code).toBe('unknown_account');
      expect(none.body.error.message).toContain('retained_earnings');
      expect(await snapshot(ledger)).toEqual(before);

      const forced = await ledger.post(`/periods/${year}/close-year`, { force: true, retained_earnings_account: '3000' });
      expect(forced.status, forced.text).toBe(200);
      expect(forced.body.data.retained_earnings_account).toBe('3000');
      expect((await ledger.post(`/periods/${year}/reopen-year`)).status).toBe(200);
      expect(await snapshot(ledger)).toEqual(before);
    });
  });

  it('property: random postings across a year → close → the year’s result is in retained earnings → reopen → every balance as before', async () => {
    const CODES = ['1000', '2000', '2400', '3000', '4000', '4100', '5000', '6100', '6300'];
    const RESULT = ['4000', '4100', '5000', '6100', '6300'];
    const leg = fc.record({
      debit: fc.constantFrom(...CODES),
      credit: fc.constantFrom(...CODES),
      cents: fc.bigInt(1n, 1_000_000n),
      day: fc.integer({ min: 0, max: 364 }),
      currency: fc.constantFrom('USD', 'EUR'),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(leg, { minLength: 1, maxLength: 25 }), async (legs) => {
        const ledger = await saasBooks(links, `Year end property ${++run}`);
        const entries = legs.map((l) =>
          entry(new Date(Date.UTC(2025, 0, 1 + l.day)).toISOString().slice(0, 10), [dr(l.debit, fmt(l.cents)), cr(l.credit, fmt(l.cents))], { currency: l.currency }),
        );
        await ledger.ok('POST', '/journal-entries/batch', { entries });
        const expected = new Map<string, bigint>();
        for (const l of legs) {
          for (const [code, sign] of [[l.debit, 1n], [l.credit, -1n]] as const) {
            if (RESULT.includes(code)) expected.set(l.currency, (expected.get(l.currency) ?? 0n) + sign * l.cents);
          }
        }
        const prior = await snapshot(ledger);
        const closed = await ledger.ok('POST', '/periods/2025/close-year');
        const after = await snapshot(ledger);
        for (const currency of ['USD', 'EUR']) {
          expect(after[`is ${currency} 2025`]).toEqual(prior[`is ${currency} 2025`]);
          const sheet = after[`bs ${currency} 2025-12-31`] as any;
          expect(sheet.equity.current_earnings === '0.00' || sheet.equity.current_earnings === '0').toBe(true);
          expect(sheet.total_liabilities_and_equity).toBe((prior[`bs ${currency} 2025-12-31`] as any).total_liabilities_and_equity);
          // A debit-side result (a loss) lowers retained earnings; the balance is shown credit-side.
          const retained = (await ledger.balance('3900', currency)) ?? '0.00';
          expect(retained).toBe(fmt(-(expected.get(currency) ?? 0n)));
        }
        // One closing entry per currency in which some revenue or expense account moved over the year.
        const moved = new Set<string>();
        for (const currency of ['USD', 'EUR']) {
          const nets = new Map<string, bigint>();
          for (const l of legs.filter((x) => x.currency === currency)) {
            nets.set(l.debit, (nets.get(l.debit) ?? 0n) + l.cents);
            nets.set(l.credit, (nets.get(l.credit) ?? 0n) - l.cents);
          }
          if ([...nets].some(([code, net]) => RESULT.includes(code) && net !== 0n)) moved.add(currency);
        }
        expect(closed.entries.length).toBe(moved.size);
        await ledger.ok('POST', '/periods/2025/reopen-year');
        expect(await snapshot(ledger)).toEqual(prior);
      }),
      { numRuns: 6, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 300_000);
});

/**
 * Concurrency of the ledger write path (idempotency, reversals, periods),
 * over HTTP against one real server: many clients at once on the same accounts, one
 * Idempotency-Key repeated at once, one entry reversed at once, a month closed while postings
 * race into it. Every amount is tracked exactly in BigInt minor units; random values come from
 * fast-check with a fixed seed, so a failure reproduces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { Api, balanceMap, createChart, entryCount, fmt, newTenant, parse, statement } from './ledgerModel.js';

/** debit 1000 (cash) x, debit 5000 (rent) y, credit 4000 (sales) x + y — every entry touches all three. */
function entry(date: string, x: bigint, y: bigint, description: string, flip = false) {
  const lines = [
    { account: '1000', debit: fmt(x, 'USD') },
    { account: '5000', debit: fmt(y, 'USD') },
    { account: '4000', credit: fmt(x + y, 'USD') },
  ];
  return { date, description, currency: 'USD', reference: description, lines: flip ? lines.reverse() : lines };
}

/** The three accounts' USD balances, as the API shows them. */
async function hotBalances(api: Api, asOf?: string) {
  const out: Record<string, unknown> = {};
  for (const code of ['1000', '4000', '5000']) out[code] = balanceMap((await api.get(`/accounts/${code}/balance${asOf ? `?as_of=${asOf}` : ''}`)).data.balances);
  return out;
}

/** What the three balances must be after postings summing to x and y. */
function expectedBalances(x: bigint, y: bigint) {
  const row = (debits: bigint, credits: bigint, balance: bigint) =>
    debits === 0n && credits === 0n ? {} : { USD: { debits: fmt(debits, 'USD'), credits: fmt(credits, 'USD'), balance: fmt(balance, 'USD') } };
  return { '1000': row(x, 0n, x), '4000': row(0n, x + y, x + y), '5000': row(y, 0n, y) };
}

const describeResult = (r: HttpResult) => `${r.status} ${r.text.slice(0, 300)}`;

describe.skipIf(!postgresAvailable())('ledger concurrency', () => {
  let links: TestLinks;
  useTestServer((started) => {
    links = started;
  });

  it('16 clients posting 15 entries each to the same three accounts: every post is acknowledged and counted exactly', async () => {
    const CLIENTS = 16;
    const PER_CLIENT = 15;
    const clients = await newTenant(links, 'hot', CLIENTS);
    await createChart(clients[0]!);
    const plan = fc.sample(
      fc.record({ x: fc.bigInt(1n, 10n ** 11n), y: fc.bigInt(1n, 10n ** 7n), day: fc.integer({ min: 1, max: 28 }), flip: fc.boolean() }),
      { seed: 1601, numRuns: CLIENTS * PER_CLIENT },
    );
    const outcomes = await Promise.all(
      clients.map(async (api, c) => {
        const mine: Array<{ result: HttpResult; x: bigint; y: bigint }> = [];
        for (let i = 0; i < PER_CLIENT; i++) {
          const { x, y, day, flip } = plan[c * PER_CLIENT + i]!;
          const body = entry(`2026-05-${String(day).padStart(2, '0')}`, x, y, `hot-${c}-${i}`, flip);
          mine.push({ result: await api.send('POST', '/journal-entries', body, `hot-${c}-${i}`), x, y });
        }
        return mine;
      }),
    );
    const all = outcomes.flat();
    expect(all.filter((o) => o.result.status !== 201).map((o) => describeResult(o.result))).toEqual([]);
    expect(all.filter((o) => o.result.headers.get('idempotent-replayed') !== null).map((o) => describeResult(o.result))).toEqual([]);
    expect(new Set(all.map((o) => o.result.body.data.id)).size).toBe(CLIENTS * PER_CLIENT);

    const x = all.reduce((s, o) => s + o.x, 0n);
    const y = all.reduce((s, o) => s + o.y, 0n);
    const api = clients[0]!;
    expect(await entryCount(api)).toBe(CLIENTS * PER_CLIENT);
    expect(await hotBalances(api)).toEqual(expectedBalances(x, y));
    expect(await hotBalances(api, '2026-05-31')).toEqual(expectedBalances(x, y));
    const tb = (await api.get('/reports/trial-balance?currency=USD')).data;
    expect([tb.total_debits, tb.total_credits]).toEqual([fmt(x + y, 'USD'), fmt(x + y, 'USD')]);
    const sales = await statement(api, '4000', 100);
    expect(sales.lines).toHaveLength(CLIENTS * PER_CLIENT);
    expect(sales.lines.at(-1).running_balance).toBe(fmt(x + y, 'USD'));
    expect(sales.lines.reduce((s, l) => s + parse(l.credit, 'USD'), 0n)).toBe(x + y);
  });

  it('25 concurrent requests with one Idempotency-Key and one body create exactly one entry', async () => {
    const [api] = await newTenant(links, 'idem');
    await createChart(api!);
    const body = entry('2026-05-10', 123_456n, 789n, 'idem-once');
    const results = await Promise.all(Array.from({ length: 25 }, () => api!.send('POST', '/journal-entries', body, 'one-key-for-all')));
    expect(results.filter((r) => r.status !== 201).map(describeResult)).toEqual([]);
    const ids = new Set(results.map((r) => r.body.data.id));
    expect(ids.size).toBe(1);
    const replayed = results.filter((r) => r.headers.get('idempotent-replayed') === 'true');
    expect(replayed).toHaveLength(24);
    const original = results.find((r) => r.headers.get('idempotent-replayed') === null)!;
    for (const r of replayed) expect(r.body).toEqual(original.body);

    const listed = await api!.get('/journal-entries?reference=idem-once');
    expect(listed.totalResults).toBe(1);
    expect(listed.data[0].id).toBe([...ids][0]);
    expect(await entryCount(api!)).toBe(1);
    expect(await hotBalances(api!)).toEqual(expectedBalances(123_456n, 789n));
  });

  it('concurrent reversals of one entry: exactly one 201, every other 409 already_reversed', async () => {
    const [api] = await newTenant(links, 'reverse');
    await createChart(api!);
    const original = await api!.must('POST', '/journal-entries', entry('2026-05-03', 50_000n, 2_500n, 'rev-race'), 201);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api!.send('POST', `/journal-entries/${original.id}/reverse`, { date: '2026-05-20', description: `racer ${i}` })),
    );
    const winners = results.filter((r) => r.status === 201);
    expect(winners.map(describeResult)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 201);
    expect(losers.map((r) => [r.status, r.body?.error?.code])).toEqual(Array.from({ length: 19 }, () => [409, 'already_reversed']));

    const reversal = winners[0]!.body.data;
    expect(reversal.reversal_of).toBe(original.id);
    expect((await api!.get(`/journal-entries/${original.id}`)).data.reversed_by).toBe(reversal.id);
    const listed = await api!.get('/journal-entries?reference=rev-race');
    expect(listed.data.map((e: { id: string }) => e.id).sort()).toEqual([original.id, reversal.id].sort());
    expect(await hotBalances(api!)).toEqual({
      '1000': { USD: { debits: '500.00', credits: '500.00', balance: '0.00' } },
      '4000': { USD: { debits: '525.00', credits: '525.00', balance: '0.00' } },
      '5000': { USD: { debits: '25.00', credits: '25.00', balance: '0.00' } },
    });
    expect(await hotBalances(api!, '2026-05-19')).toEqual(expectedBalances(50_000n, 2_500n));
  });

  it('closing a month while 12 clients post into it: each post is 201 and counted, or 422 period_closed; nothing lands after the close', async () => {
    const POSTERS = 12;
    const clients = await newTenant(links, 'close', POSTERS + 1);
    const [closer] = clients;
    await createChart(closer!);
    const amounts = fc.sample(fc.bigInt(1n, 10n ** 9n), { seed: 2607, numRuns: 2000 });
    let sumX = 0n; // what the acknowledged postings of all rounds add up to; each also books 0.01 rent
    let sumY = 0n;
    // Entries the server itself says it created in a month after that month's close took effect (its changed_at).
    const createdAfterClose: string[] = [];
    // Twelve rounds, one month each: the race is narrow, so one round alone rarely shows it.
    const months = Array.from({ length: 12 }, (_, i) => `${2026 + Math.floor((i + 5) / 12)}-${String(((i + 5) % 12) + 1).padStart(2, '0')}`);
    for (const month of months) {
      let next = 0;
      let acknowledged = 0;
      let closeAckAt = Number.POSITIVE_INFINITY;
      const posts: Array<{ sentAt: number; result: HttpResult; x: bigint }> = [];
      const poster = async (api: Api, c: number) => {
        // Post until two requests sent after the close was acknowledged have come back.
        for (let afterClose = 0; afterClose < 2; ) {
          if (posts.length > 1500) throw new Error('the close never took effect');
          const x = amounts[next++ % amounts.length]!;
          const sentAt = performance.now();
          const result = await api.send('POST', '/journal-entries', entry(`${month}-${String(1 + (next % 28)).padStart(2, '0')}`, x, 1n, `${month}-${c}`));
          posts.push({ sentAt, result, x });
          if (result.status === 201) acknowledged++;
          if (sentAt > closeAckAt) afterClose++;
        }
      };
      const close = async () => {
        while (acknowledged < 2 * POSTERS && posts.length <= 1500) await new Promise((resolve) => setTimeout(resolve, 1));
        const result = await closer!.send('POST', `/periods/${month}/close`, { force: true });
        closeAckAt = performance.now();
        expect([result.status, result.body?.data?.status], describeResult(result)).toEqual([200, 'closed']);
        // Right after the close is acknowledged: what the month holds now, it must hold for good.
        return { changedAt: result.body.data.changed_at as string, balances: await hotBalances(closer!, `${month}-28`) };
      };
      const [{ changedAt, balances: afterClose }] = await Promise.all([close(), ...clients.slice(1).map((api, c) => poster(api, c))]);

      const unexpected = posts.filter((p) => p.result.status !== 201 && !(p.result.status === 422 && p.result.body?.error?.code === 'period_closed'));
      expect(unexpected.map((p) => describeResult(p.result)), month).toEqual([]);
      const late = posts.filter((p) => p.sentAt > closeAckAt && p.result.status !== 422);
      expect(late.map((p) => describeResult(p.result)), `${month}: posted after its close was acknowledged`).toEqual([]);
      const accepted = posts.filter((p) => p.result.status === 201);
      expect(accepted.length, month).toBeGreaterThan(0);
      expect(posts.length - accepted.length, month).toBeGreaterThanOrEqual(2 * POSTERS);
      for (const p of accepted) {
        const e = p.result.body.data;
        if (e.created_at > changedAt) createdAfterClose.push(`${month}: entry ${e.id} created_at ${e.created_at} > period closed at ${changedAt}`);
      }

      sumX += accepted.reduce((s, p) => s + p.x, 0n);
      sumY += BigInt(accepted.length);
      const total = await hotBalances(closer!, `${month}-28`);
      expect(total, `${month}: the balances are exactly the acknowledged postings`).toEqual(expectedBalances(sumX, sumY));
      expect(await hotBalances(closer!), month).toEqual(total);
      expect(afterClose, `${month}: the closed month changed after its close was acknowledged`).toEqual(total);
      expect(await entryCount(closer!, `&from=${month}-01&to=${month}-28`)).toBe(accepted.length);
      const periods = await closer!.get('/periods?limit=100');
      expect(periods.data.find((p: { period: string }) => p.period === month)?.status).toBe('closed');
    }
    // A posting the server accepted after the close had taken effect is a posting into a closed month.
    expect(createdAfterClose, 'entries created in a month after it was closed').toEqual([]);
  }, 120_000);
});

/**
 * Crash safety of records into the books: `kill -9` the server in the middle of CSV syncs, restart,
 * sync again. Every invoice ends posted exactly once (no version posts twice, none is lost), an
 * amount changed in the source posts exactly one adjusting entry even when the sync that carries
 * it is killed, and the books balance with a valid chain. Both databases.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { billingBooks, crashTenant, invoicesCsv } from '../support/crashTenant.js';
import { newStorage, postgresAvailable, type TestStorage } from '../support/linksServer.js';

/** Enough rows that a sync takes seconds, so the kills land in the middle of one. */
const INVOICES = 1200;

const amountOf = (changed: boolean) => (i: number) => (changed && i % 10 === 0 ? 500 + i : 100 + i);
const totalOf = (changed: boolean) => Array.from({ length: INVOICES }, (_, i) => amountOf(changed)(i)).reduce((a, b) => a + b, 0);

describe.skipIf(!postgresAvailable())('crash safety: kill -9 during syncs', () => {
  const storage: TestStorage = newStorage();
  afterAll(() => storage.destroy());

  it('syncs killed at random moments post every invoice once, and every change once', { timeout: 300_000 }, async () => {
    const tenant = await crashTenant(storage, 'Sync crash');
    const { request, api } = tenant;
    const invoices = await billingBooks(tenant, invoicesCsv(INVOICES, amountOf(false)));

    const delays = fc.sample(fc.integer({ min: 100, max: 600 }), { numRuns: 4, seed: 20261207 });
    const killDuringSync = async (delay: number) => {
      const sync = request('POST', `/external-connections/${invoices.id}/sync`).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await tenant.kill();
      await sync;
      await tenant.restart();
    };
    for (const delay of delays.slice(0, 2)) await killDuringSync(delay);
    const settled = await api('POST', `/external-connections/${invoices.id}/sync`);
    expect(settled.created + settled.updated + settled.unchanged).toBe(INVOICES);
    expect(settled).toMatchObject({ updated: 0, rejected: 0 });
    const killedBefore = INVOICES - settled.created;
    expect(settled.created, 'the kills must interrupt the first sync, or this tests nothing').toBeGreaterThan(0);

    await api('PUT', `/external-connections/${invoices.id}`, { csv: invoicesCsv(INVOICES, amountOf(true)) });
    for (const delay of delays.slice(2)) await killDuringSync(delay);
    expect(await api('POST', `/external-connections/${invoices.id}/sync`)).toMatchObject({ created: 0, rejected: 0 });
    expect(await api('POST', `/external-connections/${invoices.id}/sync`)).toMatchObject({ created: 0, updated: 0, unchanged: INVOICES });

    const entries = (await request('GET', '/journal-entries?limit=1')).body.totalResults;
    expect(entries).toBe(INVOICES + INVOICES / 10);
    const receivable = await api('GET', '/accounts/1100/balance');
    expect(receivable.balances[0].balance).toBe(`${totalOf(true)}.00`);
    const listed = await request('GET', '/unified/invoices?limit=1');
    expect(listed.body.totalResults).toBe(INVOICES);
    const trial = await api('GET', '/reports/trial-balance?currency=USD');
    expect(trial.total_debits).toBe(trial.total_credits);
    expect(await api('GET', '/ledger/verify')).toMatchObject({ valid: true, entries });
    console.info(
      `reliability | sync crash (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${INVOICES} invoices, 4 × kill -9 mid-sync | ${killedBefore} in when the kills stopped the first sync, the rest re-synced | ` +
        `${entries} entries: each invoice once, each change once, chain valid`,
    );
    await tenant.stop();
  });
});

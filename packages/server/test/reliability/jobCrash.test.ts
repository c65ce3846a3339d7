/**
 * Jobs survive `kill -9`: an asynchronous sync (Prefer: respond-async) and a reaccount run are each
 * killed mid-job; after the restart the job is taken over (embedded: at start; PostgreSQL: when its
 * lease lapses), resumes, and succeeds, and nothing is posted twice: one entry per invoice, one
 * adjustment per invoice after the rule change, a second reaccount posting nothing, a valid chain.
 * Both databases.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { billingBooks, crashTenant, invoicesCsv } from '../support/crashTenant.js';
import { newStorage, postgresAvailable, type TestStorage } from '../support/linksServer.js';

const INVOICES = 1200;
const TOTAL = Array.from({ length: INVOICES }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);

describe.skipIf(!postgresAvailable())('crash safety: kill -9 during jobs', () => {
  const storage: TestStorage = newStorage();
  afterAll(() => storage.destroy());

  it('a killed async sync and a killed reaccount resume after restart and post nothing twice', { timeout: 600_000 }, async () => {
    const tenant = await crashTenant(storage, 'Job crash');
    const { request, api } = tenant;
    const job = (id: string) => api('GET', `/jobs/${id}`);
    /** Kills the server once the job has committed some but not all of its steps, then restarts it. */
    const killMidJob = async (id: string) => {
      for (;;) {
        const seen = await job(id);
        expect(seen.status, `the ${seen.kind} job must still be running when it is killed, or this tests nothing (progress ${JSON.stringify(seen.progress)})`).not.toMatch(/succeeded|failed/);
        if (seen.status === 'running' && seen.progress.done > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await tenant.kill();
      await tenant.restart();
    };
    const finished = async (id: string) => {
      for (;;) {
        const seen = await job(id);
        if (seen.status === 'succeeded' || seen.status === 'failed') return seen;
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    const invoices = await billingBooks(tenant, invoicesCsv(INVOICES, (i) => 100 + i), ['4100']);

    const asyncSync = await request('POST', `/external-connections/${invoices.id}/sync`, undefined, { prefer: 'respond-async' });
    expect(asyncSync.status, asyncSync.text).toBe(202);
    expect(asyncSync.headers.get('preference-applied')).toBe('respond-async');
    expect(asyncSync.headers.get('location')).toBe(`/api/v1/jobs/${asyncSync.body.data.id}`);
    await killMidJob(asyncSync.body.data.id);
    const synced = await finished(asyncSync.body.data.id);
    expect(synced, JSON.stringify(synced.error)).toMatchObject({ status: 'succeeded', progress: { done: INVOICES, total: INVOICES }, result: { rows: INVOICES, rejected: 0 } });
    expect(synced.result.created + synced.result.unchanged).toBe(INVOICES);
    const entriesAfterSync = (await request('GET', '/journal-entries?limit=1')).body.totalResults;
    expect(entriesAfterSync).toBe(INVOICES);

    await api('PUT', '/accounting-rules/invoice.issued', { credit_account: '4100' });
    const run = await api('POST', '/accounting/runs', { mode: 'reaccount' });
    await killMidJob(run.id);
    const reaccounted = await finished(run.id);
    expect(reaccounted, JSON.stringify(reaccounted.error)).toMatchObject({ status: 'succeeded', progress: { done: INVOICES, total: INVOICES } });
    expect((await request('GET', '/journal-entries?limit=1')).body.totalResults).toBe(2 * INVOICES);
    expect((await api('GET', '/accounts/4000/balance')).balances[0].balance).toBe('0.00');
    expect((await api('GET', '/accounts/4100/balance')).balances[0].balance).toBe(`${TOTAL}.00`);
    const again = await finished((await api('POST', '/accounting/runs', { mode: 'reaccount' })).id);
    expect(again.result).toMatchObject({ records: INVOICES, accounted: 0, entries: 0 });
    const entries = (await request('GET', '/journal-entries?limit=1')).body.totalResults;
    expect(entries).toBe(2 * INVOICES);
    const trial = await api('GET', '/reports/trial-balance?currency=USD');
    expect(trial.total_debits).toBe(trial.total_credits);
    expect(await api('GET', '/ledger/verify')).toMatchObject({ valid: true, entries });
    console.info(`reliability | job crash (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${INVOICES} invoices: async sync and reaccount each killed mid-job, resumed after restart | ${entries} entries: each once, chain valid`);
    await tenant.stop();
  });
});

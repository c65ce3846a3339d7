/**
 * Jobs survive `kill -9`: an asynchronous sync (Prefer: respond-async) and a reaccount run are each
 * killed mid-job; after the restart the job is taken over (embedded: at start; PostgreSQL: when its
 * lease lapses), resumes, and succeeds, and nothing is posted twice: one entry per invoice, one
 * adjustment per invoice after the rule change, a second reaccount posting nothing, a valid chain.
 * Both databases.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startLinksProcess } from '../support/childProcess.js';
import { AdminClient, call } from '../support/http.js';
import { newStorage, postgresAvailable, type TestStorage } from '../support/linksServer.js';

const ADMIN_TOKEN = `job-crash-admin-${randomBytes(16).toString('hex')}`;
const INVOICES = 1200;
const TOTAL = Array.from({ length: INVOICES }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);

describe.skipIf(!postgresAvailable())('crash safety: kill -9 during jobs', () => {
  const storage: TestStorage = newStorage();
  afterAll(() => storage.destroy());
  const start = () => startLinksProcess({ LINKS_ADMIN_TOKEN: ADMIN_TOKEN, ...storage.env });

  it('a killed async sync and a killed reaccount resume after restart and post nothing twice', { timeout: 600_000 }, async () => {
    let server = await start();
    const admin = new AdminClient(server.console, ADMIN_TOKEN);
    const tenant = await admin.createTenant('Job crash');
    const user = await admin.createUser(`job-crash-${randomBytes(3).toString('hex')}@crash.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const token = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => call(server.sandbox, method, `/api/v1${path}`, { token, body, headers });
    const api = async (method: string, path: string, body?: unknown) => {
      const answer = await request(method, path, body);
      if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status} ${answer.text}`);
      return answer.body.data;
    };
    const job = (id: string) => api('GET', `/jobs/${id}`);
    /** Kills the server once the job has committed some but not all of its steps, then restarts it. */
    const killMidJob = async (id: string) => {
      for (;;) {
        const seen = await job(id);
        expect(seen.status, `the ${seen.kind} job must still be running when it is killed, or this tests nothing (progress ${JSON.stringify(seen.progress)})`).not.toMatch(/succeeded|failed/);
        if (seen.status === 'running' && seen.progress.done > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      server.proc.child.kill('SIGKILL');
      await server.proc.exited;
      server = await start();
    };
    const finished = async (id: string) => {
      for (;;) {
        const seen = await job(id);
        if (seen.status === 'succeeded' || seen.status === 'failed') return seen;
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue'], ['4100', 'revenue']]) await api('POST', '/accounts', { code, name: code, type });
    await api('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
    const customers = await api('POST', '/external-connections', {
      name: 'customers',
      type: 'csv',
      csv: ['id,email,name', ...Array.from({ length: 40 }, (_, i) => `cus_${i},c${i}@example.com,C${i}`)].join('\n'),
      mapping: { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } },
    });
    expect(await api('POST', `/external-connections/${customers.id}/sync`)).toMatchObject({ created: 40 });
    const invoices = await api('POST', '/external-connections', {
      name: 'invoices',
      type: 'csv',
      csv: ['number,customer,total,currency,issued', ...Array.from({ length: INVOICES }, (_, i) => `INV-${i},cus_${i % 40},${100 + i}.00,USD,2026-11-15`)].join('\n'),
      mapping: { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
    });

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
    server.proc.child.kill('SIGTERM');
    await server.proc.exited;
  });
});

/**
 * Crash safety of records into the books: `kill -9` the server in the middle of CSV syncs, restart,
 * sync again. Every invoice ends posted exactly once (no version posts twice, none is lost), an
 * amount changed in the source posts exactly one adjusting entry even when the sync that carries
 * it is killed, and the books balance with a valid chain. Both databases.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startLinksProcess } from '../support/childProcess.js';
import { AdminClient, call } from '../support/http.js';
import { newStorage, postgresAvailable, type TestStorage } from '../support/linksServer.js';

const ADMIN_TOKEN = `sync-crash-admin-${randomBytes(16).toString('hex')}`;
/** Enough rows that a sync takes seconds, so the kills land in the middle of one. */
const INVOICES = 1200;

const invoicesCsv = (changed: boolean) =>
  ['number,customer,total,currency,issued', ...Array.from({ length: INVOICES }, (_, i) => `INV-${i},cus_${i % 40},${changed && i % 10 === 0 ? 500 + i : 100 + i}.00,USD,2026-11-15`)].join('\n');
const totalOf = (changed: boolean) => Array.from({ length: INVOICES }, (_, i) => (changed && i % 10 === 0 ? 500 + i : 100 + i)).reduce((a, b) => a + b, 0);

describe.skipIf(!postgresAvailable())('crash safety: kill -9 during syncs', () => {
  const storage: TestStorage = newStorage();
  afterAll(() => storage.destroy());

  const start = () => startLinksProcess({ LINKS_ADMIN_TOKEN: ADMIN_TOKEN, ...storage.env });

  it('syncs killed at random moments post every invoice once, and every change once', { timeout: 300_000 }, async () => {
    let server = await start();
    const admin = new AdminClient(server.console, ADMIN_TOKEN);
    const tenant = await admin.createTenant('Sync crash');
    const user = await admin.createUser(`sync-crash-${randomBytes(3).toString('hex')}@crash.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const token = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    const api = async (method: string, path: string, body?: unknown) => {
      const answer = await call(server.sandbox, method, `/api/v1${path}`, { token, body });
      if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status} ${answer.text}`);
      return answer.body.data;
    };
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await api('POST', '/accounts', { code, name: code, type });
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
      csv: invoicesCsv(false),
      mapping: { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
    });

    const delays = fc.sample(fc.integer({ min: 100, max: 600 }), { numRuns: 4, seed: 20261207 });
    const killDuringSync = async (delay: number) => {
      const sync = call(server.sandbox, 'POST', `/api/v1/external-connections/${invoices.id}/sync`, { token }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delay));
      server.proc.child.kill('SIGKILL');
      await server.proc.exited;
      await sync;
      server = await start();
    };
    for (const delay of delays.slice(0, 2)) await killDuringSync(delay);
    const settled = await api('POST', `/external-connections/${invoices.id}/sync`);
    expect(settled.created + settled.updated + settled.unchanged).toBe(INVOICES);
    expect(settled).toMatchObject({ updated: 0, rejected: 0 });
    const killedBefore = INVOICES - settled.created;
    expect(settled.created, 'the kills must interrupt the first sync, or this tests nothing').toBeGreaterThan(0);

    await api('PUT', `/external-connections/${invoices.id}`, { csv: invoicesCsv(true) });
    for (const delay of delays.slice(2)) await killDuringSync(delay);
    expect(await api('POST', `/external-connections/${invoices.id}/sync`)).toMatchObject({ created: 0, rejected: 0 });
    expect(await api('POST', `/external-connections/${invoices.id}/sync`)).toMatchObject({ created: 0, updated: 0, unchanged: INVOICES });

    const entries = (await call(server.sandbox, 'GET', '/api/v1/journal-entries?limit=1', { token })).body.totalResults;
    expect(entries).toBe(INVOICES + INVOICES / 10);
    const receivable = await api('GET', '/accounts/1100/balance');
    expect(receivable.balances[0].balance).toBe(`${totalOf(true)}.00`);
    const listed = await call(server.sandbox, 'GET', '/api/v1/unified/invoices?limit=1', { token });
    expect(listed.body.totalResults).toBe(INVOICES);
    const trial = await api('GET', '/reports/trial-balance?currency=USD');
    expect(trial.total_debits).toBe(trial.total_credits);
    expect(await api('GET', '/ledger/verify')).toMatchObject({ valid: true, entries });
    console.info(
      `reliability | sync crash (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${INVOICES} invoices, 4 × kill -9 mid-sync | ${killedBefore} in when the kills stopped the first sync, the rest re-synced | ` +
        `${entries} entries: each invoice once, each change once, chain valid`,
    );
    server.proc.child.kill('SIGTERM');
    await server.proc.exited;
  });
});

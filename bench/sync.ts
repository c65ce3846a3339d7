/**
 * `npm run bench:sync -- [--rows N] [--backend postgres|pglite|both]`: how fast records reach the
 * books. A CSV of N customers and N invoices (every invoice issued, so each posts an entry) is
 * synced through an external connection, then synced again (every row unchanged), then re-uploaded
 * with every tenth amount changed (one adjusting entry each). Prints one JSON line per backend with
 * rows per second for each sync; checks the books against the CSV before printing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../packages/server/src/config/config.js';
import { createLogger } from '../packages/server/src/logging.js';
import { startLinks } from '../packages/server/src/server.js';
import { Api, createTenant } from './api.js';
import { startCluster } from './cluster.js';
import { round } from './report.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
const rows = Number(option('rows', '2000'));
const backends = option('backend', 'both') === 'both' ? ['postgres', 'pglite'] : [option('backend', 'both')];

/** What a sync answers: counts of the rows it read and what it did with them. */
interface SyncReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

function invoicesCsv(changed: boolean): string {
  const lines = ['number,customer,total,currency,issued'];
  for (let i = 0; i < rows; i++) lines.push(`INV-${i},cus_${i},${changed && i % 10 === 0 ? 200 + i : 100 + i}.00,USD,2026-11-15`);
  return lines.join('\n');
}

async function measure(backend: string, stops: Array<() => Promise<void>>): Promise<Record<string, unknown>> {
  const token = `sync-admin-${randomBytes(16).toString('hex')}`;
  const storage: Record<string, string> =
    backend === 'postgres'
      ? { LINKS_DATABASE_URL: (await startCluster((stop) => stops.push(stop))).url.replace(/\/postgres$/, '/links'), LINKS_SECRETS_KEY: randomBytes(32).toString('base64') }
      : { LINKS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'links-sync-bench-')) };
  const running = await startLinks(
    loadConfig({ ...storage, LINKS_HOST: '127.0.0.1', LINKS_PRODUCTION_PORT: '0', LINKS_SANDBOX_PORT: '0', LINKS_CONSOLE_PORT: '0', LINKS_ADMIN_TOKEN: token, LINKS_LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  stops.push(() => running.close());
  const tenant = await createTenant(new Api(running.origins.console!, token), `Sync ${backend}`);
  const api = new Api(running.origins.sandbox!, tenant.sandboxKey);
  for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await api.data('POST', '/api/v1/accounts', { code, name: code, type });
  await api.data('POST', '/api/v1/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });

  const customers = ['id,email,name', ...Array.from({ length: rows }, (_, i) => `cus_${i},c${i}@example.com,Customer ${i}`)].join('\n');
  const customerConnection = await api.data<{ id: string }>('POST', '/api/v1/external-connections', {
    name: 'customers',
    type: 'csv',
    csv: customers,
    mapping: { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } },
  });
  const invoiceConnection = await api.data<{ id: string }>('POST', '/api/v1/external-connections', {
    name: 'invoices',
    type: 'csv',
    csv: invoicesCsv(false),
    mapping: { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
  });
  const timed = async (id: string) => {
    const started = performance.now();
    const report = await api.data<SyncReport>('POST', `/api/v1/external-connections/${id}/sync`);
    return { report, perSecond: round(report.rows / ((performance.now() - started) / 1000)) };
  };
  const customersSync = await timed(customerConnection.id);
  const first = await timed(invoiceConnection.id);
  const again = await timed(invoiceConnection.id);
  await api.data('PUT', `/api/v1/external-connections/${invoiceConnection.id}`, { csv: invoicesCsv(true) });
  const changed = await timed(invoiceConnection.id);

  // The books must say what the CSV says, or the numbers mean nothing.
  const expected = Array.from({ length: rows }, (_, i) => (i % 10 === 0 ? 200 + i : 100 + i)).reduce((a, b) => a + b, 0);
  const balance = await api.data<{ balances: Array<{ balance: string }> }>('GET', '/api/v1/accounts/1100/balance');
  const entries = (await api.call<{ totalResults: number }>('GET', '/api/v1/journal-entries?limit=1')).body.totalResults;
  const checks = {
    created: first.report.created === rows && customersSync.report.created === rows,
    unchanged: again.report.unchanged === rows && again.report.created + again.report.updated === 0,
    adjusted: changed.report.updated === Math.ceil(rows / 10),
    entries: entries === rows + Math.ceil(rows / 10),
    receivable: balance.balances[0]?.balance === `${expected}.00`,
  };
  if (!Object.values(checks).every(Boolean)) throw new Error(`books do not match the CSV: ${JSON.stringify(checks)}`);
  return {
    backend,
    rows,
    customers_rows_per_s: customersSync.perSecond,
    invoices_first_sync_rows_per_s: first.perSecond,
    invoices_unchanged_resync_rows_per_s: again.perSecond,
    invoices_tenth_changed_rows_per_s: changed.perSecond,
    checks: 'ok',
  };
}

const stops: Array<() => Promise<void>> = [];
try {
  for (const backend of backends) console.log(JSON.stringify(await measure(backend, stops)));
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}

/**
 * `npx tsx bench/syncLatency.ts [--rows 10000]`: does a sync stall the tenant's other postings?
 * Links (in its own process) on a throwaway PostgreSQL 15 cluster; a CSV invoice connection of N
 * rows (every invoice posts) is synced, then synced again with every amount changed (every record
 * updated, each posting an adjustment), while one client of the same tenant posts journal entries
 * one after another to accounts the sync does not touch (so the tenant's hash-chain head is all
 * they share). Prints one JSON line: the posting latency (p50/p99/max, ms) with no sync, during
 * each sync, and the syncs' durations.
 */
import { randomBytes } from 'node:crypto';
import { Api, createTenant } from './api.js';
import { linksOnCluster, startCluster } from './cluster.js';
import { startLinksProcess } from './linksProcess.js';
import { round } from './report.js';

const args = process.argv.slice(2);
const rows = Number(args.includes('--rows') ? args[args.indexOf('--rows') + 1] : '10000');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
function latency(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { postings: sorted.length, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1) ?? NaN) };
}

/** Posts entries one after another until `until` settles; each post's latency in ms. */
async function postWhile(api: Api, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const samples: number[] = [];
  for (let i = 0; !done; i++) {
    const started = performance.now();
    await api.data('POST', '/api/v1/journal-entries', {
      date: '2026-11-20',
      description: `cash sale ${i}`,
      currency: 'USD',
      lines: [{ account: '1000', debit: '1.00' }, { account: '4100', credit: '1.00' }],
    });
    samples.push(performance.now() - started);
  }
  return samples;
}

const stops: Array<() => Promise<void>> = [];
try {
  const cluster = await startCluster((stop) => stops.push(stop));
  const token = `latency-admin-${randomBytes(16).toString('hex')}`;
  const links = await startLinksProcess(linksOnCluster(cluster, token));
  stops.push(() => links.close());
  const tenant = await createTenant(new Api(links.origins.console!, token), 'Sync latency');
  const api = new Api(links.origins.sandbox!, tenant.sandboxKey);
  for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue'], ['4100', 'revenue']]) await api.data('POST', '/api/v1/accounts', { code, name: code, type });
  await api.data('POST', '/api/v1/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
  const customers = await api.data<{ id: string }>('POST', '/api/v1/external-connections', {
    name: 'customers',
    type: 'csv',
    csv: ['id,email,name', ...Array.from({ length: rows }, (_, i) => `cus_${i},c${i}@example.com,Customer ${i}`)].join('\n'),
    mapping: { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } },
  });
  await api.data('POST', `/api/v1/external-connections/${customers.id}/sync`);
  const invoicesCsv = (base: number) =>
    ['number,customer,total,currency,issued', ...Array.from({ length: rows }, (_, i) => `INV-${i},cus_${i},${base + i}.00,USD,2026-11-15`)].join('\n');
  const invoices = await api.data<{ id: string }>('POST', '/api/v1/external-connections', {
    name: 'invoices',
    type: 'csv',
    csv: invoicesCsv(100),
    mapping: { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
  });
  /** Syncs the invoices while posting; the postings' latency and the sync's seconds. */
  const syncWhilePosting = async (expected: 'created' | 'updated') => {
    const started = performance.now();
    const sync = api.data<Record<string, number>>('POST', `/api/v1/external-connections/${invoices.id}/sync`);
    const during = await postWhile(api, sync);
    const report = await sync;
    if (report[expected] !== rows || report.rejected !== 0) throw new Error(`the sync did not write every invoice: ${JSON.stringify(report).slice(0, 400)}`);
    return { sync_s: round((performance.now() - started) / 1000), ...latency(during) };
  };

  const idle = await postWhile(api, new Promise((resolve) => setTimeout(resolve, 5_000)));
  const created = await syncWhilePosting('created');
  await api.data('PUT', `/api/v1/external-connections/${invoices.id}`, { csv: invoicesCsv(200) });
  const updated = await syncWhilePosting('updated');
  console.log(JSON.stringify({ rows, idle: latency(idle), during_first_sync: created, during_changed_sync: updated }));
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}

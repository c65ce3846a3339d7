/**
 * `npm run bench:gl [-- --seconds 15]`: what the transfer to the general ledger costs the posting
 * path. Links (its own process) on a throwaway durable PostgreSQL 15 cluster; 16 clients post 2-line
 * journal entries for `seconds` with no GL connection, then again while an active webhook connection
 * (`--summarize none`, the default: one transfer per entry) drains everything posted so far into a local receiver
 * that answers 200 at once. Then posting stops and the engine sends alone for `drain` seconds (or
 * until it has caught up). Prints one JSON line: posting rate and latency without and with the
 * engine sending, and the entries delivered per second while posting and alone. Exit 1 when an entry
 * reached the receiver twice, or (when the engine caught up) not at all.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, createAccounts, createTenant } from './api.js';
import { linksOnCluster, startCluster } from './cluster.js';
import { startLinksProcess } from './linksProcess.js';
import { LoadGenerator, type RunResult } from './load.js';
import { round } from './report.js';

const args = process.argv.slice(2);
const seconds = Number(args.includes('--seconds') ? args[args.indexOf('--seconds') + 1] : '15');
const drainSeconds = Number(args.includes('--drain') ? args[args.indexOf('--drain') + 1] : '60');
const summarize = args.includes('--summarize') ? args[args.indexOf('--summarize') + 1] : 'none';
if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isFinite(drainSeconds) || drainSeconds <= 0 || !['none', 'daily', 'monthly'].includes(summarize ?? '')) {
  console.error('usage: npm run bench:gl [-- --seconds N --drain N --summarize none|daily|monthly]');
  process.exit(2);
}

/** A receiver that books each transfer once (by Links-Transfer-Id) and answers 200 at once. */
async function startReceiver(): Promise<{ url: string; entries: Map<string, number>; deliveries: () => number; close(): Promise<void> }> {
  const entries = new Map<string, number>();
  const seen = new Set<string>();
  let deliveries = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries++;
      const transferId = String(req.headers['links-transfer-id'] ?? '');
      if (!seen.has(transferId)) {
        seen.add(transferId);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { entry_ids: string[] };
        for (const id of body.entry_ids) entries.set(id, (entries.get(id) ?? 0) + 1);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/ledger`, entries, deliveries: () => deliveries, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const summary = (r: RunResult) => ({ entries_per_s: round(r.entriesPerS), p50_ms: round(r.latency.p50), p99_ms: round(r.latency.p99), refused: r.refused, unknown: r.unknown });

const stops: Array<() => Promise<void>> = [];
let failed = false;
try {
  const cluster = await startCluster((stop) => stops.push(stop));
  const token = `gl-bench-admin-${randomBytes(16).toString('hex')}`;
  const links = await startLinksProcess({
    ...linksOnCluster(cluster, token),
    LINKS_DATABASE_POOL_SIZE: '20',
    LINKS_GL_POLL_MS: '100',
  });
  stops.push(() => links.close());
  const receiver = await startReceiver();
  stops.push(() => receiver.close());
  const tenant = await createTenant(new Api(links.origins.console!, token), 'GL bench');
  const api = new Api(links.origins.sandbox!, tenant.sandboxKey);
  const accounts = await createAccounts(api, 40);
  const load = await LoadGenerator.start();
  stops.push(() => load.close());
  const posting = (keyPrefix: string) =>
    load.run({
      origin: links.origins.sandbox!,
      token: tenant.sandboxKey,
      concurrency: 16,
      workload: { kind: 'entries', accounts, perRequest: 1, firstDate: '2026-11-01', days: 28, keyPrefix },
      warmupMs: 2_000,
      durationMs: seconds * 1000,
    });

  const without = await posting('gl-off');
  await api.data('POST', '/api/v1/gl-connections', { provider: 'webhook', name: 'bench receiver', credentials: { url: receiver.url }, settings: { start_date: '2026-11-01', summarize } });
  const withEngine = await posting('gl-on');
  const sentWhilePosting = receiver.entries.size;
  const posted = new Set([...without.ackedIds, ...withEngine.ackedIds]);
  const drainStarted = performance.now();
  const atDrainStart = receiver.entries.size;
  while (receiver.entries.size < posted.size && performance.now() - drainStarted < drainSeconds * 1000) await new Promise((r) => setTimeout(r, 100));
  const drainS = (performance.now() - drainStarted) / 1000;
  const twice = [...receiver.entries.values()].filter((n) => n > 1).length;
  const missing = [...posted].filter((id) => !receiver.entries.has(id)).length;
  const caughtUp = receiver.entries.size >= posted.size;
  failed = twice > 0 || (caughtUp && missing > 0);
  console.log(
    JSON.stringify({
      seconds,
      summarize,
      posting_without_gl: summary(without),
      posting_while_sending: summary(withEngine),
      ratio_with_vs_without: round(withEngine.entriesPerS / without.entriesPerS),
      entries_posted: posted.size,
      entries_sent_while_posting: sentWhilePosting,
      entries_sent_per_s_while_posting: round(sentWhilePosting / ((withEngine.windowMs + 2_000) / 1000)),
      entries_sent_per_s_alone: round((receiver.entries.size - atDrainStart) / drainS),
      caught_up_after_s: caughtUp ? round(drainS) : null,
      backlog_left: posted.size - receiver.entries.size,
      deliveries: receiver.deliveries(),
      entries_received_twice: twice,
    }),
  );
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
process.exit(failed ? 1 : 0);

/**
 * `npm run bench:probe -- [cold|hot|batch] [--seconds N] [--clients N] [--repeat N] [--profile FILE]`:
 * one posting phase of the benchmark against Links on a durable throwaway PostgreSQL 15 cluster,
 * without the rest of the run. For working on the write path: `--profile` writes a V8 CPU profile
 * of the Links process covering the measured windows only (open it in Chrome DevTools). Prints one
 * JSON line per repeat.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../packages/server/src/config/config.js';
import { createLogger } from '../packages/server/src/logging.js';
import { startLinks } from '../packages/server/src/server.js';
import { Api, createAccounts, createTenant } from './api.js';
import { linksOnCluster, startCluster } from './cluster.js';
import { LoadGenerator } from './load.js';
import { round } from './report.js';
import type { WorkloadSpec } from './workloads.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const phase = args.find((a) => ['cold', 'hot', 'batch'].includes(a)) ?? 'cold';
const seconds = flag('seconds', 5);
const clients = flag('clients', 16);
const repeat = flag('repeat', 1);
const profileFile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const token = `probe-admin-${randomBytes(16).toString('hex')}`;

const stops: Array<() => Promise<void>> = [];
try {
  const cluster = await startCluster((stop) => stops.push(stop));
  const running = await startLinks(
    loadConfig({
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('LINKS_'))),
      ...linksOnCluster(cluster, token),
      ...(process.env.LINKS_SECRETS_KEY ? { LINKS_SECRETS_KEY: process.env.LINKS_SECRETS_KEY } : {}),
    } as Record<string, string>),
    createLogger('silent'),
  );
  stops.push(() => running.close());
  const tenant = await createTenant(new Api(running.origins.console!, token), 'Probe');
  const api = new Api(running.origins.sandbox!, tenant.sandboxKey);
  const accounts = await createAccounts(api, 1_000);
  const gen = await LoadGenerator.start();
  stops.push(() => gen.close());
  const workload = (n: number): WorkloadSpec => ({
    kind: 'entries',
    accounts: phase === 'hot' ? accounts.slice(10) : accounts,
    hot: phase === 'hot' ? accounts.slice(0, 10) : undefined,
    perRequest: phase === 'batch' ? 100 : 1,
    keyPrefix: `probe-${n}-${randomBytes(4).toString('hex')}`,
    firstDate: '2026-03-01',
    days: 28,
  });
  const inspector = new Session();
  if (profileFile) {
    inspector.connect();
    await inspector.post('Profiler.enable');
  }
  for (let n = 0; n < repeat; n++) {
    if (profileFile) await inspector.post('Profiler.start');
    const r = await gen.run({ origin: running.origins.sandbox!, token: tenant.sandboxKey, concurrency: clients, warmupMs: 1_000, durationMs: seconds * 1_000, workload: workload(n) });
    console.log(
      JSON.stringify({ phase, clients, eps: round(r.entriesPerS), lines_per_s: round(r.linesPerS), rps: round(r.rps), p50_ms: round(r.latency.p50, 2), p99_ms: round(r.latency.p99, 2), refused: r.refused, unknown: r.unknown, first_error: r.firstError }),
    );
    if (profileFile) {
      const { profile } = await inspector.post('Profiler.stop');
      fs.writeFileSync(repeat > 1 ? profileFile.replace(/(\.cpuprofile)?$/, `.${n}.cpuprofile`) : profileFile, JSON.stringify(profile));
    }
  }
} finally {
  for (const stop of stops.reverse()) await stop().catch((e: Error) => console.error(e.message));
}
process.exit(0);

/**
 * `npm run bench [-- --quick]`: the throughput benchmark, in one run on one machine.
 * Method, figures and limits: bench/README.md. Progress goes to stderr; stdout gets the table and,
 * last, one JSON line. Exit code 0 when every correctness check passed, 1 otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../packages/server/src/config/config.js';
import { createLogger } from '../packages/server/src/logging.js';
import { startLinks, type RunningLinks } from '../packages/server/src/server.js';
import { Api, createAccounts, createKeys, createTenant } from './api.js';
import { POSTGRES_BIN, postgresBinariesPresent, runAsPostgres, startCluster, type Cluster } from './cluster.js';
import { startLinksProcess } from './linksProcess.js';
import { LoadGenerator, startTrivialServer, type RunResult, type RunSpec } from './load.js';
import { checkTable, int, phaseTable, round, targetTable, type Row, type Target } from './report.js';
import { entryCount, verifyPosting, type Check } from './verify.js';
import { dateList, type WorkloadSpec } from './workloads.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run bench [-- --quick]\n  --quick  short phases and a ~100,000-line balance account (aims at under 90 s); the default run aims at under 5 minutes');
  process.exit(0);
}
const unknownArgs = args.filter((a) => a !== '--quick');
if (unknownArgs.length > 0) {
  console.error(`unknown argument(s): ${unknownArgs.join(' ')} (try --help)`);
  process.exit(2);
}
const QUICK = args.includes('--quick');

/** Phase lengths. Each timed phase has a warm-up (not measured) before its window. */
const P = QUICK
  ? { mode: 'quick', pgbenchS: 5, warmupMs: 500, ceilingMs: 1_500, authMs: 2_000, postMs: 4_000, batchMs: 4_000, pgliteMs: 4_000, balanceLines: 100_000, buildBudgetMs: 25_000, reads: 300, readWarmup: 20 }
  : { mode: 'full', pgbenchS: 20, warmupMs: 2_000, ceilingMs: 3_000, authMs: 4_000, postMs: 15_000, batchMs: 10_000, pgliteMs: 10_000, balanceLines: 1_000_000, buildBudgetMs: 100_000, reads: 1_000, readWarmup: 50 };

const CLIENTS = 16;
/** Acknowledged entries read back one by one through the API after each posting phase. */
const SAMPLE = QUICK ? 50 : 200;
const ACCOUNTS = 1_000;
const HOT_ACCOUNTS = 10;
const BATCH_ENTRIES = 100;
/** The long account: entries of 20 lines, 19 debits on it and one credit elsewhere, 1000 per request (~0.8 MB, under the 1 MiB body limit). */
const BUILD = { linesPerEntry: 20, entriesPerRequest: 1_000, concurrency: 4, firstDate: '2023-01-01', days: 1_096 };
const POST_DATES = { firstDate: '2026-03-01', days: 28 };
const PGBENCH_SCALE = 10;
const ADMIN_TOKEN = `bench-admin-${randomBytes(16).toString('hex')}`;
const RUN_ID = randomBytes(4).toString('hex');

const t0 = performance.now();
const elapsed = () => ((performance.now() - t0) / 1000).toFixed(1);
/** Set on Ctrl-C/SIGTERM or a failure: the run stops at its next step and starting children are killed. */
const abort = new AbortController();
const log = (message: string) => {
  if (abort.signal.aborted) throw new Error('interrupted');
  console.error(`[bench ${elapsed()}s] ${message}`);
};

// ---------------------------------------------------------------------------------------------
// Cleanup: every resource registers how to release it; released in reverse, once, even on error
// or Ctrl-C.

const cleanups: Array<{ name: string; run: () => Promise<void> | void }> = [];
let cleaning: Promise<void> | undefined;
/** Setup work started in the background: on error, cleanup waits for it (bounded) before releasing. */
const background: Array<Promise<unknown>> = [];
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    abort.abort();
    console.error(`[bench ${elapsed()}s] cleanup: waiting for setup steps in flight`);
    const settled = Promise.allSettled(background);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      try {
        console.error(`[bench ${elapsed()}s] cleanup: ${step.name}`);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          step.run(),
          new Promise<void>((_, reject) => {
            timer = setTimeout(() => reject(new Error('still not done after 20 s; moving on')), 20_000);
          }),
        ]).finally(() => clearTimeout(timer));
      } catch (error) {
        console.error(`[bench] cleanup (${step.name}) failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}
/** Registers a release step and returns a function that runs it now (and unregisters it). */
function onCleanup(name: string, run: () => Promise<void> | void): () => Promise<void> {
  const step = { name, run };
  cleanups.push(step);
  return async () => {
    const i = cleanups.indexOf(step);
    if (i >= 0) {
      cleanups.splice(i, 1);
      await run();
    }
  };
}
// A crash anywhere (an 'error' event nobody listens to, say, when the cluster goes away under a
// client) still releases everything before the process ends.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    console.error(`[bench] ${event}: ${(error as Error)?.stack ?? error}`);
    void cleanup().finally(() => process.exit(1));
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: stopping and cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------

async function superuser<T extends pg.QueryResultRow = pg.QueryResultRow>(cluster: Cluster, database: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, `/${database}`) });
  client.on('error', () => undefined); // a failed query rejects; this only covers the idle connection
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const checkpoint = (cluster: Cluster) => superuser(cluster, 'postgres', 'CHECKPOINT');

/** LINKS_* variables the caller set (e.g. LINKS_DATABASE_POOL_SIZE) pass through, except those the harness owns. */
const OWNED = new Set([
  'LINKS_HOST', 'LINKS_PRODUCTION_PORT', 'LINKS_SANDBOX_PORT', 'LINKS_CONSOLE_PORT', 'LINKS_LISTENERS', 'LINKS_DATA_DIR',
  'LINKS_DATABASE_URL', 'LINKS_PRODUCTION_DATABASE_URL', 'LINKS_SANDBOX_DATABASE_URL', 'LINKS_ADMIN_TOKEN', 'LINKS_LOG_LEVEL',
]);
const passthrough = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('LINKS_') && !OWNED.has(k) && v !== undefined)) as Record<string, string>;

function linksEnv(storage: Record<string, string>): Record<string, string> {
  return {
    ...passthrough,
    ...storage,
    LINKS_HOST: '127.0.0.1',
    LINKS_PRODUCTION_PORT: '0',
    LINKS_SANDBOX_PORT: '0',
    LINKS_CONSOLE_PORT: '0',
    LINKS_ADMIN_TOKEN: ADMIN_TOKEN,
    LINKS_LOG_LEVEL: 'silent',
  };
}

/** Links in this process (the PostgreSQL run). */
async function startServer(storage: Record<string, string>): Promise<{ running: RunningLinks; close: () => Promise<void> }> {
  const running = await startLinks(loadConfig(linksEnv(storage)), createLogger('silent'));
  const close = onCleanup('Links', () => running.close());
  return { running, close };
}

interface Books {
  api: Api;
  accounts: string[];
  clientKeys: string[];
}

async function setUpBooks(
  origins: Partial<Record<string, string>>,
  options: { extraAccounts?: Array<{ code: string; type: string }>; concurrency?: number; keysPerClient?: boolean } = {},
): Promise<Books> {
  const console_ = new Api(origins.console!, ADMIN_TOKEN);
  const tenant = await createTenant(console_, `Bench ${RUN_ID}`);
  const api = new Api(origins.sandbox!, tenant.sandboxKey);
  const accounts = await createAccounts(api, ACCOUNTS, options.concurrency ?? CLIENTS);
  for (const a of options.extraAccounts ?? []) await api.data('POST', '/api/v1/accounts', { code: a.code, name: a.code, type: a.type, currency: 'USD' });
  // The auth phase runs faster than the per-key limit (LINKS_RATE_LIMIT_PER_KEY, 5,000/s by
  // default) allows one key: each of its clients gets a key of its own.
  const clientKeys = [tenant.sandboxKey, ...(options.keysPerClient ? await createKeys(console_, tenant, CLIENTS - 1) : [])];
  return { api, accounts, clientKeys };
}

const timed = (spec: Omit<RunSpec, 'warmupMs' | 'concurrency'> & { concurrency?: number }): RunSpec => ({ concurrency: CLIENTS, warmupMs: P.warmupMs, ...spec });

const entries = (accounts: string[], keyPrefix: string, perRequest = 1, hot?: string[]): WorkloadSpec => ({
  kind: 'entries',
  accounts,
  hot,
  perRequest,
  keyPrefix: `${RUN_ID}-${keyPrefix}`,
  ...POST_DATES,
});

function errorsOf(r: RunResult): string {
  const bad = r.refused + r.unknown;
  return bad === 0 ? '0' : `${bad} (${Object.entries(r.statuses).filter(([s]) => !s.startsWith('2')).map(([s, n]) => `${s}×${n}`).concat(r.unknown ? [`no answer×${r.unknown}`] : []).join(' ')})`;
}
const busy = (r: RunResult) => `${Math.round(r.clientElu * 100)}%`;

function phaseCheck(name: string, r: RunResult): Check {
  return {
    name: `${name}: every request answered 2xx`,
    ok: r.refused === 0 && r.unknown === 0,
    detail: r.refused + r.unknown === 0 ? `${r.completed} measured requests` : `${r.refused} refused, ${r.unknown} without answer; first: ${r.firstError}`,
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<{ json: Record<string, unknown>; checks: Check[] }> {
  if (!postgresBinariesPresent()) throw new Error(`PostgreSQL 15 binaries (initdb, pg_ctl, pgbench) not found in ${POSTGRES_BIN}: apt-get install postgresql-15`);
  log(`mode ${P.mode}; ${os.cpus().length} cores; Node ${process.version}${Object.keys(passthrough).length ? `; passing ${Object.keys(passthrough).join(', ')}` : ''}`);
  const rows: Row[] = [];
  const checks: Check[] = [];
  const notes: string[] = [];

  // 1. Setup, none of it measured, overlapped to fit the time budget: the load generator, Links on
  //    PGlite in a child process (its start is slow: three embedded initdb), the cluster with the
  //    pgbench data, then Links on PostgreSQL (in this process) with its books. Nothing is measured
  //    until all of it is done.
  log('setup: load generator, Links on PGlite, PostgreSQL cluster, pgbench -i, Links on PostgreSQL');
  const genReady = LoadGenerator.start().then((g) => {
    onCleanup('load generator', () => g.close());
    return g;
  });
  background.push(genReady);
  genReady.catch(() => undefined); // awaited below; this only keeps an early failure from being 'unhandled'
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-bench-pglite-'));
  const removeDir = onCleanup('PGlite data directory', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const liteReady = (async () => {
    const child = await startLinksProcess(linksEnv({ LINKS_DATA_DIR: dataDir }), abort.signal);
    const close = onCleanup('Links on PGlite', () => child.close());
    log('setup: Links on PGlite started');
    const books = await setUpBooks(child.origins, { concurrency: 2 });
    log('setup: Links on PGlite ready with its books');
    return { origins: child.origins, close, books };
  })();
  background.push(liteReady);
  liteReady.catch(() => undefined);

  let stopCluster: () => Promise<void> = async () => undefined;
  const cluster = await startCluster((stop) => {
    stopCluster = onCleanup('PostgreSQL cluster', stop);
  });
  const [settings] = await superuser<{ v: string; f: string; s: string; w: string }>(
    cluster,
    'postgres',
    "SELECT current_setting('server_version') v, current_setting('fsync') f, current_setting('synchronous_commit') s, current_setting('wal_sync_method') w",
  );
  if (settings!.f !== 'on' || settings!.s !== 'on') throw new Error(`the cluster is not durable (fsync=${settings!.f}, synchronous_commit=${settings!.s})`);
  const serverInfo = `PostgreSQL ${settings!.v}, fsync=${settings!.f}, synchronous_commit=${settings!.s}, wal_sync_method=${settings!.w}, data in ${cluster.dir}`;
  log(`setup: ${serverInfo}`);
  await superuser(cluster, 'postgres', 'CREATE DATABASE pgbench');
  const pgbench = path.join(POSTGRES_BIN, 'pgbench');
  const conn = ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres'];
  await runAsPostgres(pgbench, [...conn, '-i', '-I', 'dtGvp', '-s', String(PGBENCH_SCALE), '-q', 'pgbench'], 180_000);
  log(`setup: pgbench -i -s ${PGBENCH_SCALE} done`);

  const pgServer = await startServer({ LINKS_DATABASE_URL: cluster.url.replace(/\/postgres$/, '/links'), LINKS_SECRETS_KEY: randomBytes(32).toString('base64') });
  const sandboxDb = cluster.url.replace(/\/postgres$/, '/links_sandbox');
  log('setup: Links on PostgreSQL started');
  const { api, accounts, clientKeys } = await setUpBooks(pgServer.running.origins, {
    extraAccounts: [
      { code: 'BAL', type: 'asset' },
      { code: 'BALX', type: 'equity' },
    ],
    keysPerClient: true,
  });
  const origin = pgServer.running.origins.sandbox!;
  const token = api.token;
  log(`setup: Links on PostgreSQL ready: tenant, owner, sandbox key, ${ACCOUNTS + 2} accounts`);
  const gen = await genReady;
  const lite = await liteReady;
  const dummyAccounts = Array.from({ length: ACCOUNTS }, (_, i) => `A${String(i).padStart(4, '0')}`);

  // 2. The load generator's own ceiling, against a server that does nothing.
  log('load generator ceiling (trivial server)');
  const trivial = await startTrivialServer();
  const closeTrivial = onCleanup('trivial server', () => trivial.close());
  const ceilPost = await gen.run(timed({ origin: trivial.origin, durationMs: P.ceilingMs, workload: entries(dummyAccounts, 'ceiling') }));
  const ceilGet = await gen.run(timed({ origin: trivial.origin, durationMs: P.ceilingMs, workload: { kind: 'get', paths: ['/healthz'] } }));
  await closeTrivial();
  rows.push({ phase: 'load-gen ceiling, POST entry', rate: `${int(ceilPost.rps)} req/s`, p50: ceilPost.latency.p50, p99: ceilPost.latency.p99, client: busy(ceilPost), errors: errorsOf(ceilPost), note: 'trivial in-process server' });
  rows.push({ phase: 'load-gen ceiling, GET', rate: `${int(ceilGet.rps)} req/s`, p50: ceilGet.latency.p50, p99: ceilGet.latency.p99, client: busy(ceilGet), errors: errorsOf(ceilGet), note: 'trivial in-process server' });

  // 3. The pgbench baseline, on the same cluster, with Links idle.
  await checkpoint(cluster);
  log(`pgbench -c ${CLIENTS} -j 2 -T ${P.pgbenchS} (TPC-B)`);
  const out = await runAsPostgres(pgbench, [...conn, '-c', String(CLIENTS), '-j', '2', '-T', String(P.pgbenchS), 'pgbench'], (P.pgbenchS + 120) * 1000);
  const tpsMatch = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  const latMatch = /latency average = ([\d.]+) ms/.exec(out);
  const failedMatch = /number of failed transactions: (\d+)/.exec(out);
  if (!tpsMatch) throw new Error(`could not read pgbench's tps from:\n${out}`);
  const pgbenchTps = Number(tpsMatch[1]);
  rows.push({ phase: `pgbench TPC-B s${PGBENCH_SCALE} c${CLIENTS} j2`, rate: `${int(pgbenchTps)} tps`, note: `latency avg ${latMatch?.[1] ?? '?'} ms; ${P.pgbenchS}s` });
  checks.push({ name: 'pgbench: no failed transactions', ok: !failedMatch || failedMatch[1] === '0', detail: failedMatch ? `${failedMatch[1]} failed` : 'n/a' });
  await superuser(cluster, 'postgres', 'DROP DATABASE pgbench');

  // 4. Auth overhead.
  await checkpoint(cluster);
  log('GET /healthz');
  const healthz = await gen.run(timed({ origin, durationMs: P.authMs, workload: { kind: 'get', paths: ['/healthz'] } }));
  log('GET /api/v1/whoami');
  const whoami = await gen.run(timed({ origin, tokens: clientKeys, durationMs: P.authMs, workload: { kind: 'get', paths: ['/api/v1/whoami'] } }));
  checks.push(phaseCheck('healthz', healthz), phaseCheck('whoami', whoami));
  rows.push({ phase: 'GET /healthz', rate: `${int(healthz.rps)} req/s`, p50: healthz.latency.p50, p99: healthz.latency.p99, client: busy(healthz), errors: errorsOf(healthz), note: 'pings its databases' });
  rows.push({ phase: 'GET /api/v1/whoami', rate: `${int(whoami.rps)} req/s`, p50: whoami.latency.p50, p99: whoami.latency.p99, client: busy(whoami), errors: errorsOf(whoami), note: 'API key auth' });

  // 5. Posting phases, each verified.
  const postPhase = async (name: string, workload: WorkloadSpec, durationMs: number) => {
    const before = await entryCount(api);
    await checkpoint(cluster);
    log(name);
    const result = await gen.run(timed({ origin, token, durationMs, workload }));
    log(`${name}: verifying`);
    checks.push(phaseCheck(name, result), ...(await verifyPosting(api, name, before, result, { databaseUrl: sandboxDb, sampleSize: SAMPLE })));
    return result;
  };
  const cold = await postPhase('post-cold', entries(accounts, 'cold'), P.postMs);
  rows.push({ phase: `post-cold (${CLIENTS} clients, ${ACCOUNTS} accts)`, rate: `${int(cold.entriesPerS)} entries/s`, p50: cold.latency.p50, p99: cold.latency.p99, client: busy(cold), errors: errorsOf(cold) });
  const hot = await postPhase('post-hot', entries(accounts.slice(HOT_ACCOUNTS), 'hot', 1, accounts.slice(0, HOT_ACCOUNTS)), P.postMs);
  rows.push({ phase: `post-hot (one line on 1 of ${HOT_ACCOUNTS})`, rate: `${int(hot.entriesPerS)} entries/s`, p50: hot.latency.p50, p99: hot.latency.p99, client: busy(hot), errors: errorsOf(hot) });
  const batch = await postPhase('batch', entries(accounts, 'batch', BATCH_ENTRIES), P.batchMs);
  rows.push({
    phase: `batch (${BATCH_ENTRIES} entries/request)`,
    rate: `${int(batch.linesPerS)} lines/s`,
    p50: batch.latency.p50,
    p99: batch.latency.p99,
    client: busy(batch),
    errors: errorsOf(batch),
    note: `${int(batch.entriesPerS)} entries/s, ${int(batch.rps)} req/s`,
  });

  // 6. A long account, built through the batch API, then balance reads on it.
  const targetPerRequest = BUILD.entriesPerRequest * (BUILD.linesPerEntry - 1);
  const buildRequests = Math.ceil(P.balanceLines / targetPerRequest);
  log(`building account BAL: ${int(buildRequests * targetPerRequest)} lines in ${buildRequests} batch requests of ${BUILD.entriesPerRequest} entries × ${BUILD.linesPerEntry} lines`);
  const beforeBuild = await entryCount(api);
  const build = await gen.run({
    origin,
    token,
    concurrency: BUILD.concurrency,
    durationMs: P.buildBudgetMs,
    timeoutMs: 120_000,
    workload: { kind: 'build', target: 'BAL', counter: 'BALX', linesPerEntry: BUILD.linesPerEntry, entriesPerRequest: BUILD.entriesPerRequest, requests: buildRequests, firstDate: BUILD.firstDate, days: BUILD.days },
  });
  const balLines = build.ackedEntries * (BUILD.linesPerEntry - 1);
  log(`build: ${int(build.ackedLines)} lines in ${(build.windowMs / 1000).toFixed(1)} s (${int(build.linesPerS)} lines/s); verifying`);
  checks.push(phaseCheck('build', build), ...(await verifyPosting(api, 'build', beforeBuild, build, { databaseUrl: sandboxDb, sampleSize: SAMPLE })));
  if (balLines < P.balanceLines) notes.push(`the build stopped at its ${P.buildBudgetMs / 1000} s budget: BAL has ${int(balLines)} lines, not ${int(P.balanceLines)}`);
  const expectedDebits = `${Math.floor(build.ackedTargetDebits / 100)}.${String(build.ackedTargetDebits % 100).padStart(2, '0')}`;
  const bal = await api.data<{ balances: Array<{ currency: string; debits: string; credits: string; balance: string }> }>('GET', '/api/v1/accounts/BAL/balance');
  checks.push({
    name: 'build: BAL balance',
    ok: bal.balances.length === 1 && bal.balances[0]!.debits === expectedDebits && bal.balances[0]!.credits === '0.00' && bal.balances[0]!.balance === expectedDebits,
    detail: `debits ${bal.balances[0]?.debits} (expected ${expectedDebits}), balance ${bal.balances[0]?.balance}`,
  });
  log('CHECKPOINT and VACUUM (ANALYZE) before the reads');
  await checkpoint(cluster);
  await superuser(cluster, 'links_sandbox', 'VACUUM (ANALYZE)');

  const reads = (paths: string[]) =>
    gen.run({ origin, token, concurrency: 1, warmupRequests: P.readWarmup, requests: P.reads, workload: { kind: 'get', paths } });
  log(`GET /api/v1/accounts/BAL/balance ×${P.reads}`);
  const balance = await reads(['/api/v1/accounts/BAL/balance']);
  const days = dateList(BUILD.firstDate, BUILD.days);
  // 257 dates spread over the history in a scrambled order, cycled through.
  const asOfPaths = Array.from({ length: 257 }, (_, i) => `/api/v1/accounts/BAL/balance?as_of=${days[(i * 7919) % days.length]}`);
  log(`GET /api/v1/accounts/BAL/balance?as_of= ×${P.reads}`);
  const asOf = await reads(asOfPaths);
  checks.push(phaseCheck('balance', balance), phaseCheck('balance as_of', asOf));
  const linesLabel = balLines >= 1_000_000 ? `${balLines / 1_000_000}M` : `${int(balLines)}`;
  rows.push({ phase: `balance (${linesLabel} lines), 1 client`, rate: `${int(balance.rps)} req/s`, p50: balance.latency.p50, p99: balance.latency.p99, client: busy(balance), errors: errorsOf(balance), note: QUICK ? `--quick: ${int(balLines)} lines, not 1M` : '' });
  rows.push({ phase: `balance ?as_of= (${linesLabel} lines)`, rate: `${int(asOf.rps)} req/s`, p50: asOf.latency.p50, p99: asOf.latency.p99, client: busy(asOf), errors: errorsOf(asOf), note: `as_of over ${BUILD.days} days` });
  rows.push({ phase: '  (history build, setup)', rate: `${int(build.linesPerS)} lines/s`, p50: build.latency.p50, p99: build.latency.p99, client: busy(build), errors: errorsOf(build), note: `${BUILD.concurrency} clients × ${BUILD.entriesPerRequest}-entry batches` });

  log('stopping Links and the cluster');
  await pgServer.close();
  log('Links on PostgreSQL closed');
  await stopCluster();

  // 7. Embedded: the same post-cold on PGlite (started and set up during the setup above).
  const liteOrigin = lite.origins.sandbox!;
  const liteToken = lite.books.api.token;
  const liteBefore = await entryCount(lite.books.api);
  log('post-cold on PGlite');
  const pglite = await gen.run(timed({ origin: liteOrigin, token: liteToken, durationMs: P.pgliteMs, workload: entries(lite.books.accounts, 'pglite') }));
  log('PGlite: verifying');
  checks.push(phaseCheck('pglite post-cold', pglite), ...(await verifyPosting(lite.books.api, 'pglite post-cold', liteBefore, pglite, { sampleSize: SAMPLE })));
  rows.push({ phase: 'embedded PGlite post-cold', rate: `${int(pglite.entriesPerS)} entries/s`, p50: pglite.latency.p50, p99: pglite.latency.p99, client: busy(pglite), errors: errorsOf(pglite) });
  await lite.close();
  await removeDir();

  // 8. Report.
  const cap = (r: RunResult, ceiling: RunResult) => r.rps > 0.7 * ceiling.rps || r.clientElu > 0.7;
  for (const [name, r, c] of [
    ['post-cold', cold, ceilPost],
    ['post-hot', hot, ceilPost],
    ['healthz', healthz, ceilGet],
    ['whoami', whoami, ceilGet],
    ['pglite', pglite, ceilPost],
  ] as const) {
    if (cap(r, c)) notes.push(`${name}: ${int(r.rps)} req/s is over 70% of the load generator's ceiling, or the generator was over 70% busy: the figure may be capped by the load generator`);
  }

  const json = {
    mode: P.mode,
    pgbench_tps: round(pgbenchTps),
    post_cold_eps: round(cold.entriesPerS),
    post_hot_eps: round(hot.entriesPerS),
    batch_lines_per_s: round(batch.linesPerS),
    p99_ms: round(cold.latency.p99, 2),
    balance_p99_ms: round(balance.latency.p99, 2),
    balance_as_of_p99_ms: round(asOf.latency.p99, 2),
    whoami_per_healthz: round(whoami.rps / healthz.rps, 3),
    pglite_eps: round(pglite.entriesPerS),
    ratio_cold_vs_pgbench: round(cold.entriesPerS / pgbenchTps, 3),
    ratio_hot_vs_cold: round(hot.entriesPerS / cold.entriesPerS, 3),
    post_cold_p50_ms: round(cold.latency.p50, 2),
    post_hot_p50_ms: round(hot.latency.p50, 2),
    post_hot_p99_ms: round(hot.latency.p99, 2),
    batch_entries_per_s: round(batch.entriesPerS),
    batch_p99_ms: round(batch.latency.p99, 2),
    balance_p50_ms: round(balance.latency.p50, 2),
    balance_as_of_p50_ms: round(asOf.latency.p50, 2),
    balance_lines: balLines,
    whoami_rps: round(whoami.rps),
    healthz_rps: round(healthz.rps),
    pglite_p99_ms: round(pglite.latency.p99, 2),
    loadgen_ceiling_post_rps: round(ceilPost.rps),
    loadgen_ceiling_get_rps: round(ceilGet.rps),
    loadgen_busy_post_cold: round(cold.clientElu, 2),
    clients: CLIENTS,
    checks_passed: checks.every((c) => c.ok),
    duration_s: 0,
  };

  const targets: Target[] = [
    { name: 'ratio_cold_vs_pgbench', value: json.ratio_cold_vs_pgbench, op: '>=', goal: 2.0 },
    { name: 'ratio_hot_vs_cold', value: json.ratio_hot_vs_cold, op: '>=', goal: 0.8 },
    { name: 'p99_ms (post-cold)', value: json.p99_ms, op: '<=', goal: 50 },
    { name: `balance_p99_ms${QUICK ? ' (quick: fewer lines)' : ''}`, value: json.balance_p99_ms, op: '<=', goal: 5 },
    { name: `balance_as_of_p99_ms${QUICK ? ' (quick: fewer lines)' : ''}`, value: json.balance_as_of_p99_ms, op: '<=', goal: 20 },
    { name: 'batch_lines_per_s', value: json.batch_lines_per_s, op: '>=', goal: 20_000 },
    { name: 'whoami_per_healthz', value: json.whoami_per_healthz, op: '>=', goal: 0.8 },
  ];

  const duration = (performance.now() - t0) / 1000;
  json.duration_s = round(duration)!;
  console.log('');
  console.log(`Links throughput benchmark (${P.mode}${QUICK ? ': short phases, fewer balance lines' : ''}), ${new Date().toISOString()}`);
  console.log(`${os.cpus().length} cores, Node ${process.version}; ${serverInfo.replace(/, data in .*/, '')}; ${CLIENTS} closed-loop clients over keep-alive HTTP/1.1`);
  console.log('');
  console.log(phaseTable(rows));
  console.log('');
  console.log(`ratios: post-cold / pgbench ${json.ratio_cold_vs_pgbench}, post-hot / post-cold ${json.ratio_hot_vs_cold}, whoami / healthz ${json.whoami_per_healthz}`);
  console.log('');
  console.log(targetTable(targets));
  console.log('');
  console.log(checkTable(checks));
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`note: shared 2-core machine: other work running alongside changes these numbers; compare ratios from one run.`);
  console.log(`took ${duration.toFixed(1)} s`);
  return { json, checks };
}

let exitCode = 1;
try {
  const { json, checks } = await main();
  await cleanup();
  console.log(JSON.stringify(json));
  exitCode = checks.every((c) => c.ok) ? 0 : 1;
} catch (error) {
  console.error(`[bench] failed: ${(error as Error).stack ?? error}`);
  await cleanup();
  console.log(JSON.stringify({ error: (error as Error).message, duration_s: round((performance.now() - t0) / 1000) }));
}
process.exit(exitCode);

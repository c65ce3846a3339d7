/**
 * The seeded simulation of the GL transfer engine against the in-process Xero model (TigerBeetle's
 * VOPR is the model), shared by the shard files test/gl/xeroSimulation.<n>.test.ts. Each schedule: a
 * fresh tenant on the real storage, a Xero connection (custom or authorization code, random
 * summarize mode), two engines (two "processes") sharing the database, each with its own connector
 * caches and rate shapers (one sends at a time: the connection's sender lease), and a simulated
 * clock. Every step does one random thing: post an entry, tick one or both engines, restart one,
 * crash one in a journal or token request (its promise never settles; its lease must run out), jump
 * the clock; every Xero request may be dropped before or after the store, answered 500 before or
 * after the store, 429, or find its token expired; token requests may lose their answer or die with
 * their process (its refresh lease must run out too). After every step the invariants hold: no entry is queued twice, no
 * journal is in Xero twice, every journal in Xero belongs to a transfer, a confirmed transfer names
 * the one journal Xero holds, a failed one (some schedules lock the books to mid-November) is not in
 * Xero and carries Xero's lock-date message; never more than 5 requests in flight to the
 * organisation, and Xero never refuses for its own limits across both engines. Then the faults stop,
 * a person retries what failed after the lock is lifted, and every schedule must end with every
 * entry in Xero exactly once and Xero's balances equal to Links' movements.
 *
 * Why the real engine on the real storage, not a model of it: the exactly-once argument lives in the
 * storage (claims under FOR UPDATE SKIP LOCKED, leases, settling only by the lease holder), so a
 * model of it would test the model. A schedule costs ≈ 185 ms on PGlite and ≈ 150 ms on PostgreSQL
 * (two shards at once on an idle 2-core machine; the time is the database's), so thousands per run
 * are split over shard files that vitest runs in parallel. LINKS_SIM_SCHEDULES sets the total per run
 * (default: 2,000 on PGlite and 500 on PostgreSQL, where the two engines' transactions truly overlap).
 * Seeds differ per run; a failing schedule prints its seed, and `LINKS_SIM_SEED=<seed>` replays
 * exactly that one.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryFactory } from '../../../src/gl/connectors.js';
import { sealGlCredentials } from '../../../src/gl/credentials.js';
import { retryGlTransfer } from '../../../src/gl/glTransferService.js';
import { GlTransferEngine } from '../../../src/gl/transferEngine.js';
import { xeroProvider } from '../../../src/gl/xero/xeroProvider.js';
import { XeroShapers } from '../../../src/gl/xero/xeroRateShaper.js';
import { postJournalEntry } from '../../../src/ledger/journalEntries.js';
import { insertGlConnection } from '../../../src/storage/glTransfers.js';
import { inTenantTransaction } from '../../../src/storage/tenantScope.js';
import { openSandboxStore, type SandboxStore } from '../sandboxStore.js';
import { inProcessFetch, standInUrls } from './xeroHttp.js';
import { SimClock } from './simClock.js';
import { type XeroFault, XeroModel } from './xeroModel.js';

const BASE = 'http://xero.sim';
const STEPS = 40;
/** The shard files; each runs its part of the schedules. */
export const SIMULATION_SHARDS = 4;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Worker {
  engine: GlTransferEngine;
  /** Resolves when this worker's process "dies" mid-request. */
  crashed: Promise<void>;
  crash: () => void;
}

interface ScheduleTotals {
  entries: number;
  requests: number;
  faults: number;
  calmRounds: number;
  limitedByXero: number;
  retriedAfterLock: number;
}

/** Schedules per run, over all shards. */
function scheduleCount(): number {
  if (process.env.LINKS_SIM_SCHEDULES) return Number(process.env.LINKS_SIM_SCHEDULES);
  return process.env.LINKS_TEST_BACKEND === 'postgres' ? 500 : 2000;
}

/** This shard's seeds: fresh each run (from the clock), or the one LINKS_SIM_SEED names. */
function seedsOf(shard: number): number[] {
  if (process.env.LINKS_SIM_SEED) return [Number(process.env.LINKS_SIM_SEED)];
  const total = scheduleCount();
  const from = Math.floor(((shard - 1) * total) / SIMULATION_SHARDS);
  const to = Math.floor((shard * total) / SIMULATION_SHARDS);
  const base = Date.now();
  return Array.from({ length: to - from }, (_, i) => (base + (from + i) * 7919) % 2 ** 31);
}

/** The simulation's describe block for shard `shard` of SIMULATION_SHARDS. */
export function describeXeroSimulation(shard: number): void {
  describe(`seeded simulation (shard ${shard} of ${SIMULATION_SHARDS}): the transfer engine against the Xero model`, () => {
    let store: SandboxStore;

    beforeAll(async () => {
      store = await openSandboxStore();
    });

    afterAll(async () => {
      await store?.close();
    });

    const seeds = seedsOf(shard);
    it(`${process.env.LINKS_SIM_SEED ? 'replays one seed' : `${seeds.length} seeded schedules`}: every entry in Xero exactly once`, async () => {
      const totals = { schedules: 0, entries: 0, requests: 0, faults: 0, calmRounds: 0, limitedByXero: 0, retriedAfterLock: 0, ms: 0 };
      for (const seed of seeds) {
        const started = performance.now();
        try {
          const r = await runSchedule(store, seed);
          for (const k of ['entries', 'requests', 'faults', 'calmRounds', 'limitedByXero', 'retriedAfterLock'] as const) totals[k] += r[k];
        } catch (error) {
          throw new Error(`simulation failed; replay with LINKS_SIM_SEED=${seed} npx vitest run --project ${process.env.LINKS_TEST_BACKEND} packages/server/test/gl/xeroSimulation.1.test.ts\n${(error as Error).stack ?? error}`);
        }
        totals.ms += Math.round(performance.now() - started);
        totals.schedules++;
      }
      console.log(`xero simulation shard ${shard}: ${JSON.stringify(totals)}`);
      expect(totals.schedules).toBe(seeds.length);
    }, 1_800_000);
  });
}

async function runSchedule(store: SandboxStore, seed: number): Promise<ScheduleTotals> {
  const { db, key } = store;
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const clock = new SimClock();
  const model = new XeroModel(clock);
  const org = model.addOrganisation('Sim Ltd', 'USD');
  org.addAccount('1000', 'Cash clearing', 'CURRENT'); // not BANK: Xero takes no manual journal on a bank account
  org.addAccount('4000', 'Sales', 'REVENUE');
  org.addAccount('6000', 'Costs', 'OVERHEADS');
  model.identity.addApp({ clientId: 'SIM', clientSecret: 'sim-secret', tenantIds: [org.tenantId], customConnection: true });
  model.identity.addApp({ clientId: 'SIMWEB', clientSecret: 'sim-web-secret', tenantIds: [org.tenantId], customConnection: false });
  const tenantId = uuidv7();
  const connectionId = uuidv7();
  const authorizationCode = random() < 0.5;
  const credentials = authorizationCode
    ? { client_id: 'SIMWEB', client_secret: 'sim-web-secret', grant: 'authorization_code', redirect_uri: 'https://links.example/cb' }
    : { client_id: 'SIM', client_secret: 'sim-secret', grant: 'client_credentials' };
  const summarize = pick(['none', 'daily', 'monthly'] as const);
  await inTenantTransaction(db, tenantId, async (trx) => {
    for (const [code, type] of [['1000', 'asset'], ['4000', 'revenue'], ['6000', 'expense']] as const) {
      await trx.insertInto('accounts').values({ tenant_id: tenantId, id: uuidv7(), code, name: code, type, currency: null, parent_id: null, description: null, metadata: '{}', is_active: true }).execute();
    }
    const now = new Date(clock.now());
    await insertGlConnection(trx, {
      tenant_id: tenantId, id: connectionId, provider: 'xero', name: 'sim', status: 'active',
      settings: { start_date: '2026-11-01', summarize, paused: false },
      sealed_credentials: sealGlCredentials(tenantId, connectionId, credentials, () => key),
      mapping: { accounts: {}, dimensions: {} }, queued_position: 0n, created_at: now, updated_at: now,
    });
  });

  // Some schedules lock the books up to mid-November: Xero refuses those journals (failed, with
  // Xero's message) until the lock is lifted and a person retries them.
  const lockDate = random() < 0.3 ? '2026-11-15' : null;
  org.periodLockDate = lockDate;
  let faultsOn = true;
  let faultCount = 0;
  let crashNext: (() => void) | null = null;
  model.faults = (request) => {
    if (!faultsOn) return undefined;
    const r = random();
    const api = request.path.startsWith('/api.xro/');
    let fault: XeroFault | undefined;
    if (!api) fault = r < 0.05 ? { kind: 'drop_after' } : undefined;
    else if (r < 0.1) fault = { kind: 'drop_after' };
    else if (r < 0.15) fault = { kind: 'drop_before' };
    else if (r < 0.23) fault = { kind: 'error_500', afterStore: random() < 0.5 };
    else if (r < 0.28) fault = { kind: 'rate_429', problem: pick(['minute', 'concurrent'] as const), retryAfterSeconds: 1 + Math.floor(random() * 30) };
    else if (r < 0.33) fault = { kind: 'expire_token' };
    if (fault) faultCount++;
    return fault;
  };
  const baseFetch = inProcessFetch(model, BASE);
  const endpoints = standInUrls(BASE);

  // Connect the way a person would, with faults off (the API answers the person; the engine is the subject).
  faultsOn = false;
  const setup = xeroProvider({ endpoints, secretsKey: () => key, fetch: baseFetch, clock });
  const ctx = { db, environment: 'sandbox' as const, tenantId, connectionId, credentials, settings: { start_date: '2026-11-01', summarize, paused: false }, requestTimeoutMs: 30_000 };
  const started = await setup.connect(ctx);
  if (started.authorize_url) {
    const approval = await baseFetch(started.authorize_url);
    const callback = new URL(approval.headers.get('location') as string);
    await setup.completeAuthorization(ctx, { state: callback.searchParams.get('state') as string, code: callback.searchParams.get('code') as string });
  }
  faultsOn = true;

  // The lease outlasts a minute plus an attempt's longest time (2 × 5 s for a slot + 30 s): a
  // crashed sender's successor starts with none of its requests in the organisation's minute.
  const timings = { pollMs: 1000, discoveryMs: 3_600_000, leaseMs: 100_000, requestTimeoutMs: 30_000, backoffMs: 500 };
  const newWorker = (): Worker => {
    let crash = () => {};
    const crashed = new Promise<void>((resolve) => {
      crash = resolve;
    });
    // A crash: a journal PUT or a token request reaches Xero (maybe stored, maybe rotated), then the
    // process is gone: the promise never settles, and its transfer's or token row's lease must run out.
    const workerFetch: typeof fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      if (crashNext === crash && ((url.includes('/api.xro/') && init?.method === 'PUT') || url.endsWith('/connect/token'))) {
        crashNext = null;
        if (random() < 0.5) await baseFetch(input, init);
        crash();
        return new Promise<Response>(() => {});
      }
      return baseFetch(input, init);
    }) as typeof fetch;
    const provider = xeroProvider({ endpoints, secretsKey: () => key, fetch: workerFetch, clock, shapers: new XeroShapers(clock), maxWaitMs: 5_000 });
    const engine = new GlTransferEngine({ environments: { sandbox: db }, tenantIds: async () => [tenantId], secretsKey: () => key, connectors: registryFactory({ xero: provider }), timings, clock: clock.now });
    return { engine, crashed, crash };
  };
  const workers = [newWorker(), newWorker()];
  const tick = async (i: number) => {
    const w = workers[i] as Worker;
    const done = await Promise.race([w.engine.tick(clock.now()).then(() => 'ticked' as const), w.crashed.then(() => 'crashed' as const)]);
    if (done === 'crashed') workers[i] = newWorker();
  };

  const posted: Array<{ id: string; date: string; amount: bigint; cost: boolean }> = [];
  const post = async () => {
    const amount = BigInt(1 + Math.floor(random() * 100_000));
    const date = `2026-${pick(['10', '11', '12'])}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const cost = random() < 0.3;
    const input = {
      date, description: `sim ${posted.length}`, currency: 'USD',
      lines: cost
        ? [{ account: '6000', debit: (Number(amount) / 100).toFixed(2) }, { account: '1000', credit: (Number(amount) / 100).toFixed(2) }]
        : [{ account: '1000', debit: (Number(amount) / 100).toFixed(2) }, { account: '4000', credit: (Number(amount) / 100).toFixed(2) }],
    };
    const outcome = await postJournalEntry(
      { db, tenantId, environment: 'sandbox', groupCommit: false, cursorKey: () => key },
      { context: { actor: { type: 'system', id: 'simulation' }, requestId: `sim-${seed}-${posted.length}` }, fingerprint: input },
      input,
    );
    posted.push({ id: outcome.body.data.id, date, amount, cost });
  };

  const transfers = () => inTenantTransaction(db, tenantId, (trx) => trx.selectFrom('gl_transfers').selectAll().where('connection_id', '=', connectionId).execute());
  const check = async (step: string) => {
    const rows = await transfers();
    const ids = new Set(rows.map((t) => t.id));
    const carried = rows.flatMap((t) => t.entry_ids);
    if (new Set(carried).size !== carried.length) throw new Error(`${step}: an entry was queued in two transfers`);
    for (const j of org.journals) {
      const marker = /links:([0-9a-f-]{36})/.exec(j.Narration)?.[1];
      if (!marker || !ids.has(marker)) throw new Error(`${step}: Xero holds journal ${j.ManualJournalID} of no transfer`);
    }
    for (const t of rows) {
      const held = org.journals.filter((j) => j.Narration.includes(`links:${t.id}`));
      if (held.length > 1) throw new Error(`${step}: transfer ${t.id} is in Xero ${held.length} times`);
      if (t.status === 'failed') {
        const message = String((t.last_error as { message?: unknown } | null)?.message);
        if (held.length > 0 || !message.includes('period lock date')) throw new Error(`${step}: transfer ${t.id} failed (${message}) yet Xero holds ${held.length}`);
      }
      if (t.status === 'confirmed' && t.erp_document_id !== null && held[0]?.ManualJournalID !== t.erp_document_id) {
        throw new Error(`${step}: confirmed transfer ${t.id} names ${t.erp_document_id}, Xero holds ${held[0]?.ManualJournalID ?? 'nothing'}`);
      }
    }
    const stats = model.stats.get(org.tenantId);
    if ((stats?.maxInFlight ?? 0) > 5) throw new Error(`${step}: ${stats?.maxInFlight} requests in flight to one organisation`);
    // Across both engines: Xero never had to refuse for its own limits (its injected 429s are not counted here).
    if ((stats?.limited.concurrent ?? 0) + (stats?.limited.minute ?? 0) > 0) throw new Error(`${step}: Xero refused for its limits ${JSON.stringify(stats?.limited)} (at most ${stats?.maxPerMinute} a minute)`);
  };

  for (let step = 0; step < STEPS; step++) {
    const r = random();
    if (r < 0.25) await post();
    else if (r < 0.5) await tick(random() < 0.5 ? 0 : 1);
    else if (r < 0.65) await Promise.all([tick(0), tick(1)]);
    else if (r < 0.72) workers[random() < 0.5 ? 0 : 1] = newWorker();
    else if (r < 0.78) crashNext = (workers[random() < 0.5 ? 0 : 1] as Worker).crash;
    else await clock.sleep(Math.floor(random() * 40_000));
    await check(`seed ${seed} step ${step}`);
  }

  // Calm: no faults, time passes (leases of crashed workers run out), the engines catch up.
  faultsOn = false;
  crashNext = null;
  org.periodLockDate = null;
  const scope = { db, tenantId, environment: 'sandbox' as const, groupCommit: false, cursorKey: () => key };
  const gl = { secretsKey: () => key, providers: {}, connectors: registryFactory({}), requestTimeoutMs: 30_000, wake: () => {} };
  // A person retries what failed. A transfer whose refusal was lost on the way can fail only now:
  // resent under the same key, Xero replays the refusal it cached; the retry takes a new key.
  let retried = 0;
  const retryFailed = async () => {
    for (const t of (await transfers()).filter((row) => row.status === 'failed')) {
      if (!lockDate) throw new Error(`seed ${seed}: transfer ${t.id} failed without a lock date`);
      retried++;
      await retryGlTransfer(scope, { context: { actor: { type: 'system', id: 'simulation' }, requestId: `retry-${t.id}-${retried}` }, fingerprint: `${t.id}-${retried}` }, gl, connectionId, t.id);
    }
  };
  let round = 0;
  for (; round < 200; round++) {
    await retryFailed();
    await clock.sleep(61_000);
    await Promise.all([tick(0), tick(1)]);
    await check(`seed ${seed} calm ${round}`);
    const rows = await transfers();
    if (rows.every((t) => t.status === 'confirmed') && rows.flatMap((t) => t.entry_ids).length === posted.filter((p) => p.date >= '2026-11-01').length) break;
  }
  const rows = await transfers();
  const stuck = rows.filter((t) => t.status !== 'confirmed');
  if (stuck.length > 0) throw new Error(`seed ${seed}: transfers never confirmed: ${JSON.stringify(stuck.map((t) => ({ id: t.id, status: t.status, last_error: t.last_error })))}`);
  const sent = rows.flatMap((t) => t.entry_ids).sort();
  const due = posted.filter((p) => p.date >= '2026-11-01');
  expect(sent, `seed ${seed}: every entry dated on or after start_date transferred once`).toEqual(due.map((p) => p.id).sort());
  // What Xero holds equals what Links posted, per account.
  const xero = new Map<string, bigint>();
  for (const j of org.journals) for (const l of j.lines) xero.set(l.AccountCode, (xero.get(l.AccountCode) ?? 0n) + l.cents);
  const links = new Map<string, bigint>();
  for (const p of due) {
    const [debit, credit] = p.cost ? ['6000', '1000'] : ['1000', '4000'];
    links.set(debit, (links.get(debit) ?? 0n) + p.amount);
    links.set(credit, (links.get(credit) ?? 0n) - p.amount);
  }
  for (const code of ['1000', '4000', '6000']) expect(xero.get(code) ?? 0n, `seed ${seed}: account ${code}`).toBe(links.get(code) ?? 0n);
  expect(model.identity.stats.refusedRefreshes, `seed ${seed}: a refresh token was lost`).toBe(0);
  const connection = await inTenantTransaction(db, tenantId, (trx) => trx.selectFrom('gl_connections').select('status').where('id', '=', connectionId).executeTakeFirstOrThrow());
  expect(connection.status, `seed ${seed}: the connection still works`).toBe('active');
  const limited = model.stats.get(org.tenantId)?.limited ?? { concurrent: 0, minute: 0, day: 0 };
  return { entries: posted.length, requests: model.log.length, faults: faultCount, calmRounds: round, limitedByXero: limited.concurrent + limited.minute + limited.day, retriedAfterLock: retried };
}


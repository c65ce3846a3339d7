/**
 * The job worker runs several jobs at once, fairly (jobs/jobWorker.ts, LINKS_JOB_SLOTS): tenant A's
 * GL runs watch a connection whose webhook receiver never answers, so they run until the receiver
 * is let go. With the default four slots A holds three of them, its fourth run waits, and tenant B's
 * accounting run starts and succeeds meanwhile; a slot set free goes to the tenant with the fewest
 * jobs running before an older job of a busier tenant. With one slot, B's run waits behind A's until
 * A's ends. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerTenant, cr, dr, entry, type Ledger } from '../ledger/ledgerClient.js';
import { waitForJob } from '../records/accountingRunClient.js';
import { plantedSecrets, postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { WebhookReceiver } from '../gl/webhookReceiver.js';
import { waitFor } from '../support/waitFor.js';
import { FAST_GL_ENGINE as FAST_ENGINE } from '../support/fastGlEngine.js';


const receiver = new WebhookReceiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

/** A tenant with one posted entry, to be sent by its GL connections. */
async function tenantWithEntry(links: TestLinks, name: string): Promise<Ledger> {
  const ledger = (await createLedgerTenant(links, name)).sandbox;
  await ledger.createAccount('1000', 'asset');
  await ledger.createAccount('4000', 'revenue');
  await ledger.postEntry(entry('2026-05-10', [dr('1000', '10.00'), cr('4000', '10.00')], { description: 'sale' }));
  return ledger;
}

/** A webhook connection whose receiver holds every delivery unanswered until `release()`: a GL run watches it until then. */
async function stuckConnection(ledger: Ledger, name: string): Promise<{ id: string; release: () => void }> {
  const path = `/stuck-${name}-${Date.now()}`;
  let holding = true;
  const previous = receiver.plan;
  receiver.plan = (d, i) => (d.path === path ? (holding ? 'hang' : 'ok') : previous(d, i));
  const created = await ledger.post('/gl-connections', { provider: 'webhook', name, credentials: { url: `${receiver.url}${path}` }, settings: { start_date: '2026-05-01' } });
  expect(created.status, created.text).toBe(201);
  plantedSecrets.push(created.body.data.signing_secret, path);
  receiver.secrets.set(path, [created.body.data.signing_secret]);
  return { id: created.body.data.id, release: () => (holding = false) };
}

async function tenantWithStuckConnection(links: TestLinks, name: string): Promise<{ ledger: Ledger; connection: string; release: () => void }> {
  const ledger = await tenantWithEntry(links, name);
  const { id, release } = await stuckConnection(ledger, name);
  return { ledger, connection: id, release };
}

async function startGlRun(ledger: Ledger, connection: string): Promise<string> {
  const run = await ledger.post(`/gl-connections/${connection}/run`);
  expect(run.status, run.text).toBe(202);
  return run.body.data.id;
}

async function startAccountingRun(ledger: Ledger): Promise<string> {
  const run = await ledger.post('/accounting/runs', { mode: 'retry' });
  expect(run.status, run.text).toBe(202);
  return run.body.data.id;
}

/** The job once it is watching its transfers (its progress has a total). */
const watching = (ledger: Ledger, id: string) =>
  waitFor(`job ${id} watching`, async () => {
    const job = await ledger.ok('GET', `/jobs/${id}`);
    expect(job.status, `the GL run ended before it was let go: ${JSON.stringify(job.result)}`).not.toMatch(/succeeded|failed/);
    return job.status === 'running' && job.progress.total !== null ? job : undefined;
  });

const statusOf = async (ledger: Ledger, id: string) => (await ledger.ok('GET', `/jobs/${id}`)).status as string;

describe.skipIf(!postgresAvailable())('job slots: the default four', () => {
  let links: TestLinks;
  useTestServer(
    (started) => {
      links = started;
    }, { env: { ...FAST_ENGINE, LINKS_DATABASE_POOL_SIZE: '6' } });

  it("tenant A's long GL runs hold three slots, not four: tenant B's run succeeds while they still run", { timeout: 300_000 }, async () => {
    const a = await tenantWithStuckConnection(links, 'slots-a');
    const b = (await createLedgerTenant(links, 'slots-b')).sandbox;
    const runsOfA: string[] = [];
    for (let i = 0; i < 4; i++) runsOfA.push(await startGlRun(a.ledger, a.connection));
    for (const id of runsOfA.slice(0, 3)) expect((await watching(a.ledger, id)).progress.total).toBeGreaterThan(0);
    // A is at its cap: its fourth run waits although a slot is free (kept for another tenant).
    await new Promise((r) => setTimeout(r, 1500));
    expect(await statusOf(a.ledger, runsOfA[3]!)).toBe('queued');

    const asked = Date.now();
    const runOfB = await startAccountingRun(b);
    const doneB = await waitForJob(b, runOfB);
    const waitedMs = Date.now() - asked;
    expect(doneB, JSON.stringify(doneB.error)).toMatchObject({ status: 'succeeded', result: { mode: 'retry', records: 0 } });
    // B's run went through while A's three runs were still watching and A's fourth still waited.
    expect(await Promise.all(runsOfA.map((id) => statusOf(a.ledger, id)))).toEqual(['running', 'running', 'running', 'queued']);

    a.release();
    for (const id of runsOfA) {
      const done = await waitForJob(a.ledger, id, 180_000);
      expect(done, JSON.stringify(done.error)).toMatchObject({ status: 'succeeded', result: { waiting: 0, failed: 0, connection_status: 'active' } });
    }
    console.info(`jobs | slots (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | 4 slots, tenant A's 3 GL runs watching a receiver that never answers: tenant B's run done ${waitedMs} ms after it was asked`);
  });

  it('a free slot goes to the tenant with the fewest jobs running, before an older job of a busier tenant', { timeout: 300_000 }, async () => {
    const a = await tenantWithStuckConnection(links, 'prefer-a');
    const c = await tenantWithEntry(links, 'prefer-c');
    const [c1, c2] = [await stuckConnection(c, 'prefer-c1'), await stuckConnection(c, 'prefer-c2')];
    const b = (await createLedgerTenant(links, 'prefer-b')).sandbox;
    // All four slots taken: A two runs, C two runs (each on its own connection).
    const running = [
      [a.ledger, await startGlRun(a.ledger, a.connection)],
      [a.ledger, await startGlRun(a.ledger, a.connection)],
      [c, await startGlRun(c, c1.id)],
      [c, await startGlRun(c, c2.id)],
    ] as const;
    for (const [ledger, id] of running) await watching(ledger, id);
    // Both wait for a slot: A's third run (asked first; A is under its cap of three) and B's run.
    const thirdOfA = await startGlRun(a.ledger, a.connection);
    const runOfB = await startAccountingRun(b);
    await new Promise((r) => setTimeout(r, 1500));
    expect([await statusOf(a.ledger, thirdOfA), await statusOf(b, runOfB)]).toEqual(['queued', 'queued']);
    // One slot set free: B (no job running) goes before A (two running), although A asked first.
    c1.release();
    const [third, ofB] = await waitFor('a slot given', async () => {
      const seen = [await a.ledger.ok('GET', `/jobs/${thirdOfA}`), await b.ok('GET', `/jobs/${runOfB}`)];
      return seen.some((j) => j.started_at !== null) ? seen : undefined;
    });
    expect(ofB.started_at, `A's third run took the slot first (started ${third.started_at})`).not.toBeNull();
    if (third.started_at !== null) expect(Date.parse(third.started_at)).toBeGreaterThanOrEqual(Date.parse(ofB.started_at));
    expect(await waitForJob(b, runOfB)).toMatchObject({ status: 'succeeded' });
    a.release();
    c2.release();
    for (const [ledger, id] of [...running, [a.ledger, thirdOfA] as const]) expect(await waitForJob(ledger, id, 180_000)).toMatchObject({ status: 'succeeded', result: { waiting: 0 } });
  });
});

describe.skipIf(!postgresAvailable())('job slots: LINKS_JOB_SLOTS=1', () => {
  let links: TestLinks;
  useTestServer(
    (started) => {
      links = started;
    }, { env: { ...FAST_ENGINE, LINKS_JOB_SLOTS: '1' } });

  it("one slot: tenant B's run waits until tenant A's GL run ends", { timeout: 300_000 }, async () => {
    const a = await tenantWithStuckConnection(links, 'one-slot-a');
    const b = (await createLedgerTenant(links, 'one-slot-b')).sandbox;
    const runOfA = await startGlRun(a.ledger, a.connection);
    await watching(a.ledger, runOfA);
    const asked = Date.now();
    const runOfB = await startAccountingRun(b);
    await new Promise((r) => setTimeout(r, 3000));
    expect([await statusOf(a.ledger, runOfA), await statusOf(b, runOfB)]).toEqual(['running', 'queued']);
    a.release();
    expect(await waitForJob(a.ledger, runOfA, 180_000)).toMatchObject({ status: 'succeeded', result: { waiting: 0 } });
    expect(await waitForJob(b, runOfB)).toMatchObject({ status: 'succeeded' });
    console.info(`jobs | slots (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | 1 slot: tenant B's run done ${Date.now() - asked} ms after it was asked, once tenant A's GL run was let go`);
  });
});

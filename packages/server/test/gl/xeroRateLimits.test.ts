/**
 * Xero's limits per organisation, on a simulated clock: Links never has more than 5 requests in
 * flight, 60 in a minute or 5,000 in a day at one organisation (the stand-in counts and would answer
 * 429), a connector at its daily limit answers "retry later" instead of sending, and an organisation
 * at its limit never holds up another organisation's requests. A process that starts after another
 * has used most of an organisation's minute and day keeps within what Xero says is left.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErpCallError, type ErpConnector } from '../../src/domain/glTransfer.js';
import { xeroProvider } from '../../src/gl/xero/xeroProvider.js';
import { XeroShapers } from '../../src/gl/xero/xeroRateShaper.js';
import { openSandboxStore, type SandboxStore } from '../support/sandboxStore.js';
import { SimClock } from '../support/xero/simClock.js';
import { inProcessFetch, standInUrls } from '../support/xero/xeroHttp.js';
import { XeroModel } from '../support/xero/xeroModel.js';

describe('Xero rate limits per organisation (simulated clock)', () => {
  let sandbox: SandboxStore;
  const clock = new SimClock();
  clock.t = Date.parse('2026-12-07T00:00:00Z');
  const model = new XeroModel(clock);
  const busy = model.addOrganisation('Busy Ltd');
  const quiet = model.addOrganisation('Quiet Ltd');
  const shared = model.addOrganisation('Shared Ltd');
  let busyConnector: ErpConnector;
  let quietConnector: ErpConnector;
  /** Two processes, each with its own shapers, sending for one organisation one after the other. */
  let firstProcess: ErpConnector;
  let nextProcess: ErpConnector;

  beforeAll(async () => {
    sandbox = await openSandboxStore();
    const { key } = sandbox;
    for (const org of [busy, quiet, shared]) org.addAccount('091', 'Cash clearing', 'CURRENT');
    model.identity.addApp({ clientId: 'BUSY', clientSecret: 's1', tenantIds: [busy.tenantId], customConnection: true });
    model.identity.addApp({ clientId: 'QUIET', clientSecret: 's2', tenantIds: [quiet.tenantId], customConnection: true });
    model.identity.addApp({ clientId: 'SHARED', clientSecret: 's3', tenantIds: [shared.tenantId], customConnection: true });
    const base = 'http://xero.limits';
    const newProcess = () => xeroProvider({ endpoints: standInUrls(base), secretsKey: () => key, fetch: inProcessFetch(model, base), clock, shapers: new XeroShapers(clock), maxWaitMs: 120_000 });
    // One process: one set of shapers for both organisations.
    const provider = newProcess();
    const tenantId = uuidv7();
    const make = async (clientId: string, clientSecret: string, by = provider) => {
      const ctx = { db: sandbox.db, environment: 'sandbox' as const, tenantId, connectionId: uuidv7(), credentials: { client_id: clientId, client_secret: clientSecret, grant: 'client_credentials' }, settings: { start_date: '2026-01-01', summarize: 'none' as const, paused: false }, requestTimeoutMs: 30_000 };
      await by.connect(ctx);
      return by.connector(ctx);
    };
    busyConnector = await make('BUSY', 's1');
    quietConnector = await make('QUIET', 's2');
    firstProcess = await make('SHARED', 's3', newProcess());
    nextProcess = await make('SHARED', 's3', newProcess());
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('5,000 requests in a day, never more than 5 at once or 60 a minute; the next waits for the day; another organisation is not held up', async () => {
    const started = clock.now();
    for (let batch = 0; batch < 500; batch++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => busyConnector.listAccounts()));
      expect(answers.every((a) => a.length === 1)).toBe(true);
    }
    const stats = model.stats.get(busy.tenantId);
    expect(stats?.requests).toBe(5000);
    expect(stats?.maxInFlight).toBeLessThanOrEqual(5);
    expect(stats?.maxPerMinute).toBeLessThanOrEqual(60);
    expect(stats?.limited).toEqual({ concurrent: 0, minute: 0, day: 0 });
    // 5,000 at 60 a minute take at least 83 minutes.
    expect(clock.now() - started).toBeGreaterThanOrEqual(83 * 60_000);

    const limited = await busyConnector.listAccounts().then(
      () => null,
      (error: unknown) => error,
    );
    expect(limited).toBeInstanceOf(ErpCallError);
    expect(limited).toMatchObject({ kind: 'retry_later' });
    expect((limited as ErpCallError).retryAfterMs).toBeGreaterThan(20 * 3_600_000);
    expect(model.stats.get(busy.tenantId)?.requests).toBe(5000);

    const before = clock.now();
    expect(await quietConnector.listAccounts()).toHaveLength(1);
    expect(clock.now() - before).toBeLessThan(1000);
  }, 180_000);

  it("a process that starts after another used most of the organisation's minute and day sends only what Xero says is left", async () => {
    const calls = (connector: ErpConnector, n: number) => Promise.all(Array.from({ length: n }, () => connector.listAccounts()));
    // The first process: 4,935 calls over the day so far, then, a minute later, 55 within one minute.
    for (let batch = 0; batch < 987; batch++) await calls(firstProcess, 5);
    await clock.sleep(61_000);
    for (let batch = 0; batch < 11; batch++) await calls(firstProcess, 5);
    const stats = model.stats.get(shared.tenantId);
    expect(stats?.requests).toBe(4990);

    // The next process knows nothing until Xero's first answers: 5 in the minute, then it waits for the
    // minute to pass; 5 more fill the day, and the one after answers "retry later" without being sent.
    const before = clock.now();
    const answers = await calls(nextProcess, 10);
    expect(answers.every((a) => a.length === 1)).toBe(true);
    expect(clock.now() - before).toBeGreaterThanOrEqual(55_000);
    expect(stats?.requests).toBe(5000);
    const limited = await nextProcess.listAccounts().then(
      () => null,
      (error: unknown) => error,
    );
    expect(limited).toMatchObject({ kind: 'retry_later' });
    expect((limited as ErpCallError).retryAfterMs).toBeGreaterThan(20 * 3_600_000);
    expect(stats?.requests).toBe(5000);
    expect(stats?.maxPerMinute).toBeLessThanOrEqual(60);
    expect(stats?.limited, 'Xero never had to refuse').toEqual({ concurrent: 0, minute: 0, day: 0 });
  }, 180_000);
});

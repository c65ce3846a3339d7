/**
 * Xero's limits per organisation, on a simulated clock: Links never has more than 5 requests in
 * flight, 60 in a minute or 5,000 in a day at one organisation (the stand-in counts and would answer
 * 429), a connector at its daily limit answers "retry later" instead of sending, and an organisation
 * at its limit never holds up another organisation's requests.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ErpCallError, type ErpConnector } from '../../src/domain/glTransfer.js';
import { xeroProvider } from '../../src/gl/xero/xeroProvider.js';
import { XeroShapers } from '../../src/gl/xero/xeroRateShaper.js';
import { loadSecretsKey } from '../../src/sources/secretBox.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/database.js';
import type { EnvironmentDatabase } from '../../src/storage/environmentSchema.js';
import { newStorage, type TestStorage } from '../support/linksServer.js';
import { inProcessFetch, standInUrls } from '../support/xero/xeroHttp.js';
import { XeroModel } from '../support/xero/xeroModel.js';

describe('Xero rate limits per organisation (simulated clock)', () => {
  let storage: TestStorage;
  let sandbox: DatabaseHandle<EnvironmentDatabase>;
  const clock = {
    t: Date.parse('2026-12-07T00:00:00Z'),
    now() {
      return this.t;
    },
    async sleep(ms: number) {
      this.t += Math.max(ms, 0);
    },
  };
  const model = new XeroModel({ now: () => clock.now(), sleep: (ms) => clock.sleep(ms) });
  const busy = model.addOrganisation('Busy Ltd');
  const quiet = model.addOrganisation('Quiet Ltd');
  let busyConnector: ErpConnector;
  let quietConnector: ErpConnector;

  beforeAll(async () => {
    storage = newStorage();
    const config = loadConfig(storage.env);
    sandbox = await openDatabase<EnvironmentDatabase>('sandbox', config);
    const key = loadSecretsKey({ secretsKey: config.secretsKey, dataDir: config.dataDir });
    for (const org of [busy, quiet]) org.addAccount('091', 'Cash clearing', 'CURRENT');
    model.identity.addApp({ clientId: 'BUSY', clientSecret: 's1', tenantIds: [busy.tenantId], customConnection: true });
    model.identity.addApp({ clientId: 'QUIET', clientSecret: 's2', tenantIds: [quiet.tenantId], customConnection: true });
    const base = 'http://xero.limits';
    // One process: one set of shapers for both organisations.
    const provider = xeroProvider({ endpoints: standInUrls(base), secretsKey: () => key, fetch: inProcessFetch(model, base), clock, shapers: new XeroShapers(clock), maxWaitMs: 120_000 });
    const tenantId = uuidv7();
    const make = async (clientId: string, clientSecret: string) => {
      const ctx = { db: sandbox.db, environment: 'sandbox' as const, tenantId, connectionId: uuidv7(), credentials: { client_id: clientId, client_secret: clientSecret, grant: 'client_credentials' }, settings: { start_date: '2026-01-01', summarize: 'none' as const, paused: false }, requestTimeoutMs: 30_000 };
      await provider.connect(ctx);
      return provider.connector(ctx);
    };
    busyConnector = await make('BUSY', 's1');
    quietConnector = await make('QUIET', 's2');
  });

  afterAll(async () => {
    await sandbox?.close();
    await storage?.destroy();
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
});

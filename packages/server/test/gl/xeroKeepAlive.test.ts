/**
 * An idle authorization-code Xero connection through the engine, on the real storage with a simulated
 * clock: Xero forgets a refresh token unused for 60 days, so the engine renews an idle connection's
 * tokens weekly and a journal posted after 90 quiet days still goes through; a grant revoked while idle
 * turns the connection to needs_authorization at the next keep-alive, with an audit event, instead
 * of at the first transfer.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryFactory } from '../../src/gl/connectors.js';
import { sealGlCredentials } from '../../src/gl/credentials.js';
import { GlTransferEngine } from '../../src/gl/transferEngine.js';
import { xeroProvider } from '../../src/gl/xero/xeroProvider.js';
import { XeroShapers } from '../../src/gl/xero/xeroRateShaper.js';
import { postJournalEntry } from '../../src/ledger/journalEntries.js';
import type { EnvironmentDatabase } from '../../src/storage/environmentSchema.js';
import { insertGlConnection } from '../../src/storage/glTransfers.js';
import { inTenantTransaction } from '../../src/storage/tenantScope.js';
import { openSandboxStore, type SandboxStore } from '../support/sandboxStore.js';
import { SimClock } from '../support/xero/simClock.js';
import { REFRESH_IDLE_MS } from '../support/xero/xeroIdentity.js';
import { inProcessFetch, standInUrls } from '../support/xero/xeroHttp.js';
import { XeroModel } from '../support/xero/xeroModel.js';

const BASE = 'http://xero.keep-alive';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

describe('an idle Xero connection through the engine (simulated clock)', () => {
  let store: SandboxStore;
  let db: Kysely<EnvironmentDatabase>;
  let key: Buffer;

  beforeAll(async () => {
    store = await openSandboxStore();
    ({ db, key } = store);
  });

  afterAll(async () => {
    await store?.close();
  });

  /** A tenant with a chart, an authorized authorization-code connection, and one engine on a clock that only moves when told. */
  async function idleConnection() {
    const clock = new SimClock();
    const model = new XeroModel(clock);
    const org = model.addOrganisation('Idle Ltd', 'USD');
    org.addAccount('1000', 'Cash clearing', 'CURRENT');
    org.addAccount('4000', 'Sales', 'REVENUE');
    model.identity.addApp({ clientId: 'IDLE', clientSecret: 'idle-secret', tenantIds: [org.tenantId], customConnection: false });
    const tenantId = uuidv7();
    const connectionId = uuidv7();
    const credentials = { client_id: 'IDLE', client_secret: 'idle-secret', grant: 'authorization_code', redirect_uri: 'https://links.example/cb' };
    const settings = { start_date: '2026-01-01', summarize: 'none' as const, paused: false };
    await inTenantTransaction(db, tenantId, async (trx) => {
      for (const [code, type] of [['1000', 'asset'], ['4000', 'revenue']] as const) {
        await trx.insertInto('accounts').values({ tenant_id: tenantId, id: uuidv7(), code, name: code, type, currency: null, parent_id: null, description: null, metadata: '{}', is_active: true }).execute();
      }
      const now = new Date(clock.now());
      await insertGlConnection(trx, {
        tenant_id: tenantId, id: connectionId, provider: 'xero', name: 'idle', status: 'active', settings,
        sealed_credentials: sealGlCredentials(tenantId, connectionId, credentials, () => key),
        mapping: { accounts: {}, dimensions: {} }, queued_position: 0n, created_at: now, updated_at: now,
      });
    });
    const fetch = inProcessFetch(model, BASE);
    const provider = xeroProvider({ endpoints: standInUrls(BASE), secretsKey: () => key, fetch, clock, shapers: new XeroShapers(clock) });
    const ctx = { db, environment: 'sandbox' as const, tenantId, connectionId, credentials, settings, requestTimeoutMs: 30_000 };
    const started = await provider.connect(ctx);
    const callback = new URL((await fetch(started.authorize_url as string)).headers.get('location') as string);
    await provider.completeAuthorization(ctx, { state: callback.searchParams.get('state') as string, code: callback.searchParams.get('code') as string });
    const warnings: string[] = [];
    const engine = new GlTransferEngine({
      logger: {
        warn: (fields: unknown, message?: unknown) => {
          warnings.push(`${String(message)}: ${String((fields as { err?: unknown }).err)}`);
        },
      },
      environments: { sandbox: db }, tenantIds: async () => [tenantId], secretsKey: () => key, connectors: registryFactory({ xero: provider }), clock: clock.now,
      timings: { pollMs: 1000, discoveryMs: 365 * DAY_MS, leaseMs: 100_000, requestTimeoutMs: 30_000, backoffMs: 500 },
    });
    /** Lets `days` pass with the engine looking every six hours and nothing to send. */
    const idle = async (days: number) => {
      for (let at = 0; at < days * DAY_MS; at += 6 * HOUR_MS) {
        clock.t += 6 * HOUR_MS;
        await engine.tick(clock.now());
      }
    };
    const connection = () => inTenantTransaction(db, tenantId, (trx) => trx.selectFrom('gl_connections').select('status').where('id', '=', connectionId).executeTakeFirstOrThrow());
    const post = (description: string) => {
      const input = { date: '2026-06-01', description, currency: 'USD', lines: [{ account: '1000', debit: '12.00' }, { account: '4000', credit: '12.00' }] };
      return postJournalEntry(
        { db, tenantId, environment: 'sandbox', groupCommit: false, cursorKey: () => key },
        { context: { actor: { type: 'system', id: 'keep-alive test' }, requestId: `keep-alive-${uuidv7()}` }, fingerprint: input },
        input,
      );
    };
    const transfers = () => inTenantTransaction(db, tenantId, (trx) => trx.selectFrom('gl_transfers').select(['status', 'last_error']).where('connection_id', '=', connectionId).execute());
    const events = () => inTenantTransaction(db, tenantId, (trx) => trx.selectFrom('audit_events').select(['action', 'actor_id']).where('resource_id', '=', connectionId).execute());
    return { clock, model, org, engine, warnings, idle, connection, post, transfers, events };
  }

  it('renews the tokens about weekly over 90 idle days, so a journal posted then is sent with no one re-authorizing', { timeout: 120_000 }, async () => {
    const links = await idleConnection();
    await links.engine.tick(links.clock.now());
    const before = links.model.identity.stats.refreshes;
    await links.idle(90);
    expect(90 * DAY_MS).toBeGreaterThan(REFRESH_IDLE_MS);
    const renewals = links.model.identity.stats.refreshes - before;
    // Once a week, looked at every six hours: 12 or 13 renewals in 90 days, none refused.
    expect(renewals).toBeGreaterThanOrEqual(12);
    expect(renewals).toBeLessThanOrEqual(13);
    expect(links.model.identity.stats.refusedRefreshes).toBe(0);
    expect((await links.connection()).status).toBe('active');

    await links.post('After the quiet quarter');
    for (let i = 0; i < 5; i++) {
      links.clock.t += 1000;
      await links.engine.tick(links.clock.now());
    }
    expect((await links.transfers()).map((t) => t.status)).toEqual(['confirmed']);
    expect(links.org.journals).toHaveLength(1);
    expect(links.warnings).toEqual([]);
  });

  it('a grant revoked while idle: needs_authorization at the next keep-alive, with an audit event; what is posted then waits', { timeout: 120_000 }, async () => {
    const links = await idleConnection();
    await links.idle(3);
    links.model.identity.revokeRefreshTokens('IDLE');
    await links.idle(3);
    expect((await links.connection()).status, 'six days: nothing was due for renewal yet').toBe('active');
    await links.idle(2);
    expect((await links.connection()).status).toBe('needs_authorization');
    expect(await links.events()).toContainEqual({ action: 'gl_connection.needs_authorization', actor_id: 'gl-transfer-engine' });

    await links.post('While unauthorized');
    await links.idle(1);
    expect(links.org.journals).toHaveLength(0);
    expect(await links.transfers(), 'a connection needing authorization queues nothing').toEqual([]);
    expect(links.warnings).toEqual([]);
  });
});

/**
 * Two `links start` processes on one PostgreSQL database send to one Xero organisation through one
 * connection (the stand-in over HTTP, real clock, the default 120 s lease). Each process shapes its
 * requests on its own, so only the connection's sender lease keeps Xero's limits: while both run,
 * one sends; when it stops, the other takes over once the first one's requests are a minute old.
 * The stand-in counts what arrived: never more than 5 in flight or 60 in any minute, never a 429
 * for its own limits, every journal exactly once.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type LinksProcess, startLinksProcess } from '../support/childProcess.js';
import { AdminClient, call } from '../support/http.js';
import { backend, newStorage, plantedSecrets, postgresAvailable, type TestStorage } from '../support/linksServer.js';
import { standInEnv, startXeroHttp, type XeroStandInUrls } from '../support/xero/xeroHttp.js';
import { XeroModel } from '../support/xero/xeroModel.js';
import { waitFor } from '../support/waitFor.js';

const ADMIN_TOKEN = `xero2p-admin-${randomBytes(16).toString('hex')}`;
/** More than one minute's 60 requests: the limit is reached, and the rest wait for the next minute. */
const ENTRIES = 90;
const ENGINE = { LINKS_GL_POLL_MS: '50', LINKS_GL_DISCOVERY_MS: '200', LINKS_GL_BACKOFF_MS: '50' };

describe.skipIf(!postgresAvailable() || backend !== 'postgres')("Xero's limits with two processes sending for one connection", () => {
  const storage: TestStorage = newStorage();
  const model = new XeroModel({ now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  const org = model.addOrganisation('Two Processes Ltd', 'USD');
  const clientSecret = `xero-2p-${randomBytes(12).toString('hex')}`;
  let stand: (XeroStandInUrls & { close(): Promise<void> }) | undefined;
  const processes: LinksProcess[] = [];

  afterAll(async () => {
    for (const proc of processes) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await stand?.close();
    await storage.destroy();
  });

  it('one process sends at a time: at most 5 in flight and 60 a minute, each journal once', { timeout: 420_000 }, async () => {
    for (const [code, name, type] of [['091', 'Cash clearing', 'CURRENT'], ['200', 'Sales', 'REVENUE']] as const) org.addAccount(code, name, type);
    model.identity.addApp({ clientId: 'TWO-PROCESSES', clientSecret, tenantIds: [org.tenantId], customConnection: true });
    plantedSecrets.push(clientSecret);
    stand = await startXeroHttp(model);
    const env = { LINKS_ADMIN_TOKEN: ADMIN_TOKEN, ...ENGINE, ...standInEnv(stand), ...storage.env };
    const first = await startLinksProcess(env);
    processes.push(first.proc);

    const admin = new AdminClient(first.console, ADMIN_TOKEN);
    const tenant = await admin.createTenant('Xero two processes');
    const user = await admin.createUser(`xero2p-${randomBytes(3).toString('hex')}@limits.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const token = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    const api = async (method: string, path: string, body?: unknown) => {
      const result = await call(first.sandbox, method, `/api/v1${path}`, { token, body });
      if (result.status >= 300) throw new Error(`${method} ${path} → ${result.status} ${result.text}`);
      return result.body;
    };
    for (const account of [{ code: '1000', name: 'Cash', type: 'asset' }, { code: '4000', name: 'Revenue', type: 'revenue' }]) await api('POST', '/accounts', account);
    const posted: string[] = [];
    for (let i = 1; i <= ENTRIES; i++) {
      const made = await api('POST', '/journal-entries', { date: '2026-06-01', description: `Sale ${i}`, currency: 'USD', lines: [{ account: '1000', debit: `${i}.00` }, { account: '4000', credit: `${i}.00` }] });
      posted.push(made.data.id);
    }
    const created = (await api('POST', '/gl-connections', { provider: 'xero', name: 'shared organisation', credentials: { client_id: 'TWO-PROCESSES', client_secret: clientSecret }, settings: { start_date: '2026-01-01', summarize: 'none', paused: true } })).data;
    await api('PUT', `/gl-connections/${created.id}/mapping`, { accounts: { '1000': '091', '4000': '200' } });
    await api('PATCH', `/gl-connections/${created.id}`, { settings: { paused: false } });
    // All transfers fit one page (ENTRIES < 100), asked of whichever process is up.
    const transfers = async (origin: string): Promise<any[]> => {
      const page = await call(origin, 'GET', `/api/v1/gl-connections/${created.id}/transfers?limit=100`, { token });
      if (page.status !== 200) throw new Error(`transfers → ${page.status} ${page.text}`);
      return page.body.data;
    };
    const confirmed = async (origin: string) => (await transfers(origin)).filter((t) => t.status === 'confirmed').length;

    // The first process holds the connection; the second starts and serves the same database.
    await waitFor('the first process sending', async () => ((await confirmed(first.sandbox)) >= 10 ? true : undefined), 120_000);
    const second = await startLinksProcess(env);
    processes.push(second.proc);
    await waitFor('40 transfers confirmed', async () => ((await confirmed(first.sandbox)) >= 40 ? true : undefined), 120_000);
    // The first stops (SIGTERM: it releases the connection); the second sends the rest.
    first.proc.child.kill('SIGTERM');
    expect(await first.proc.exited).toBe(0);
    const byFirst = await confirmed(second.sandbox);
    const all = await waitFor(
      'every transfer confirmed',
      async () => {
        const rows = await transfers(second.sandbox);
        return rows.length === ENTRIES && rows.every((t) => t.status === 'confirmed') ? rows : undefined;
      },
      240_000,
    );

    expect(byFirst, 'the second process sent some of them').toBeLessThan(ENTRIES);
    expect(all.flatMap((t) => t.entry_ids).sort()).toEqual([...posted].sort());
    const perTransfer = new Map<string, number>();
    for (const j of org.journals) {
      const transfer = /links:([0-9a-f-]{36})/.exec(j.Narration)?.[1] ?? 'none';
      perTransfer.set(transfer, (perTransfer.get(transfer) ?? 0) + 1);
    }
    expect([...perTransfer.keys()].sort()).toEqual(all.map((t) => t.id).sort());
    expect([...perTransfer.values()].every((n) => n === 1)).toBe(true);
    const stats = model.stats.get(org.tenantId)!;
    console.log(`xero two processes: ${JSON.stringify({ requests: stats.requests, maxInFlight: stats.maxInFlight, maxPerMinute: stats.maxPerMinute, limited: stats.limited, confirmedByFirst: byFirst })}`);
    expect(stats.requests).toBeGreaterThanOrEqual(ENTRIES);
    expect(stats.maxInFlight).toBeLessThanOrEqual(5);
    expect(stats.maxPerMinute).toBeLessThanOrEqual(60);
    expect(stats.limited).toEqual({ concurrent: 0, minute: 0, day: 0 });
  });
});

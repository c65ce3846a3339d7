/**
 * Two Links processes on one PostgreSQL database, both running the GL transfer engine: every
 * transfer is claimed by one of them (FOR UPDATE SKIP LOCKED under a lease), so a receiver that
 * always answers gets each transfer exactly once, and every entry is confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerTenant, cr, dr, entry, type Ledger } from '../ledger/ledgerClient.js';
import { backend, newStorage, plantedSecrets, postgresAvailable, startTestLinks, type TestLinks, type TestStorage } from '../support/linksServer.js';
import { WebhookReceiver } from '../gl/webhookReceiver.js';

const ENGINE = { LINKS_GL_POLL_MS: '20', LINKS_GL_DISCOVERY_MS: '100', LINKS_GL_BACKOFF_MS: '50' };
const ENTRIES = 30;

describe.skipIf(!postgresAvailable() || backend !== 'postgres')('GL transfer with two processes on one database', () => {
  const storage: TestStorage = newStorage();
  const receiver = new WebhookReceiver();
  let first: TestLinks;
  let second: TestLinks;
  beforeAll(async () => {
    await receiver.start();
    first = await startTestLinks({ storage, env: ENGINE });
    second = await startTestLinks({ storage, env: ENGINE });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await receiver.stop();
    await storage.destroy();
  });

  it('sends each transfer once, whichever process claims it', { timeout: 180_000 }, async () => {
    const ledger: Ledger = (await createLedgerTenant(first, 'GL two processes')).sandbox;
    await ledger.createAccount('1000', 'asset');
    await ledger.createAccount('4000', 'revenue');
    const path = '/two-processes';
    const created = await ledger.ok('POST', '/gl-connections', { provider: 'webhook', name: 'shared receiver', credentials: { url: `${receiver.url}${path}` }, settings: { start_date: '2026-01-01', paused: true } });
    receiver.secrets.set(path, [created.signing_secret]);
    plantedSecrets.push(created.signing_secret);
    const posted: string[] = [];
    for (let i = 1; i <= ENTRIES; i++) posted.push((await ledger.postEntry(entry('2026-09-01', [dr('1000', `${i}.00`), cr('4000', `${i}.00`)]))).id);
    await ledger.ok('PATCH', `/gl-connections/${created.id}`, { settings: { paused: false } });
    let transfers: any[] = [];
    for (let i = 0; i < 600; i++) {
      transfers = (await ledger.allPages(`/gl-connections/${created.id}/transfers?limit=100`)).flatMap((p) => p.data);
      if (transfers.length === ENTRIES && transfers.every((t) => t.status === 'confirmed')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(transfers.flatMap((t) => t.entry_ids).sort()).toEqual([...posted].sort());
    expect(transfers.every((t) => t.status === 'confirmed' && t.attempts === 1)).toBe(true);
    const deliveries = receiver.deliveriesTo(path);
    expect(deliveries.every((d) => d.verified)).toBe(true);
    expect(deliveries.map((d) => d.transferId).sort()).toEqual(transfers.map((t) => t.id).sort());
  });
});

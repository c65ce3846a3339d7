/**
 * GL transfer crash safety: `kill -9` of the server while transfers are in flight to a slow
 * webhook receiver (one delivery held unanswered at each kill), restart, several times. In the end
 * every entry is confirmed in exactly one transfer, the receiver booked each entry once, and a
 * transfer cut off mid-send was sent again under the same idempotency key.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { crashTenant } from '../support/crashTenant.js';
import { newStorage, plantedSecrets, postgresAvailable, type TestStorage } from '../support/linksServer.js';
import { WebhookReceiver } from '../gl/webhookReceiver.js';

const ENTRIES = 12;
const KILLS = 2;
/** A short lease so a restarted server takes the killed one's transfers back soon; a long request timeout so only a kill cuts a held delivery. */
const ENGINE = {
  LINKS_GL_POLL_MS: '50',
  LINKS_GL_DISCOVERY_MS: '200',
  LINKS_GL_LEASE_MS: '1500',
  LINKS_GL_REQUEST_TIMEOUT_MS: '60000',
  LINKS_GL_BACKOFF_MS: '50',
};

describe.skipIf(!postgresAvailable())('GL transfer crash safety: kill -9 mid-transfer', () => {
  const storage: TestStorage = newStorage();
  const receiver = new WebhookReceiver();
  afterAll(async () => {
    await receiver.stop();
    await storage.destroy();
  });

  it(`${KILLS} kills while a delivery is unanswered lose and duplicate nothing`, { timeout: 300_000 }, async () => {
    await receiver.start();
    const links = await crashTenant(storage, 'GL crash', ENGINE);
    const api = links.api;
    for (const account of [{ code: '1000', name: 'Cash', type: 'asset' }, { code: '4000', name: 'Revenue', type: 'revenue' }]) await api('POST', '/accounts', account);
    const posted: string[] = [];
    for (let i = 1; i <= ENTRIES; i++) {
      const made = await api('POST', '/journal-entries', { date: '2026-06-01', description: `Sale ${i}`, currency: 'USD', lines: [{ account: '1000', debit: `${i}.00` }, { account: '4000', credit: `${i}.00` }] });
      posted.push(made.id);
    }

    // Every `ENTRIES / (KILLS + 1)`-th delivery is held without an answer: the server is killed meanwhile.
    let held = 0;
    const heldAt = new Set(Array.from({ length: KILLS }, (_, k) => (k + 1) * Math.floor(ENTRIES / (KILLS + 1))));
    receiver.plan = (_d, index) => {
      if (!heldAt.has(index)) return 'ok';
      held += 1;
      return 'hang';
    };
    const path = `/crash-hook-${randomBytes(4).toString('hex')}`;
    const created = await api('POST', '/gl-connections', { provider: 'webhook', name: 'crash receiver', credentials: { url: `${receiver.url}${path}` }, settings: { start_date: '2026-01-01' } });
    receiver.secrets.set(path, [created.signing_secret]);
    plantedSecrets.push(created.signing_secret);

    for (let kill = 1; kill <= KILLS; kill++) {
      const deadline = Date.now() + 60_000;
      while (held < kill) {
        if (Date.now() > deadline) throw new Error(`delivery ${kill} was never held`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await links.kill();
      await links.restart();
    }

    const transfers = await (async () => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const list = (await api('GET', `/gl-connections/${created.id}/transfers?limit=100`)) as any[];
        if (list.length === ENTRIES && list.every((t) => t.status === 'confirmed')) return list;
        if (Date.now() > deadline) throw new Error(`not all confirmed: ${JSON.stringify(list.map((t) => t.status))}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    expect(transfers.flatMap((t) => t.entry_ids).sort()).toEqual([...posted].sort());
    const deliveries = receiver.deliveriesTo(path);
    expect(deliveries.every((d) => d.verified)).toBe(true);
    const booked = [...new Set(deliveries.filter((d) => d.fault === 'ok').map((d) => d.transferId))];
    expect(booked.sort()).toEqual(transfers.map((t) => t.id).sort());
    // The held transfers were sent again after the restart, under the same key.
    const cut = deliveries.filter((d) => d.fault === 'hang');
    expect(cut).toHaveLength(KILLS);
    for (const d of cut) {
      const again = deliveries.filter((x) => x.transferId === d.transferId && x.fault === 'ok');
      expect(again.length).toBeGreaterThanOrEqual(1);
      expect(new Set([d.idempotencyKey, ...again.map((x) => x.idempotencyKey)]).size).toBe(1);
    }
    await links.stop();
  });
});

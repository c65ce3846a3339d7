/** `glConnections.*` against a real server and a local webhook receiver: create (secret once), transfers by cursor, reconciliation, retry, rotation, delete. */
import { randomBytes } from 'node:crypto';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ConflictError, LinksSDK, NotFoundError } from '../src/index.js';
import { AdminClient } from '../../server/test/support/http.js';
import { plantedSecrets, useTestServer, type TestLinks } from '../../server/test/support/linksServer.js';
import { WebhookReceiver } from '../../server/test/gl/webhookReceiver.js';

describe('@links/sdk glConnections', () => {
  let links: TestLinks;
  let client: LinksSDK;
  const receiver = new WebhookReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  useTestServer(
    async (started) => {
      links = started;
      const admin = new AdminClient(links.url('console'), links.adminToken);
      const tenant = await admin.createTenant(`SDK GL ${randomBytes(3).toString('hex')}`);
      const user = await admin.createUser(`sdk-gl-${randomBytes(3).toString('hex')}@sdk.example`);
      await admin.addMember(tenant.id, user.id, 'owner');
      const key = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
      client = new LinksSDK({ apiKey: key, endpoints: { sandbox: links.url('sandbox'), production: links.url('production') } });
      await client.accounts.create({ code: '1000', name: 'Cash', type: 'asset' });
      await client.accounts.create({ code: '4000', name: 'Revenue', type: 'revenue' });
      for (const n of [1, 2, 3]) {
        await client.journalEntries.create({ date: '2026-07-0' + n, description: `Sale ${n}`, currency: 'USD', lines: [{ account: '1000', debit: `${n}.00` }, { account: '4000', credit: `${n}.00` }] });
      }
    },
    { env: { LINKS_GL_POLL_MS: '50', LINKS_GL_BACKOFF_MS: '50' } },
  );

  it('creates a webhook connection, follows its transfers to confirmed, reconciles, rotates and deletes', { timeout: 120_000 }, async () => {
    const path = `/sdk-hook-${randomBytes(4).toString('hex')}`;
    const created = await client.glConnections.create({ provider: 'webhook', name: 'SDK receiver', credentials: { url: `${receiver.url}${path}` }, settings: { start_date: '2026-07-01', summarize: 'daily' } });
    expect(created.signing_secret).toMatch(/^whsec_/);
    plantedSecrets.push(created.signing_secret!);
    receiver.secrets.set(path, [created.signing_secret!]);
    expect((await client.glConnections.get(created.id)).status).toBe('active');
    expect((await client.glConnections.list()).data.map((c) => c.id)).toContain(created.id);
    let transfers: Awaited<ReturnType<ReturnType<LinksSDK['glConnections']['transfers']>['all']>> = [];
    for (let i = 0; i < 300; i++) {
      transfers = await client.glConnections.transfers(created.id, { limit: 2 }).all();
      if (transfers.length === 3 && transfers.every((t) => t.status === 'confirmed')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(transfers.map((t) => [t.date, t.status])).toEqual([['2026-07-01', 'confirmed'], ['2026-07-02', 'confirmed'], ['2026-07-03', 'confirmed']]);
    const reconciliation = await client.glConnections.reconciliation(created.id, { as_of: '2026-07-31', currency: 'USD' });
    expect(reconciliation.matched).toBe(true);
    expect(reconciliation.accounts).toContainEqual({ erp_account: '1000', links_balance: '6.00', erp_balance: '6.00', difference: '0.00' });
    await expect(client.glConnections.retry(created.id, transfers[0]!.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await client.glConnections.accounts(created.id)).toEqual([]);
    const rotated = await client.glConnections.rotateSecret(created.id);
    plantedSecrets.push(rotated.signing_secret!);
    expect(rotated.signing_secret).not.toBe(created.signing_secret);
    const run = await client.glConnections.run(created.id);
    expect(run).toMatchObject({ kind: 'gl_run', params: { connection_id: created.id } });
    expect(await client.jobs.wait(run.id, { timeoutMs: 120_000, intervalMs: 100 })).toMatchObject({ status: 'succeeded', result: { queued: 0, confirmed: 0, waiting: 0 } });
    await client.glConnections.delete(created.id);
    await expect(client.glConnections.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

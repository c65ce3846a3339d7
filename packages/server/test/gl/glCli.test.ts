/** `links gl connect|status|transfers|run|retry|reconcile` as a user runs them, against a server and a local webhook receiver. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinks } from '../support/childProcess.js';
import { createLedgerTenant, cr, dr, entry, type Ledger } from '../ledger/ledgerClient.js';
import { plantedSecrets, postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { WebhookReceiver } from './webhookReceiver.js';

describe.skipIf(!postgresAvailable())('links gl', () => {
  let links: TestLinks;
  let ledger: Ledger;
  const receiver = new WebhookReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  useTestServer(
    async (started) => {
      links = started;
      ledger = (await createLedgerTenant(links, 'GL CLI')).sandbox;
      await ledger.createAccount('1000', 'asset');
      await ledger.createAccount('4000', 'revenue');
      await ledger.postEntry(entry('2026-08-03', [dr('1000', '12.00'), cr('4000', '12.00')]));
    },
    { env: { LINKS_GL_POLL_MS: '50', LINKS_GL_BACKOFF_MS: '50' } },
  );

  const gl = (args: string[]) => runLinks(['gl', ...args], { LINKS_API_KEY: ledger.key, LINKS_SANDBOX_URL: links.url('sandbox'), LINKS_PRODUCTION_URL: links.url('production') });

  it('connects a webhook (secret shown once, on stderr), shows status and transfers, refuses a retry of a confirmed one, reconciles', { timeout: 180_000 }, async () => {
    const path = `/cli-hook-${randomBytes(4).toString('hex')}`;
    const connect = await gl(['connect', 'cli receiver', '--webhook-url', `${receiver.url}${path}`, '--start-date', '2026-08-01', '--summarize', 'daily']);
    expect(connect.status, connect.stderr).toBe(0);
    const secret = connect.stderr.match(/whsec_[A-Za-z0-9_-]+/)?.[0];
    expect(secret).toBeDefined();
    plantedSecrets.push(secret!);
    receiver.secrets.set(path, [secret!]);
    const id = connect.stdout.match(/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/)?.[1];
    expect(id).toBeDefined();
    let transfers: any[] = [];
    for (let i = 0; i < 600 && !(transfers.length === 1 && transfers[0].status === 'confirmed'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      transfers = (await ledger.ok('GET', `/gl-connections/${id}/transfers`)) as any[];
    }
    const listed = await gl(['transfers', id!, '--json']);
    expect(JSON.parse(listed.stdout)).toEqual(transfers);
    expect(transfers[0]).toMatchObject({ status: 'confirmed', date: '2026-08-03' });
    const status = await gl(['status', id!, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ id, status: 'active', transfers: { confirmed: 1, failed: 0 } });
    expect(status.stdout).not.toContain(secret!);
    const list = await gl(['status']);
    expect(list.stdout).toContain('cli receiver');
    const retry = await gl(['retry', id!, transfers[0].id]);
    expect(retry.status).toBe(1);
    expect(retry.stderr).toMatch(/^links: .*confirmed/);
    const reconcile = await gl(['reconcile', id!, '--as-of', '2026-08-31', '--currency', 'USD']);
    expect(reconcile.status, reconcile.stderr).toBe(0);
    expect(reconcile.stdout).toMatch(/^matched as of 2026-08-31 \(USD\)/);
    const reconciled = JSON.parse((await gl(['reconcile', id!, '--as-of', '2026-08-31', '--currency', 'USD', '--json'])).stdout);
    expect(reconciled.accounts).toContainEqual({ erp_account: '4000', links_balance: '-12.00', erp_balance: '-12.00', difference: '0.00' });
    // Send now: the job queues the new entry (unless the engine did first) and returns once it is confirmed.
    await ledger.postEntry(entry('2026-08-04', [dr('1000', '5.00'), cr('4000', '5.00')]));
    const run = await gl(['run', id!, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'gl_run', status: 'succeeded', result: { failed: 0, waiting: 0, connection_status: 'active' } });
    const after = (await ledger.ok('GET', `/gl-connections/${id}/transfers`)) as any[];
    expect(after.map((t) => [t.date, t.status])).toEqual([['2026-08-03', 'confirmed'], ['2026-08-04', 'confirmed']]);
    const unknown = await gl(['run', '0190b7c4-0000-7000-8000-000000000000']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^links: /);
  });
});

/**
 * Transfer to the general ledger through signed webhooks, over HTTP against a local receiver:
 * every posted entry dated on or after start_date reaches each connection exactly once, in each
 * summarize mode, with lines per account equal to Links' movements and reconciliation matched;
 * receiver faults (500, a dropped connection after reading, no answer, 429) never lose or duplicate
 * an entry; a refusal is `failed` with the receiver's answer until fixed and retried (under a new
 * idempotency key); a rotated secret signs alongside the old one; credentials never come back;
 * "send now" is a job that finishes when what was waiting is settled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cr, dr, entry, minor, type Ledger } from '../ledger/ledgerClient.js';
import { createLedgerTenant } from '../ledger/ledgerClient.js';
import { waitForJob } from '../records/accountingRunClient.js';
import { plantedSecrets, postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { WebhookReceiver } from './webhookReceiver.js';
import { waitFor } from '../support/waitFor.js';
import { FAST_GL_ENGINE as FAST_ENGINE } from '../support/fastGlEngine.js';


/** Every transfer of a connection, all pages. */
async function transfersOf(ledger: Ledger, id: string): Promise<any[]> {
  return (await ledger.allPages(`/gl-connections/${id}/transfers?limit=100`)).flatMap((p) => p.data);
}

/** Waits until the connection's transfers carry exactly `entries` entries and all are in `status`. */
async function settled(ledger: Ledger, id: string, entries: number, status = 'confirmed'): Promise<any[]> {
  return waitFor(`${entries} entries ${status} on ${id}`, async () => {
    const transfers = await transfersOf(ledger, id);
    const carried = transfers.flatMap((t) => t.entry_ids).length;
    return carried === entries && transfers.every((t) => t.status === status) ? transfers : undefined;
  });
}

/** Net debit per account (minor units) of the booked webhook bodies. */
function bookedByAccount(bodies: any[]): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const body of bodies) for (const l of body.lines) sums.set(l.account, (sums.get(l.account) ?? 0n) + minor(l.debit) - minor(l.credit));
  return sums;
}

describe.skipIf(!postgresAvailable())('GL transfer through signed webhooks', () => {
  let links: TestLinks;
  let ledger: Ledger;
  const receiver = new WebhookReceiver();
  const posted: string[] = [];

  useTestServer(
    async (started) => {
      links = started;
      ledger = (await createLedgerTenant(links, 'GL webhook')).sandbox;
      for (const [code, type] of [['1000', 'asset'], ['4000', 'revenue'], ['6000', 'expense']]) await ledger.createAccount(code!, type!);
      // Before start_date: never sent.
      await ledger.postEntry(entry('2026-04-30', [dr('1000', '7.00'), cr('4000', '7.00')], { description: 'before start' }));
      for (const [date, amount, region] of [['2026-05-10', '10.00', 'north'], ['2026-05-10', '2.50', 'south'], ['2026-05-11', '4.00', 'north'], ['2026-05-20', '1.25', 'north']] as const) {
        const made = await ledger.postEntry(entry(date, [dr('1000', amount), cr('4000', amount, { dimensions: { region } })], { description: `sale ${amount}` }));
        posted.push(made.id);
      }
      const expense = await ledger.postEntry(entry('2026-05-11', [dr('6000', '3.00'), cr('1000', '3.00')], { description: 'supplies' }));
      posted.push(expense.id);
    },
    { env: FAST_ENGINE },
  );
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  async function connect(name: string, path: string, settings: Record<string, unknown>): Promise<string> {
    const created = await ledger.post('/gl-connections', { provider: 'webhook', name, credentials: { url: `${receiver.url}${path}` }, settings: { start_date: '2026-05-01', ...settings } });
    expect(created.status, created.text).toBe(201);
    const secret = created.body.data.signing_secret as string;
    expect(secret).toMatch(/^whsec_/);
    plantedSecrets.push(secret, path);
    receiver.secrets.set(path, [secret]);
    expect(created.body.data).toMatchObject({ provider: 'webhook', name, status: settings.paused ? 'paused' : 'active', settings: { start_date: '2026-05-01' } });
    expect(created.text).not.toContain(path);
    const shown = await ledger.get(`/gl-connections/${created.body.data.id}`);
    expect(shown.text).not.toContain(secret);
    expect(shown.text).not.toContain(path);
    return created.body.data.id;
  }

  it.each([
    ['none', 5],
    ['daily', 3],
    ['monthly', 1],
  ] as const)('summarize %s: every entry once, lines per account equal to the movements, reconciliation matched', { timeout: 120_000 }, async (summarize, journals) => {
    const path = `/hook-${summarize}-token-${Date.now()}`;
    const id = await connect(`books ${summarize}`, path, { summarize });
    const transfers = await settled(ledger, id, posted.length);
    expect(transfers).toHaveLength(journals);
    expect(transfers.flatMap((t) => t.entry_ids).sort()).toEqual([...posted].sort());
    for (const t of transfers) expect(t).toMatchObject({ status: 'confirmed', erp_document_id: t.id, last_error: null, currency: 'USD' });
    const deliveries = receiver.deliveriesTo(path);
    expect(deliveries.every((d) => d.verified)).toBe(true);
    expect(new Set(deliveries.map((d) => d.transferId))).toEqual(new Set(transfers.map((t) => t.id)));
    const booked = transfers.map((t) => receiver.booked.get(t.id));
    expect(booked.flatMap((b) => b.entry_ids).sort()).toEqual([...posted].sort());
    expect(bookedByAccount(booked)).toEqual(new Map([['1000', 1475n], ['4000', -1775n], ['6000', 300n]]));
    if (summarize === 'daily') expect(transfers.map((t) => t.date).sort()).toEqual(['2026-05-10', '2026-05-11', '2026-05-20']);
    if (summarize === 'monthly') expect(transfers[0].date).toBe('2026-05-31');
    // Dimensions travel with the lines, summed per dimension set.
    const revenueLines = booked.flatMap((b) => b.lines).filter((l: any) => l.account === '4000');
    expect(new Set(revenueLines.map((l: any) => l.dimensions.region))).toEqual(new Set(['north', 'south']));
    const reconciliation = await ledger.ok('GET', `/gl-connections/${id}/reconciliation?as_of=2026-05-31&currency=USD`);
    expect(reconciliation).toMatchObject({ as_of: '2026-05-31', matched: true });
    expect(reconciliation.accounts).toContainEqual({ erp_account: '4000', links_balance: '-17.75', erp_balance: '-17.75', difference: '0.00' });
  });

  it('receiver faults (500, dropped after reading, no answer, 429) lose and duplicate nothing', { timeout: 180_000 }, async () => {
    const path = `/hook-faults-${Date.now()}`;
    const faults = ['error500', 'drop', 'hang', 'busy429'] as const;
    let planned = 0;
    receiver.plan = (d) => (d.path === path && planned < faults.length ? faults[planned++]! : 'ok');
    const id = await connect('faulty receiver', path, { summarize: 'none' });
    const transfers = await settled(ledger, id, posted.length);
    receiver.plan = () => 'ok';
    expect(planned).toBe(faults.length);
    expect(transfers).toHaveLength(posted.length);
    const deliveries = receiver.deliveriesTo(path);
    expect(deliveries.length).toBeGreaterThan(posted.length);
    // The receiver booked each transfer once; a resend after a lost answer carried the same key.
    const booked = transfers.map((t) => receiver.booked.get(t.id));
    expect(booked.flatMap((b) => b.entry_ids).sort()).toEqual([...posted].sort());
    for (const t of transfers) expect(new Set(deliveries.filter((d) => d.transferId === t.id).map((d) => d.idempotencyKey)).size).toBe(1);
    expect(transfers.some((t) => t.attempts > 1)).toBe(true);
  });

  it("a refusal is failed with the receiver's answer; fixed and retried, it is confirmed under a new key", { timeout: 120_000 }, async () => {
    const path = `/hook-refusal-${Date.now()}`;
    let refuse = true;
    receiver.plan = (d) => (d.path === path && refuse && d.body.entry_ids.includes(posted[0]) ? 'refuse422' : 'ok');
    const id = await connect('refusing receiver', path, { summarize: 'none' });
    const failed = await waitFor('a failed transfer', async () => (await transfersOf(ledger, id)).find((t) => t.status === 'failed'));
    expect(failed.entry_ids).toEqual([posted[0]]);
    expect(failed.last_error).toMatchObject({ code: 'receiver_refused', erp_status: 422, erp_body: { error: 'period locked until 2026-12-31' } });
    await waitFor('the others confirmed', async () => ((await transfersOf(ledger, id)).filter((t) => t.status === 'confirmed').length === posted.length - 1 ? true : undefined));
    refuse = false;
    const retried = await ledger.post(`/gl-connections/${id}/transfers/${failed.id}/retry`);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body.data.status).toBe('pending');
    await settled(ledger, id, posted.length);
    const keys = receiver.deliveriesTo(path).filter((d) => d.transferId === failed.id).map((d) => d.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
    const again = await ledger.post(`/gl-connections/${id}/transfers/${failed.id}/retry`);
    expect(again.status).toBe(409);
    receiver.plan = () => 'ok';
  });

  it('a paused connection sends nothing until resumed; a rotated secret signs alongside the old one', { timeout: 120_000 }, async () => {
    const path = `/hook-paused-${Date.now()}`;
    const id = await connect('paused receiver', path, { summarize: 'monthly', paused: true });
    const run = await startRun(id);
    // Queued by the engine (woken at creation) or by the job: one monthly journal waits either way,
    // and the job does not wait for a paused connection.
    expect(await waitForJob(ledger, run.id)).toMatchObject({ status: 'succeeded', result: { waiting: 1, confirmed: 0, failed: 0, connection_status: 'paused' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.deliveriesTo(path)).toHaveLength(0);
    const old = receiver.secrets.get(path)![0]!;
    const rotated = await ledger.post(`/gl-connections/${id}/rotate-secret`);
    expect(rotated.status, rotated.text).toBe(200);
    const fresh = rotated.body.data.signing_secret as string;
    plantedSecrets.push(fresh);
    expect(fresh).not.toBe(old);
    const resumed = await ledger.patch(`/gl-connections/${id}`, { settings: { paused: false } });
    expect(resumed.body.data.status).toBe('active');
    await settled(ledger, id, posted.length);
    const [delivery] = receiver.deliveriesTo(path);
    expect(delivery!.signature.match(/v1=/g)).toHaveLength(2);
    const { verifyLinksSignature } = await import('../../src/gl/webhook/signature.js');
    const now = Math.floor(Date.now() / 1000);
    expect(verifyLinksSignature(delivery!.signature, delivery!.raw, old, now)).toBe(true);
    expect(verifyLinksSignature(delivery!.signature, delivery!.raw, fresh, now)).toBe(true);
    expect(verifyLinksSignature(delivery!.signature, delivery!.raw, 'whsec_wrong', now)).toBe(false);
    expect(verifyLinksSignature(delivery!.signature, delivery!.raw, fresh, now + 301)).toBe(false);
  });

  async function startRun(id: string): Promise<any> {
    const run = await ledger.post(`/gl-connections/${id}/run`);
    expect(run.status, run.text).toBe(202);
    expect(run.headers.get('location')).toBe(`/api/v1/jobs/${run.body.data.id}`);
    expect(run.body.data).toMatchObject({ kind: 'gl_run', status: 'queued', params: { connection_id: id } });
    return run.body.data;
  }

  it('"send now" is a job: it succeeds once every transfer that was waiting is confirmed, each booked once', { timeout: 120_000 }, async () => {
    const path = `/hook-run-${Date.now()}`;
    const created = await ledger.post('/gl-connections', { provider: 'webhook', name: 'run now', credentials: { url: `${receiver.url}${path}` }, settings: { start_date: '2026-05-01' } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.data.id as string;
    plantedSecrets.push(created.body.data.signing_secret, path);
    // Until the receiver knows the secret it answers 503 "try again": nothing is confirmed before the job starts watching.
    const run = await startRun(id);
    const watching = await waitFor('the job watching', async () => {
      const job = await ledger.ok('GET', `/jobs/${run.id}`);
      return job.progress.total !== null ? job : undefined;
    });
    expect(watching.progress).toEqual({ done: 0, total: posted.length });
    receiver.secrets.set(path, [created.body.data.signing_secret]);
    const done = await waitForJob(ledger, run.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: { done: posted.length, total: posted.length }, result: { confirmed: posted.length, failed: 0, waiting: 0, connection_status: 'active' } });
    expect(done.result.queued).toBeLessThanOrEqual(posted.length);
    // Delivered at least once each; an answer lost to a slow machine means a resend under the same
    // key, which the receiver books once (as docs/gl.md tells receivers to).
    const transfers = await transfersOf(ledger, id);
    const accepted = receiver.deliveriesTo(path).filter((d) => d.fault === 'ok');
    expect([...new Set(accepted.map((d) => d.transferId))].sort()).toEqual(transfers.map((t) => t.id).sort());
    for (const t of transfers) expect(new Set(accepted.filter((d) => d.transferId === t.id).map((d) => d.idempotencyKey)).size).toBe(1);
    expect(transfers.flatMap((t) => receiver.booked.get(t.id).entry_ids).sort()).toEqual([...posted].sort());
    const unknown = await ledger.post('/gl-connections/0190b7c4-0000-7000-8000-000000000000/run');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('refuses what it cannot use, and a deleted connection is gone', async () => {
    const bad = await ledger.post('/gl-connections', { provider: 'webhook', name: 'bad', credentials: { url: 'ftp://example.com' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const xero = await ledger.post('/gl-connections', { provider: 'quickbooks', name: 'qb', credentials: {} });
    expect(xero.status).toBe(400);
    const id = await connect('to delete', `/hook-delete-${Date.now()}`, { paused: true });
    const taken = await ledger.post('/gl-connections', { provider: 'webhook', name: 'to delete', credentials: { url: 'http://127.0.0.1:9/x' } });
    expect(taken.status).toBe(409);
    expect((await ledger.request('DELETE', `/gl-connections/${id}`)).status).toBe(200);
    expect((await ledger.get(`/gl-connections/${id}`)).status).toBe(404);
    expect((await ledger.get(`/gl-connections/${id}/transfers`)).status).toBe(404);
    const live = (await ledger.ok('GET', '/gl-connections?limit=100'))[0].id;
    const forged = await ledger.get(`/gl-connections/${live}/transfers?cursor=forged`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('invalid_request');
  });
});

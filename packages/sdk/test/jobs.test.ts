/** The SDK's accounting runs and jobs against a real server: run(), jobs.get/list/wait, and a sync started as a job. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LinksSDK, NotFoundError } from '@links/sdk';
import { AdminClient } from '../../server/test/support/http.js';
import { useTestServer, type TestLinks } from '../../server/test/support/linksServer.js';

describe('@links/sdk accounting runs and jobs', () => {
  let links: TestLinks;
  let client: LinksSDK;

  useTestServer(async (started) => {
    links = started;
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant(`SDK jobs ${randomBytes(3).toString('hex')}`);
    const user = await admin.createUser(`sdk-jobs-${randomBytes(3).toString('hex')}@sdk.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const key = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    client = new LinksSDK({ apiKey: key, endpoints: { sandbox: links.url('sandbox'), production: links.url('production') } });
  });

  it('runs a retry after the template, waits for it, and lists and reads the jobs', async () => {
    // A customer and an invoice, captured before any chart exists, through the Links-compatible API.
    const customer = await client.unifiedCustomersApi.createUnifiedCustomer({ email: 'ada@example.com', name: 'Ada', source_system: 'billing', source_id: 'cus_1' } as never);
    const invoice = await client.unifiedInvoicesApi.createUnifiedInvoice({ source_system: 'billing', source_id: 'INV-1', status: 'OPEN', currency: 'USD', amount_due: '42.00', effective_date: '2026-11-10', unified_customer_id: customer.data.data.id } as never);
    expect(invoice.data.data.accounting.status).toBe('error');
    await client.chartTemplates.apply('saas');

    const queued = await client.accounting.run({ mode: 'retry' });
    expect(queued).toMatchObject({ kind: 'accounting_run', status: 'queued', params: { mode: 'retry' } });
    const seen: string[] = [];
    const done = await client.jobs.wait(queued.id, { timeoutMs: 120_000, intervalMs: 100, onProgress: (job) => seen.push(job.status) });
    expect(done).toMatchObject({ id: queued.id, status: 'succeeded', progress: { done: 1, total: 1 }, result: { accounted: 1 } });
    expect(seen.at(-1)).toBe('succeeded');
    expect(await client.jobs.get(queued.id)).toEqual(done);
    const second = await client.jobs.wait((await client.accounting.run({ mode: 'reaccount' })).id, { timeoutMs: 120_000 });
    expect(second.result).toMatchObject({ records: 1, accounted: 0, entries: 0 });
    const all = await client.jobs.list({ limit: 1 }).all();
    expect(all.map((j) => j.id)).toEqual([second.id, queued.id]);
    expect((await client.jobs.list({ kind: 'connection_sync' })).data).toEqual([]);
    await expect(client.jobs.get('0190a4d2-0000-7000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.jobs.wait(queued.id, { timeoutMs: 0 })).resolves.toMatchObject({ status: 'succeeded' });
  });
});

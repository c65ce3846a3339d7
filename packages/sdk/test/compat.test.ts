/**
 * The Links-compatible groups against a real server: the published Links SDK's calls run verbatim,
 * every unified model round-trips, connections sync, rules preview, and answers are axios-like.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { LinksSDK, NotFoundError, UnavailableError, ValidationError, type LinksResponse } from '@links/sdk';
import { AdminClient } from '../../server/test/support/http.js';
import { useTestServer, type TestLinks } from '../../server/test/support/linksServer.js';

/** A model's group seen through the published method names, to drive all seven alike. */
type Group = Record<string, (...args: unknown[]) => Promise<LinksResponse<any>>>;

const MODELS = [
  { group: 'unifiedCustomersApi', name: 'Customer', create: { email: 'ada@example.com', name: 'Ada' }, update: { name: 'Ada Lovelace' } },
  { group: 'unifiedContactsApi', name: 'Contact', create: { email: 'grace@example.com', first_name: 'Grace' }, update: { last_name: 'Hopper' } },
  { group: 'unifiedInvoicesApi', name: 'Invoice', create: { status: 'draft', currency: 'USD', amount_due: '120.00' }, update: { description: 'Plan' } },
  { group: 'unifiedPaymentsApi', name: 'Payment', create: { status: 'pending', currency: 'USD', amount: '20.00' }, update: { description: 'Card' } },
  { group: 'unifiedContractsApi', name: 'Contract', create: { contract_number: 'C-1', contract_status: 'active' }, update: { contract_term_months: 12 } },
  { group: 'unifiedProductsApi', name: 'Product', create: { name: 'Plan', type: 'service', price: '99.00' }, update: { price: '109.00' } },
  { group: 'unifiedOpportunitiesApi', name: 'Opportunity', create: { deal_name: 'Big deal', amount: '5000.00' }, update: { deal_stage: 'won' } },
] as const;

const CUSTOMERS_CSV = 'id,email,name\ncus_1,ada@example.com,Ada\ncus_2,alan@example.com,Alan\n';

describe('@links/sdk Links-compatible groups', () => {
  let links: TestLinks;
  let apiKey: string;
  let client: LinksSDK;
  const endpoints = () => ({ sandbox: links.url('sandbox'), production: links.url('production') });

  useTestServer(async (started) => {
    links = started;
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant(`Compat ${randomBytes(3).toString('hex')}`);
    const user = await admin.createUser(`compat-${randomBytes(3).toString('hex')}@sdk.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    apiKey = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    client = new LinksSDK({ apiKey, endpoints: endpoints() });
    await client.accounts.create({ code: '1000', name: 'Cash', type: 'asset', currency: 'USD' });
    await client.accounts.create({ code: '1100', name: 'Receivables', type: 'asset', currency: 'USD' });
    await client.accounts.create({ code: '4000', name: 'Revenue', type: 'revenue' });
    await client.subledgers.create({ code: 'AR', name: 'Customers', control_account: '1100' });
  });

  it("runs the published Links SDK's calls verbatim", async () => {
    const { data: created } = await client.externalConnectionApi.createExternalConnection({ name: 'people.csv', type: 'csv', csv: 'email,first\nx@example.com,X\n' });
    const id = created.data.id;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    process.env.LINKS_SANDBOX_URL = links.url('sandbox');
    try {
      const client = new LinksSDK({ apiKey, baseOptions: { timeout: 10_000 } });
      const response = await client.unifiedContactsApi.createUnifiedContact({ email: 'a@b.co', first_name: 'Ada' });
      console.log(response.data.data.id);                       // axios-like: response.data is the HTTP body
      const page = await client.unifiedContactsApi.getPaginatedUnifiedContactList(1, 20);   // page.data.data is the array
      const conns = await client.externalConnectionApi.getExternalConnection(1, 20);         // conns.data.data[i].name / .type
      const schema = await client.externalConnectionApi.getExternalConnectionSchema(id);     // schema.data is the column array

      expect(log.mock.calls[0]![0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(response).toMatchObject({ status: 201, statusText: 'Created', data: { data: { email: 'a@b.co', first_name: 'Ada' } } });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(page.data.data.map((c) => c.id)).toContain(response.data.data.id);
      expect(conns.data.data.map((c) => [c.name, c.type])).toContainEqual(['people.csv', 'csv']);
      expect(schema.data).toEqual([
        { column_name: 'email', data_type: 'text' },
        { column_name: 'first', data_type: 'text' },
      ]);
    } finally {
      delete process.env.LINKS_SANDBOX_URL;
      log.mockRestore();
    }
  });

  for (const model of MODELS) {
    it(`${model.name}: create → get by id → update → list → delete`, async () => {
      const api = client[model.group] as unknown as Group;
      const list = (page: number, limit: number) => api[`getPaginatedUnified${model.name}Lists`]!(page, limit);
      const before = (await list(1, 1)).data.totalResults as number;

      const created = await api[`createUnified${model.name}`]!(model.create);
      expect(created.status).toBe(201);
      expect(created.data.data).toMatchObject({ ...model.create, version: 1, is_active: true, local_was_deleted: false });
      const id: string = created.data.data.id;
      expect((await api[`getUnified${model.name}ById`]!(id)).data.data).toEqual(created.data.data);

      const updated = await api[`updateUnified${model.name}`]!(id, model.update);
      expect(updated.status).toBe(200);
      expect(updated.data.data).toMatchObject({ ...model.create, ...model.update, id, version: 2, local_was_updated: true });

      await api[`createUnified${model.name}`]!(model.create);
      const page = await list(2, 1);
      expect(page.data).toMatchObject({ page: 2, limit: 1, totalResults: before + 2, totalPages: before + 2 });
      expect(page.data.data).toHaveLength(1);

      const deleted = await api[`deleteUnified${model.name}`]!(id);
      expect(deleted.data.data).toMatchObject({ id, is_active: false, local_was_deleted: true });
      expect((await list(1, 100)).data).toMatchObject({ totalResults: before + 1 });
      expect((await list(1, 100)).data.data.map((r: { id: string }) => r.id)).not.toContain(id);
    });
  }

  it('upserts by (source_system, source_id): 200 with the same id; an issued invoice posts to the customer', async () => {
    const customers = client.unifiedCustomersApi;
    const first = await customers.createUnifiedCustomer({ email: 'up@example.com', name: 'Up', source_system: 'crm', source_id: 'cus_up' });
    const again = await customers.createUnifiedCustomer({ email: 'up@example.com', name: 'Up Again', source_system: 'crm', source_id: 'cus_up' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.data.data).toMatchObject({ id: first.data.data.id, name: 'Up Again', version: 2 });

    const customerId = first.data.data.id;
    await client.unifiedInvoicesApi.createUnifiedInvoice({ source_system: 'crm', source_id: 'inv_up', status: 'open', currency: 'USD', amount_due: '75.50', unified_customer_id: customerId });
    const balance = await customers.getUnifiedCustomerBalance(customerId);
    expect(balance.data.data).toMatchObject({ customer_id: customerId, balances: [{ account: '1100', currency: 'USD', balance: '75.50' }] });
  });

  it('sends one Idempotency-Key per create, so a create retried after a lost answer is not duplicated', async () => {
    let attempts = 0;
    const keysSent = new Set<string | null>();
    const losesFirstAnswer: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      keysSent.add(request.headers.get('idempotency-key'));
      const response = await fetch(request);
      if (++attempts === 1) throw new TypeError('socket hang up'); // the server wrote it; the client never heard
      return response;
    };
    const flaky = new LinksSDK({ apiKey, endpoints: endpoints(), fetch: losesFirstAnswer });
    const before = (await client.unifiedProductsApi.getPaginatedUnifiedProductLists(1, 1)).data.totalResults;
    const created = await flaky.unifiedProductsApi.createUnifiedProduct({ name: 'Once', type: 'service', price: '1.00' });
    expect(attempts).toBe(2);
    expect([...keysSent]).toEqual([expect.stringMatching(/^sdk_/)]);
    expect(created.headers['idempotent-replayed']).toBe('true');
    expect((await client.unifiedProductsApi.getPaginatedUnifiedProductLists(1, 1)).data.totalResults).toBe(before + 1);
  });

  it('externalConnectionApi: creates a mapped CSV connection, lists it, shows its schema, syncs it', async () => {
    const connections = client.externalConnectionApi;
    const mapping = { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } } as const;
    const created = await connections.createExternalConnection({ name: 'billing customers', type: 'csv', csv: CUSTOMERS_CSV, mapping });
    expect(created.status).toBe(201);
    expect(created.data.data).toMatchObject({ name: 'billing customers', type: 'csv', status: 'ready', source: { rows: 2 } });
    const id = created.data.data.id;

    const listed = await connections.getExternalConnection(1, 100);
    expect(listed.data.data.map((c) => [c.name, c.type, c.status])).toContainEqual(['billing customers', 'csv', 'ready']);
    expect(listed.data.totalResults).toBe(listed.data.data.length);
    expect((await connections.getExternalConnectionById(id)).data.data.mapping).toMatchObject(mapping);

    const schema = await connections.getExternalConnectionSchema(id);
    expect(Array.isArray(schema.data)).toBe(true);
    expect(schema.data.map((c) => c.column_name)).toEqual(['id', 'email', 'name']);

    expect((await connections.syncExternalConnection(id)).data.data).toMatchObject({ model: 'customer', rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect((await connections.syncExternalConnection(id)).data.data).toMatchObject({ created: 0, unchanged: 2 });

    const renamed = await connections.updateExternalConnection(id, { name: 'billing', csv: `${CUSTOMERS_CSV}cus_3,alonzo@example.com,Alonzo\n` });
    expect(renamed.data.data).toMatchObject({ name: 'billing', source: { rows: 3 } });
    const remapped = await connections.updateExternalConnectionMapping(id, { ...mapping, fields: { ...mapping.fields, phone: 'id' } });
    expect(remapped.data.data.mapping?.fields).toMatchObject({ phone: 'id' });
    expect((await connections.syncExternalConnection(id)).data.data).toMatchObject({ rows: 3, created: 1, updated: 2 });
    const synced = await client.unifiedCustomersApi.getPaginatedUnifiedCustomerLists(1, 100);
    expect(synced.data.data.filter((c) => c.source_system === 'billing').map((c) => [c.source_id, c.phone])).toEqual([
      ['cus_1', 'cus_1'],
      ['cus_2', 'cus_2'],
      ['cus_3', 'cus_3'],
    ]);
  });

  it('accountingRulesApi: lists, reads, updates and previews a rule', async () => {
    const rules = client.accountingRulesApi;
    const all = await rules.getAccountingRules();
    expect(all.data.data.map((r) => r.event)).toEqual(['invoice.issued', 'invoice.adjusted', 'invoice.voided', 'payment.received', 'payment.adjusted', 'payment.reversed']);
    expect((await rules.getAccountingRule('invoice.issued')).data.data).toMatchObject({ debit_account: '1100', credit_account: '4000', is_default: true });

    const updated = await rules.updateAccountingRule('invoice.issued', { description_template: 'Billed {{record}}' });
    expect(updated.data.data).toMatchObject({ description_template: 'Billed {{record}}', is_default: false });

    const customer = await client.unifiedCustomersApi.createUnifiedCustomer({ email: 'rule@example.com', name: 'Rule' });
    const record = { source_id: 'inv_preview', status: 'open', currency: 'USD', amount_due: '40.00', unified_customer_id: customer.data.data.id };
    const preview = await rules.previewAccountingRule('invoice.issued', { record });
    expect(preview.data.data).toMatchObject({ event: 'invoice.issued', matches: true, would_post_as: 'invoice.issued' });
    expect(preview.data.data.entries[0]?.description).toBe('Billed inv_preview');
    expect(preview.data.data.entries[0]?.lines.map((l) => [l.account, l.debit ?? `-${l.credit}`])).toEqual([
      ['1100', '40.00'],
      ['4000', '-40.00'],
    ]);
    expect((await client.unifiedInvoicesApi.getPaginatedUnifiedInvoiceLists()).data.data.map((i) => i.source_id)).not.toContain('inv_preview');
  });

  it('baseOptions: timeout bounds each attempt unless timeoutMs is given; headers go with every request, never as Authorization', async () => {
    const delayed: typeof fetch = (input, init) =>
      new Promise((resolve, reject) => {
        const signal = init?.signal ?? (input as Request).signal;
        const timer = setTimeout(() => resolve(fetch(input, init)), 50);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    const hurried = new LinksSDK({ apiKey, endpoints: endpoints(), fetch: delayed, maxRetries: 0, baseOptions: { timeout: 1 } });
    const timedOut = await hurried.unifiedContactsApi.getPaginatedUnifiedContactLists().catch((e) => e);
    expect(timedOut).toBeInstanceOf(UnavailableError);
    expect(timedOut).toMatchObject({ code: 'timeout', message: expect.stringContaining('within 1 ms') });
    const patient = new LinksSDK({ apiKey, endpoints: endpoints(), fetch: delayed, timeoutMs: 10_000, baseOptions: { timeout: 1 } });
    expect((await patient.unifiedContactsApi.getPaginatedUnifiedContactLists()).status).toBe(200);

    const sent: Headers[] = [];
    const recording: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      sent.push(request.headers);
      return fetch(request);
    };
    const headers = { 'X-Trace': 'compat-1', Authorization: 'Bearer someone-else' };
    const traced = new LinksSDK({ apiKey, endpoints: endpoints(), fetch: recording, baseOptions: { headers } });
    await traced.unifiedContactsApi.createUnifiedContact({ email: 'trace@example.com', first_name: 'Trace' });
    await traced.accounts.list();
    expect(sent.map((h) => [h.get('x-trace'), h.get('authorization')])).toEqual([
      ['compat-1', `Bearer ${apiKey}`],
      ['compat-1', `Bearer ${apiKey}`],
    ]);
    expect(sent[0]!.get('idempotency-key')).toMatch(/^sdk_/);
  });

  it('throws the typed errors: NotFoundError on an unknown id, ValidationError on a bad body', async () => {
    const missing = await client.unifiedOpportunitiesApi.getUnifiedOpportunityById(randomUUID()).catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    await expect(client.externalConnectionApi.getExternalConnectionById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    const invalid = await client.unifiedContactsApi.createUnifiedContact({ first_name: 'No email' } as never).catch((e) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.status).toBe(400);
    expect(invalid.details.map((d: { path: string }) => d.path)).toContain('email');
    await expect(client.unifiedProductsApi.createUnifiedProduct({ name: 'Bad', type: 'service', price: 'ten' })).rejects.toBeInstanceOf(ValidationError);
  });
});

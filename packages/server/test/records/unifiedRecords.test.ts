/**
 * Unified records (docs/records.md) over HTTP: the Links envelope and pagination, every model's fields
 * and provenance, upsert by (source_system, source_id), merge on PUT, delete that marks and keeps,
 * and clear errors that change nothing.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';

const PROVENANCE = ['source_system', 'source_system_img_url', 'source_id', 'external_system_provider_id', 'external_system_config_id', 'external_system_data', 'supporting_data_definition_id', 'is_primary', 'local_was_deleted', 'local_was_updated', 'source_data_created_at', 'is_active', 'id', 'created_at', 'updated_at'];

describe.skipIf(!postgresAvailable())('unified records', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let customerId: string;

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Records')).sandbox;
  });

  it('creates a customer with every provenance field, shown on every read as null when unset', async () => {
    const created = await ledger.post('/unified/customer', {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      address_city: 'London',
      source_system: 'stripe',
      source_system_img_url: 'https://example.com/stripe.png',
      source_id: 'cus_ada',
      external_system_data: { plan: 'pro', seats: 3 },
      is_primary: true,
      source_data_created_at: '2026-10-01T09:30:00Z',
    });
    expect(created.status, created.text).toBe(201);
    const record = created.body.data;
    customerId = record.id;
    for (const field of PROVENANCE) expect(record, field).toHaveProperty(field);
    expect(record).toMatchObject({ version: 1, is_active: true, local_was_deleted: false, local_was_updated: false, phone: null, shipping_address_city: null, external_system_data: { plan: 'pro', seats: 3 } });
    expect(await ledger.ok('GET', `/unified/customer/${record.id}`)).toEqual(record);
  });

  it('creates one record of every model and lists each with the Links envelope', async () => {
    const bodies: Record<string, [string, Record<string, unknown>]> = {
      contact: ['contacts', { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', unified_customer_id: customerId }],
      invoice: ['invoices', { status: 'DRAFT', currency: 'JPY', amount_due: '1200', due_date: '2026-12-31', period_start: '2026-11-01T00:00:00Z', unified_customer_id: customerId }],
      payment: ['payments', { status: 'pending', currency: 'BHD', amount: '1.5', description: 'wire' }],
      contract: ['contracts', { contract_number: 'C-1', contract_term_months: 24, start_date: '2026-01-01', unified_customer_id: customerId }],
      product: ['products', { name: 'Pro plan', type: 'subscription', price: '49.90' }],
      opportunity: ['opportunities', { deal_name: 'Expansion', amount: '5000.00', deal_stage: 'proposal', close_date: '2027-01-15', source_system_customer_id: 'cus_ada', source_system: 'stripe' }],
    };
    for (const [model, [plural, body]] of Object.entries(bodies)) {
      const created = await ledger.post(`/unified/${model}`, body);
      expect(created.status, `${model}: ${created.text}`).toBe(201);
      const listed = await ledger.get(`/unified/${plural}`);
      expect(listed.status).toBe(200);
      expect(listed.body).toMatchObject({ page: 1, limit: 10, totalPages: 1, totalResults: 1 });
      expect(listed.body.data).toEqual([created.body.data]);
    }
    const invoice = (await ledger.get('/unified/invoices')).body.data[0];
    expect(invoice.amount_due).toBe('1200');
    const payment = (await ledger.get('/unified/payments')).body.data[0];
    expect(payment.amount).toBe('1.500');
    const opportunity = (await ledger.get('/unified/opportunities')).body.data[0];
    expect(opportunity.unified_customer_id).toBe(customerId);
    // A customer's records, by model; the filter exists only where the model carries a customer.
    expect((await ledger.get(`/unified/invoices?unified_customer_id=${customerId}`)).body.totalResults).toBe(1);
    expect((await ledger.get('/unified/invoices?unified_customer_id=someone-else')).body.totalResults).toBe(0);
    expect((await ledger.get(`/unified/payments?unified_customer_id=${customerId}`)).body.totalResults).toBe(0);
    expect((await ledger.get(`/unified/products?unified_customer_id=${customerId}`)).status).toBe(400);
  });

  it('upserts by (source_system, source_id): 200, same id, next version; the same body again changes nothing', async () => {
    const first = await ledger.post('/unified/product', { name: 'Seat', type: 'license', price: '10.00', source_system: 'erp', source_id: 'sku-1' });
    expect(first.status).toBe(201);
    const changed = await ledger.post('/unified/product', { name: 'Seat', type: 'license', price: '12.00', source_system: 'erp', source_id: 'sku-1' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ id: first.body.data.id, version: 2, price: '12.00' });
    const same = await ledger.post('/unified/product', { name: 'Seat', type: 'license', price: '12.00', source_system: 'erp', source_id: 'sku-1' });
    expect(same.status).toBe(200);
    expect(same.body.data).toEqual(changed.body.data);
    // Another source system's sku-1 is another record.
    const other = await ledger.post('/unified/product', { name: 'Seat', type: 'license', price: '12.00', source_system: 'shop', source_id: 'sku-1' });
    expect(other.status).toBe(201);
    expect(other.body.data.id).not.toBe(first.body.data.id);
    expect((await ledger.get('/unified/products?source_id=sku-1')).body.totalResults).toBe(2);
  });

  it('PUT merges the fields sent, ignores read-only fields echoed back, and marks local_was_updated', async () => {
    const read = await ledger.ok('GET', `/unified/customer/${customerId}`);
    const updated = await ledger.request('PUT', `/unified/customer/${customerId}`, { ...read, phone: '+44 20 0000 0000', version: 99, id: 'ignored' });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.data).toMatchObject({ id: customerId, version: 2, phone: '+44 20 0000 0000', name: 'Ada Lovelace', address_city: 'London', local_was_updated: true });
    const cleared = await ledger.request('PUT', `/unified/customer/${customerId}`, { address_city: null });
    expect(cleared.body.data).toMatchObject({ version: 3, address_city: null, phone: '+44 20 0000 0000' });
    const required = await ledger.request('PUT', `/unified/customer/${customerId}`, { email: null });
    expect(required.status).toBe(400);
    expect(required.body.error.details[0].path).toBe('email');
  });

  it('DELETE marks the record deleted and inactive, keeps it readable, hides it from lists unless asked', async () => {
    const product = await ledger.ok('POST', '/unified/product', { name: 'Old', type: 'service', price: '1.00', source_system: 'erp', source_id: 'sku-old' });
    const deleted = await ledger.request('DELETE', `/unified/product/${product.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toMatchObject({ id: product.id, local_was_deleted: true, is_active: false, version: 2 });
    expect(await ledger.ok('GET', `/unified/product/${product.id}`)).toEqual(deleted.body.data);
    expect((await ledger.get('/unified/products?source_id=sku-old')).body.totalResults).toBe(0);
    expect((await ledger.get('/unified/products?source_id=sku-old&include_deleted=true')).body.totalResults).toBe(1);
    expect((await ledger.request('DELETE', `/unified/product/${product.id}`)).body.data).toEqual(deleted.body.data);
    const revived = await ledger.post('/unified/product', { name: 'Old', type: 'service', price: '1.00', source_system: 'erp', source_id: 'sku-old' });
    expect(revived.status).toBe(409);
    expect(revived.body.error.code).toBe('conflict');
    const edited = await ledger.request('PUT', `/unified/product/${product.id}`, { price: '2.00' });
    expect(edited.status).toBe(409);
    // Taking another record's source id by PUT is a conflict too.
    const other = await ledger.ok('POST', '/unified/product', { name: 'Other', type: 'service', price: '1.00', source_system: 'erp', source_id: 'sku-other' });
    const taken = await ledger.request('PUT', `/unified/product/${other.id}`, { source_id: 'sku-1' });
    expect(taken.status, taken.text).toBe(409);
    expect(taken.body.error.details[0].path).toBe('source_id');
  });

  it('pages with page and limit; refuses limits outside 1–100', async () => {
    for (let i = 0; i < 12; i++) await ledger.ok('POST', '/unified/contact', { email: `p${i}@example.com`, first_name: `P${i}` });
    const second = await ledger.get('/unified/contacts?page=2&limit=5');
    expect(second.body).toMatchObject({ page: 2, limit: 5, totalResults: 13, totalPages: 3 });
    expect(second.body.data).toHaveLength(5);
    for (const bad of ['limit=0', 'limit=101', 'page=0', 'limit=x']) {
      const refused = await ledger.get(`/unified/contacts?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
    }
  });

  it('refuses bad records with the contract error and stores nothing', async () => {
    const before = (await ledger.get('/unified/invoices')).body.totalResults;
    const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
      ['customer', { name: 'No email' }, 400, 'invalid_request', 'email'],
      ['customer', { email: 'not-an-email', name: 'X' }, 400, 'invalid_request', 'email'],
      ['product', { name: 'P', type: 't', price: 12 }, 400, 'invalid_request', 'price'],
      ['invoice', { amount_due: '1e3' }, 400, 'invalid_request', 'amount_due'],
      ['invoice', { currency: 'USD', amount_due: '10.001', status: 'DRAFT' }, 422, 'invalid_amount', 'amount_due'],
      ['invoice', { due_date: '2026-02-30' }, 400, 'invalid_request', 'due_date'],
      ['invoice', { currency: 'XXX' }, 400, 'invalid_request', 'currency'],
      ['invoice', { unified_customer_id: '01a2b3c4-0000-7000-8000-000000000000', status: 'DRAFT' }, 404, 'not_found', 'unified_customer_id'],
      ['payment', { unified_invoice_id: '01a2b3c4-0000-7000-8000-000000000000' }, 404, 'not_found', 'unified_invoice_id'],
      ['invoice', { surprise: true }, 400, 'invalid_request', 'surprise'],
      ['contract', { contract_term_months: 1.5 }, 400, 'invalid_request', 'contract_term_months'],
      ['contact', { email: 'x@example.com', first_name: 'X', unified_customer_id: 'cus_not_a_links_id' }, 404, 'not_found', 'unified_customer_id'],
      ['payment', { unified_invoice_id: 'inv-1' }, 404, 'not_found', 'unified_invoice_id'],
    ];
    for (const [model, body, status, code, path] of cases) {
      const result = await ledger.post(`/unified/${model}`, body);
      expect(result.status, `${model} ${JSON.stringify(body)}: ${result.text}`).toBe(status);
      expect(result.body.error.code).toBe(code);
      expect(result.body.error.details.map((d: any) => d.path)).toContain(path);
    }
    expect((await ledger.get('/unified/invoices')).body.totalResults).toBe(before);
    expect((await ledger.get('/unified/customer/not-a-uuid')).status).toBe(400);
    expect((await ledger.get('/unified/customer/01a2b3c4-0000-7000-8000-000000000000')).status).toBe(404);
    // A customer id is not a contact id: each model is its own namespace.
    expect((await ledger.get(`/unified/contact/${customerId}`)).status).toBe(404);
    expect((await ledger.get('/unified/customer/01a2b3c4-0000-7000-8000-000000000000/balance')).status).toBe(404);
  });

  it('replays a create with the same Idempotency-Key and refuses the key with another body', async () => {
    const headers = { 'Idempotency-Key': 'create-contact-1' };
    const first = await ledger.post('/unified/contact', { email: 'idem@example.com', first_name: 'Idem' }, headers);
    const again = await ledger.post('/unified/contact', { email: 'idem@example.com', first_name: 'Idem' }, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const reused = await ledger.post('/unified/contact', { email: 'other@example.com', first_name: 'Other' }, headers);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('audits every write with its record id', async () => {
    const events = await ledger.ok<any[]>('GET', '/audit-events?limit=100');
    expect(events.filter((e) => e.resource_id === customerId).map((e) => e.action).sort()).toEqual(['customer.created', 'customer.updated', 'customer.updated']);
  });
});

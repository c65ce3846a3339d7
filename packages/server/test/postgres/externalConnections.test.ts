/**
 * An external PostgreSQL database as a data source, through the API: the connection
 * string is sealed and never returned, the schema comes from the source, a sync upserts by source
 * id and posts through the rules, a re-run changes nothing, and a changed row posts one adjustment.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';

const serverUrl = inject('postgresUrl');
const suffix = randomBytes(6).toString('hex');
const database = `billing_${suffix}`;
const password = `billing-pw-${suffix}`;

async function onBilling(statements: string[], db = database): Promise<void> {
  const client = new pg.Client({ connectionString: Object.assign(new URL(serverUrl!), { pathname: `/${db}` }).toString() });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresAvailable() || !serverUrl)('external PostgreSQL connections', () => {
  let links: TestLinks;
  let ledger: Ledger;
  let connectionId: string;
  const readerUrl = () => {
    const url = new URL(serverUrl!);
    url.username = `reader_${suffix}`;
    url.password = password;
    url.pathname = `/${database}`;
    return url.toString();
  };

  useTestServer(async (started) => {
    links = started;
    await onBilling([`CREATE DATABASE ${database}`], 'postgres');
    await onBilling([
      `CREATE ROLE reader_${suffix} LOGIN PASSWORD '${password}'`,
      'CREATE SCHEMA billing',
      'CREATE TABLE billing.customers (id text PRIMARY KEY, email text, name text)',
      "INSERT INTO billing.customers VALUES ('c1', 'one@example.com', 'One'), ('c2', 'two@example.com', 'Two')",
      'CREATE TABLE billing.invoices (number text PRIMARY KEY, customer text, total numeric(14,2), currency text, issued date)',
      "INSERT INTO billing.invoices VALUES ('N-1', 'c1', 1234567.89, 'USD', '2026-11-10'), ('N-2', 'c2', 20.00, 'USD', '2026-11-11')",
      `GRANT USAGE ON SCHEMA billing TO reader_${suffix}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA billing TO reader_${suffix}`,
    ]);
    ledger = (await createLedgerTenant(links, 'External PG')).sandbox;
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await ledger.createAccount(code!, type!);
    await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
  });

  afterAll(async () => {
    if (!serverUrl) return;
    await onBilling([`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, `DROP ROLE IF EXISTS reader_${suffix}`], 'postgres');
  });

  it('creates a connection from a table, never shows the connection string, and describes the columns', async () => {
    const customers = await ledger.post('/external-connections', {
      name: 'billing db customers',
      type: 'postgres',
      connection_string: readerUrl(),
      table: 'billing.customers',
      mapping: { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } },
    });
    expect(customers.status, customers.text).toBe(201);
    expect(customers.body.data).toMatchObject({ type: 'postgres', status: 'ready', has_connection_string: true, source: { table: 'billing.customers' } });
    expect(customers.text).not.toContain(password);
    expect(await ledger.ok('POST', `/external-connections/${customers.body.data.id}/sync`)).toMatchObject({ created: 2, rejected: 0 });

    const created = await ledger.post('/external-connections', {
      name: 'billing db invoices',
      type: 'postgres',
      connection_string: readerUrl(),
      query: "SELECT number, customer, total, currency, issued, 'open' AS status FROM billing.invoices",
    });
    expect(created.status, created.text).toBe(201);
    connectionId = created.body.data.id;
    const schema = await ledger.get(`/external-connections/${connectionId}/schema`);
    expect(schema.body).toEqual([
      { column_name: 'number', data_type: 'text' },
      { column_name: 'customer', data_type: 'text' },
      { column_name: 'total', data_type: 'numeric' },
      { column_name: 'currency', data_type: 'text' },
      { column_name: 'issued', data_type: 'date' },
      { column_name: 'status', data_type: 'text' },
    ]);
    for (const path of ['/external-connections', `/external-connections/${connectionId}`]) expect((await ledger.get(path)).text).not.toContain(password);
  });

  it('syncs invoices into the books; a re-run changes nothing; a changed total posts one adjustment', async () => {
    await ledger.ok('PUT', `/external-connections/${connectionId}/mapping`, {
      model: 'invoice',
      source_system: 'billing',
      fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued', status: 'status' },
    });
    expect(await ledger.ok('POST', `/external-connections/${connectionId}/sync`)).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(await ledger.ok('POST', `/external-connections/${connectionId}/sync`)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    await onBilling(["UPDATE billing.invoices SET total = 25.50 WHERE number = 'N-2'"]);
    expect(await ledger.ok('POST', `/external-connections/${connectionId}/sync`)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const control = await ledger.balances('1100');
    expect(control).toEqual([{ currency: 'USD', debits: '1234593.39', credits: '0.00', balance: '1234593.39' }]);
    const invoices = (await ledger.ok<any[]>('GET', '/unified/invoices?limit=100')).sort((a, b) => a.source_id.localeCompare(b.source_id));
    expect(invoices.map((i) => [i.source_id, i.amount_due, i.effective_date, i.external_system_provider_id])).toEqual([
      ['N-1', '1234567.89', '2026-11-10', 'postgres'],
      ['N-2', '25.50', '2026-11-11', 'postgres'],
    ]);
  });

  it('a source that becomes unreadable fails the sync with the reason and marks the connection, until it reads again', async () => {
    const view = await ledger.ok('POST', '/external-connections', { name: 'shrinking', type: 'postgres', connection_string: readerUrl(), table: 'billing.customers' });
    await ledger.ok('PUT', `/external-connections/${view.id}/mapping`, { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } });
    await onBilling([`REVOKE SELECT ON billing.customers FROM reader_${suffix}`]);
    const failed = await ledger.post(`/external-connections/${view.id}/sync`);
    expect(failed.status).toBe(400);
    expect(failed.body.error.message).toContain('permission denied');
    expect(await ledger.ok('GET', `/external-connections/${view.id}`)).toMatchObject({ status: 'error', last_sync: { error: failed.body.error.message } });
    await onBilling([`GRANT SELECT ON billing.customers TO reader_${suffix}`]);
    expect(await ledger.ok('POST', `/external-connections/${view.id}/sync`)).toMatchObject({ rows: 2, created: 0, rejected: 0 });
    expect((await ledger.ok('GET', `/external-connections/${view.id}`)).status).toBe('ready');
  });

  it('refuses unreadable sources with a reason that holds no secret, and stores nothing', async () => {
    const before = (await ledger.get('/external-connections')).body.totalResults;
    const unreachable = new URL(readerUrl());
    unreachable.port = '1';
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ connection_string: unreachable.toString(), table: 'billing.invoices' }, 'connect'],
      [{ connection_string: readerUrl(), table: 'billing.nope' }, 'nope'],
      [{ connection_string: readerUrl(), query: 'DELETE FROM billing.invoices RETURNING *' }, ''],
      [{ connection_string: readerUrl(), query: 'SELECT 1; SELECT 2' }, ''],
      [{ connection_string: readerUrl() }, 'table or query'],
      [{ connection_string: 'mysql://x@y/z', table: 't' }, 'postgres://'],
    ];
    for (const [body, words] of cases) {
      const refused = await ledger.post('/external-connections', { name: `bad ${randomBytes(3).toString('hex')}`, type: 'postgres', ...body });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
      expect(refused.body.error.message.toLowerCase()).toContain(words.toLowerCase());
      expect(refused.text).not.toContain(password);
    }
    expect((await onBillingCount())).toBe(2);
    expect((await ledger.get('/external-connections')).body.totalResults).toBe(before);
  });

  it('stores the connection string sealed: the sandbox database never holds the password', async () => {
    const rows = await asDatabaseOwner(links.storage, 'sandbox', async (owner) => {
      await owner.query('BEGIN');
      await owner.query('ALTER TABLE external_connections NO FORCE ROW LEVEL SECURITY');
      const found = await owner.query<{ row: string }>('SELECT t::text AS row FROM external_connections t');
      await owner.query('ROLLBACK');
      return found.map((r) => r.row);
    });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).not.toContain(password);
    expect(rows.filter((row) => row.includes('v2.')).length).toBeGreaterThanOrEqual(2);
  });

  async function onBillingCount(): Promise<number> {
    const client = new pg.Client({ connectionString: Object.assign(new URL(serverUrl!), { pathname: `/${database}` }).toString() });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*) AS n FROM billing.invoices')).rows[0].n);
    } finally {
      await client.end();
    }
  }
});

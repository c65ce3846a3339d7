/**
 * The `links` data commands beyond accounts and entries, run as their own processes against a real
 * server, one test per command group: sub-ledgers, periods and the year-end close, the financial
 * statements, unified records, external connections, accounting exceptions and the audit trail.
 * Each prints JSON with `--json` and tables otherwise; a refusal is one line and exit code 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinks, type LinksRun } from './support/childProcess.js';
import { AdminClient, call } from './support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

function json<T = any>(run: LinksRun): T {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

function expectFailure(run: LinksRun, line: RegExp): void {
  expect(run.status, run.stdout + run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(line);
}

describe.skipIf(!postgresAvailable())('links data commands for every ledger and records capability', () => {
  let links: TestLinks;
  let key: string;
  let customerId: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'links-cli-capabilities-'));
  useTestServer((started) => {
    links = started;
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  const cli = (...args: string[]) => runLinks(args, { LINKS_API_KEY: key, LINKS_SANDBOX_URL: links.url('sandbox') });
  const api = async (method: string, route: string, body?: unknown) => {
    const result = await call(links.url('sandbox'), method, `/api/v1${route}`, { token: key, body });
    expect(result.status, result.text).toBeLessThan(300);
    return result.body;
  };
  const post = (date: string, lines: unknown[], reference?: string) => api('POST', '/journal-entries', { date, description: 'test', currency: 'USD', reference, lines });
  const file = (name: string, content: unknown) => {
    const at = path.join(folder, name);
    fs.writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
    return at;
  };

  beforeAll(async () => {
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant('CLI Capabilities');
    const user = await admin.createUser('owner@capabilities.example');
    await admin.addMember(tenant.id, user.id, 'owner');
    key = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    for (const [code, name, type] of [
      ['1000', 'Cash', 'asset'],
      ['1100', 'Receivables', 'asset'],
      ['3900', 'Retained earnings', 'equity'],
      ['4000', 'Revenue', 'revenue'],
      ['5000', 'Expenses', 'expense'],
    ]) {
      await api('POST', '/accounts', { code, name, type });
    }
  });

  it('subledgers: create, list, get, and per-party balances whose totals are the control account', async () => {
    expect(json(await cli('subledgers', 'create', 'AR', 'Customers', '--control-account', '1100', '--json'))).toMatchObject({ code: 'AR', control_account: '1100' });
    expect(json<any[]>(await cli('subledgers', 'list', '--json')).map((s) => s.code)).toEqual(['AR']);
    expect((await cli('subledgers', 'get', 'AR')).stdout).toMatch(/│ control account\s+│ 1100\s+│/);
    await post('2025-03-05', [{ account: '1100', debit: '300.00', subledger_account: 'cus_1' }, { account: '4000', credit: '300.00' }]);
    await post('2025-03-06', [{ account: '1100', debit: '80.00', subledger_account: 'cus_2' }, { account: '4000', credit: '80.00' }]);
    const balances = json(await cli('subledgers', 'balances', 'AR', '--json'));
    expect(balances).toMatchObject({ subledger: 'AR', control_account: '1100', totals: [{ currency: 'USD', balance: '380.00' }] });
    expect(balances.balances.map((b: any) => [b.subledger_account, b.balance])).toEqual([['cus_1', '300.00'], ['cus_2', '80.00']]);
    expect((await cli('subledgers', 'balances', 'AR', '--as-of', '2025-03-05')).stdout).toMatch(/│ Total\s+│ USD\s+│\s+300\.00 │\s+0\.00 │\s+300\.00 │/);
    expectFailure(await cli('subledgers', 'create', 'AP', 'Suppliers'), /^links: required option '--control-account <code>' not specified$/);
  });

  it('reports: balance sheet, income statement, AR aging and an account statement', async () => {
    await post('2025-03-20', [{ account: '5000', debit: '30.00' }, { account: '1000', credit: '30.00' }]);
    const sheet = json(await cli('balance-sheet', '--as-of', '2025-03-31', '--currency', 'USD', '--json'));
    expect(sheet).toMatchObject({ as_of: '2025-03-31', assets: { total: '350.00' }, equity: { current_earnings: '350.00' }, total_liabilities_and_equity: '350.00' });
    expect((await cli('balance-sheet', '--as-of', '2025-03-31')).stdout).toMatch(/│\s+│ Total liabilities and equity\s+│\s+350\.00 │/);
    const income = json(await cli('income-statement', '--from', '2025-01-01', '--to', '2025-12-31', '--json'));
    expect(income).toMatchObject({ revenue: { total: '380.00' }, expenses: { total: '30.00' }, net_income: '350.00' });
    expect((await cli('income-statement', '--from', '2025-01-01')).stdout).toMatch(/│\s+│ Net income\s+│\s+350\.00 │/);
    const aging = json(await cli('ar-aging', '--as-of', '2025-04-30', '--account', '1100', '--json'));
    expect(aging.currencies[0]).toMatchObject({ currency: 'USD', control_account_balance: '380.00', totals: { total: '380.00' } });
    expect((await cli('ar-aging', '--as-of', '2025-04-30', '--account', '1100')).stdout).toMatch(/│ cus_1\s+│/);
    const lines = json<any[]>(await cli('statement', '1100', '--json'));
    expect(lines.map((l) => l.running_balance)).toEqual(['300.00', '380.00']);
    expect(json<any[]>(await cli('statement', '1100', '--limit', '1', '--json'))).toHaveLength(1);
    expectFailure(await cli('statement', '9999'), /^links: .*9999.* \(not_found\)$/);
  });

  it('periods: close and reopen a month, close and reopen a year into retained earnings', async () => {
    expect(json(await cli('periods', 'close', '2025-03', '--json'))).toMatchObject({ period: '2025-03', status: 'closed' });
    expect(json<any[]>(await cli('periods', 'list', '--json'))).toEqual([expect.objectContaining({ period: '2025-03', status: 'closed' })]);
    expectFailure(
      await cli('entries', 'post', '--date', '2025-03-25', '--description', 'late', '--currency', 'USD', '--line', '1000:debit:1.00', '--line', '4000:credit:1.00'),
      /^links: .* \(period_closed\)$/,
    );
    expect((await cli('periods', 'reopen', '2025-03')).stdout).toMatch(/│ status\s+│ open\s+│/);
    expectFailure(await cli('periods', 'close', '2025-3'), /^links: command-argument value '2025-3' is invalid for argument 'month'\. must be a month YYYY-MM$/);

    const closed = json(await cli('periods', 'close-year', '2025', '--retained-earnings', '3900', '--json'));
    expect(closed).toMatchObject({ year: '2025', status: 'closed', retained_earnings_account: '3900' });
    expect(closed.entries).toHaveLength(1);
    expect(closed.periods).toHaveLength(12);
    expect(json(await cli('balance', '3900', '--json')).balances).toEqual([expect.objectContaining({ balance: '350.00' })]);
    expectFailure(await cli('periods', 'close-year', '2025', '--retained-earnings', '3900'), /^links: .* \(conflict\)$/);
    const reopened = await cli('periods', 'reopen-year', '2025');
    expect(reopened.stdout).toMatch(/│ status\s+│ open\s+│/);
    expect(json(await cli('balance', '3900', '--json')).balances).toEqual([expect.objectContaining({ balance: '0.00' })]);
  });

  it('records: upsert from JSON (created, then updated), list and get, for any of the seven models', async () => {
    const customer = { email: 'ada@example.com', name: 'Ada', source_system: 'crm', source_id: 'cus_ada' };
    const created = await cli('records', 'upsert', 'customer', '--file', file('customer.json', customer));
    expect(created.stdout).toMatch(/│ created │ [0-9a-f-]{36} │ crm\/cus_ada │ 1\s+│ Ada\s+│/);
    const updated = json(await cli('records', 'upsert', 'customer', '--file', file('customer2.json', { ...customer, name: 'Ada L.' }), '--json'));
    expect(updated).toMatchObject({ name: 'Ada L.', version: 2, source_id: 'cus_ada' });
    customerId = updated.id;
    const invoices = [1, 2].map((n) => ({
      source_system: 'billing',
      source_id: `INV-${n}`,
      status: 'open',
      currency: 'USD',
      amount_due: `${n}00.00`,
      unified_customer_id: updated.id,
      effective_date: '2025-05-10',
    }));
    const written = json<any[]>(await cli('records', 'upsert', 'invoice', '--file', file('invoices.json', invoices), '--json'));
    expect(written.map((r) => [r.source_id, r.accounting.status])).toEqual([['INV-1', 'accounted'], ['INV-2', 'accounted']]);
    expect(json<any[]>(await cli('records', 'list', 'invoice', '--json')).map((r) => r.source_id).sort()).toEqual(['INV-1', 'INV-2']);
    expect(json<any[]>(await cli('records', 'list', 'invoice', '--limit', '1', '--json'))).toHaveLength(1);
    const one = await cli('records', 'get', 'invoice', written[0].id);
    expect(one.stdout).toMatch(/│ amount_due\s+│ 100\.00\s+│/);
    expect(one.stdout).toMatch(/│ accounting\s+│ accounted\s+│/);
    expect(json<any[]>(await cli('records', 'list', 'product', '--json'))).toEqual([]);
    expect((await cli('records', 'list', 'product')).stdout).toBe('No product records.\n');

    expectFailure(await cli('records', 'list', 'widget'), /^links: command-argument value 'widget' is invalid for argument 'model'\. Allowed choices are customer, contact/);
    const bad = [invoices[0], { ...invoices[1], source_id: 'INV-3', currency: 'usd' }];
    expectFailure(await cli('records', 'upsert', 'invoice', '--file', file('bad.json', bad)), /^links: record 2 of 2: .* \(.+\) \(the 1 before it were written\)$/);
    expectFailure(await cli('records', 'upsert', 'invoice', '--file', file('empty.json', [])), /^links: .*empty\.json: write one invoice record as \{\.\.\.\} or a non-empty array of them$/);
  });

  it('connections: create from JSON and a CSV file, list, show with the source columns', async () => {
    const body = file('connection.json', {
      name: 'contacts.csv',
      type: 'csv',
      mapping: { model: 'contact', source_system: 'csv', fields: { source_id: 'email', email: 'email', first_name: 'first' } },
    });
    const csv = file('contacts.csv', 'email,first\ngrace@example.com,Grace\n');
    const created = json(await cli('connections', 'create', '--file', body, '--csv', csv, '--json'));
    expect(created).toMatchObject({ name: 'contacts.csv', type: 'csv', status: 'ready', mapping: { model: 'contact' } });
    expect(json<any[]>(await cli('connections', 'list', '--json')).map((c) => c.id)).toEqual([created.id]);
    const shown = json(await cli('connections', 'show', created.id, '--json'));
    expect(shown.columns.map((c: any) => c.column_name)).toEqual(['email', 'first']);
    expect((await cli('connections', 'show', created.id)).stdout).toMatch(/│ fields\s+│ email←email, source_id←email, first_name←first\s+│/);
    expectFailure(await cli('connections', 'create', '--file', body), /^links: .* \(invalid_request\)$/);
    expectFailure(await cli('connections', 'create', '--file', path.join(folder, 'none.json')), /^links: cannot read .*none\.json: ENOENT$/);
  });

  it('exceptions: a record the books could not account for is listed with its error; audit lists the writes', async () => {
    await api('POST', '/periods/2025-06/close');
    const late = { source_system: 'billing', source_id: 'INV-JUNE', status: 'open', currency: 'USD', amount_due: '40.00', unified_customer_id: customerId, effective_date: '2025-06-10' };
    const record = json(await cli('records', 'upsert', 'invoice', '--file', file('june.json', late), '--json'));
    expect(record.accounting.status).toBe('error');
    const listed = json<any[]>(await cli('exceptions', 'list', '--json'));
    expect(listed).toEqual([expect.objectContaining({ record_id: record.id, model: 'invoice', source_id: 'INV-JUNE' })]);
    expect(json<any[]>(await cli('exceptions', 'list', '--model', 'customer', '--json'))).toEqual([]);
    expect((await cli('exceptions', 'list')).stdout).toContain(record.id);

    const events = json<any[]>(await cli('audit', 'list', '--limit', '200', '--json'));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['period.closed']));
    expect(json<any[]>(await cli('audit', 'list', '--limit', '2', '--json'))).toHaveLength(2);
    expect((await cli('audit', 'list', '--limit', '3')).stdout).toMatch(/│ api_key /);
  });
});

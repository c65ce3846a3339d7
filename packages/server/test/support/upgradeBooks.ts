/**
 * The books the upgrade and backup tests fill through HTTP, with only what the earliest tested commit
 * (89fc381) already serves, plus unified records and a CSV connection when the server has them; and
 * the reads that must come back the same after the databases change hands.
 */
import { expect } from 'vitest';
import { AdminClient, call } from './http.js';

export interface BooksServer {
  console: string;
  sandbox: string;
  production: string;
}

export interface FilledBooks {
  tenantId: string;
  sandboxKey: string;
  productionKey: string;
  revokedKey: string;
  entryIds: string[];
  /** The request posted with Idempotency-Key `upgrade-replay` and what it answered. */
  replay: { body: unknown; entryId: string };
  connectionId?: string;
  /** GET path → body, as the filling server answered. */
  reads: Record<string, unknown>;
}

export const REPLAY_KEY = 'upgrade-replay';

export const CUSTOMERS_CSV = `id,email,name
cus_1,ada@example.com,Ada Lovelace
cus_2,grace@example.com,"Hopper, Grace"
`;

const line = (account: string, side: 'debit' | 'credit', amount: string, party?: string) => ({
  account,
  [side]: amount,
  ...(party ? { subledger_account: party } : {}),
});

export const replayRequest = {
  date: '2026-02-20',
  description: 'posted with an idempotency key',
  currency: 'USD',
  lines: [line('5000', 'debit', '7.25'), line('1000', 'credit', '7.25')],
};

/** A data-plane call that must answer 200/201; returns `data`. */
export async function api(origin: string, key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const result = await call(origin, method, `/api/v1${path}`, { token: key, body, headers });
  if (result.status !== 200 && result.status !== 201) throw new Error(`${method} ${path} → ${result.status} ${result.text}`);
  return result.body.data ?? result.body;
}

/**
 * The sandbox chain of a restored or upgraded copy verifies, and a new posting joins it: one more
 * link, still valid.
 */
export async function expectChainExtends(sandbox: string, key: string): Promise<void> {
  const before = await api(sandbox, key, 'GET', '/ledger/verify');
  expect(before).toMatchObject({ valid: true, broken_at: null });
  await api(sandbox, key, 'POST', '/journal-entries', {
    date: '2026-03-20', description: 'after the restore', currency: 'USD', lines: [{ account: '1000', debit: '5.00' }, { account: '5000', credit: '5.00' }],
  });
  expect(await api(sandbox, key, 'GET', '/ledger/verify')).toMatchObject({ valid: true, entries: before.entries + 1, broken_at: null });
}

export async function fillBooks(server: BooksServer, adminToken: string, options: { records: boolean }): Promise<FilledBooks> {
  const admin = new AdminClient(server.console, adminToken);
  const tenant = await admin.createTenant('Upgrade Books');
  const user = await admin.createUser('owner@upgrade.example', 'Owner');
  await admin.addMember(tenant.id, user.id, 'owner');
  const sandboxKey = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id, name: 'books' });
  const productionKey = await admin.createKey(tenant.id, { environment: 'production', user_id: user.id });
  const revoked = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id, name: 'revoked' });
  await admin.revokeKey(revoked.id);

  const sb = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(server.sandbox, sandboxKey.key, method, path, body, headers);
  for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue'], ['5000', 'expense']] as const) {
    await sb('POST', '/accounts', { code, name: `Account ${code}`, type, currency: 'USD' });
  }
  await sb('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
  const entryIds: string[] = [];
  const post = async (date: string, lines: unknown[], reference?: string) =>
    entryIds.push((await sb('POST', '/journal-entries', { date, description: `entry of ${date}`, currency: 'USD', reference, lines, metadata: { batch: 'upgrade' } })).id);
  await post('2026-01-15', [line('1100', 'debit', '100.00', 'party_a'), line('4000', 'credit', '100.00')], 'INV-A');
  await post('2026-01-20', [line('1100', 'debit', '50.00', 'party_b'), line('4000', 'credit', '50.00')], 'INV-B');
  await post('2026-02-03', [line('1000', 'debit', '60.00'), line('1100', 'credit', '60.00', 'party_a')]);
  entryIds.push((await sb('POST', `/journal-entries/${entryIds[2]}/reverse`, { date: '2026-02-10', description: 'payment bounced' })).id);
  const replayed = await call(server.sandbox, 'POST', '/api/v1/journal-entries', { token: sandboxKey.key, body: replayRequest, headers: { 'idempotency-key': REPLAY_KEY } });
  if (replayed.status !== 201) throw new Error(`keyed post → ${replayed.status} ${replayed.text}`);
  entryIds.push(replayed.body.data.id);
  await sb('POST', '/periods/2026-01/close');
  await api(server.production, productionKey.key, 'POST', '/accounts', { code: '1000', name: 'Cash', type: 'asset' });
  await api(server.production, productionKey.key, 'POST', '/accounts', { code: '3000', name: 'Capital', type: 'equity' });
  await api(server.production, productionKey.key, 'POST', '/journal-entries', {
    date: '2026-03-01',
    description: 'capital',
    currency: 'EUR',
    lines: [line('1000', 'debit', '1000.00'), line('3000', 'credit', '1000.00')],
  });

  let connectionId: string | undefined;
  if (options.records) {
    const connection = await sb('POST', '/external-connections', { name: 'billing customers', type: 'csv', csv: CUSTOMERS_CSV });
    connectionId = connection.id as string;
    await sb('PUT', `/external-connections/${connectionId}/mapping`, { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } });
    await sb('POST', `/external-connections/${connectionId}/sync`);
    const [ada] = await sb('GET', '/unified/customers?source_id=cus_1');
    const invoice = await sb('POST', '/unified/invoice', {
      source_system: 'billing', source_id: 'INV-1', unified_customer_id: ada.id, amount_due: '120.00', currency: 'USD', status: 'open', effective_date: '2026-03-02',
    });
    await sb('POST', '/unified/payment', { source_system: 'billing', source_id: 'pay_1', amount: '20.00', currency: 'USD', status: 'succeeded', unified_invoice_id: invoice.id });
  }

  const books: FilledBooks = { tenantId: tenant.id, sandboxKey: sandboxKey.key, productionKey: productionKey.key, revokedKey: revoked.key, entryIds, replay: { body: replayed.body, entryId: replayed.body.data.id }, connectionId, reads: {} };
  books.reads = await readBooks(server, adminToken, books, options);
  return books;
}

/** Everything the books hold, by path: `sandbox:/…`, `production:/…`, `console:/…`. */
export async function readBooks(server: BooksServer, adminToken: string, books: FilledBooks, options: { records: boolean }): Promise<Record<string, unknown>> {
  const paths = [
    '/accounts?limit=100',
    ...['1000', '1100', '4000', '5000'].flatMap((code) => [`/accounts/${code}`, `/accounts/${code}/balance`, `/accounts/${code}/lines?limit=100`]),
    '/accounts/1000/balance?as_of=2026-01-31',
    '/subledgers',
    '/subledgers/AR',
    '/subledgers/AR/balances?limit=100',
    '/subledgers/AR/balances?limit=100&as_of=2026-01-31',
    '/journal-entries?limit=100',
    ...books.entryIds.map((id) => `/journal-entries/${id}`),
    '/periods?limit=100',
    '/reports/trial-balance?currency=USD',
    '/reports/balance-sheet?currency=USD&as_of=2026-12-31',
    '/reports/income-statement?currency=USD&from=2026-01-01&to=2026-12-31',
    '/audit-events?limit=100',
    ...(options.records
      ? ['/unified/customers?limit=100', '/unified/invoices?limit=100', '/unified/payments?limit=100', '/external-connections', `/external-connections/${books.connectionId}`]
      : []),
  ];
  const reads: Record<string, unknown> = {};
  const read = async (origin: string, key: string, path: string) => {
    const result = await call(origin, 'GET', `/api/v1${path}`, { token: key });
    if (result.status !== 200) throw new Error(`GET ${path} → ${result.status} ${result.text}`);
    return result.body;
  };
  for (const path of paths) reads[`sandbox:${path}`] = await read(server.sandbox, books.sandboxKey, path);
  for (const path of ['/accounts?limit=100', '/journal-entries?limit=100', '/reports/trial-balance?currency=EUR']) {
    reads[`production:${path}`] = await read(server.production, books.productionKey, path);
  }
  const admin = new AdminClient(server.console, adminToken);
  reads[`console:/tenants/${books.tenantId}`] = await admin.request('GET', `/tenants/${books.tenantId}`);
  reads[`console:/tenants/${books.tenantId}/members`] = await admin.request('GET', `/tenants/${books.tenantId}/members`);
  // last_used_at moves with every authenticated call: the rest of each key must stay as it was.
  const keys = (await admin.request<Array<Record<string, unknown>>>('GET', `/tenants/${books.tenantId}/api-keys`)).map(({ last_used_at: _, ...key }) => key);
  reads[`console:/tenants/${books.tenantId}/api-keys`] = keys;
  return reads;
}

/**
 * The setup the crash tests share: a `links start` process on throwaway storage, one tenant with an
 * owner's sandbox key, and `kill -9` / restart of the process on the same storage. The billing books
 * (accounts, a customer subledger, 40 customers synced, an invoice CSV connection) are what the job and
 * sync crash tests kill syncs and runs over.
 */
import { randomBytes } from 'node:crypto';
import { startLinksProcess } from './childProcess.js';
import { AdminClient, call, type HttpResult } from './http.js';
import type { TestStorage } from './linksServer.js';

export interface CrashTenant {
  /** Any answer of the tenant's sandbox API (`path` after /api/v1), from the server running now. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** The `data` of a successful answer; any status from 300 up throws with the answer. */
  api(method: string, path: string, body?: unknown): Promise<any>;
  /** `kill -9` of the server; resolves once the process has exited. */
  kill(): Promise<void>;
  /** Starts the server again on the same storage (after kill). */
  restart(): Promise<void>;
  /** Stops the server gracefully (SIGTERM) at the end of the test. */
  stop(): Promise<void>;
}

/** Starts Links on `storage` and makes a tenant named `name` with an owner and a sandbox key. */
export async function crashTenant(storage: TestStorage, name: string, env: Record<string, string> = {}): Promise<CrashTenant> {
  const adminToken = `crash-admin-${randomBytes(16).toString('hex')}`;
  const start = () => startLinksProcess({ LINKS_ADMIN_TOKEN: adminToken, ...env, ...storage.env });
  let server = await start();
  const admin = new AdminClient(server.console, adminToken);
  const tenant = await admin.createTenant(name);
  const user = await admin.createUser(`crash-${randomBytes(3).toString('hex')}@crash.example`);
  await admin.addMember(tenant.id, user.id, 'owner');
  const token = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
  const request: CrashTenant['request'] = (method, path, body, headers = {}) => call(server.sandbox, method, `/api/v1${path}`, { token, body, headers });
  const stopWith = async (signal: NodeJS.Signals) => {
    server.proc.child.kill(signal);
    await server.proc.exited;
  };
  return {
    request,
    async api(method, path, body) {
      const answer = await request(method, path, body);
      if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status} ${answer.text}`);
      return answer.body.data;
    },
    kill: () => stopWith('SIGKILL'),
    async restart() {
      server = await start();
    },
    stop: () => stopWith('SIGTERM'),
  };
}

/** Invoices are issued to these customers in turn (`cus_0` … `cus_39`). */
export const CRASH_CUSTOMERS = 40;

/**
 * Cash 1000, receivables 1100 with the AR subledger, revenue 4000 (and `moreRevenue` accounts), the
 * customers synced, and an invoice CSV connection (not yet synced): the connection.
 */
export async function billingBooks(tenant: CrashTenant, invoicesCsv: string, moreRevenue: string[] = []): Promise<{ id: string }> {
  for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue'], ...moreRevenue.map((code) => [code, 'revenue'])]) {
    await tenant.api('POST', '/accounts', { code, name: code, type });
  }
  await tenant.api('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
  const customers = await tenant.api('POST', '/external-connections', {
    name: 'customers',
    type: 'csv',
    csv: ['id,email,name', ...Array.from({ length: CRASH_CUSTOMERS }, (_, i) => `cus_${i},c${i}@example.com,C${i}`)].join('\n'),
    mapping: { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } },
  });
  const synced = await tenant.api('POST', `/external-connections/${customers.id}/sync`);
  if (synced.created !== CRASH_CUSTOMERS) throw new Error(`the customer sync created ${JSON.stringify(synced)}, not ${CRASH_CUSTOMERS}`);
  return tenant.api('POST', '/external-connections', {
    name: 'invoices',
    type: 'csv',
    csv: invoicesCsv,
    mapping: { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
  });
}

/** `count` invoices INV-0 … dated 2026-11-15 in USD, to the customers in turn; `amount(i)` in whole dollars. */
export function invoicesCsv(count: number, amount: (i: number) => number): string {
  return ['number,customer,total,currency,issued', ...Array.from({ length: count }, (_, i) => `INV-${i},cus_${i % CRASH_CUSTOMERS},${amount(i)}.00,USD,2026-11-15`)].join('\n');
}

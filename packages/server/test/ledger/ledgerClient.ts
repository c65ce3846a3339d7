/**
 * Helpers for the ledger tests: a tenant with an owner key, and a small client for
 * `/api/v1` that speaks HTTP to the real server like any caller would.
 */
import { randomBytes } from 'node:crypto';
import { AdminClient, call, type HttpResult } from '../support/http.js';
import type { TestLinks } from '../support/linksServer.js';

export type Listener = 'sandbox' | 'production';

export interface Line {
  account: string;
  debit?: string;
  credit?: string;
  subledger_account?: string;
  dimensions?: Record<string, string>;
  memo?: string;
}

export const dr = (account: string, amount: string, extra: Partial<Line> = {}): Line => ({ account, debit: amount, ...extra });
export const cr = (account: string, amount: string, extra: Partial<Line> = {}): Line => ({ account, credit: amount, ...extra });

/** A journal entry body: USD unless told otherwise. */
export function entry(date: string, lines: Line[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { date, description: `entry of ${date}`, currency: 'USD', lines, ...extra };
}

let counter = 0;
/** A code nobody else in this test process uses (≤ 32 characters). */
export function uniqueCode(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(2).toString('hex')}`.slice(0, 32);
}

/** Decimal string → integer minor units, for comparing totals exactly in tests. */
export function minor(amount: string, digits = 2): bigint {
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const value = BigInt(whole!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return negative ? -value : value;
}

/** Integer minor units → decimal string with exactly `digits` fraction digits. */
export function fmt(value: bigint, digits = 2): string {
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

export class Ledger {
  constructor(
    readonly origin: string,
    readonly key: string,
    readonly keyId: string,
    readonly tenantId: string,
  ) {}

  request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return call<T>(this.origin, method, `/api/v1${path}`, { token: this.key, body, headers });
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('POST', path, body, headers);
  }

  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  /** Performs a request that must succeed; returns `data`. */
  async ok<T = any>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const result = await this.request(method, path, body);
    if (!expected.includes(result.status)) throw new Error(`${method} ${path} → ${result.status} ${result.text}`);
    return result.body.data as T;
  }

  createAccount(code: string, type: string, extra: Record<string, unknown> = {}) {
    return this.ok('POST', '/accounts', { code, name: `Account ${code}`, type, ...extra });
  }

  /** Creates accounts of the given types, each with a unique code; returns the codes in the same shape. */
  async accounts<K extends string>(types: Record<K, string>, extra: Record<string, unknown> = {}): Promise<Record<K, string>> {
    const codes = {} as Record<K, string>;
    for (const [name, type] of Object.entries(types) as Array<[K, string]>) {
      codes[name] = uniqueCode(name);
      await this.createAccount(codes[name], type, extra);
    }
    return codes;
  }

  postEntry(body: Record<string, unknown>) {
    return this.ok('POST', '/journal-entries', body);
  }

  /** The balances array of `GET /accounts/{code}/balance`. */
  async balances(code: string, query = ''): Promise<Array<{ currency: string; debits: string; credits: string; balance: string }>> {
    return (await this.ok('GET', `/accounts/${code}/balance${query ? `?${query}` : ''}`)).balances;
  }

  /** The balance of one currency, `'0.00'`-style when the account has none in it. */
  async balance(code: string, currency = 'USD', query = ''): Promise<string | undefined> {
    const all = await this.balances(code, [`currency=${currency}`, query].filter(Boolean).join('&'));
    return all.find((b) => b.currency === currency)?.balance;
  }

  async entryCount(query = ''): Promise<number> {
    const result = await this.get(`/journal-entries?limit=1${query ? `&${query}` : ''}`);
    if (result.status !== 200) throw new Error(`list journal entries → ${result.status} ${result.text}`);
    return result.body.totalResults as number;
  }

  /** Follows `next_cursor` from the first page to the last; returns every page. */
  async allPages<T = any>(path: string): Promise<Array<{ data: T[]; next_cursor: string | null; totalResults: number }>> {
    const pages = [];
    let cursor: string | null = null;
    const joiner = path.includes('?') ? '&' : '?';
    for (let i = 0; i < 100; i++) {
      const result: HttpResult = await this.get(cursor ? `${path}${joiner}cursor=${encodeURIComponent(cursor)}` : path);
      if (result.status !== 200) throw new Error(`GET ${path} → ${result.status} ${result.text}`);
      pages.push(result.body);
      cursor = result.body.next_cursor;
      if (!cursor) return pages;
    }
    throw new Error(`GET ${path}: next_cursor never ended`);
  }
}

export interface LedgerTenant {
  tenantId: string;
  userId: string;
  sandbox: Ledger;
  /** An owner key at the production listener of the same tenant. */
  production(): Promise<Ledger>;
}

/** A new tenant with an owner user and a sandbox key (read, write). */
export async function createLedgerTenant(links: TestLinks, name = 'Ledger'): Promise<LedgerTenant> {
  const admin = new AdminClient(links.url('console'), links.adminToken);
  const suffix = randomBytes(4).toString('hex');
  const tenant = await admin.createTenant(`${name} ${suffix}`);
  const user = await admin.createUser(`owner-${suffix}@ledger.example`);
  await admin.addMember(tenant.id, user.id, 'owner');
  const ledgerFor = async (environment: Listener) => {
    const key = await admin.createKey(tenant.id, { environment, user_id: user.id });
    return new Ledger(links.url(environment), key.key, key.id, tenant.id);
  };
  return { tenantId: tenant.id, userId: user.id, sandbox: await ledgerFor('sandbox'), production: () => ledgerFor('production') };
}

/**
 * Shared helpers for the ledger property and concurrency tests: an exact model of the books in
 * BigInt minor units (never floats), a small HTTP client for one tenant's sandbox key, and the
 * invariant checks that compare what the API reports with the model.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { AdminClient, call, type HttpResult } from '../support/http.js';
import type { TestLinks } from '../support/linksServer.js';

// ---------------------------------------------------------------- money (our own, exact) -----

/** ISO 4217 minor digits of the currencies these tests use. */
export const DIGITS: Record<string, number> = { USD: 2, EUR: 2, JPY: 0, CLP: 0, BHD: 3, KWD: 3 };

/** Minor units → the canonical decimal string ("-12.50", "0.00", "7" for JPY). */
export function fmt(minor: bigint, currency: string): string {
  const digits = DIGITS[currency];
  if (digits === undefined) throw new Error(`no digits for ${currency}`);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString();
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** The same amount written with trailing fraction zeros dropped ("12.50" → "12.5", "3.00" → "3"). */
export function trimmed(minor: bigint, currency: string): string {
  const text = fmt(minor, currency);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Decimal string → minor units; throws on anything that is not exact. */
export function parse(text: string, currency: string): bigint {
  const digits = DIGITS[currency]!;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[3] ?? '').length > digits) throw new Error(`not a ${currency} amount: ${text}`);
  const minor = BigInt(match[2]!) * 10n ** BigInt(digits) + BigInt((match[3] ?? '').padEnd(digits, '0') || '0');
  return match[1] ? -minor : minor;
}

// ---------------------------------------------------------------- chart of accounts ----------

export type AccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';
export const CHART: Array<{ code: string; name: string; type: AccountType; currency?: string }> = [
  { code: '1000', name: 'Cash', type: 'asset' },
  { code: '1100', name: 'Accounts receivable', type: 'asset' },
  { code: '1200', name: 'USD bank', type: 'asset', currency: 'USD' },
  { code: '2000', name: 'Accounts payable', type: 'liability' },
  { code: '3000', name: 'Owner equity', type: 'equity' },
  { code: '4000', name: 'Sales', type: 'revenue' },
  { code: '5000', name: 'Rent', type: 'expense' },
];
export const CODES = CHART.map((a) => a.code);
export const CONTROL = '1100';
export const USD_ONLY = '1200';
export const PARTIES = ['cus_1', 'cus_2', 'cus_3', 'cus_4'];
export const typeOf = (code: string): AccountType => CHART.find((a) => a.code === code)!.type;
export const debitNormal = (type: AccountType) => type === 'asset' || type === 'expense';

// ---------------------------------------------------------------- HTTP -----------------------

/** One tenant's sandbox key, speaking `/api/v1`. */
export class Api {
  constructor(
    readonly origin: string,
    readonly token: string,
  ) {}

  send<T = any>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<HttpResult<T>> {
    const headers: Record<string, string> = idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey };
    return call<T>(this.origin, method, `/api/v1${path}`, { token: this.token, body, headers });
  }

  /** A GET that must answer 200. */
  async get<T = any>(path: string): Promise<T> {
    const result = await this.send<T>('GET', path);
    if (result.status !== 200) throw new Error(`GET ${path} → ${result.status} ${result.text}`);
    return result.body;
  }

  /** A write that must answer `expected`; returns the `data` of the body. */
  async must(method: string, path: string, body: unknown, expected: number): Promise<any> {
    const result = await this.send(method, path, body);
    if (result.status !== expected) throw new Error(`${method} ${path} → ${result.status} (expected ${expected}) ${result.text}`);
    return result.body.data;
  }
}

let tenantCounter = 0;

/** A fresh tenant with one owner and `keys` sandbox keys of that owner (each its own client). */
export async function newTenant(links: TestLinks, label: string, keys = 1): Promise<Api[]> {
  const admin = new AdminClient(links.url('console'), links.adminToken);
  const tag = `${label}-${++tenantCounter}-${randomBytes(4).toString('hex')}`;
  const tenant = await admin.createTenant(`Ledger ${tag}`);
  const user = await admin.createUser(`owner-${tag}@ledger.example`);
  await admin.addMember(tenant.id, user.id, 'owner');
  const apis: Api[] = [];
  for (let i = 0; i < keys; i++) {
    const key = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    apis.push(new Api(links.url('sandbox'), key.key));
  }
  return apis;
}

/** The chart above, and the sub-ledger AR on the control account. */
export async function createChart(api: Api): Promise<void> {
  for (const account of CHART) await api.must('POST', '/accounts', account, 201);
  await api.must('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: CONTROL }, 201);
}

/** How many journal entries the books hold, from the list's totalResults. */
export async function entryCount(api: Api, query = ''): Promise<number> {
  return (await api.get(`/journal-entries?limit=1${query}`)).totalResults;
}

/** Every line of an account's statement, following next_cursor (small pages, to exercise the cursor). */
export async function statement(api: Api, code: string, pageSize = 7): Promise<{ lines: any[]; total: number }> {
  const lines: any[] = [];
  let total = -1;
  let cursor: string | null = null;
  for (let pages = 0; ; pages++) {
    if (pages > 1000) throw new Error(`statement of ${code}: the cursor never ends`);
    const page: any = await api.get(`/accounts/${code}/lines?limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (total < 0) total = page.totalResults;
    lines.push(...page.data);
    cursor = page.next_cursor;
    if (!cursor) return { lines, total };
  }
}

// ---------------------------------------------------------------- the model ------------------

export interface ModelLine {
  account: string;
  debit: bigint;
  credit: bigint;
  party: string | null;
}

export interface ModelEntry {
  id: string;
  date: string;
  currency: string;
  lines: ModelLine[];
  reversalOf: string | null;
  reversedBy: string | null;
}

interface Sums {
  debits: bigint;
  credits: bigint;
}

/** Balances as the API shows them, keyed by currency; rows with no movement are dropped. */
export type BalanceMap = Record<string, { debits: string; credits: string; balance: string }>;

export function balanceMap(rows: Array<{ currency: string; debits: string; credits: string; balance: string }>, key = (r: any) => r.currency): BalanceMap {
  const out: BalanceMap = {};
  for (const r of rows) {
    if (parse(r.debits, r.currency) === 0n && parse(r.credits, r.currency) === 0n) continue;
    out[key(r)] = { debits: r.debits, credits: r.credits, balance: r.balance };
  }
  return out;
}

export class LedgerModel {
  readonly entries: ModelEntry[] = [];
  readonly closed = new Set<string>();

  isClosed(date: string): boolean {
    return this.closed.has(date.slice(0, 7));
  }

  private lines(currency: string | undefined, asOf: string | undefined): Array<ModelLine & { currency: string }> {
    return this.entries
      .filter((e) => (currency === undefined || e.currency === currency) && (asOf === undefined || e.date <= asOf))
      .flatMap((e) => e.lines.map((l) => ({ ...l, currency: e.currency })));
  }

  sums(account: string, currency: string, asOf?: string): Sums {
    const s = { debits: 0n, credits: 0n };
    for (const l of this.lines(currency, asOf)) {
      if (l.account !== account) continue;
      s.debits += l.debit;
      s.credits += l.credit;
    }
    return s;
  }

  /** The account's balance by currency, signed by its normal side. */
  balances(account: string, asOf?: string): BalanceMap {
    const out: BalanceMap = {};
    for (const currency of ['EUR', 'USD']) {
      const s = this.sums(account, currency, asOf);
      if (s.debits === 0n && s.credits === 0n) continue;
      const net = debitNormal(typeOf(account)) ? s.debits - s.credits : s.credits - s.debits;
      out[currency] = { debits: fmt(s.debits, currency), credits: fmt(s.credits, currency), balance: fmt(net, currency) };
    }
    return out;
  }

  /** Per party of the control account, keyed `party/currency`. */
  partyBalances(asOf?: string): BalanceMap {
    const sums = new Map<string, Sums & { currency: string }>();
    for (const l of this.lines(undefined, asOf)) {
      if (l.account !== CONTROL) continue;
      const key = `${l.party}/${l.currency}`;
      const s = sums.get(key) ?? { debits: 0n, credits: 0n, currency: l.currency };
      s.debits += l.debit;
      s.credits += l.credit;
      sums.set(key, s);
    }
    const out: BalanceMap = {};
    for (const [key, s] of sums) out[key] = { debits: fmt(s.debits, s.currency), credits: fmt(s.credits, s.currency), balance: fmt(s.debits - s.credits, s.currency) };
    return out;
  }

  /** Debits minus credits per account with a non-zero net, in one currency. */
  nets(currency: string, asOf?: string): Map<string, bigint> {
    const nets = new Map<string, bigint>();
    for (const code of CODES) {
      const s = this.sums(code, currency, asOf);
      if (s.debits !== s.credits) nets.set(code, s.debits - s.credits);
    }
    return nets;
  }

  trialBalance(currency: string, asOf?: string) {
    const nets = this.nets(currency, asOf);
    const accounts = [...nets].map(([code, net]) => ({ code, debit: fmt(net > 0n ? net : 0n, currency), credit: fmt(net < 0n ? -net : 0n, currency) }));
    const total = [...nets.values()].filter((n) => n > 0n).reduce((a, b) => a + b, 0n);
    return { accounts, total_debits: fmt(total, currency), total_credits: fmt(total, currency) };
  }

  /** Normal-side total of all accounts of a type. */
  typeTotal(type: AccountType, currency: string, asOf?: string): bigint {
    let total = 0n;
    for (const [code, net] of this.nets(currency, asOf)) if (typeOf(code) === type) total += debitNormal(type) ? net : -net;
    return total;
  }
}

// ---------------------------------------------------------------- invariants -----------------

/** What must not change when a request is refused or replayed: the entry count and both trial balances. */
export async function fingerprint(api: Api): Promise<unknown> {
  return {
    entries: await entryCount(api),
    USD: (await api.get('/reports/trial-balance?currency=USD')).data,
    EUR: (await api.get('/reports/trial-balance?currency=EUR')).data,
  };
}

export const AS_OF = ['2025-12-31', '2026-01-31', '2026-02-14'];

/** Compares every report the API offers with the model; `where` prefixes failure messages. */
export async function checkBooks(api: Api, model: LedgerModel, where: string): Promise<void> {
  expect(await entryCount(api), `${where}: entry count`).toBe(model.entries.length);

  for (const currency of ['USD', 'EUR']) {
    for (const asOf of [undefined, AS_OF[1]]) {
      const q = `currency=${currency}${asOf ? `&as_of=${asOf}` : ''}`;
      const tb = (await api.get(`/reports/trial-balance?${q}`)).data;
      const label = `${where}: trial balance ${q}`;
      expect(tb.total_debits, label).toBe(tb.total_credits);
      const expected = model.trialBalance(currency, asOf);
      expect({ ...tb, accounts: tb.accounts.map((a: any) => ({ code: a.code, debit: a.debit, credit: a.credit })) }, label).toMatchObject(expected);

      const bs = (await api.get(`/reports/balance-sheet?${q}`)).data;
      expect(bs.assets.total, `${where}: balance sheet ${q}`).toBe(bs.total_liabilities_and_equity);
      expect(bs.assets.total, `${where}: balance sheet assets ${q}`).toBe(fmt(model.typeTotal('asset', currency, asOf), currency));
    }
    const is = (await api.get(`/reports/income-statement?currency=${currency}`)).data;
    const earnings = model.typeTotal('revenue', currency) - model.typeTotal('expense', currency);
    expect(is.net_income, `${where}: income statement ${currency}`).toBe(fmt(earnings, currency));
  }

  for (const code of CODES) {
    for (const asOf of [undefined, ...AS_OF]) {
      const b = (await api.get(`/accounts/${code}/balance${asOf ? `?as_of=${asOf}` : ''}`)).data;
      expect(balanceMap(b.balances), `${where}: balance of ${code} as of ${asOf ?? 'now'}`).toEqual(model.balances(code, asOf));
    }
    // The statement, cursor by cursor: its lines sum to the balance and each running balance is exact.
    const { lines, total } = await statement(api, code);
    const expectedLines = model.entries.reduce((n, e) => n + e.lines.filter((l) => l.account === code).length, 0);
    expect(lines.length, `${where}: statement lines of ${code}`).toBe(expectedLines);
    expect(total, `${where}: statement totalResults of ${code}`).toBe(expectedLines);
    expect(new Set(lines.map((l) => `${l.entry_id}#${l.line_number}`)).size, `${where}: duplicate statement lines of ${code}`).toBe(lines.length);
    const running = new Map<string, Sums>();
    for (const line of lines) {
      const s = running.get(line.currency) ?? { debits: 0n, credits: 0n };
      s.debits += line.debit === null ? 0n : parse(line.debit, line.currency);
      s.credits += line.credit === null ? 0n : parse(line.credit, line.currency);
      running.set(line.currency, s);
      const net = debitNormal(typeOf(code)) ? s.debits - s.credits : s.credits - s.debits;
      expect(line.running_balance, `${where}: running balance of ${code} at ${line.entry_id}#${line.line_number}`).toBe(fmt(net, line.currency));
    }
    const fromLines: BalanceMap = {};
    for (const [currency, s] of running) {
      const net = debitNormal(typeOf(code)) ? s.debits - s.credits : s.credits - s.debits;
      fromLines[currency] = { debits: fmt(s.debits, currency), credits: fmt(s.credits, currency), balance: fmt(net, currency) };
    }
    expect(fromLines, `${where}: statement sums of ${code}`).toEqual(model.balances(code));
  }

  // The sub-ledger: parties as the model has them, summing to the control account, at each date.
  for (const asOf of [undefined, ...AS_OF]) {
    const q = asOf ? `&as_of=${asOf}` : '';
    const sub = await api.get(`/subledgers/AR/balances?limit=100${q}`);
    const label = `${where}: sub-ledger AR as of ${asOf ?? 'now'}`;
    expect(balanceMap(sub.data, (r) => `${r.subledger_account}/${r.currency}`), label).toEqual(model.partyBalances(asOf));
    const control = (await api.get(`/accounts/${CONTROL}/balance${asOf ? `?as_of=${asOf}` : ''}`)).data;
    const partySum = new Map<string, bigint>();
    for (const r of sub.data) partySum.set(r.currency, (partySum.get(r.currency) ?? 0n) + parse(r.balance, r.currency));
    for (const b of control.balances) expect(fmt(partySum.get(b.currency) ?? 0n, b.currency), `${label}: parties vs control ${b.currency}`).toBe(b.balance);
    expect(balanceMap(sub.totals), `${label}: totals`).toEqual(balanceMap(control.balances));
  }
}

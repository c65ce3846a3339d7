/** Tenant A's sandbox books, built through the API for the isolation catalogue's requests. */
import { call } from '../support/http.js';
import type { IsolationWorld } from './world.js';

let counter = 0;
export const unique = (prefix: string) => `${prefix}${++counter}`;

/** Calls tenant A's sandbox with its read-write key, failing on anything but success. */
export async function asA(world: IsolationWorld, method: string, path: string, body?: unknown): Promise<any> {
  const result = await call(world.links.url('sandbox'), method, path, { token: world.keys.aSandbox, body });
  if (result.status >= 300) throw new Error(`setup ${method} ${path} → ${result.status} ${result.text}`);
  return result.body.data;
}

export interface Books {
  cash: { id: string; code: string };
  receivable: { id: string; code: string };
  revenue: { id: string; code: string };
  subledger: string;
  entryId: string;
}

/** A small set of A's books: cash, a receivable with a sub-ledger, revenue, and one posted entry. */
export async function booksOfA(world: IsolationWorld): Promise<Books> {
  const cash = await asA(world, 'POST', '/api/v1/accounts', { code: unique('C'), name: 'Cash A', type: 'asset' });
  const receivable = await asA(world, 'POST', '/api/v1/accounts', { code: unique('R'), name: 'Receivable A', type: 'asset' });
  const revenue = await asA(world, 'POST', '/api/v1/accounts', { code: unique('V'), name: 'Revenue A', type: 'revenue' });
  const subledger = unique('SL');
  await asA(world, 'POST', '/api/v1/subledgers', { code: subledger, name: 'Customers A', control_account: receivable.code });
  const entry = await asA(world, 'POST', '/api/v1/journal-entries', {
    date: '2026-03-15',
    description: 'Invoice of tenant A',
    currency: 'USD',
    reference: unique('ref-A-'),
    lines: [
      { account: receivable.code, debit: '100.00', subledger_account: 'cus_of_A' },
      { account: revenue.code, credit: '100.00' },
    ],
  });
  return { cash, receivable, revenue, subledger, entryId: entry.id };
}

export const entryBody = (books: Books, date = '2026-03-20') => ({
  date,
  description: 'Cash sale of tenant A',
  currency: 'USD',
  lines: [
    { account: books.cash.code, debit: '5.00' },
    { account: books.revenue.code, credit: '5.00' },
  ],
});

export const ids = (books: Books) => [books.cash.id, books.receivable.id, books.revenue.id, books.entryId];

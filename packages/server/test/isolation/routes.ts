/**
 * The isolation catalogue: every data-plane route, with how to build a request that tenant A's
 * sandbox owns. `isolation.test.ts` runs the same denial checks on each and fails when the server
 * has a data-plane route that is missing here. Every new data-plane route is added to this list.
 */
import { asA, booksOfA, entryBody, ids, unique } from './booksOfA.js';
import { draftCases } from './draftRoutes.js';
import { glCases } from './glRoutes.js';
import { jobCases } from './jobRoutes.js';
import { recordCases } from './recordRoutes.js';
import type { IsolationWorld } from './world.js';

export interface OwnedRequest {
  /** Concrete path, e.g. `/api/v1/accounts/1100`. */
  path: string;
  body?: unknown;
  /** Ids of tenant A's sandbox resources that must never appear in another tenant's or environment's answer. */
  ownedIds: string[];
}

export interface IsolationCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route pattern exactly as the server registers it. */
  route: string;
  permission: 'read' | 'write';
  /** Builds (and creates whatever it needs, with A's sandbox key) a request tenant A's sandbox owns. */
  prepare(world: IsolationWorld): Promise<OwnedRequest>;
  /** What the bad-input test (reliability/badInput.test.ts) accepts in this route's body; absent: every wrong value is a contract 4xx. */
  badInput?: BadInputAllowance;
}

export interface BadInputAllowance {
  /** The route speaks JSON-RPC (the MCP endpoint): a wrong body may be answered with a JSON-RPC error. */
  jsonRpc?: true;
  /** Fields whose value may be `{}` (an empty settings object takes the defaults, an empty mapping clears it). */
  emptyObject?: string[];
  /** Fields that take any number or string (a JSON-RPC id). */
  anyNumberOrString?: string[];
  /** A merge-patch: null clears an optional field. */
  nullClears?: true;
}

const ledgerCases: IsolationCase[] = [
  {
    method: 'GET',
    route: '/api/v1/whoami',
    permission: 'read',
    // Names its own tenant by design; the harness already checks that no other tenant sees A's id.
    prepare: async () => ({ path: '/api/v1/whoami', ownedIds: [] }),
  },
  {
    method: 'POST',
    route: '/api/v1/accounts',
    permission: 'write',
    prepare: async () => ({ path: '/api/v1/accounts', body: { code: unique('NEW'), name: 'New', type: 'asset' }, ownedIds: [] }),
  },
  {
    method: 'GET',
    route: '/api/v1/accounts',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/accounts?limit=100', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'GET',
    route: '/api/v1/accounts/:code',
    permission: 'read',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/accounts/${books.cash.code}`, ownedIds: ids(books) };
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/accounts/:code',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/accounts/${books.cash.code}`, body: { name: 'Renamed' }, ownedIds: ids(books) };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/accounts/:code/balance',
    permission: 'read',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/accounts/${books.receivable.code}/balance`, ownedIds: ids(books) };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/accounts/:code/lines',
    permission: 'read',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/accounts/${books.receivable.code}/lines`, ownedIds: ids(books) };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/subledgers',
    permission: 'write',
    prepare: async (w) => {
      const control = await asA(w, 'POST', '/api/v1/accounts', { code: unique('CTL'), name: 'Control', type: 'asset' });
      return { path: '/api/v1/subledgers', body: { code: unique('SLN'), name: 'Vendors', control_account: control.code }, ownedIds: [control.id] };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/subledgers',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/subledgers?limit=100', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'GET',
    route: '/api/v1/subledgers/:code',
    permission: 'read',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/subledgers/${books.subledger}`, ownedIds: ids(books) };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/subledgers/:code/balances',
    permission: 'read',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/subledgers/${books.subledger}/balances`, ownedIds: [...ids(books), 'cus_of_A'] };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/journal-entries',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: '/api/v1/journal-entries', body: entryBody(books), ownedIds: ids(books) };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/journal-entries/batch',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: '/api/v1/journal-entries/batch', body: { entries: [entryBody(books), entryBody(books, '2026-03-21')] }, ownedIds: ids(books) };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/journal-entries',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/journal-entries?limit=100', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'GET',
    route: '/api/v1/journal-entries/:id',
    permission: 'read',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/journal-entries/${books.entryId}`, ownedIds: ids(books) };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/journal-entries/:id/reverse',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/journal-entries/${books.entryId}/reverse`, body: { date: '2026-03-31' }, ownedIds: ids(books) };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/periods',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/periods', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'POST',
    route: '/api/v1/periods/:period/close',
    permission: 'write',
    prepare: async () => ({ path: '/api/v1/periods/2025-01/close', ownedIds: [] }),
  },
  {
    method: 'POST',
    route: '/api/v1/periods/:period/reopen',
    permission: 'write',
    prepare: async (w) => {
      await asA(w, 'POST', '/api/v1/periods/2025-02/close');
      return { path: '/api/v1/periods/2025-02/reopen', ownedIds: [] };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/reports/trial-balance',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/reports/trial-balance?currency=USD', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'GET',
    route: '/api/v1/ledger/verify',
    permission: 'read',
    prepare: async (w) => {
      await booksOfA(w);
      const verified = await asA(w, 'GET', '/api/v1/ledger/verify');
      return { path: '/api/v1/ledger/verify', ownedIds: [verified.head] };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/reports/balance-sheet',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/reports/balance-sheet?currency=USD', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'GET',
    route: '/api/v1/reports/income-statement',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/reports/income-statement?currency=USD', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'GET',
    route: '/api/v1/chart-templates',
    permission: 'read',
    prepare: async () => ({ path: '/api/v1/chart-templates', ownedIds: [] }),
  },
  {
    method: 'POST',
    route: '/api/v1/chart-templates/:name/apply',
    permission: 'write',
    prepare: async (w) => ({ path: '/api/v1/chart-templates/saas/apply', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    method: 'GET',
    route: '/api/v1/reports/ar-aging',
    permission: 'read',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: `/api/v1/reports/ar-aging?account=${books.receivable.code}&as_of=2026-06-30`, ownedIds: [...ids(books), 'cus_of_A'] };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/periods/:year/close-year',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      const equity = await asA(w, 'POST', '/api/v1/accounts', { code: unique('RE'), name: 'Retained earnings A', type: 'equity' });
      await asA(w, 'POST', '/api/v1/journal-entries', { ...entryBody(books, '2024-06-30'), reference: unique('ref-A-') });
      return { path: '/api/v1/periods/2024/close-year', body: { retained_earnings_account: equity.code }, ownedIds: [...ids(books), equity.id] };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/periods/:year/reopen-year',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      const equity = await asA(w, 'POST', '/api/v1/accounts', { code: unique('RE'), name: 'Retained earnings A', type: 'equity' });
      await asA(w, 'POST', '/api/v1/journal-entries', { ...entryBody(books, '2023-06-30'), reference: unique('ref-A-') });
      const closed = await asA(w, 'POST', '/api/v1/periods/2023/close-year', { retained_earnings_account: equity.code });
      return { path: '/api/v1/periods/2023/reopen-year', ownedIds: [...ids(books), equity.id, ...closed.entries] };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/audit-events',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/audit-events?limit=100', ownedIds: ids(await booksOfA(w)) }),
  },
  {
    // Every MCP tool on its own: mcpTools.test.ts in this folder.
    method: 'POST',
    route: '/api/v1/mcp',
    permission: 'read',
    prepare: async (w) => ({
      path: '/api/v1/mcp',
      body: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_journal_entries', arguments: { limit: 100 } } },
      ownedIds: ids(await booksOfA(w)),
    }),
    badInput: { jsonRpc: true, anyNumberOrString: ['id'] },
  },
];

export const isolationCases: IsolationCase[] = [...ledgerCases, ...recordCases, ...draftCases, ...glCases, ...jobCases];

/**
 * The upgrade suite, on the backend of the running project: databases created and filled by earlier
 * commits of main (taken from git history, run as their own processes) are opened by this code.
 * 89fc381 predates the posting function, the hash chain and unified records (migrations 0001–0003);
 * 1dc419c has every migration up to 0007, in their earlier TypeScript form.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinksProcess } from './childProcess.js';
import { checkoutEarlierCommit, type EarlierCommit } from './earlierCommit.js';
import { call } from './http.js';
import { newStorage, postgresAvailable, startTestLinks, TEST_ADMIN_TOKEN, type TestLinks, type TestStorage } from './linksServer.js';
import { api, fillBooks, readBooks, REPLAY_KEY, replayRequest, type BooksServer, type FilledBooks } from './upgradeBooks.js';

function booksServer(links: TestLinks): BooksServer {
  return { console: links.url('console'), sandbox: links.url('sandbox'), production: links.url('production') };
}

const RELEASES = [
  { commit: '89fc381', records: false },
  { commit: '1dc419c', records: true },
];

export interface UpgradeOptions {
  /** The commits to upgrade from (default: both). */
  commits?: string[];
  /** Asserts the upgraded databases' schema (PostgreSQL: equal to a fresh install's). */
  schemaCheck?: (storage: TestStorage) => void | Promise<void>;
}

export function describeUpgrades({ commits, schemaCheck }: UpgradeOptions = {}): void {
  const releases = RELEASES.filter((release) => !commits || commits.includes(release.commit));

  describe.skipIf(!postgresAvailable()).each(releases)('upgrade from $commit', ({ commit, records }) => {
    let checkout: EarlierCommit;
    let storage: TestStorage;
    let books: FilledBooks;
    let links: TestLinks;
    let sandbox: string;
    const timings: Record<string, number> = {};

    beforeAll(async () => {
      let started = Date.now();
      checkout = checkoutEarlierCommit(commit);
      timings.checkout = Date.now() - started;
      storage = newStorage();
      started = Date.now();
      const dataDir = fs.mkdtempSync(path.join(path.dirname(path.dirname(checkout.bin)), 'data-'));
      // Embedded, the storage's data directory wins: the old process writes the databases there.
      const old = await startLinksProcess({ LINKS_DATA_DIR: dataDir, ...storage.env, LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN }, checkout.bin);
      try {
        const production = (await old.proc.waitFor(/production API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/))[1]!;
        timings.oldStart = Date.now() - started;
        started = Date.now();
        books = await fillBooks({ console: old.console, sandbox: old.sandbox, production }, TEST_ADMIN_TOKEN, { records });
        timings.fill = Date.now() - started;
      } finally {
        old.proc.child.kill('SIGTERM');
        await old.proc.exited;
      }
      started = Date.now();
      links = await startTestLinks({ storage });
      timings.upgrade = Date.now() - started;
      sandbox = links.url('sandbox');
    });

    afterAll(async () => {
      console.log(`upgrade from ${commit} (${checkout?.dependencies} dependencies): ${JSON.stringify(timings)} ms`);
      await links?.stop();
      await storage?.destroy();
      checkout?.remove();
    });

    it('reads back every account, entry, balance, period, report, audit event, key and record as it was', async () => {
      const reads = await readBooks(booksServer(links), links.adminToken, books, { records });
      for (const [path, before] of Object.entries(books.reads)) expect(reads[path], path).toMatchObject(before as object);
    });

    it('old keys still authenticate in their environment, and the revoked one stays refused', async () => {
      expect((await call(sandbox, 'GET', '/api/v1/whoami', { token: books.sandboxKey })).status).toBe(200);
      expect((await call(links.url('production'), 'GET', '/api/v1/whoami', { token: books.productionKey })).status).toBe(200);
      expect((await call(sandbox, 'GET', '/api/v1/whoami', { token: books.productionKey })).status).toBe(403);
      expect((await call(sandbox, 'GET', '/api/v1/whoami', { token: books.revokedKey })).status).toBe(401);
    });

    it('replays a request posted before the upgrade under its idempotency key', async () => {
      const again = await call(sandbox, 'POST', '/api/v1/journal-entries', { token: books.sandboxKey, body: replayRequest, headers: { 'idempotency-key': REPLAY_KEY } });
      expect(again.status).toBe(201);
      expect(again.body.data.id).toBe(books.replay.entryId);
    });

    it('the closed period still refuses postings', async () => {
      const refused = await call(sandbox, 'POST', '/api/v1/journal-entries', {
        token: books.sandboxKey,
        body: { date: '2026-01-31', description: 'late', currency: 'USD', lines: [{ account: '1000', debit: '1.00' }, { account: '5000', credit: '1.00' }] },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('period_closed');
    });

    it('new postings join the hash chain after every earlier entry; GET /ledger/verify is valid', async () => {
      await api(sandbox, books.sandboxKey, 'POST', '/journal-entries', {
        date: '2026-03-10',
        description: 'after the upgrade',
        currency: 'USD',
        lines: [{ account: '1100', debit: '30.00', subledger_account: 'party_b' }, { account: '4000', credit: '30.00' }],
      });
      const total = (await call(sandbox, 'GET', '/api/v1/journal-entries?limit=1', { token: books.sandboxKey })).body.totalResults;
      expect(total).toBe(books.entryIds.length + (records ? 2 : 0) + 1);
      const verified = await api(sandbox, books.sandboxKey, 'GET', '/ledger/verify');
      expect(verified).toMatchObject({ valid: true, entries: total, broken_at: null });
      const production = await api(links.url('production'), books.productionKey, 'GET', '/ledger/verify');
      expect(production).toMatchObject({ valid: true, entries: 1, broken_at: null });
    });

    it('the sub-ledger still sums to its control account', async () => {
      const subledger = (await call(sandbox, 'GET', '/api/v1/subledgers/AR/balances?limit=100', { token: books.sandboxKey })).body;
      const control = await api(sandbox, books.sandboxKey, 'GET', '/accounts/1100/balance');
      expect(subledger.totals).toEqual(control.balances);
      expect(subledger.totals).not.toEqual([]);
    });

    // 89fc381 has no unified records or connections.
    if (records) it('a re-sync of the connection changes nothing; a new invoice posts', async () => {
      const entries = async () => (await call(sandbox, 'GET', '/api/v1/journal-entries?limit=1', { token: books.sandboxKey })).body.totalResults as number;
      const count = await entries();
      const report = await api(sandbox, books.sandboxKey, 'POST', `/external-connections/${books.connectionId}/sync`);
      expect(report).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0 });
      const [grace] = await api(sandbox, books.sandboxKey, 'GET', '/unified/customers?source_id=cus_2');
      await api(sandbox, books.sandboxKey, 'POST', '/unified/invoice', {
        source_system: 'billing', source_id: 'INV-2', unified_customer_id: grace.id, amount_due: '80.00', currency: 'USD', status: 'open', effective_date: '2026-03-12',
      });
      expect(await entries()).toBe(count + 1);
      expect(await api(sandbox, books.sandboxKey, 'GET', '/ledger/verify')).toMatchObject({ valid: true, entries: count + 1 });
    });

    if (schemaCheck) it('has the schema a fresh install of this code has', () => schemaCheck(storage));
  });
}

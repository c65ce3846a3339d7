/**
 * Crash safety: under concurrent posting load, `kill -9` the server at random moments,
 * several times; restart it each time. Every entry acknowledged with 201 is there, the requests
 * that got no answer are settled exactly once by retrying them with their Idempotency-Key, no
 * entry is partial (the books balance, the hash chain verifies), and balances equal the sum of the
 * posted lines. Runs on the embedded database and on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startLinksProcess } from '../support/childProcess.js';
import { AdminClient, call } from '../support/http.js';
import { newStorage, postgresAvailable, type TestStorage } from '../support/linksServer.js';

const ADMIN_TOKEN = `crash-admin-${randomBytes(16).toString('hex')}`;
const ROUNDS = 3;
const CLIENTS = 8;

interface Sent {
  key: string;
  path: string;
  body: unknown;
  /** Cents debited to account 1000. */
  cash: number;
  entries: number;
}

describe.skipIf(!postgresAvailable())('crash safety: kill -9 under load', () => {
  const storage: TestStorage = newStorage();
  afterAll(() => storage.destroy());

  const start = () => startLinksProcess({ LINKS_ADMIN_TOKEN: ADMIN_TOKEN, ...storage.env });

  it(`${ROUNDS} kills at random moments lose no acknowledged entry and leave none partial`, { timeout: 240_000 }, async () => {
    let server = await start();
    const admin = new AdminClient(server.console, ADMIN_TOKEN);
    const tenant = await admin.createTenant('Crash');
    const user = await admin.createUser(`crash-${randomBytes(3).toString('hex')}@crash.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const token = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    for (const account of [{ code: '1000', name: 'Cash', type: 'asset' }, { code: '4000', name: 'Revenue', type: 'revenue' }]) {
      expect((await call(server.sandbox, 'POST', '/api/v1/accounts', { token, body: account })).status).toBe(201);
    }

    const acknowledged = new Map<string, Sent>(); // by key: answered 201
    const unanswered = new Map<string, Sent>(); // by key: no answer (the kill came first)
    const delays = fc.sample(fc.integer({ min: 200, max: 1500 }), { numRuns: ROUNDS, seed: 20261201 });
    let n = 0;
    const next = (): Sent => {
      n += 1;
      const cents = 100 + (n % 900);
      const one = (i: number) => ({
        date: '2026-05-10',
        description: `Crash ${n}.${i}`,
        currency: 'USD',
        lines: [
          { account: '1000', debit: (cents / 100).toFixed(2) },
          { account: '4000', credit: (cents / 100).toFixed(2) },
        ],
      });
      return n % 4 === 0
        ? { key: `crash-${n}`, path: '/api/v1/journal-entries/batch', body: { entries: [0, 1, 2, 3, 4].map(one) }, cash: 5 * cents, entries: 5 }
        : { key: `crash-${n}`, path: '/api/v1/journal-entries', body: one(0), cash: cents, entries: 1 };
    };

    for (const delay of delays) {
      const origin = server.sandbox;
      let killed = false;
      const client = async () => {
        while (!killed) {
          const sent = next();
          try {
            const answer = await call(origin, 'POST', sent.path, { token, body: sent.body, headers: { 'idempotency-key': sent.key } });
            if (answer.status === 201) acknowledged.set(sent.key, sent);
            else if (answer.status >= 500 || killed) unanswered.set(sent.key, sent);
            else throw new Error(`unexpected ${answer.status} ${answer.text}`);
          } catch (error) {
            if (!killed && !/ECONNRESET|ECONNREFUSED|socket hang up|fetch failed|terminated/i.test(String((error as Error).cause ?? error))) throw error;
            unanswered.set(sent.key, sent);
          }
        }
      };
      const load = Promise.all(Array.from({ length: CLIENTS }, client));
      await new Promise((resolve) => setTimeout(resolve, delay));
      killed = true;
      server.proc.child.kill('SIGKILL');
      await server.proc.exited;
      await load;
      server = await start();
    }

    // Requests without an answer are settled by retrying them: each posts once, or replays.
    for (const [key, sent] of unanswered) {
      const retry = await call(server.sandbox, 'POST', sent.path, { token, body: sent.body, headers: { 'idempotency-key': key } });
      expect(retry.status, retry.text).toBe(201);
      acknowledged.set(key, sent);
    }
    // A repeat of an acknowledged request replays and posts nothing.
    for (const [key, sent] of [...acknowledged].slice(0, 20)) {
      const again = await call(server.sandbox, 'POST', sent.path, { token, body: sent.body, headers: { 'idempotency-key': key } });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }

    const expectedEntries = [...acknowledged.values()].reduce((sum, s) => sum + s.entries, 0);
    const expectedCash = [...acknowledged.values()].reduce((sum, s) => sum + s.cash, 0);
    const entries = await call(server.sandbox, 'GET', '/api/v1/journal-entries?limit=1', { token });
    expect(entries.body.totalResults).toBe(expectedEntries);
    const cash = await call(server.sandbox, 'GET', '/api/v1/accounts/1000/balance', { token });
    expect(cash.body.data.balances[0].balance).toBe((expectedCash / 100).toFixed(2));
    const trial = await call(server.sandbox, 'GET', '/api/v1/reports/trial-balance?currency=USD', { token });
    expect(trial.body.data.total_debits).toBe(trial.body.data.total_credits);
    const chain = await call(server.sandbox, 'GET', '/api/v1/ledger/verify', { token });
    expect(chain.body.data).toMatchObject({ valid: true, entries: expectedEntries });
    expect(acknowledged.size).toBeGreaterThan(ROUNDS); // load was really running when it was killed
    console.info(
      `reliability | crash (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${CLIENTS} clients, ${n} requests, ${ROUNDS} × kill -9 | ` +
        `${acknowledged.size - unanswered.size} answered 201, ${unanswered.size} cut off and retried | ${expectedEntries} entries, 0 lost, 0 partial, chain valid`,
    );

    server.proc.child.kill('SIGTERM');
    await server.proc.exited;
  });
});

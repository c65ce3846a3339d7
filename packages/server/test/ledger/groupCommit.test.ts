/**
 * Group commit: concurrent posts of one tenant share transactions, yet each answers for itself —
 * valid, refused, replayed or reused — exactly as if it had posted alone. Run with group commit on
 * (the default) and off (LINKS_GROUP_COMMIT=off): the answers and the books must be the same.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AdminClient, call } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';

describe.skipIf(!postgresAvailable()).each(['on', 'off'])('group commit %s', (mode) => {
  let links: TestLinks;
  let key: string;
  const post = (body: unknown, idempotencyKey?: string) =>
    call(links.url('sandbox'), 'POST', '/api/v1/journal-entries', {
      token: key,
      body,
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });
  const entry = (reference: string, debit: string, credit = debit, account = '4000') => ({
    date: '2026-11-10',
    description: `Sale ${reference}`,
    currency: 'USD',
    reference,
    lines: [
      { account: '1000', debit },
      { account, credit },
    ],
  });

  useTestServer(
    async (started) => {
      links = started;
      const admin = new AdminClient(links.url('console'), links.adminToken);
      const tenant = await admin.createTenant(`Group ${mode}`);
      const user = await admin.createUser(`group-${mode}-${randomBytes(3).toString('hex')}@gc.example`);
      await admin.addMember(tenant.id, user.id, 'owner');
      key = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
      for (const account of [{ code: '1000', name: 'Cash', type: 'asset' }, { code: '4000', name: 'Revenue', type: 'revenue' }]) {
        expect((await call(links.url('sandbox'), 'POST', '/api/v1/accounts', { token: key, body: account })).status).toBe(201);
      }
    },
    { env: { LINKS_GROUP_COMMIT: mode } },
  );

  it('answers each of 70 concurrent posts for itself, and the books hold exactly the acknowledged ones', async () => {
    await post(entry('seed-reused', '1.00'), 'reused-key');
    const requests = [
      ...Array.from({ length: 40 }, (_, i) => () => post(entry(`ok-${i}`, '2.50'), `ok-${i}`)),
      ...Array.from({ length: 10 }, (_, i) => () => post(entry(`plain-${i}`, '1.25'))),
      ...Array.from({ length: 5 }, (_, i) => () => post(entry(`unbalanced-${i}`, '3.00', '2.99'), `bad-${i}`)),
      ...Array.from({ length: 5 }, (_, i) => () => post(entry(`unknown-${i}`, '3.00', '3.00', '9999'), `unknown-${i}`)),
      ...Array.from({ length: 5 }, (_, i) => () => post(entry(`ok-${i}`, '2.50'), `ok-${i}`)), // repeats of valid posts
      ...Array.from({ length: 5 }, () => () => post(entry('different', '7.00'), 'reused-key')),
    ];
    const results = await Promise.all(requests.map((send) => send()));
    const by = (from: number, to: number) => results.slice(from, to);
    for (const r of by(0, 50)) expect(r.status, r.text).toBe(201);
    for (const r of by(50, 55)) expect(r.body.error.code).toBe('unbalanced_entry');
    for (const r of by(55, 60)) expect(r.body.error.code).toBe('unknown_account');
    by(60, 65).forEach((r, i) => {
      expect(r.status).toBe(201);
      expect(r.body.data.id).toBe(results[i]!.body.data.id); // the same entry as the original, whichever came first
    });
    const replays = [...by(0, 5), ...by(60, 65)].filter((r) => r.headers.get('idempotent-replayed') === 'true');
    expect(replays).toHaveLength(5);
    for (const r of by(65, 70)) expect(r.body.error.code).toBe('idempotency_key_reused');

    const balance = await call(links.url('sandbox'), 'GET', '/api/v1/accounts/1000/balance', { token: key });
    expect(balance.body.data.balances[0].balance).toBe('113.50'); // 1.00 + 40 × 2.50 + 10 × 1.25
    const entries = await call(links.url('sandbox'), 'GET', '/api/v1/journal-entries?limit=1', { token: key });
    expect(entries.body.totalResults).toBe(51);
    const events = await call(links.url('sandbox'), 'GET', '/api/v1/audit-events?limit=100', { token: key });
    const posted = events.body.data.filter((e: { action: string }) => e.action === 'journal_entry.posted');
    expect(posted).toHaveLength(51);
    expect(new Set(posted.map((e: { request_id: string }) => e.request_id)).size).toBe(51); // each audited with its own request
  });

  it('concurrent batches and single posts share calls, yet each batch posts whole or not at all', async () => {
    const before = await call(links.url('sandbox'), 'GET', '/api/v1/accounts/1000/balance', { token: key });
    const cashBefore = Number(before.body.data.balances[0]?.balance ?? '0');
    const batch = (name: string, bad: boolean) =>
      call(links.url('sandbox'), 'POST', '/api/v1/journal-entries/batch', {
        token: key,
        body: { entries: Array.from({ length: 5 }, (_, i) => (bad && i === 3 ? entry(`${name}-${i}`, '1.00', '0.50') : entry(`${name}-${i}`, '1.00'))) },
        headers: { 'idempotency-key': name },
      });
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => batch(`batch-ok-${i}`, false)),
      ...Array.from({ length: 2 }, (_, i) => batch(`batch-bad-${i}`, true)),
      ...Array.from({ length: 10 }, (_, i) => post(entry(`single-${i}`, '0.10'))),
      batch('batch-ok-0', false), // a repeat: replays the same five entries
    ]);
    for (const r of results.slice(0, 8)) expect(r.status, r.text).toBe(201);
    for (const r of results.slice(8, 10)) {
      expect(r.status).toBe(422);
      expect(r.body.error).toMatchObject({ code: 'unbalanced_entry', details: [{ path: 'entries.3.lines' }] });
    }
    for (const r of results.slice(10, 20)) expect(r.status, r.text).toBe(201);
    const repeat = results[20]!;
    expect(repeat.status).toBe(201);
    expect(repeat.body.data.entries.map((e: { id: string }) => e.id)).toEqual(results[0]!.body.data.entries.map((e: { id: string }) => e.id));
    const after = await call(links.url('sandbox'), 'GET', '/api/v1/accounts/1000/balance', { token: key });
    expect(Number(after.body.data.balances[0].balance) - cashBefore).toBeCloseTo(8 * 5 * 1.0 + 10 * 0.1, 6);
    const refused = await call(links.url('sandbox'), 'GET', '/api/v1/journal-entries?reference=batch-bad-0-0', { token: key });
    expect(refused.body.totalResults).toBe(0); // nothing of a refused batch, not even its valid entries
  });

  it('a refused post with a key can be corrected and retried with the same key', async () => {
    const refused = await post(entry('fixme', '5.00', '4.00'), 'fixme');
    expect(refused.status).toBe(422);
    const fixed = await post(entry('fixme', '5.00'), 'fixme');
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });
});

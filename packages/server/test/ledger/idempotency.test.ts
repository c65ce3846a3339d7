/** `Idempotency-Key` on the ledger's creating POSTs (docs/ledger.md): replay, reuse, scope, failures, concurrency. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, fmt, minor, type Ledger, type LedgerTenant } from './ledgerClient.js';

describe.skipIf(!postgresAvailable())('idempotency', () => {
  let links: TestLinks;
  let tenant: LedgerTenant;
  let ledger: Ledger;
  const newKey = () => `key-${randomBytes(8).toString('hex')}`;
  const withKey = (key: string) => ({ 'Idempotency-Key': key });
  const sale = (amount: string, date = '2026-06-01') => entry(date, [dr('1000', amount), cr('4000', amount)]);

  useTestServer(async (started) => {
    links = started;
    tenant = await createLedgerTenant(links, 'Idempotent');
    ledger = tenant.sandbox;
    await ledger.createAccount('1000', 'asset');
    await ledger.createAccount('4000', 'revenue');
  });

  it('a repeat with the same body returns the original status and body, marked replayed, and creates nothing', async () => {
    const key = newKey();
    const before = await ledger.entryCount();
    const balance = await ledger.balance('1000');
    const first = await ledger.post('/journal-entries', sale('12.34'), withKey(key));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (let i = 0; i < 3; i++) {
      const again = await ledger.post('/journal-entries', sale('12.34'), withKey(key));
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('request-id')).not.toBe(first.headers.get('request-id'));
    }
    expect(await ledger.entryCount()).toBe(before + 1);
    expect(await ledger.balance('1000')).toBe(fmt(minor(balance!) + 1234n));
  });

  it('the same body with its keys in another order is the same request', async () => {
    const key = newKey();
    const body = sale('3.00');
    const first = await ledger.post('/journal-entries', body, withKey(key));
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await ledger.post('/journal-entries', reordered, withKey(key));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
  });

  it('a repeat with a different body is 409 idempotency_key_reused and creates nothing', async () => {
    const key = newKey();
    const first = await ledger.post('/journal-entries', sale('5.00'), withKey(key));
    expect(first.status).toBe(201);
    const before = await ledger.entryCount();
    for (const body of [sale('5.01'), sale('5.00', '2026-06-02'), { ...sale('5.00'), reference: 'other' }]) {
      const reused = await ledger.post('/journal-entries', body, withKey(key));
      expect(reused.status).toBe(409);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
      expect(reused.headers.get('idempotent-replayed')).toBeNull();
    }
    // The same key on another creating route is another request too.
    const elsewhere = await ledger.post('/accounts', { code: 'elsewhere', name: 'Elsewhere', type: 'asset' }, withKey(key));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('idempotency_key_reused');
    expect((await ledger.get('/accounts/elsewhere')).status).toBe(404);
    expect(await ledger.entryCount()).toBe(before);
    // The original stays replayable.
    const again = await ledger.post('/journal-entries', sale('5.00'), withKey(key));
    expect(again.body).toEqual(first.body);
  });

  it('keys are scoped to the tenant environment: the same key elsewhere creates separately', async () => {
    const key = newKey();
    const here = await ledger.post('/journal-entries', sale('7.00'), withKey(key));
    expect(here.status).toBe(201);

    const other = (await createLedgerTenant(links, 'Other')).sandbox;
    await other.createAccount('1000', 'asset');
    await other.createAccount('4000', 'revenue');
    const there = await other.post('/journal-entries', sale('7.00'), withKey(key));
    expect(there.status).toBe(201);
    expect(there.headers.get('idempotent-replayed')).toBeNull();
    expect(there.body.data.id).not.toBe(here.body.data.id);
    expect(await other.entryCount()).toBe(1);
    // A different body in the other tenant is not a reuse either.
    expect((await other.post('/journal-entries', sale('8.00'), withKey(newKey()))).status).toBe(201);

    const production = await tenant.production();
    await production.createAccount('1000', 'asset');
    await production.createAccount('4000', 'revenue');
    const live = await production.post('/journal-entries', sale('7.00'), withKey(key));
    expect(live.status).toBe(201);
    expect(live.headers.get('idempotent-replayed')).toBeNull();
    expect(live.body.data.id).not.toBe(here.body.data.id);
    expect(await production.entryCount()).toBe(1);
  });

  it('a refused request stores nothing: the corrected request with the same key succeeds', async () => {
    const key = newKey();
    const before = await ledger.entryCount();
    const unbalanced = await ledger.post('/journal-entries', entry('2026-06-03', [dr('1000', '9.00'), cr('4000', '8.00')]), withKey(key));
    expect(unbalanced.status).toBe(422);
    const malformed = await ledger.post('/journal-entries', entry('2026-06-03', [dr('1000', '9.00')]), withKey(key));
    expect(malformed.status).toBe(400);
    const unknown = await ledger.post('/journal-entries', entry('2026-06-03', [dr('1000', '9.00'), cr('4999', '9.00')]), withKey(key));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_account');
    expect(await ledger.entryCount()).toBe(before);

    const fixed = await ledger.post('/journal-entries', sale('9.00', '2026-06-03'), withKey(key));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    const replay = await ledger.post('/journal-entries', sale('9.00', '2026-06-03'), withKey(key));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.data.id).toBe(fixed.body.data.id);
    expect(await ledger.entryCount()).toBe(before + 1);
  });

  it('20 concurrent requests with one key create exactly one entry', async () => {
    const key = newKey();
    const before = await ledger.entryCount();
    const balance = await ledger.balance('4000');
    const results = await Promise.all(Array.from({ length: 20 }, () => ledger.post('/journal-entries', sale('1.11', '2026-06-04'), withKey(key))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.data.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(await ledger.entryCount()).toBe(before + 1);
    expect(await ledger.balance('4000')).toBe(fmt(minor(balance!) + 111n));
  });

  it('20 concurrent requests with different keys create 20 entries with exact balances', async () => {
    const before = await ledger.entryCount();
    const balance = await ledger.balance('1000');
    const results = await Promise.all(Array.from({ length: 20 }, () => ledger.post('/journal-entries', sale('0.05', '2026-06-05'), withKey(newKey()))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.data.id)).size).toBe(20);
    expect(await ledger.entryCount()).toBe(before + 20);
    expect(await ledger.balance('1000')).toBe(fmt(minor(balance!) + 100n));
  });

  it('accounts, batches, reversals and sub-ledgers replay too, instead of conflicting', async () => {
    const accountKey = newKey();
    const account = { code: 'idem-acct', name: 'Idempotent account', type: 'asset' };
    const created = await ledger.post('/accounts', account, withKey(accountKey));
    expect(created.status).toBe(201);
    const replayed = await ledger.post('/accounts', account, withKey(accountKey));
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(created.body);
    const fresh = await ledger.post('/accounts', account, withKey(newKey()));
    expect(fresh.status).toBe(409);
    expect(fresh.body.error.code).toBe('conflict');

    const batchKey = newKey();
    const before = await ledger.entryCount();
    const batch = { entries: [sale('1.00', '2026-06-06'), sale('2.00', '2026-06-06')] };
    const posted = await ledger.post('/journal-entries/batch', batch, withKey(batchKey));
    expect(posted.status).toBe(201);
    const again = await ledger.post('/journal-entries/batch', batch, withKey(batchKey));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(posted.body);
    expect(await ledger.entryCount()).toBe(before + 2);

    const reverseKey = newKey();
    const target = posted.body.data.entries[0].id;
    const reversal = await ledger.post(`/journal-entries/${target}/reverse`, { date: '2026-06-07' }, withKey(reverseKey));
    expect(reversal.status).toBe(201);
    const reversalAgain = await ledger.post(`/journal-entries/${target}/reverse`, { date: '2026-06-07' }, withKey(reverseKey));
    expect(reversalAgain.status).toBe(201);
    expect(reversalAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(reversalAgain.body).toEqual(reversal.body);
    const reversalFresh = await ledger.post(`/journal-entries/${target}/reverse`, { date: '2026-06-07' }, withKey(newKey()));
    expect(reversalFresh.status).toBe(409);
    expect(reversalFresh.body.error.code).toBe('already_reversed');
    // The same key on another entry's reversal is a different request.
    const otherTarget = posted.body.data.entries[1].id;
    const crossed = await ledger.post(`/journal-entries/${otherTarget}/reverse`, { date: '2026-06-07' }, withKey(reverseKey));
    expect(crossed.status).toBe(409);
    expect(crossed.body.error.code).toBe('idempotency_key_reused');
    expect((await ledger.ok('GET', `/journal-entries/${otherTarget}`)).reversed_by).toBeNull();

    const subledgerKey = newKey();
    await ledger.createAccount('1100', 'asset');
    const subledger = { code: 'AR', name: 'Receivables', control_account: '1100' };
    const first = await ledger.post('/subledgers', subledger, withKey(subledgerKey));
    expect(first.status).toBe(201);
    const second = await ledger.post('/subledgers', subledger, withKey(subledgerKey));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
  });

  it('the key is 1–255 visible ASCII characters', async () => {
    const before = await ledger.entryCount();
    const longest = 'k'.repeat(255);
    expect((await ledger.post('/journal-entries', sale('0.01', '2026-06-08'), withKey(longest))).status).toBe(201);
    for (const bad of ['k'.repeat(256), 'has space', 'tab\tkey']) {
      const result = await ledger.post('/journal-entries', sale('0.01', '2026-06-08'), withKey(bad));
      expect(result.status, bad).toBe(400);
      expect(result.body.error.code).toBe('invalid_request');
    }
    // Non-ASCII cannot even travel in a fetch header; send it as raw UTF-8 bytes through latin1.
    const accented = await call(ledger.origin, 'POST', '/api/v1/journal-entries', {
      token: ledger.key,
      body: sale('0.01', '2026-06-08'),
      headers: { 'Idempotency-Key': Buffer.from('clé', 'utf8').toString('latin1') },
    });
    expect(accented.status).toBe(400);
    expect(await ledger.entryCount()).toBe(before + 1);
  });
});

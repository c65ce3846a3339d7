/** The SDK against a real server: environment from the key, resources, pages, errors, retries, idempotency. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  EnvironmentMismatchError,
  InvalidApiKeyError,
  LinksSDK,
  NotFoundError,
  PermissionError,
  RateLimitError,
  UnavailableError,
  ValidationError,
  type JournalEntryInput,
} from '@links/sdk';
import { AdminClient } from '../../server/test/support/http.js';
import { useTestServer, type TestLinks } from '../../server/test/support/linksServer.js';

const sale = (reference: string, amount = '10.00'): JournalEntryInput => ({
  date: '2026-11-05',
  description: `Sale ${reference}`,
  currency: 'USD',
  reference,
  lines: [
    { account: '1000', debit: amount },
    { account: '4000', credit: amount },
  ],
});

describe('@links/sdk', () => {
  let links: TestLinks;
  let keys: { sandbox: string; production: string; readOnly: string; revoked: string };
  const endpoints = () => ({ sandbox: links.url('sandbox'), production: links.url('production') });

  useTestServer(async (started) => {
    links = started;
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant(`SDK ${randomBytes(3).toString('hex')}`);
    const user = await admin.createUser(`sdk-${randomBytes(3).toString('hex')}@sdk.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    keys = {
      sandbox: (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key,
      production: (await admin.createKey(tenant.id, { environment: 'production', user_id: user.id })).key,
      readOnly: (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id, permissions: ['read'] })).key,
      revoked: '',
    };
    const revoked = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    await admin.revokeKey(revoked.id);
    keys.revoked = revoked.key;
    const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
    await client.accounts.create({ code: '1000', name: 'Cash', type: 'asset', currency: 'USD' });
    await client.accounts.create({ code: '4000', name: 'Revenue', type: 'revenue' });
  });

  describe('construction', () => {
    it('fails at once, with a clear message, on a missing, malformed or mistyped key', () => {
      expect(() => new LinksSDK({ apiKey: undefined })).toThrow(/no API key/);
      expect(() => new LinksSDK({ apiKey: '' })).toThrow(InvalidApiKeyError);
      expect(() => new LinksSDK({ apiKey: 'sk_test_123' })).toThrow(/not an API key/);
      const typo = `${keys.sandbox.slice(0, 20)}${keys.sandbox[20] === 'a' ? 'b' : 'a'}${keys.sandbox.slice(21)}`;
      expect(() => new LinksSDK({ apiKey: typo })).toThrow(/checksum/);
      expect(() => new LinksSDK({ apiKey: keys.sandbox.slice(0, -2) })).toThrow(InvalidApiKeyError);
      try {
        new LinksSDK({ apiKey: keys.sandbox.slice(0, -2) });
      } catch (error) {
        expect(String(error)).not.toContain(keys.sandbox.slice(15, -2));
      }
    });

    it('picks the endpoint from the key: a sandbox key talks to sandbox, a production key to production', async () => {
      const sandbox = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
      const production = new LinksSDK({ apiKey: keys.production, endpoints: endpoints() });
      expect(sandbox.environment).toBe('sandbox');
      expect(production.environment).toBe('production');
      expect((await sandbox.whoami()).environment).toBe('sandbox');
      expect((await production.whoami()).environment).toBe('production');
      expect((await production.accounts.list()).totalResults).toBe(0);
      expect(await production.verifyLedger()).toMatchObject({ valid: true, entries: 0, broken_at: null });
    });

    it('takes endpoints from LINKS_SANDBOX_URL / LINKS_PRODUCTION_URL, and baseUrl over both', async () => {
      process.env.LINKS_SANDBOX_URL = `${links.url('sandbox')}/api/v1`;
      try {
        expect((await new LinksSDK({ apiKey: keys.sandbox }).whoami()).environment).toBe('sandbox');
      } finally {
        delete process.env.LINKS_SANDBOX_URL;
      }
      const wrong = new LinksSDK({ apiKey: keys.sandbox, baseUrl: links.url('production') });
      await expect(wrong.whoami()).rejects.toBeInstanceOf(EnvironmentMismatchError);
    });

    it('accepts the key as a promise', async () => {
      const client = new LinksSDK({ apiKey: Promise.resolve(keys.sandbox), endpoints: endpoints() });
      expect(client.environment).toBeUndefined();
      expect((await client.whoami()).environment).toBe('sandbox');
      const rejected = new LinksSDK({ apiKey: Promise.resolve('nonsense'), endpoints: endpoints() });
      await expect(rejected.whoami()).rejects.toBeInstanceOf(InvalidApiKeyError);
    });
  });

  describe('resources', () => {
    it('posts, reads, reverses and reports, returning the typed objects', async () => {
      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
      const entry = await client.journalEntries.create(sale('R-1', '120.50'));
      expect(entry.status).toBe('posted');
      expect(entry.lines[0]).toMatchObject({ account: '1000', debit: '120.50' });
      expect((await client.journalEntries.get(entry.id)).id).toBe(entry.id);
      const reversal = await client.journalEntries.reverse(entry.id, { date: '2026-11-06' });
      expect(reversal.reversal_of).toBe(entry.id);
      await expect(client.journalEntries.reverse(entry.id)).rejects.toMatchObject({ status: 409, code: 'already_reversed' });
      await expect(client.journalEntries.reverse(entry.id)).rejects.toBeInstanceOf(ConflictError);
      const batch = await client.journalEntries.batch([sale('B-1'), sale('B-2')]);
      expect(batch).toHaveLength(2);
      const balance = await client.accounts.balance('1000');
      expect(balance.balances).toEqual([{ currency: 'USD', debits: '140.50', credits: '120.50', balance: '20.00' }]);
      const trial = await client.reports.trialBalance();
      expect(trial.total_debits).toBe(trial.total_credits);
      expect((await client.accounts.update('4000', { description: 'All revenue' })).description).toBe('All revenue');
      expect((await client.periods.close('2026-01')).status).toBe('closed');
      expect((await client.periods.reopen('2026-01')).status).toBe('open');
      const events = await client.auditEvents.list({ limit: 5 });
      expect(events.data[0]?.action).toBe('period.reopened');
    });

    it('lists one page when awaited and every item when iterated', async () => {
      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
      const prefix = `P-${randomBytes(3).toString('hex')}`;
      await client.journalEntries.batch(Array.from({ length: 23 }, (_, i) => sale(`${prefix}-${i}`, '1.00')));
      const first = await client.journalEntries.list({ limit: 10 });
      expect(first.data).toHaveLength(10);
      expect(first.next_cursor).toBeTruthy();
      const seen: string[] = [];
      for await (const e of client.journalEntries.list({ limit: 10 })) if (e.reference?.startsWith(prefix)) seen.push(e.reference);
      expect(new Set(seen).size).toBe(23);
      const lines = await client.accounts.lines('1000', { limit: 7 }).all();
      expect(lines.length).toBe((await client.accounts.lines('1000')).totalResults);
      const accounts = await client.accounts.list({ limit: 1 }).all();
      expect(accounts.map((a) => a.code)).toEqual(['1000', '4000']);
    });
  });

  describe('errors', () => {
    it('maps each contract error to its class, with status, code, message, request id and details', async () => {
      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
      const unbalanced = await client.journalEntries
        .create({ ...sale('E-1'), lines: [{ account: '1000', debit: '1.00' }, { account: '4000', credit: '2.00' }] })
        .catch((e) => e);
      expect(unbalanced).toBeInstanceOf(ValidationError);
      expect(unbalanced).toMatchObject({ status: 422, code: 'unbalanced_entry', details: [{ path: 'lines' }] });
      expect(unbalanced.requestId).toMatch(/^req_/);
      await expect(client.accounts.get('nope')).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.accounts.create({ code: '1000', name: 'Again', type: 'asset' })).rejects.toBeInstanceOf(ConflictError);
      const readOnly = new LinksSDK({ apiKey: keys.readOnly, endpoints: endpoints() });
      await expect(readOnly.journalEntries.create(sale('E-2'))).rejects.toBeInstanceOf(PermissionError);
      const revoked = new LinksSDK({ apiKey: keys.revoked, endpoints: endpoints() });
      await expect(revoked.whoami()).rejects.toBeInstanceOf(AuthenticationError);
      await expect(revoked.whoami()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    });
  });

  describe('safety', () => {
    it('reuses one Idempotency-Key across retries, so a lost answer never posts twice', async () => {
      let attempts = 0;
      const keysSent = new Set<string | null>();
      const losesFirstAnswer: typeof fetch = async (input, init) => {
        const request = new Request(input, init);
        keysSent.add(request.headers.get('idempotency-key'));
        const response = await fetch(request);
        if (++attempts === 1) throw new TypeError('socket hang up'); // the server posted; the client never heard
        return response;
      };
      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: losesFirstAnswer });
      const reference = `I-${randomBytes(3).toString('hex')}`;
      const entry = await client.journalEntries.create(sale(reference));
      expect(attempts).toBe(2);
      expect(keysSent.size).toBe(1);
      expect([...keysSent][0]).toMatch(/^sdk_/);
      const posted = await new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() }).journalEntries.list({ reference });
      expect(posted.data.map((e) => e.id)).toEqual([entry.id]);
    });

    it('honours a caller-chosen idempotency key across calls', async () => {
      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
      const reference = `K-${randomBytes(3).toString('hex')}`;
      const first = await client.journalEntries.create(sale(reference), { idempotencyKey: reference });
      const second = await client.journalEntries.create(sale(reference), { idempotencyKey: reference });
      expect(second.id).toBe(first.id);
      await expect(client.journalEntries.create(sale(reference, '2.00'), { idempotencyKey: reference })).rejects.toMatchObject({
        code: 'idempotency_key_reused',
      });
    });

    it('retries 503 and 429 (after Retry-After), and gives up with the error after maxRetries', async () => {
      let calls = 0;
      const busyOnce: typeof fetch = async (input, init) => {
        calls++;
        if (calls === 1) return new Response('{"error":{"code":"rate_limited","message":"slow down","request_id":"req_x","details":[]}}', { status: 429, headers: { 'retry-after': '1' } });
        if (calls === 2) return new Response('{"error":{"code":"unavailable","message":"db down","request_id":"req_y","details":[]}}', { status: 503 });
        return fetch(input, init);
      };
      const startedAt = Date.now();
      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: busyOnce });
      expect((await client.whoami()).environment).toBe('sandbox');
      expect(calls).toBe(3);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);

      const alwaysLimited: typeof fetch = async () => new Response('{"error":{"code":"rate_limited","message":"slow down","request_id":"req_z","details":[]}}', { status: 429, headers: { 'retry-after': '0' } });
      const limited = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: alwaysLimited, maxRetries: 2 });
      await expect(limited.whoami()).rejects.toBeInstanceOf(RateLimitError);

      let validationCalls = 0;
      const counting: typeof fetch = async (input, init) => {
        validationCalls++;
        return fetch(input, init);
      };
      const strict = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: counting });
      await expect(strict.accounts.get('nope')).rejects.toBeInstanceOf(NotFoundError);
      expect(validationCalls).toBe(1); // a 4xx is never retried
    });

    it('a create whose answer is lost may have been applied: the error says so and names the key that settles it once', async () => {
      const answerLost: typeof fetch = async (input) => {
        const request = input as Request;
        const delivered = await fetch(request.url, { method: request.method, headers: request.headers, body: await request.clone().text() });
        await delivered.text(); // the server answered; the answer never arrives
        return new Promise((_, reject) => {
          const timedOut = () => reject(new DOMException('timed out', 'TimeoutError'));
          if (request.signal.aborted) timedOut();
          else request.signal.addEventListener('abort', timedOut);
        });
      };
      const reference = `L-${randomBytes(3).toString('hex')}`;
      const lost = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: answerLost, timeoutMs: 300, maxRetries: 0 });
      const error = await lost.journalEntries.create(sale(reference)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnavailableError);
      const unavailable = error as UnavailableError;
      expect(unavailable.code).toBe('timeout');
      expect(unavailable.message).toMatch(/may have been applied: retry it with the same Idempotency-Key/);
      expect(unavailable.idempotencyKey).toMatch(/^sdk_/);

      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
      let replayed = false;
      const entry = await client.journalEntries.create(sale(reference), {
        idempotencyKey: unavailable.idempotencyKey!,
        onResponse: (info) => (replayed = info.idempotentReplayed),
      });
      expect(replayed).toBe(true);
      expect((await client.journalEntries.list({ reference })).data.map((e) => e.id)).toEqual([entry.id]);
    });

    it('times out a request that hangs, and stops at once when the caller aborts', async () => {
      // Like the real fetch: an aborted signal rejects at once, whether it was aborted before the call or during it.
      const hangs: typeof fetch = (input, init) =>
        new Promise((_, reject) => {
          const signal = init?.signal ?? (input as Request).signal;
          const abort = () => reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
          if (signal?.aborted) abort();
          else signal?.addEventListener('abort', abort, { once: true });
        });
      const slow = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: hangs, timeoutMs: 100, maxRetries: 1 });
      await expect(slow.whoami()).rejects.toBeInstanceOf(UnavailableError);
      const controller = new AbortController();
      const call = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: hangs, timeoutMs: 60_000 }).whoami({ signal: controller.signal });
      const startedAt = Date.now();
      setTimeout(() => controller.abort(new Error('caller gave up')), 50);
      await expect(call).rejects.toThrow('caller gave up');
      expect(Date.now() - startedAt).toBeLessThan(5000);
      // A signal aborted before the request goes out: the SDK refuses itself, even with a fetch that only listens for
      // a later 'abort' (which an aborted signal never fires again).
      const onlyListens: typeof fetch = (input, init) =>
        new Promise((_, reject) => (init?.signal ?? (input as Request).signal)?.addEventListener('abort', () => reject(new Error('late'))));
      const before = new AbortController();
      before.abort(new Error('gave up before sending'));
      const early = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints(), fetch: onlyListens, timeoutMs: 60_000 });
      await expect(early.whoami({ signal: before.signal })).rejects.toThrow('gave up before sending');
    });
  });

  describe('books', () => {
    it('applies a chart template, ages receivables, guards month closes, closes and reopens a year', async () => {
      const client = new LinksSDK({ apiKey: keys.sandbox, endpoints: endpoints() });
      const templates = await client.chartTemplates.list();
      expect(templates.data.map((t) => t.name)).toEqual(['saas']);
      const applied = await client.chartTemplates.apply('saas');
      expect(applied.template).toBe('saas');
      expect(applied.created).toContain('1100');
      expect(applied.conflicts.map((c) => c.code)).toEqual(['1000', '4000']);
      const aging = await client.reports.arAging({ asOf: '2026-06-30' });
      expect([aging.account, aging.subledger, aging.currencies]).toEqual(['1100', 'AR', []]);
      await expect(client.periods.close('2999-12')).rejects.toMatchObject({ status: 422, code: 'period_not_ended' });
      expect((await client.periods.close('2999-12', { force: true })).status).toBe('closed');
      await client.journalEntries.create({ ...sale('Y-1'), date: '2024-03-01' });
      const closed = await client.periods.closeYear('2024');
      expect([closed.status, closed.retained_earnings_account, closed.entries.length]).toEqual(['closed', '3900', 1]);
      const reopened = await client.periods.reopenYear('2024');
      expect([reopened.status, reopened.entries.length]).toEqual(['open', 1]);
    });

    it('lists what could not be accounted for, page by page and across every page', async () => {
      // A tenant without a chart: its invoices are captured, each with the accounting error.
      const admin = new AdminClient(links.url('console'), links.adminToken);
      const tenant = await admin.createTenant(`SDK exceptions ${randomBytes(3).toString('hex')}`);
      const user = await admin.createUser(`sdk-x-${randomBytes(3).toString('hex')}@sdk.example`);
      await admin.addMember(tenant.id, user.id, 'owner');
      const key = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
      const write = async (model: string, record: object) => {
        const response = await fetch(`${links.url('sandbox')}/api/v1/unified/${model}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ source_system: 'billing', ...record }),
        });
        const body = (await response.json()) as { data: { id: string; accounting: { status: string } } };
        expect(response.status, JSON.stringify(body)).toBe(201);
        return body.data;
      };
      const customer = await write('customer', { source_id: 'CUS-X', name: 'Ada', email: 'ada@customer.example' });
      const written: string[] = [];
      for (const n of [1, 2, 3]) {
        const invoice = await write('invoice', { source_id: `INV-X${n}`, status: 'OPEN', currency: 'USD', amount_due: '10.00', effective_date: '2026-11-10', unified_customer_id: customer.id });
        expect(invoice.accounting.status).toBe('error');
        written.push(invoice.id);
      }
      const client = new LinksSDK({ apiKey: key, endpoints: endpoints() });
      const first = await client.accounting.exceptions({ limit: 2 });
      expect(first.data.map((e) => e.record_id)).toEqual([written[2], written[1]]);
      expect(first.next_cursor).toEqual(expect.any(String));
      const all = await client.accounting.exceptions({ limit: 2, code: 'unknown_account' }).all();
      expect(all.map((e) => [e.record_id, e.model, e.source_id, e.error.code])).toEqual(
        [2, 1, 0].map((i) => [written[i], 'invoice', `INV-X${i + 1}`, 'unknown_account']),
      );
      expect((await client.accounting.exceptions({ model: 'payment' })).data).toEqual([]);
      await expect(client.accounting.exceptions({ code: 'no_such_code' })).rejects.toBeInstanceOf(ValidationError);
    });
  });
});

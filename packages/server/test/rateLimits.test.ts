/**
 * Abuse limits (docs/SECURITY.md, abuse): requests per key per second, and failed authentications per client
 * address per minute, on the data plane and the operator API. Both answer 429 rate_limited with
 * Retry-After, neither touches another key or another address, and neither costs a database round
 * trip (in-memory limiters, unit-tested below with a fake clock). The client address is the
 * socket's peer unless LINKS_TRUST_PROXY names it as a proxy (or counts hops).
 */
import { describe, expect, it } from 'vitest';
import { AuthFailureLimiter, KeyRateLimiter } from '../src/auth/rateLimits.js';
import { call } from './support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';
import { createLedgerTenant, type Ledger } from './ledger/ledgerClient.js';

describe('rate limiters (fake clock)', () => {
  it('a key bursts to its rate, then keeps to it; other keys are untouched; 0 is no limit', () => {
    let now = 0;
    const limiter = new KeyRateLimiter(10, () => now);
    for (let i = 0; i < 10; i++) expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    now += 100; // a tenth of a second refills one request
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    const off = new KeyRateLimiter(0, () => now);
    for (let i = 0; i < 1000; i++) expect(off.take('a')).toBe(0);
  });

  it('an address over its failures waits for the end of the minute; other addresses do not', () => {
    let now = 0;
    const limiter = new AuthFailureLimiter(3, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('10.0.0.1')).toBe(0);
      limiter.failed('10.0.0.1');
    }
    now += 15_000;
    expect(limiter.retryAfter('10.0.0.1')).toBe(45);
    expect(limiter.retryAfter('10.0.0.2')).toBe(0);
    now += 45_000;
    expect(limiter.retryAfter('10.0.0.1')).toBe(0);
  });
});

describe.skipIf(!postgresAvailable())('rate limits over HTTP', () => {
  let links: TestLinks;
  let limited: Ledger;
  let other: Ledger;

  useTestServer(
    async (started) => {
      links = started;
      limited = (await createLedgerTenant(links, 'Limited')).sandbox;
      other = (await createLedgerTenant(links, 'Neighbour')).sandbox;
    },
    { env: { LINKS_RATE_LIMIT_PER_KEY: '20', LINKS_AUTH_FAILURES_PER_MINUTE: '5' } },
  );

  it('a key over its requests per second gets 429 rate_limited with Retry-After; another tenant’s key does not', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => limited.get('/whoami')));
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(20);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.body.error.code).toBe('rate_limited');
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await other.get('/whoami')).status).toBe(200);
    console.info(`reliability | rate limit (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | 40 concurrent requests on a 20/s key | ${refused.length} refused 429 with Retry-After | another tenant's key unaffected`);
  });

  it('an address that fails authentication too often is refused, with Retry-After, even with a good key', async () => {
    const bad = 'lk_sandbox_' + 'A'.repeat(49);
    // With LINKS_TRUST_PROXY unset, a forged X-Forwarded-For does not make a fresh address.
    for (let i = 0; i < 5; i++) {
      const forged = { 'x-forwarded-for': `198.51.100.${i}` };
      expect((await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: bad, headers: forged })).status).toBe(401);
    }
    const blocked = await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: bad, headers: { 'x-forwarded-for': '198.51.100.99' } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: other.key })).status).toBe(429);
  });
});

const BAD_KEY = 'lk_sandbox_' + 'B'.repeat(49);

/** Failed authentications from `client` (as the proxy at 127.0.0.1 reports it) until the limit of 3. */
async function failThrice(links: TestLinks, client: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const answer = await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: BAD_KEY, headers: { 'x-forwarded-for': client } });
    expect(answer.status).toBe(401);
  }
}

for (const trust of ['127.0.0.1', '1']) {
  describe.skipIf(!postgresAvailable())(`behind a proxy (LINKS_TRUST_PROXY=${trust})`, () => {
    let links: TestLinks;
    let tenant: Ledger;

    useTestServer(
      async (started) => {
        links = started;
        tenant = (await createLedgerTenant(links, 'Proxied')).sandbox;
      },
      { env: { LINKS_TRUST_PROXY: trust, LINKS_AUTH_FAILURES_PER_MINUTE: '3' } },
    );

    it('two clients behind the proxy have separate failed-authentication limits', async () => {
      await failThrice(links, '203.0.113.1');
      const blocked = await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: tenant.key, headers: { 'x-forwarded-for': '203.0.113.1' } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('rate_limited');
      const neighbour = await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { token: tenant.key, headers: { 'x-forwarded-for': '203.0.113.2' } });
      expect(neighbour.status).toBe(200);
    });

    it('the operator API counts failed admin-token attempts per client address', async () => {
      const admin = (client: string, token: string) =>
        call(links.url('console'), 'GET', '/admin/v1/tenants', { token, headers: { 'x-forwarded-for': client } });
      for (let i = 0; i < 3; i++) expect((await admin('203.0.113.3', 'not-the-admin-token')).status).toBe(401);
      const blocked = await admin('203.0.113.3', links.adminToken);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('rate_limited');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await admin('203.0.113.4', links.adminToken)).status).toBe(200);
    });
  });
}

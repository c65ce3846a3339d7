/** The HTTP conventions of docs/api.md on every listener: request ids, error bodies, limits, health. */
import { describe, expect, it } from 'vitest';
import { call } from './support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('HTTP conventions', () => {
  let links: TestLinks;
  useTestServer((started) => {
    links = started;
  });

  it('every listener answers /healthz with 200 once it can serve', async () => {
    for (const listener of ['production', 'sandbox', 'console'] as const) {
      const result = await call(links.url(listener), 'GET', '/healthz');
      expect(result.status).toBe(200);
      expect(result.body.status).toBe('ok');
      expect(result.body.listener).toBe(listener);
    }
    const production = await call(links.url('production'), 'GET', '/healthz');
    expect(Object.keys(production.body.databases)).toEqual(['control', 'production']);
  });

  it('every response carries a distinct Request-Id, echoed in error bodies', async () => {
    const ids = new Set<string>();
    for (const [listener, path] of [['sandbox', '/healthz'], ['sandbox', '/api/v1/whoami'], ['console', '/nope'], ['production', '/api/v1/nope']] as const) {
      const result = await call(links.url(listener), 'GET', path);
      const id = result.headers.get('request-id');
      expect(id).toMatch(/^req_[0-9A-Za-z]{20}$/);
      ids.add(id!);
      if (result.status >= 400) expect(result.body.error.request_id).toBe(id);
    }
    expect(ids.size).toBe(4);
  });

  it('unknown routes and methods are JSON 404 not_found', async () => {
    for (const [method, path] of [['GET', '/api/v1/nothing'], ['DELETE', '/api/v1/whoami'], ['PUT', '/admin/v1/tenants']] as const) {
      const listener = path.startsWith('/admin') ? 'console' : 'sandbox';
      const result = await call(links.url(listener), method, path, { token: links.adminToken });
      expect(result.status).toBe(404);
      expect(result.headers.get('content-type')).toMatch(/application\/json/);
      expect(result.body.error).toMatchObject({ code: 'not_found', details: [] });
    }
  });

  it('bodies over 1 MiB are 413 payload_too_large; malformed or non-JSON bodies are 400', async () => {
    const big = await call(links.url('console'), 'POST', '/admin/v1/tenants', {
      token: links.adminToken,
      rawBody: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const cases: Array<{ rawBody: string; headers: Record<string, string> }> = [
      { rawBody: '{"name": "x"', headers: {} },
      { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { rawBody: 'x', headers: { 'content-type': 'text/plain' } },
      { rawBody: '', headers: { 'content-type': 'application/json' } },
      { rawBody: '[]', headers: {} },
      { rawBody: '"name"', headers: {} },
    ];
    for (const c of cases) {
      const result = await call(links.url('console'), 'POST', '/admin/v1/tenants', { token: links.adminToken, ...c });
      expect(result.status, c.rawBody).toBe(400);
      expect(result.body.error.code).toBe('invalid_request');
    }
    const tenants = await call(links.url('console'), 'GET', '/admin/v1/tenants', { token: links.adminToken });
    expect(tenants.body.totalResults).toBe(0);
  });

  it('a prototype-pollution body is refused and pollutes nothing', async () => {
    const result = await call(links.url('console'), 'POST', '/admin/v1/tenants', {
      token: links.adminToken,
      rawBody: '{"name": "p", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    });
    expect(result.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every answer carries security headers, and no CORS header even when a browser asks', async () => {
    const answers = [
      await call(links.url('sandbox'), 'GET', '/healthz', { headers: { origin: 'https://evil.example' } }),
      await call(links.url('sandbox'), 'GET', '/api/v1/whoami', { headers: { origin: 'https://evil.example' } }),
      await call(links.url('production'), 'GET', '/api/v1/nope'),
      await call(links.url('console'), 'GET', '/admin/v1/tenants', { token: links.adminToken, headers: { origin: 'https://evil.example' } }),
      await call(links.url('console'), 'OPTIONS', '/admin/v1/tenants', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      }),
      await call(links.url('sandbox'), 'OPTIONS', '/api/v1/journal-entries', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      for (const [name] of answer.headers) expect(name.startsWith('access-control-'), name).toBe(false);
    }
  });
});

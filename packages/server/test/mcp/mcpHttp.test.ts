/**
 * The MCP endpoint's HTTP edges, spoken raw: 401 with WWW-Authenticate, JSON 404s where OAuth
 * clients probe, browser Origins refused, the environment rule, a key in the query string never
 * echoed, and a legacy tools/call served with no initialize (stateless).
 */
import { describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type LedgerTenant } from '../ledger/ledgerClient.js';

const toolsCall = (name: string, args: Record<string, unknown> = {}) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } });
const JSON_AND_SSE = { accept: 'application/json, text/event-stream' };

describe.skipIf(!postgresAvailable())('MCP endpoint over HTTP', () => {
  let links: TestLinks;
  let tenant: LedgerTenant;

  useTestServer(async (started) => {
    links = started;
    tenant = await createLedgerTenant(links, 'McpHttp');
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, token?: string) =>
    call(links.url('sandbox'), 'POST', path, { body, headers: { ...JSON_AND_SSE, ...headers }, token });

  it('serves a legacy tools/call without initialize, as JSON', async () => {
    const result = await post('/api/v1/mcp', toolsCall('whoami'), {}, tenant.sandbox.key);
    expect(result.status, result.text).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/application\/json/);
    expect(result.body.result.structuredContent).toMatchObject({ tenant_id: tenant.tenantId, environment: 'sandbox' });
  });

  it('no key or a bad key: 401 with WWW-Authenticate: Bearer realm="links"', async () => {
    for (const path of ['/api/v1/mcp', '/api/v1/mcp?apiKey=lk_sandbox_nonsense']) {
      const result = await post(path, toolsCall('whoami'));
      expect(result.status).toBe(401);
      expect(result.headers.get('www-authenticate')).toBe('Bearer realm="links"');
      expect(result.body.error.code).toBe('unauthenticated');
    }
  });

  it('OAuth discovery paths answer JSON 404s', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/api/v1/mcp', '/.well-known/oauth-authorization-server']) {
      const result = await call(links.url('sandbox'), 'GET', path);
      expect(result.status).toBe(404);
      expect(result.headers.get('content-type')).toMatch(/application\/json/);
      expect(result.body.error.code).toBe('not_found');
    }
  });

  it('a browser Origin is refused (DNS rebinding), with the key in a header or the query', async () => {
    const byHeader = await post('/api/v1/mcp', toolsCall('whoami'), { origin: 'http://evil.example' }, tenant.sandbox.key);
    expect(byHeader.status).toBe(403);
    expect(byHeader.body.error.code).toBe('forbidden');
    const byQuery = await post(`/api/v1/mcp?apiKey=${tenant.sandbox.key}`, toolsCall('whoami'), { origin: links.url('sandbox') });
    expect(byQuery.status).toBe(403);
  });

  it('a sandbox key at the production endpoint is refused, saying where it belongs; the query key is never echoed', async () => {
    const result = await call(links.url('production'), 'POST', `/api/v1/mcp?apiKey=${tenant.sandbox.key}`, { body: toolsCall('whoami'), headers: JSON_AND_SSE });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('environment_mismatch');
    expect(result.body.error.message).toContain('sandbox');
    expect(result.text).not.toContain(tenant.sandbox.key);
    const unknown = await call(links.url('sandbox'), 'GET', `/api/v1/nothing?apiKey=${tenant.sandbox.key}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toContain(tenant.sandbox.key);
  });

  it('the key in the query string never reaches a log line', async () => {
    const result = await post(`/api/v1/mcp?apiKey=${tenant.sandbox.key}`, toolsCall('get_trial_balance'));
    expect(result.status, result.text).toBe(200);
    const logs = links.logs.join('');
    expect(logs).toContain('apiKey=[REDACTED]');
    expect(logs).not.toContain(tenant.sandbox.key);
  });

  it('GET and DELETE answer 405 method_not_allowed with Allow: POST (no event stream, no session), with or without a key', async () => {
    for (const method of ['GET', 'DELETE']) {
      for (const token of [tenant.sandbox.key, undefined]) {
        const result = await call(links.url('sandbox'), method, '/api/v1/mcp', { token, headers: { accept: 'text/event-stream' } });
        expect(result.status, `${method} ${result.text}`).toBe(405);
        expect(result.headers.get('allow')).toBe('POST');
        expect(result.body.error).toMatchObject({ code: 'method_not_allowed', request_id: result.headers.get('request-id') });
      }
    }
  });

  it('a notification is accepted with 202 and no body', async () => {
    const result = await post('/api/v1/mcp', { jsonrpc: '2.0', method: 'notifications/initialized' }, {}, tenant.sandbox.key);
    expect(result.status, result.text).toBe(202);
    expect(result.text).toBe('');
  });

  it('a JSON-RPC batch is refused with 400 naming why; a body over 1 MiB is 413 payload_too_large', async () => {
    const batch = await post('/api/v1/mcp', [toolsCall('whoami'), { ...toolsCall('get_trial_balance'), id: 2 }], {}, tenant.sandbox.key);
    expect(batch.status, batch.text).toBe(400);
    expect(batch.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/batches/) });
    const huge = await post('/api/v1/mcp', toolsCall('whoami', { padding: 'x'.repeat(1024 * 1024) }), {}, tenant.sandbox.key);
    expect(huge.status, huge.text).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('an unknown tool and a malformed message are answered, never a 5xx', async () => {
    const unknown = await post('/api/v1/mcp', toolsCall('drop_tables'), {}, tenant.sandbox.key);
    expect(unknown.status).toBeLessThan(500);
    expect(JSON.stringify(unknown.body)).toMatch(/drop_tables/);
    const malformed = await post('/api/v1/mcp', { jsonrpc: '2.0', id: 2, method: 'tools/call', params: 'nope' }, {}, tenant.sandbox.key);
    expect(malformed.status).toBeLessThan(500);
    const notJsonRpc = await post('/api/v1/mcp', { hello: 'world' }, {}, tenant.sandbox.key);
    expect(notJsonRpc.status).toBe(400);
  });
});

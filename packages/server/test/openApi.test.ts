/** `GET /api/v1/openapi`: the data plane's OpenAPI 3.1 document, generated from the route schemas. */
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, call } from './support/http.js';
import { defectsOf, startSpecValidator, type SpecValidator } from './support/openApiValidator.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('OpenAPI document', () => {
  let links: TestLinks;
  useTestServer((started) => {
    links = started;
  });

  it('describes every data-plane route of the server, and nothing of the operator API', async () => {
    const result = await call(links.url('sandbox'), 'GET', '/api/v1/openapi');
    expect(result.status).toBe(200);
    const spec = result.body;
    expect(spec.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries<Record<string, unknown>>(spec.paths)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    // Documented too: the public GL OAuth callback (no key: its operation says so); not the document
    // itself, nor the MCP endpoint's 405 answers to GET and DELETE.
    const served = (links.running.routes.sandbox ?? []).filter((r) => r.permission || (r.public && r.url.startsWith('/api/') && r.url !== '/api/v1/openapi' && r.url !== '/api/v1/mcp')).map((r) => `${r.method} ${r.url}`);
    expect([...documented].sort()).toEqual(served.sort());
    expect(spec.paths['/api/v1/gl-connections/oauth-callback'].get.security).toEqual([]);
    expect(JSON.stringify(spec)).not.toContain('/admin/v1');
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['JournalEntry', 'Account', 'Error']));
    expect(Object.keys(spec.components.schemas)).not.toContain('Tenant');
    expect(spec.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents money as strings and request bodies strictly', async () => {
    const spec = (await call(links.url('production'), 'GET', '/api/v1/openapi')).body;
    const body = spec.paths['/api/v1/journal-entries'].post.requestBody.content['application/json'].schema;
    const line = body.properties.lines.items;
    expect(line.properties.debit.type).toBe('string');
    expect(line.additionalProperties).toBe(false);
    expect(body.required).toEqual(expect.arrayContaining(['date', 'description', 'currency', 'lines']));
  });

  it('documents every error status with the error schema, from what each route declares', async () => {
    const spec = (await call(links.url('sandbox'), 'GET', '/api/v1/openapi')).body;
    const statuses = (path: string, method: string) => Object.keys(spec.paths[path][method].responses);
    expect(statuses('/api/v1/whoami', 'get')).toEqual(['200', '401', '403', '429', '503']);
    expect(statuses('/api/v1/accounts/{code}', 'get')).toEqual(['200', '400', '401', '403', '404', '429', '503']);
    expect(statuses('/api/v1/journal-entries', 'post')).toEqual(['201', '400', '401', '403', '404', '409', '413', '422', '429', '503']);
    expect(spec.components.responses.RateLimited.headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 1 });
    for (const [path, operations] of Object.entries<Record<string, any>>(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        for (const [status, response] of Object.entries<any>(operation.responses)) {
          if (Number(status) < 400) continue;
          const shared = spec.components.responses[String(response.$ref).replace('#/components/responses/', '')];
          expect(shared?.content['application/json'].schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
          expect(shared.description).not.toBe('Default Response');
        }
      }
    }
  });

  it('serves the operator API its own document, to the admin token only', async () => {
    expect((await call(links.url('console'), 'GET', '/admin/v1/openapi')).status).toBe(401);
    const result = await call(links.url('console'), 'GET', '/admin/v1/openapi', { token: links.adminToken });
    expect(result.status).toBe(200);
    const spec = result.body;
    expect(spec.openapi).toBe('3.1.0');
    const documented: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, unknown>>(spec.paths)) {
      for (const method of Object.keys(operations)) documented.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const served = (links.running.routes.console ?? []).filter((r) => r.admin && r.url !== '/admin/v1/openapi').map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(served.sort());
    expect(JSON.stringify(spec)).not.toContain('/api/v1');
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['Tenant', 'ApiKey', 'Error']));
    expect(Object.keys(spec.components.schemas)).not.toContain('JournalEntry');
    expect(Object.keys(spec.paths['/admin/v1/tenants'].post.responses)).toEqual(['201', '400', '401', '404', '409', '413', '422', '429', '503']);
    expect(spec.security).toEqual([{ adminToken: [] }]);
  });

  describe('error answers, through an OpenAPI validator of the served document', () => {
    let validator: SpecValidator;
    afterAll(() => validator?.close());

    it('are each documented, with a body that matches the error schema', async () => {
      validator = await startSpecValidator(`${links.url('sandbox')}/api/v1/openapi`, links.url('sandbox'));
      const admin = new AdminClient(links.url('console'), links.adminToken);
      const tenant = await admin.createTenant('OpenAPI errors');
      const user = await admin.createUser(`openapi-${tenant.id}@errors.example`);
      await admin.addMember(tenant.id, user.id, 'owner');
      const writer = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
      const reader = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id, permissions: ['read'] })).key;
      const production = (await admin.createKey(tenant.id, { environment: 'production', user_id: user.id })).key;
      const cash = { code: '1000', name: 'Cash', type: 'asset', currency: 'USD' };
      const entry = { date: '2026-11-03', description: 'Unbalanced', currency: 'USD', lines: [{ account: '1000', debit: '1.00' }, { account: '1000', credit: '2.00' }] };
      const asked: Array<[number, string, string, Parameters<typeof call>[3]]> = [
        [401, 'GET', '/api/v1/accounts', {}],
        [401, 'GET', '/api/v1/whoami', { token: 'lk_sandbox_not-a-key' }],
        [403, 'GET', '/api/v1/whoami', { token: production }],
        [403, 'POST', '/api/v1/accounts', { token: reader, body: cash }],
        [400, 'GET', '/api/v1/accounts?limit=0', { token: reader }],
        [400, 'GET', '/api/v1/journal-entries/not-a-uuid', { token: reader }],
        [400, 'POST', '/api/v1/accounts', { token: writer, rawBody: '{"code":' }],
        [400, 'POST', '/api/v1/accounts', { token: writer, body: cash, headers: { 'idempotency-key': 'a b' } }],
        [404, 'GET', '/api/v1/accounts/9999', { token: reader }],
        [404, 'POST', '/api/v1/journal-entries/0190a8a0-0000-7000-8000-000000000000/reverse', { token: writer, body: {} }],
        [413, 'POST', '/api/v1/accounts', { token: writer, rawBody: JSON.stringify({ ...cash, description: 'x'.repeat(1024 * 1024) }) }],
        [201, 'POST', '/api/v1/accounts', { token: writer, body: cash }],
        [409, 'POST', '/api/v1/accounts', { token: writer, body: cash }],
        [422, 'POST', '/api/v1/journal-entries', { token: writer, body: entry }],
      ];
      const answered: number[] = [];
      for (const [, method, path, options] of asked) answered.push((await call(validator.url, method, path, options)).status);
      expect(answered).toEqual(asked.map(([status]) => status));
      expect(defectsOf(validator.exchanges), 'violations of the served OpenAPI document').toEqual([]);
    });
  });
});

/** `GET /api/v1/openapi`: the data plane's OpenAPI 3.1 document, generated from the route schemas. */
import { describe, expect, it } from 'vitest';
import { call } from './support/http.js';
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
    const served = (links.running.routes.sandbox ?? []).filter((r) => r.permission).map((r) => `${r.method} ${r.url}`);
    expect([...documented].sort()).toEqual(served.sort());
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
});

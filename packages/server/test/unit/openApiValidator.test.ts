/**
 * The OpenAPI validator that the README test and test/openApi.test.ts put between client and
 * server catches what it must: answers that break the data plane's document, from a stand-in
 * upstream that breaks it on purpose. No database: the document is generated as the server serves it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPlaneOpenApiDocument } from '../../src/http/openApiDocument.js';
import { startSpecValidator, type SpecValidator } from '../support/openApiValidator.js';

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const anError = { error: { code: 'not_found', message: 'No account.', request_id: 'req_1', details: [] } };

describe('the OpenAPI validator of the tests', () => {
  let upstream: http.Server;
  let validator: SpecValidator;
  let folder: string;
  beforeAll(async () => {
    upstream = http.createServer((request, response) => {
      if (request.url === '/api/v1/whoami') return send(response, 418, anError);
      if (request.url === '/api/v1/accounts/1000') return send(response, 200, { data: { code: 1000, name: 'Cash' } });
      if (request.url === '/api/v1/accounts/1100') return send(response, 404, { message: 'not the error schema' });
      if (request.url === '/api/v1/accounts/1200') return send(response, 404, anError);
      if (request.url === '/api/v1/accounts') return send(response, 201, { data: {} });
      return send(response, 200, { ok: true });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'links-openapi-'));
    const spec = path.join(folder, 'openapi.json');
    fs.writeFileSync(spec, JSON.stringify(await dataPlaneOpenApiDocument()));
    validator = await startSpecValidator(spec, `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`);
    const headers = { authorization: 'Bearer lk_sandbox_x' };
    for (const url of ['/api/v1/whoami', '/api/v1/accounts/1000', '/api/v1/accounts/1100', '/api/v1/accounts/1200', '/api/v1/no-such-thing']) {
      await (await fetch(validator.url + url, { headers })).text();
    }
    // A body the document forbids, accepted with a 201: the server took what the document refuses.
    await (await fetch(`${validator.url}/api/v1/accounts`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"code":5}' })).text();
  }, 90_000);
  afterAll(async () => {
    await validator?.close();
    upstream?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  const defectsOf = (start: string) => validator.defects().filter((d) => d.startsWith(start)).join('\n');

  it('flags an undocumented status', () => {
    expect(defectsOf('GET /api/v1/whoami → 418')).toContain('Unable to match the returned status code');
  });

  it('flags a body that breaks its schema, success or error', () => {
    expect(defectsOf('GET /api/v1/accounts/1000 → 200')).toContain('response.body.data.code: Response body property data.code must be string');
    expect(defectsOf('GET /api/v1/accounts/1100 → 404')).toContain("Response body must have required property 'error'");
  });

  it('flags an operation the document does not have', () => {
    expect(defectsOf('GET /api/v1/no-such-thing → 200')).toContain('Selected route not found');
  });

  it('flags a request the document refuses that was answered with success', () => {
    expect(defectsOf('POST /api/v1/accounts → 201')).toContain('request.body');
  });

  it('passes a documented error answer, and keeps the answer as the server sent it', async () => {
    expect(defectsOf('GET /api/v1/accounts/1200')).toBe('');
    const answer = await fetch(`${validator.url}/api/v1/accounts/1200`, { headers: { authorization: 'Bearer lk_sandbox_x' } });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual(anError);
    expect([...answer.headers.keys()].filter((h) => h === 'sl-violations' || h.startsWith('access-control-'))).toEqual([]);
  });
});

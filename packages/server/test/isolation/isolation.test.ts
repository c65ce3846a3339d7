/**
 * The isolation harness: the same denial checks for every data-plane route, and a check that no
 * data-plane route escapes the catalogue.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type HttpResult } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { isolationCases, type IsolationCase, type OwnedRequest } from './routes.js';
import { createIsolationWorld, type IsolationWorld } from './world.js';

/**
 * A foreign caller gets its own (possibly empty) data, 404 for A's resources, or 422
 * unknown_account when its body names A's accounts; never 5xx, never a byte of A's data.
 */
function expectNothingOf(result: HttpResult, ownedIds: string[]): void {
  if (result.status === 404) {
    expect(result.body.error.code).toBe('not_found');
    return; // an error body only echoes what the caller itself sent
  }
  if (result.status === 422) {
    expect(result.body.error.code).toBe('unknown_account');
    return;
  }
  expect([200, 201, 202], result.text).toContain(result.status);
  for (const id of ownedIds) expect(result.text).not.toContain(id);
}

function tamper(key: string): string {
  const last = key.at(-1) === 'A' ? 'B' : 'A';
  return key.slice(0, -1) + last;
}

describe.skipIf(!postgresAvailable())('isolation harness', () => {
  let links: TestLinks;
  let world: IsolationWorld;

  useTestServer(async (started) => {
    links = started;
    world = await createIsolationWorld(links);
  });

  it('every data-plane route of both environment listeners is in the catalogue, and nothing stale is', () => {
    const catalogued = new Set(isolationCases.map((c) => `${c.method} ${c.route}`));
    for (const listener of ['sandbox', 'production'] as const) {
      const served = (links.running.routes[listener] ?? []).filter((r) => r.permission !== undefined);
      expect(served.length).toBeGreaterThan(0);
      const missing = served.map((r) => `${r.method} ${r.url}`).filter((r) => !catalogued.has(r));
      expect(missing, `data-plane routes not registered with the isolation harness (test/isolation/routes.ts)`).toEqual([]);
      const servedSet = new Set(served.map((r) => `${r.method} ${r.url}`));
      expect([...catalogued].filter((c) => !servedSet.has(c)), 'catalogue entries the server does not serve').toEqual([]);
      for (const route of served) {
        const entry = isolationCases.find((c) => c.method === route.method && c.route === route.url)!;
        expect(entry.permission, `${route.method} ${route.url} permission`).toBe(route.permission);
      }
    }
  });

  describe.each(isolationCases.map((c) => [`${c.method} ${c.route}`, c] as const))('%s', (_name, routeCase: IsolationCase) => {
    let owned: OwnedRequest;
    const sandbox = () => links.url('sandbox');
    const production = () => links.url('production');
    const send = (origin: string, token: string | undefined, headers: Record<string, string> = {}) =>
      call(origin, routeCase.method, owned.path, { token, body: owned.body, headers });

    beforeAll(async () => {
      owned = await routeCase.prepare(world);
    });

    it('happy: tenant A sandbox key is served', async () => {
      const result = await send(sandbox(), world.keys.aSandbox);
      expect(result.status, result.text).toBeLessThan(300);
      expect(result.headers.get('request-id')).toMatch(/^req_/);
    });

    it('no key → 401 unauthenticated', async () => {
      const result = await send(sandbox(), undefined);
      expect(result.status).toBe(401);
      expect(result.body.error.code).toBe('unauthenticated');
      expect(result.body.error.request_id).toBe(result.headers.get('request-id'));
    });

    it('another scheme → 401 unauthenticated', async () => {
      const result = await send(sandbox(), undefined, { authorization: `Basic ${Buffer.from(world.keys.aSandbox).toString('base64')}` });
      expect(result.status).toBe(401);
    });

    it('malformed or truncated key → 401 unauthenticated', async () => {
      for (const bad of [tamper(world.keys.aSandbox), world.keys.aSandbox.slice(0, -3), 'lk_sandbox_', 'nonsense']) {
        const result = await send(sandbox(), bad);
        expect(result.status).toBe(401);
        expect(result.body.error.code).toBe('unauthenticated');
      }
    });

    it("the other environment's key → 403 environment_mismatch naming the key's environment", async () => {
      const result = await send(sandbox(), world.keys.aProduction);
      expect(result.status).toBe(403);
      expect(result.body.error.code).toBe('environment_mismatch');
      expect(result.body.error.message).toContain('production');
      const back = await send(production(), world.keys.aSandbox);
      expect(back.status).toBe(403);
      expect(back.body.error.message).toContain('sandbox');
    });

    it('revoked key → 401', async () => {
      const result = await send(sandbox(), world.keys.aSandboxRevoked);
      expect(result.status).toBe(401);
      expect(result.body.error.code).toBe('unauthenticated');
    });

    it('expired key → 401', async () => {
      const result = await send(sandbox(), world.keys.aSandboxExpired);
      expect(result.status).toBe(401);
      expect(result.body.error.message).toMatch(/expired/);
    });

    it("another tenant's key sees nothing of tenant A", async () => {
      const result = await send(sandbox(), world.keys.bSandbox);
      expectNothingOf(result, owned.ownedIds);
      expect(result.text).not.toContain(world.tenantA.id);
    });

    it("the same tenant's production key sees nothing of its sandbox", async () => {
      const result = await send(production(), world.keys.aProduction);
      expectNothingOf(result, owned.ownedIds);
    });

    it(`read-only key → ${routeCase.permission === 'write' ? '403 forbidden' : 'served'}`, async () => {
      const result = await send(sandbox(), world.keys.aSandboxReadOnly);
      if (routeCase.permission === 'write') {
        expect(result.status).toBe(403);
        expect(result.body.error.code).toBe('forbidden');
      } else {
        expect(result.status, result.text).toBeLessThan(300);
      }
    });
  });
});

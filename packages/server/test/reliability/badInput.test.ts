/**
 * Bad input: every write route of the data plane, taken from the isolation catalogue
 * with a valid body, is sent hostile variants of it — broken JSON, prototype-pollution keys, deep
 * nesting, invalid UTF-8, U+0000, oversized bodies, wrong types and overlong strings in every field,
 * and for journal entries money and dates in every wrong shape. Each answer is a 4xx of the
 * contract, never a 5xx, and the tenant's books are byte-for-byte what they were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { isolationCases } from '../isolation/routes.js';
import { createIsolationWorld, type IsolationWorld } from '../isolation/world.js';

const CONTRACT_4XX = new Set(['invalid_request', 'invalid_amount', 'unbalanced_entry', 'unknown_account', 'payload_too_large', 'not_found']);

/** Bodies no route accepts, whatever its schema: refused by the JSON parser or the size limit. */
const unparseable: Array<[string, string | Uint8Array]> = [
  ['broken JSON', '{"code": "X", '],
  ['trailing garbage', '{} {}'],
  ['__proto__ key', '{"__proto__": {"isAdmin": true}}'],
  ['constructor.prototype key', '{"constructor": {"prototype": {"isAdmin": true}}}'],
  ['U+0000 in a string', '{"name": "a\\u0000b"}'],
  ['unpaired surrogate', '{"name": "\\ud800"}'],
  ['invalid UTF-8 outside strings', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])],
  ['nesting 100,000 deep', `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ['nesting 40 deep', `{"x": ${'{"y": '.repeat(40)}1${'}'.repeat(40)}}`],
  ['1.2 MiB body', JSON.stringify({ name: 'x'.repeat(1_250_000) })],
];

/** Replacements for one field of a valid body: each is wrong for a string, date, enum or list field. */
const wrongValues: unknown[] = [12345, 1e3, -0, true, null, [], {}, { nested: { deeper: [1, 2, 3] } }, 'x'.repeat(100_000)];

/** For a field whose valid value is a whole number (a contract's term in months): fractions, negatives, absurd sizes, other types. */
const wrongNumbers: unknown[] = [-1, 1.5, 1e12, '12', true, null, [], {}];

const moneyShapes: unknown[] = [5, 1000, '1e3', '-0', '+5', '-5.00', '1.234', '0', '0.00', '', ' 5', '5 ', '1,000.00', '99999999999999999999999', 'NaN', 'Infinity', '0x10'];
const badDates = ['2026-02-30', '2026-13-01', '2026-00-10', '0000-00-00', '2026-1-1', '20260101', '2026-01-01T00:00:00Z', ''];

describe.skipIf(!postgresAvailable())('bad input on every write route', () => {
  let links: TestLinks;
  let world: IsolationWorld;
  const writes = isolationCases.filter((c) => c.method !== 'GET');

  useTestServer(async (started) => {
    links = started;
    world = await createIsolationWorld(links);
  });

  /** What must not change: counts, balances, periods and audit trail of tenant A's sandbox. */
  async function books(): Promise<string> {
    const get = async (path: string) => (await call(links.url('sandbox'), 'GET', path, { token: world.keys.aSandbox })).text;
    return JSON.stringify([
      await get('/api/v1/journal-entries?limit=1'),
      await get('/api/v1/accounts?limit=100'),
      await get('/api/v1/subledgers?limit=100'),
      await get('/api/v1/periods'),
      await get('/api/v1/reports/trial-balance?currency=USD'),
      await get('/api/v1/audit-events?limit=1'),
      (await call(links.url('sandbox'), 'GET', '/api/v1/ledger/verify', { token: world.keys.aSandbox })).body.data.head,
    ]);
  }

  async function send(method: string, path: string, body: string | Uint8Array): Promise<{ status: number; code: string | undefined; text: string }> {
    const response = await fetch(links.url('sandbox') + path, {
      method,
      headers: { authorization: `Bearer ${world.keys.aSandbox}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
    });
    const text = await response.text();
    let code: string | undefined;
    try {
      code = JSON.parse(text).error?.code;
    } catch {
      code = undefined;
    }
    return { status: response.status, code, text: text.slice(0, 300) };
  }

  const refused = (what: string, answer: { status: number; code: string | undefined; text: string }) => {
    expect(answer.status, `${what}: ${answer.text}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${what}: ${answer.text}`).toBeLessThan(500);
    expect(CONTRACT_4XX.has(answer.code!), `${what}: ${answer.text}`).toBe(true);
  };

  /**
   * The MCP endpoint speaks JSON-RPC: a body that is no JSON-RPC message is a 4xx with a JSON-RPC
   * error (-32700 parse error, -32600 invalid request) or a contract error; a well-formed message
   * asking for something wrong is a JSON-RPC error inside a 200, as the protocol has it.
   */
  const refusedRpc = (what: string, answer: { status: number; code: string | undefined; text: string }) => {
    expect(answer.status, `${what}: ${answer.text}`).toBeLessThan(500);
    const rpcError = /"error":\{"code":-32\d{3},/.test(answer.text) || /"isError":true/.test(answer.text);
    expect(CONTRACT_4XX.has(answer.code!) || rpcError, `${what}: ${answer.text}`).toBe(true);
  };

  it.each(writes.map((c) => [`${c.method} ${c.route}`, c] as const))('%s refuses every hostile body and changes nothing', async (_name, route) => {
    const owned = await route.prepare(world);
    const before = await books();
    let tried = 0;
    for (const [what, body] of unparseable) {
      refused(what, await send(route.method, owned.path, body));
      tried += 1;
    }
    if (owned.body !== undefined && typeof owned.body === 'object') {
      const valid = owned.body as Record<string, unknown>;
      // What the route declares it accepts (IsolationCase.badInput in the catalogue).
      const allowed = route.badInput ?? {};
      const rejects = allowed.jsonRpc ? refusedRpc : refused;
      for (const field of [...(allowed.emptyObject ?? []), ...(allowed.anyNumberOrString ?? [])]) expect(Object.keys(valid), 'a field the catalogue declares is in the body').toContain(field);
      // (A top-level null is "no body": accepted where the body is optional, as reverse's is.)
      for (const top of [[valid], 'a string', 42, true]) {
        rejects(`top-level ${JSON.stringify(top).slice(0, 20)}`, await send(route.method, owned.path, JSON.stringify(top)));
        tried += 1;
      }
      rejects('unknown field', await send(route.method, owned.path, JSON.stringify({ ...valid, is_admin: true })));
      for (const field of Object.keys(valid)) {
        for (const wrong of typeof valid[field] === 'number' ? wrongNumbers : wrongValues) {
          if (wrong === null && allowed.nullClears) continue;
          if (JSON.stringify(wrong) === '{}' && allowed.emptyObject?.includes(field)) continue;
          if ((typeof wrong === 'number' || typeof wrong === 'string') && allowed.anyNumberOrString?.includes(field)) continue;
          rejects(`${field} = ${JSON.stringify(wrong).slice(0, 30)}`, await send(route.method, owned.path, JSON.stringify({ ...valid, [field]: wrong })));
          tried += 1;
        }
      }
      if (Array.isArray(valid.lines) || Array.isArray(valid.entries)) {
        const entryOf = (b: Record<string, any>) => (Array.isArray(b.entries) ? b.entries[0] : b);
        const withEntry = (change: (e: Record<string, any>) => void) => {
          const copy = structuredClone(valid) as Record<string, any>;
          change(entryOf(copy));
          return JSON.stringify(copy);
        };
        for (const money of moneyShapes) {
          refused(`debit ${JSON.stringify(money)}`, await send(route.method, owned.path, withEntry((e) => (e.lines[0].debit = money))));
          tried += 1;
        }
        for (const date of badDates) {
          refused(`date ${date}`, await send(route.method, owned.path, withEntry((e) => (e.date = date))));
          tried += 1;
        }
        // Random line shapes (seeded): wrong types and unknown keys inside a line.
        const lineShapes = fc.sample(fc.dictionary(fc.constantFrom('account', 'debit', 'credit', 'memo', 'extra', 'dimensions'), fc.anything({ maxDepth: 2 })), { numRuns: 25, seed: 6 });
        for (const shape of lineShapes) {
          const answer = await send(route.method, owned.path, withEntry((e) => (e.lines[0] = shape)));
          refused(`line ${JSON.stringify(shape).slice(0, 60)}`, answer);
          tried += 1;
        }
      }
    }
    expect(await books()).toBe(before);
    expect(tried).toBeGreaterThan(8);
    console.info(`reliability | bad input (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${route.method} ${route.route} | ${tried} hostile bodies, all 4xx | 0 changed`);
  });
});

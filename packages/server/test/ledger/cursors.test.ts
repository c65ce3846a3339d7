/**
 * Cursors (issue 12 §6): opaque, authenticated and bound to the tenant environment and list they
 * were issued for. A cursor reveals nothing countable about other tenants' activity (the
 * environment-wide posting sequence is never in clear), and one that is tampered with, carried to
 * another tenant or list, or issued by an older version is a 400 invalid_request.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, type Ledger } from './ledgerClient.js';

interface CursorList {
  data: Array<{ id?: string; entry_id?: string; line_number?: number }>;
  next_cursor: string | null;
}

describe.skipIf(!postgresAvailable())('list cursors', () => {
  let links: TestLinks;
  let a: Ledger;
  let b: Ledger;
  const post = (ledger: Ledger, n: number) =>
    ledger.ok('POST', '/journal-entries/batch', { entries: Array.from({ length: n }, (_, i) => entry('2026-06-01', [dr('1000', `${i + 1}.00`), cr('4000', `${i + 1}.00`)])) });
  const list = async (ledger: Ledger, path: string): Promise<CursorList> => {
    const response = await ledger.get(path);
    expect(response.status, response.text).toBe(200);
    return response.body as CursorList;
  };
  const firstCursor = async (ledger: Ledger, path = '/journal-entries?limit=1') => (await list(ledger, path)).next_cursor!;

  useTestServer(async (started) => {
    links = started;
    a = (await createLedgerTenant(links, 'Cursor A')).sandbox;
    b = (await createLedgerTenant(links, 'Cursor B')).sandbox;
    for (const ledger of [a, b]) {
      await ledger.createAccount('1000', 'asset');
      await ledger.createAccount('4000', 'revenue');
    }
    await post(a, 3);
    await post(b, 2);
    await post(a, 3);
  });

  it('following cursors walks every entry, line and event exactly once', async () => {
    for (const [path, key] of [['/journal-entries', 'id'], ['/accounts/1000/lines', 'entry_id'], ['/audit-events', 'id']] as const) {
      const all = (await list(a, `${path}?limit=100`)).data.map((row) => row[key]);
      const walked: unknown[] = [];
      let page = await list(a, `${path}?limit=2`);
      walked.push(...page.data.map((row) => row[key]));
      while (page.next_cursor !== null) {
        page = await list(a, `${path}?limit=2&cursor=${encodeURIComponent(page.next_cursor)}`);
        walked.push(...page.data.map((row) => row[key]));
      }
      expect(walked, path).toEqual(all);
      expect(all.length, path).toBeGreaterThanOrEqual(6);
    }
  });

  it('reveals nothing countable about other tenants: no position in clear, unmoved by their postings, one length whatever was posted', async () => {
    const before = await firstCursor(a);
    const again = await firstCursor(a);
    // The same page twice: the same token (a list read twice answers the same bytes).
    expect(again).toBe(before);
    await post(b, 40);
    // B's 40 postings advance the environment-wide sequence; A's cursor does not move.
    const after = await firstCursor(a);
    expect(after).toBe(before);
    for (const cursor of [before, again, after]) {
      const decoded = Buffer.from(cursor.replace(/^[a-z0-9]+\./, ''), 'base64url').toString('latin1');
      expect(decoded).not.toMatch(/"s":"\d+"/);
      expect(() => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).toThrow();
    }
    // B's cursors are no more telling: same length as A's.
    expect((await firstCursor(b)).length).toBe(before.length);
  });

  it('refuses a cursor of another tenant, of another list, tampered with, or in the old clear format, with 400 invalid_request', async () => {
    const entriesCursor = await firstCursor(a);
    const linesCursor = await firstCursor(a, '/accounts/1000/lines?limit=1');
    const eventsCursor = await firstCursor(a, '/audit-events?limit=1');
    const flip = (cursor: string) => cursor.slice(0, -3) + (cursor.at(-3) === 'A' ? 'B' : 'A') + cursor.slice(-2);
    const oldFormat = Buffer.from(JSON.stringify({ s: '4' })).toString('base64url');
    const refusals: Array<[Ledger, string]> = [
      [b, `/journal-entries?cursor=${entriesCursor}`],
      [b, `/accounts/1000/lines?cursor=${linesCursor}`],
      [b, `/audit-events?cursor=${eventsCursor}`],
      [a, `/audit-events?cursor=${entriesCursor}`],
      [a, `/journal-entries?cursor=${linesCursor}`],
      [a, `/accounts/1000/lines?cursor=${eventsCursor}`],
      [a, `/journal-entries?cursor=${flip(entriesCursor)}`],
      [a, `/journal-entries?cursor=${entriesCursor.slice(0, 20)}`],
      [a, `/journal-entries?cursor=${oldFormat}`],
      [a, `/accounts/1000/lines?cursor=${Buffer.from(JSON.stringify({ d: '2026-06-01', s: '1', n: 1 })).toString('base64url')}`],
    ];
    for (const [ledger, path] of refusals) {
      const refused = await ledger.get(path);
      expect(refused.status, path).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_request', details: [{ path: 'query.cursor', message: 'invalid cursor' }] });
    }
    expect((await a.get(`/journal-entries?cursor=${entriesCursor}`)).status).toBe(200);
  });
});

/**
 * Tamper evidence (docs/ledger.md): each tenant environment's posted entries form a hash chain;
 * `GET /api/v1/ledger/verify` recomputes it. Posting of every kind extends it (group commit
 * included); an entry altered in the database by its owner breaks it exactly there.
 */
import { describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { newStorage, postgresAvailable, startTestLinks, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, Ledger, type LedgerTenant } from './ledgerClient.js';

interface Verification {
  valid: boolean;
  entries: number;
  head: string;
  broken_at: { position: number; entry_id: string | null; reason: string } | null;
  next_from: number | null;
}

describe.skipIf(!postgresAvailable())('ledger verification', () => {
  let links: TestLinks;
  let tenant: LedgerTenant;
  let ledger: Ledger;
  const verify = () => ledger.ok<Verification>('GET', '/ledger/verify');

  useTestServer(async (started) => {
    links = started;
    tenant = await createLedgerTenant(links, 'Chain');
    ledger = tenant.sandbox;
    await ledger.createAccount('1000', 'asset');
    await ledger.createAccount('4000', 'revenue');
  });

  it('an empty ledger verifies; every kind of posting extends the chain and changes its head', async () => {
    const empty = await verify();
    expect(empty).toMatchObject({ valid: true, entries: 0, broken_at: null });
    expect(empty.head).toMatch(/^[0-9a-f]{64}$/);

    const first = await ledger.postEntry(entry('2026-04-01', [dr('1000', '10.00'), cr('4000', '10.00')]));
    const one = await verify();
    expect(one).toMatchObject({ valid: true, entries: 1 });
    expect(one.head).not.toBe(empty.head);

    await ledger.ok('POST', '/journal-entries/batch', { entries: [1, 2, 3].map((n) => entry('2026-04-02', [dr('1000', `${n}.00`), cr('4000', `${n}.00`)])) });
    await Promise.all(Array.from({ length: 20 }, (_, n) => ledger.postEntry(entry('2026-04-03', [dr('1000', `0.${10 + n}`), cr('4000', `0.${10 + n}`)]))));
    await ledger.ok('POST', `/journal-entries/${first.id}/reverse`, {});
    const all = await verify();
    expect(all).toMatchObject({ valid: true, entries: 1 + 3 + 20 + 1, broken_at: null });
    expect(await verify()).toEqual(all); // verifying changes nothing

    // Another tenant's chain is its own.
    const other = (await createLedgerTenant(links, 'Other chain')).sandbox;
    expect(await other.ok<Verification>('GET', '/ledger/verify')).toMatchObject({ valid: true, entries: 0 });
  });

  it('a line altered in the database by its owner breaks the chain at that entry, and it stays broken after a restart', async () => {
    const storage = newStorage();
    let server = await startTestLinks({ storage });
    const owned = await createLedgerTenant(server, 'Tampered');
    await owned.sandbox.createAccount('1000', 'asset');
    await owned.sandbox.createAccount('4000', 'revenue');
    await owned.sandbox.postEntry(entry('2026-04-04', [dr('1000', '1.00'), cr('4000', '1.00')]));
    const victim = await owned.sandbox.postEntry(entry('2026-04-05', [dr('1000', '50.00'), cr('4000', '50.00')]));
    await owned.sandbox.postEntry(entry('2026-04-06', [dr('1000', '5.00'), cr('4000', '5.00')]));
    expect(await owned.sandbox.ok<Verification>('GET', '/ledger/verify')).toMatchObject({ valid: true, entries: 3 });
    await server.stop();
    try {
      // The owner can get past the immutability trigger; the chain is what tells.
      await asDatabaseOwner(storage, 'sandbox', async (owner) => {
        await owner.query('BEGIN');
        await owner.query(`SELECT set_config('links.tenant_id', $1, true)`, [owned.tenantId]);
        await owner.query('ALTER TABLE journal_lines DISABLE TRIGGER journal_lines_immutable');
        await owner.query(`UPDATE journal_lines SET debit = debit + 100000 WHERE entry_id = $1 AND debit > 0`, [victim.id]);
        await owner.query('ALTER TABLE journal_lines ENABLE TRIGGER journal_lines_immutable');
        await owner.query('COMMIT');
      });
      server = await startTestLinks({ storage });
      const ledgerAgain = new Ledger(server.url('sandbox'), owned.sandbox.key, owned.sandbox.keyId, owned.tenantId);
      const after = await ledgerAgain.ok<Verification>('GET', '/ledger/verify');
      expect(after).toMatchObject({ valid: false, entries: 1, broken_at: { position: 2, entry_id: victim.id, reason: 'the entry or its lines changed after posting' } });
      // In segments of one link: the first verifies, the second finds the same break.
      expect(await ledgerAgain.ok<Verification>('GET', '/ledger/verify?limit=1')).toMatchObject({ valid: true, entries: 1, next_from: 2 });
      expect(await ledgerAgain.ok<Verification>('GET', '/ledger/verify?from=2&limit=1')).toEqual({ ...after, next_from: null });
      console.info(`reliability | tamper (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | 3 posted entries | 1 line changed by the database owner, triggers off | chain broken at position 2 reported, also after restart`);
      await server.stop();
    } finally {
      await storage.destroy();
    }
  });

  it('verifies at most `limit` links per request (default and maximum 50,000) and says where to go on; following next_from verifies the whole chain', async () => {
    const bounded = (await createLedgerTenant(links, 'Segments')).sandbox;
    await bounded.createAccount('1000', 'asset');
    await bounded.createAccount('4000', 'revenue');
    await bounded.ok('POST', '/journal-entries/batch', { entries: [1, 2, 3, 4, 5, 6, 7].map((n) => entry('2026-05-01', [dr('1000', `${n}.00`), cr('4000', `${n}.00`)])) });
    const whole = await bounded.ok<Verification>('GET', '/ledger/verify');
    expect(whole).toMatchObject({ valid: true, entries: 7, broken_at: null, next_from: null });

    const segments: Verification[] = [];
    let from: number | null = 1;
    while (from !== null) {
      const segment: Verification = await bounded.ok<Verification>('GET', `/ledger/verify?from=${from}&limit=3`);
      segments.push(segment);
      from = segment.next_from;
    }
    expect(segments.map((s) => [s.valid, s.entries, s.next_from])).toEqual([
      [true, 3, 4],
      [true, 6, 7],
      [true, 7, null],
    ]);
    expect(segments.at(-1)).toEqual(whole);
    // A full last segment still ends the chain.
    expect(await bounded.ok<Verification>('GET', '/ledger/verify?from=5&limit=3')).toEqual(whole);

    for (const [query, path] of [['limit=50001', 'query.limit'], ['limit=0', 'query.limit'], ['from=0', 'query.from'], ['from=9', 'query.from'], ['from=x', 'query.from']] as const) {
      const refused = await bounded.get(`/ledger/verify?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_request', details: [{ path }] });
    }
    expect((await bounded.get('/ledger/verify?from=8')).body.data).toEqual(whole); // just past the last link: nothing left, the end checks hold
  });
});

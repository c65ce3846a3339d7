/**
 * LINKS_STATEMENT_TIMEOUT_MS (issue 12 §6): a statement of a request that runs longer than the limit
 * is cancelled by PostgreSQL and answers a contract error (503 unavailable), its write rolled back;
 * quick requests are unaffected. PostgreSQL only: PGlite has no timer to cancel a statement with.
 */
import { describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { backend, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, type Ledger } from '../ledger/ledgerClient.js';

describe.skipIf(backend !== 'postgres')('statement timeout on the application pool', () => {
  let links: TestLinks;
  let ledger: Ledger;
  useTestServer(
    async (started) => {
      links = started;
      ledger = (await createLedgerTenant(links, 'Timeout')).sandbox;
      // A statement that takes 2 s, as the database owner could make one: inserting an account named SLOW.
      await asDatabaseOwner(links.storage, 'sandbox', (owner) =>
        owner.query(`
          CREATE FUNCTION slow_account() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.code = 'SLOW' THEN PERFORM pg_sleep(2); END IF; RETURN NEW; END $$;
          CREATE TRIGGER slow_account BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION slow_account();
          CREATE FUNCTION slow_entry() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.description = 'slow' THEN PERFORM pg_sleep(2); END IF; RETURN NEW; END $$;
          CREATE TRIGGER slow_entry BEFORE INSERT ON journal_entries FOR EACH ROW EXECUTE FUNCTION slow_entry();`),
      );
    },
    { env: { LINKS_STATEMENT_TIMEOUT_MS: '300' } },
  );

  it('cancels a statement past the limit: 503 unavailable, nothing written', async () => {
    const started = Date.now();
    const slow = await ledger.post('/accounts', { code: 'SLOW', name: 'Slow', type: 'asset' });
    expect(slow.status, slow.text).toBe(503);
    expect(slow.body.error.code).toBe('unavailable');
    expect(slow.body.error.message).toMatch(/LINKS_STATEMENT_TIMEOUT_MS/);
    expect(Date.now() - started).toBeLessThan(1800);
    expect((await ledger.get('/accounts/SLOW')).status).toBe(404);
  });

  it('a posting (group commit) past the limit answers 503 to every poster and posts nothing', async () => {
    await ledger.createAccount('1000', 'asset');
    await ledger.createAccount('4000', 'revenue');
    const posts = await Promise.all(
      Array.from({ length: 5 }, (_, n) => ledger.post('/journal-entries', entry('2026-08-01', [dr('1000', `${n + 1}.00`), cr('4000', `${n + 1}.00`)], { description: 'slow' }))),
    );
    for (const post of posts) {
      expect(post.status, post.text).toBe(503);
      expect(post.body.error.code).toBe('unavailable');
    }
    expect((await ledger.ok<unknown[]>('GET', '/journal-entries'))).toEqual([]);
    expect(await ledger.ok('GET', '/ledger/verify')).toMatchObject({ valid: true, entries: 0 });
  });

  it('leaves quick statements alone, on the same pool', async () => {
    expect((await ledger.post('/accounts', { code: 'QUICK', name: 'Quick', type: 'asset' })).status).toBe(201);
    expect((await ledger.get('/accounts/QUICK')).status).toBe(200);
  });
});

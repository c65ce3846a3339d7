/**
 * LINKS_STATEMENT_TIMEOUT_MS (issue 12 §6): a statement of a request that runs longer than the limit
 * is cancelled by PostgreSQL and answers a contract error (503 unavailable), its write rolled back;
 * quick requests are unaffected. PostgreSQL only: PGlite has no timer to cancel a statement with.
 */
import { describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { backend, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';

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
          CREATE TRIGGER slow_account BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION slow_account();`),
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

  it('leaves quick statements alone, on the same pool', async () => {
    expect((await ledger.post('/accounts', { code: 'QUICK', name: 'Quick', type: 'asset' })).status).toBe(201);
    expect((await ledger.get('/accounts/QUICK')).status).toBe(200);
  });
});

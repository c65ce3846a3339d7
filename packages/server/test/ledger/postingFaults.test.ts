/**
 * Posting under faults made real in the database by its owner (no mock of our own code): a replay
 * whose stored answer cannot be read, and a call that PostgreSQL refuses as a whole. No request is
 * applied twice and every answer tells the truth. (A connection cut after commit, and how many
 * calls a group takes: test/postgres/postingCalls.test.ts.)
 *
 * The owner's session opens the data directory itself on PGlite, so the server stops around it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDatabaseOwner, type OwnerSession } from '../support/databaseOwner.js';
import type { HttpResult } from '../support/http.js';
import { newStorage, postgresAvailable, startTestLinks, type TestLinks } from '../support/linksServer.js';
import { cr, createLedgerTenant, dr, entry, Ledger } from './ledgerClient.js';

describe.skipIf(!postgresAvailable())('posting under injected faults', () => {
  const storage = newStorage();
  let links: TestLinks | undefined;
  let ledger: Ledger;
  const sale = (reference: string, description = `Sale ${reference}`) => entry('2026-09-01', [dr('1000', '1.00'), cr('4000', '1.00')], { reference, description });
  const withKey = (key: string) => ({ 'Idempotency-Key': key });

  /** Stops the server, works as the sandbox database's owner, starts it again on the same data. */
  async function asOwner<T>(work: (owner: OwnerSession) => Promise<T>): Promise<T> {
    await links!.stop();
    try {
      return await asDatabaseOwner(storage, 'sandbox', work);
    } finally {
      links = await startTestLinks({ storage });
      ledger = new Ledger(links.url('sandbox'), ledger.key, ledger.keyId, ledger.tenantId);
    }
  }
  const count = (owner: OwnerSession, pattern: string) =>
    owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM journal_entries WHERE reference LIKE $1`, [pattern]).then((rows) => rows[0]!.n);

  beforeAll(async () => {
    links = await startTestLinks({ storage });
    ledger = (await createLedgerTenant(links, 'Faults')).sandbox;
    await ledger.createAccount('1000', 'asset');
    await ledger.createAccount('4000', 'revenue');
  });
  afterAll(async () => {
    await links?.stop();
    await storage.destroy();
  });

  let replayed: Array<{ key: string; id: string }>;

  it('a replay whose stored answer cannot be read is answered as applied, and the call it shared is not posted again', async () => {
    replayed = [];
    for (let i = 0; i < 10; i++) {
      const first = await ledger.post('/journal-entries', sale(`replay-${i}`), withKey(`replay-${i}`));
      expect(first.status, first.text).toBe(201);
      replayed.push({ key: `replay-${i}`, id: first.body.data.id });
    }
    // From now on, reading an entry written by an earlier transaction fails (the replay's read); the
    // posting statement itself reads only the rows it writes. Also: an entry described "poison" fails
    // the whole statement (next test).
    await asOwner(async (owner) => {
      await owner.query(`CREATE FUNCTION links_test_fault(what text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault: %', what; END $$`);
      await owner.query(`CREATE POLICY links_test_replay_read_fault ON journal_entries AS RESTRICTIVE FOR SELECT
        USING (created_at >= date_trunc('milliseconds', now()) OR links_test_fault('entries posted earlier are unreadable'))`);
      await owner.query(`CREATE FUNCTION links_test_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.description = 'poison' THEN PERFORM links_test_fault('a poison entry'); END IF; RETURN NEW; END $$`);
      await owner.query(`CREATE TRIGGER links_test_poison BEFORE INSERT ON journal_entries FOR EACH ROW EXECUTE FUNCTION links_test_poison()`);
    });

    // Replays mixed among plain posts (no key), so that calls carry both.
    const sends: Array<{ replay: boolean; send: () => Promise<HttpResult> }> = [];
    for (let i = 0; i < 30; i++) {
      sends.push({ replay: false, send: () => ledger.post('/journal-entries', sale(`fresh-${i}`)) });
      const { key } = replayed[i / 3] ?? { key: undefined };
      if (key) sends.push({ replay: true, send: () => ledger.post('/journal-entries', sale(key), withKey(key)) });
    }
    const answers = await Promise.all(sends.map(({ send }) => send()));
    const fresh = answers.filter((_, i) => !sends[i]!.replay);
    const replays = answers.filter((_, i) => sends[i]!.replay);
    expect([fresh.length, replays.length]).toEqual([30, 10]);
    for (const answer of fresh) {
      expect(answer.status, answer.text).toBe(201);
      expect(answer.headers.get('idempotent-replayed')).toBeNull();
    }
    for (const answer of replays) {
      expect(answer.status, answer.text).toBe(503);
      expect(answer.body.error.code).toBe('unavailable');
      expect(answer.body.error.message).toMatch(/was applied earlier .*retry with the same Idempotency-Key/);
    }
  });

  it('a call refused as a whole by PostgreSQL rolled back, so each member posts again alone: exactly once', async () => {
    const sends = Array.from({ length: 21 }, (_, i) =>
      i === 10 ? () => ledger.post('/journal-entries', sale('poison-0', 'poison')) : () => ledger.post('/journal-entries', sale(`wave-${i}`)),
    );
    const answers = await Promise.all(sends.map((send) => send()));
    answers.forEach((answer, i) => {
      if (i !== 10) expect(answer.status, answer.text).toBe(201);
    });
    expect(answers[10]!.status).toBe(500);
    expect(answers[10]!.body.error.code).toBe('internal_error');
  });

  it('every fault past: each entry is in the books once, and the replays answer with the original entries', async () => {
    const counts = await asOwner(async (owner) => {
      const found = { fresh: await count(owner, 'fresh-%'), wave: await count(owner, 'wave-%'), poison: await count(owner, 'poison-%') };
      for (const undo of ['DROP TRIGGER links_test_poison ON journal_entries', 'DROP FUNCTION links_test_poison()', 'DROP POLICY links_test_replay_read_fault ON journal_entries', 'DROP FUNCTION links_test_fault(text)']) {
        await owner.query(undo);
      }
      return found;
    });
    expect(counts).toEqual({ fresh: 30, wave: 20, poison: 0 });
    for (const { key, id } of replayed) {
      const again = await ledger.post('/journal-entries', sale(key), withKey(key));
      expect(again.status, again.text).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.data.id).toBe(id);
    }
    expect(await ledger.entryCount()).toBe(10 + 30 + 20);
    expect((await ledger.get('/ledger/verify')).body.data).toMatchObject({ valid: true, entries: 60 });
  });
});

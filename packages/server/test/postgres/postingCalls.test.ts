/**
 * Posting calls as PostgreSQL sees them. Group commit must really group: it could stop silently and
 * every answer would still be right, so the calls are counted (the transactions that wrote the
 * entries). And a connection lost after COMMIT (a proxy between Links and PostgreSQL cuts it once
 * the statement has committed) is answered honestly: 503 "may have been applied", never "nothing
 * changed", and the same Idempotency-Key settles the request exactly once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type HttpResult } from '../support/http.js';
import { newStorage, startTestLinks, type TestLinks } from '../support/linksServer.js';
import { startCuttingProxy, type CuttingProxy } from '../support/cuttingProxy.js';
import { cr, createLedgerTenant, dr, entry, type Ledger } from '../ledger/ledgerClient.js';

describe.skipIf(!inject('postgresUrl'))('posting calls on PostgreSQL', () => {
  const storage = newStorage();
  let proxy: CuttingProxy;
  let links: TestLinks;
  let ledger: Ledger;
  /** A superuser session on the sandbox database, straight to PostgreSQL (not through the proxy). */
  let dba: pg.Client;
  const sale = (reference: string) => entry('2026-10-01', [dr('1000', '1.00'), cr('4000', '1.00')], { reference });
  const post = (reference: string, key?: string) => ledger.post('/journal-entries', sale(reference), key ? { 'Idempotency-Key': key } : {});
  const written = async (pattern: string) =>
    (await dba.query<{ entries: number; calls: number }>(`SELECT count(*)::int AS entries, count(DISTINCT xmin::text)::int AS calls FROM journal_entries WHERE reference LIKE $1`, [pattern])).rows[0]!;
  const honest503 = (answer: HttpResult) => {
    expect(answer.status, answer.text).toBe(503);
    expect(answer.body.error.code).toBe('unavailable');
    expect(answer.body.error.message).toMatch(/may have been applied.*same Idempotency-Key/);
    expect(answer.body.error.message).not.toMatch(/nothing|safe to retry/);
  };

  /**
   * Posts sent while a DBA holds journal_entries against inserts: the first calls wait on the lock,
   * everything else queues behind them. `whileHeld` runs once they all wait.
   */
  async function postWhileHeld(sends: Array<() => Promise<HttpResult>>, whileHeld: () => void = () => undefined): Promise<HttpResult[]> {
    await dba.query('BEGIN');
    await dba.query('LOCK TABLE journal_entries IN SHARE MODE');
    const answers = Promise.all(sends.map((send) => send()));
    try {
      for (let i = 0; i < 100; i++) {
        // pg_stat_activity is read once per transaction: this one is held open, so clear it each time.
        await dba.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await dba.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%post_journal_entries%'`);
        if (rows[0].n >= 2) break; // the committer's two calls in flight
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 1000)); // the rest of the burst arrives and queues
      whileHeld();
    } finally {
      await dba.query('COMMIT');
    }
    return answers;
  }

  beforeAll(async () => {
    const direct = new URL(storage.env.LINKS_DATABASE_URL!);
    proxy = await startCuttingProxy({ host: direct.hostname, port: Number(direct.port) });
    links = await startTestLinks({ storage: { ...storage, env: { ...storage.env, LINKS_DATABASE_URL: proxy.via(direct.toString()) } } });
    ledger = (await createLedgerTenant(links, 'Calls')).sandbox;
    await ledger.createAccount('1000', 'asset');
    await ledger.createAccount('4000', 'revenue');
    direct.pathname = `${direct.pathname}_sandbox`;
    dba = new pg.Client({ connectionString: direct.toString() });
    await dba.connect();
  });
  afterAll(async () => {
    await dba?.end();
    await links?.stop();
    await proxy?.close();
    await storage.destroy();
  });

  it('a burst of 60 posts of one tenant takes a handful of database calls, not one each', async () => {
    const answers = await postWhileHeld(Array.from({ length: 60 }, (_, i) => () => post(`burst-${i}`)));
    for (const answer of answers) expect(answer.status, answer.text).toBe(201);
    const { entries, calls } = await written('burst-%');
    console.info(`group commit | 60 concurrent posts of one tenant → ${calls} database calls`);
    expect(entries).toBe(60);
    // Two calls waited on the lock and the other 58 queued behind them (3 calls here); a few late
    // arrivals on a busy machine may add a call or two. Posted alone, it would be 60.
    expect(calls).toBeLessThanOrEqual(10);
  });

  it('a post whose connection is lost after COMMIT is told it may have been applied, and its key settles it once', async () => {
    const key = `cut-${randomBytes(4).toString('hex')}`;
    const cut = proxy.cutAfterCommit((statement) => statement.includes('post_journal_entries'));
    const answer = await post('cut-single', key);
    await cut;
    honest503(answer);
    expect((await written('cut-single')).entries).toBe(1); // it was applied
    const retry = await post('cut-single', key);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await written('cut-single')).entries).toBe(1);
  });

  it('a group whose connection is lost after COMMIT: every member is told so, none is posted again', async () => {
    const keyOf = (i: number) => (i % 2 === 0 ? `group-cut-${i}-${randomBytes(3).toString('hex')}` : undefined);
    const keys = Array.from({ length: 20 }, (_, i) => keyOf(i));
    let cut: Promise<string> | undefined;
    const answers = await postWhileHeld(
      keys.map((key, i) => () => post(`group-cut-${i}`, key)),
      // The first call carrying three requests or more: one of the queued groups.
      () => (cut = proxy.cutAfterCommit((statement) => statement.includes('post_journal_entries') && statement.split('"request_id":').length > 3)),
    );
    const statement = await Promise.race([cut!, new Promise<string>((_, fail) => setTimeout(() => fail(new Error('no call of three requests or more was cut')), 20_000))]);
    const members = statement.split('"request_id":').length - 1;
    const told = answers.filter((a) => a.status === 503);
    expect(told.length).toBe(members);
    for (const answer of told) honest503(answer);
    for (const answer of answers.filter((a) => a.status !== 503)) expect(answer.status, answer.text).toBe(201);

    // All 20 were applied, the cut ones included, each once; the keyed ones settle by their key.
    expect(await written('group-cut-%')).toMatchObject({ entries: 20 });
    for (const [i, key] of keys.entries()) {
      if (key === undefined || answers[i]!.status !== 503) continue;
      const retry = await post(`group-cut-${i}`, key);
      expect(retry.status, retry.text).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(await written('group-cut-%')).toMatchObject({ entries: 20 });
    expect((await ledger.get('/ledger/verify')).body.data).toMatchObject({ valid: true });
  });
});

/**
 * Sub-ledger creation racing with postings (issue 12, part 2): while clients post lines without a
 * party to an account, another client makes that account a control account. Either the postings
 * land first (the sub-ledger is refused: the account has lines) or the sub-ledger does (the
 * postings are refused: subledger_account_required); never both. On PostgreSQL the calls really
 * overlap, and before the posting function locked the accounts it reads, party-less lines landed
 * on fresh control accounts, whose balances endpoint then failed for ever. PGlite runs the calls
 * one after another, so there it checks the outcomes only.
 */
import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, type Ledger } from './ledgerClient.js';

const ROUNDS = 24;
const POSTERS = 3;
/** Entries per batch call: a longer call keeps the window between reading an account and writing its lines open. */
const BATCH = 40;
/** When the sub-ledger is sent, in ms after the posters start (negative: before them). */
const OFFSETS_MS = [-2, 0, -1, 1, 5, -3];

describe.skipIf(!postgresAvailable())('sub-ledger creation racing with postings', () => {
  let links: TestLinks;
  let ledger: Ledger;
  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Race')).sandbox;
    await ledger.createAccount('4000', 'revenue');
  });

  it(`${ROUNDS} accounts, each made a control account while ${POSTERS} clients post party-less lines to it: no party-less line on a control account, every balances call answers`, async () => {
    const created: string[] = [];
    let refusedPostings = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const account = `ctl-${round}`;
      await ledger.createAccount(account, 'asset');
      let done = false;
      const poster = async () => {
        const statuses: number[] = [];
        while (!done) {
          const entries = Array.from({ length: BATCH }, (_v, i) => entry('2026-03-10', [dr(account, '1.00'), cr('4000', '1.00')], { description: `r${round}-${i}` }));
          const result = await ledger.post('/journal-entries/batch', { entries });
          statuses.push(result.status);
          if (result.status !== 201) {
            expect(result.status, result.text).toBe(422);
            expect(result.body.error.code).toBe('subledger_account_required');
          }
        }
        return statuses;
      };
      // The sub-ledger is sent a little before the posters, with them, or a little after (so both outcomes occur).
      const offset = OFFSETS_MS[round % OFFSETS_MS.length]!;
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      let posters: Array<Promise<number[]>> = [];
      let subledger: HttpResult;
      const create = () => ledger.post('/subledgers', { code: `SL${round}`, name: `Sub-ledger ${round}`, control_account: account });
      if (offset < 0) {
        const creating = create();
        await pause(-offset);
        posters = Array.from({ length: POSTERS }, poster);
        subledger = await creating;
      } else {
        posters = Array.from({ length: POSTERS }, poster);
        await pause(offset);
        subledger = await create();
      }
      done = true;
      const statuses = (await Promise.all(posters)).flat();
      refusedPostings += statuses.filter((s) => s !== 201).length;
      if (subledger.status === 201) created.push(account);
      else {
        expect(subledger.status, subledger.text).toBe(409);
        expect(subledger.body.error.code).toBe('conflict');
      }
    }

    for (const [round, account] of created.map((a) => [Number(a.slice(4)), a] as const)) {
      const balances = await ledger.get(`/subledgers/SL${round}/balances`);
      expect(balances.status, `${account}: ${balances.text}`).toBe(200);
      const lines = await ledger.allPages<{ subledger_account: string | null }>(`/accounts/${account}/lines?limit=100`);
      const partyless = lines.flatMap((page) => page.data).filter((line) => line.subledger_account === null);
      expect(partyless, `party-less lines on control account ${account}`).toEqual([]);
    }
    // Both outcomes must have happened, or the race was never run.
    expect(created.length).toBeGreaterThan(0);
    expect(created.length).toBeLessThan(ROUNDS);
    console.info(`reliability | subledger race (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${ROUNDS} rounds, ${POSTERS} posters of ${BATCH}-entry batches | ${created.length} sub-ledgers created, ${ROUNDS - created.length} refused, ${refusedPostings} postings refused`);
  }, 120_000);
});

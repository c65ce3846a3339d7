/**
 * Correctness checks after each posting phase:
 *  - the trial balance balances (total_debits == total_credits), through the API;
 *  - the entry count grew by exactly the acknowledged entries (GET /journal-entries?limit=1 →
 *    totalResults), allowing for requests whose outcome is unknown (no answer);
 *  - acknowledged ids are distinct, and a random sample of them reads back through the API;
 *  - on PostgreSQL, every acknowledged id (and its lines) is in the database, read directly as the
 *    superuser (this bypasses the server, so a bug in its read path cannot hide a lost write).
 */
import pg from 'pg';
import type { Api } from './api.js';
import type { RunResult } from './load.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export async function entryCount(api: Api): Promise<number> {
  const { status, body } = await api.call<{ totalResults: number }>('GET', '/api/v1/journal-entries?limit=1');
  if (status !== 200) throw new Error(`GET /api/v1/journal-entries?limit=1 → ${status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.totalResults;
}

export async function trialBalanceCheck(api: Api, phase: string): Promise<Check> {
  const tb = await api.data<{ total_debits: string; total_credits: string }>('GET', '/api/v1/reports/trial-balance?currency=USD');
  return {
    name: `${phase}: trial balance`,
    ok: tb.total_debits === tb.total_credits,
    detail: `total_debits ${tb.total_debits}, total_credits ${tb.total_credits}`,
  };
}

function sample<T>(list: T[], n: number): T[] {
  if (list.length <= n) return [...list];
  const picked = new Set<number>();
  for (let i = 0; i < n * 4 && picked.size < n; i++) picked.add(Math.floor(Math.random() * list.length));
  return [...picked].map((i) => list[i]!);
}

/** Entries present in the database among `ids`, and their lines (PostgreSQL only). */
async function countInDatabase(databaseUrl: string, ids: string[]): Promise<{ entries: number; lines: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // a failed query rejects; this only covers the idle connection
  await client.connect();
  try {
    let entries = 0;
    let lines = 0;
    const CHUNK = 50_000;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const e = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM journal_entries WHERE id = ANY($1::uuid[])', [chunk]);
      const l = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM journal_lines WHERE entry_id = ANY($1::uuid[])', [chunk]);
      entries += Number(e.rows[0]!.n);
      lines += Number(l.rows[0]!.n);
    }
    return { entries, lines };
  } finally {
    await client.end();
  }
}

export async function verifyPosting(
  api: Api,
  phase: string,
  before: number,
  result: RunResult,
  options: { databaseUrl?: string; sampleSize?: number } = {},
): Promise<Check[]> {
  const checks: Check[] = [await trialBalanceCheck(api, phase)];

  const after = await entryCount(api);
  const grew = after - before;
  const acked = result.ackedEntries;
  checks.push({
    name: `${phase}: entry count`,
    ok: result.unknown === 0 ? grew === acked : grew >= acked && grew <= acked + result.unknown * 1000,
    detail: `${before} → ${after} (+${grew}); acknowledged ${acked}${result.unknown ? `, ${result.unknown} without answer` : ''}`,
  });

  const distinct = new Set(result.ackedIds).size;
  checks.push({
    name: `${phase}: acknowledged ids`,
    ok: distinct === result.ackedIds.length && result.ackedIds.length === acked && result.replayed === 0,
    detail: `${result.ackedIds.length} ids, ${distinct} distinct, ${result.replayed} replayed`,
  });

  const picked = sample(result.ackedIds, options.sampleSize ?? 200);
  let missing = 0;
  for (const id of picked) {
    const { status } = await api.call('GET', `/api/v1/journal-entries/${id}`);
    if (status !== 200) missing += 1;
  }
  checks.push({ name: `${phase}: sample read back`, ok: missing === 0, detail: `${picked.length - missing}/${picked.length} acknowledged entries read back through the API` });

  if (options.databaseUrl) {
    const found = await countInDatabase(options.databaseUrl, result.ackedIds);
    checks.push({
      name: `${phase}: all acknowledged in database`,
      ok: found.entries === result.ackedIds.length && found.lines === result.ackedLines,
      detail: `${found.entries}/${result.ackedIds.length} entries, ${found.lines}/${result.ackedLines} lines found by id`,
    });
  }
  return checks;
}

/**
 * Storage reads behind named parties: which customer a sub-ledger reference names (its Links id, or
 * `source_system:source_id`), and the names of the customers that are parties.
 */
import { sql, type Transaction } from 'kysely';
import type { EnvironmentDatabase } from './environmentSchema.js';

type Trx = Transaction<EnvironmentDatabase>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Links ids among `ids` that are customers of this tenant environment. */
export async function customerIds(trx: Trx, ids: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT id::text AS id FROM unified_records WHERE model = 'customer' AND id = ANY(${wanted}::uuid[])`.execute(trx);
  return new Set(rows.map((r) => r.id));
}

/** The customer recorded under each (source system, source id) pair, keyed `system\u0001id`. */
export async function customersBySource(trx: Trx, pairs: Array<readonly [string, string]>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (pairs.length === 0) return found;
  const { rows } = await sql<{ id: string; source_system: string; source_id: string }>`
    SELECT r.id::text AS id, coalesce(r.source_system, '') AS source_system, r.source_id
      FROM unified_records r
      JOIN unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS wanted(source_system, source_id)
        ON coalesce(r.source_system, '') = wanted.source_system AND r.source_id = wanted.source_id
     WHERE r.model = 'customer'`.execute(trx);
  for (const row of rows) found.set(`${row.source_system}\u0001${row.source_id}`, row.id);
  return found;
}

/** The current name of each party that is a customer (by its Links id); other parties have none. */
export async function customerNames(trx: Trx, parties: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(parties.filter((p) => UUID.test(p)))];
  if (wanted.length === 0) return new Map();
  const { rows } = await sql<{ id: string; name: string | null }>`
    SELECT id::text AS id, fields->>'name' AS name FROM unified_records WHERE model = 'customer' AND id = ANY(${wanted}::uuid[])`.execute(trx);
  return new Map(rows.filter((r) => r.name !== null).map((r) => [r.id, r.name!]));
}

/** One party's debits minus credits on an account per currency, strictly before a line position. */
export async function partyMovementBefore(
  trx: Trx,
  accountId: string,
  party: string,
  at: { d: string; s: string; n: number },
  currency: string | undefined,
): Promise<Map<string, bigint>> {
  const { rows } = await sql<{ currency: string; net: string }>`
    SELECT currency, sum(net)::text AS net FROM (
      SELECT currency, debits - credits AS net FROM party_daily_balances
       WHERE account_id = ${accountId} AND party = ${party} AND date < ${at.d}::date
      UNION ALL
      SELECT currency, (debit - credit)::numeric FROM journal_lines
       WHERE account_id = ${accountId} AND subledger_account = ${party} AND date = ${at.d}::date AND (sequence, line_number) < (${at.s}::bigint, ${at.n}::int)
    ) m ${currency ? sql`WHERE currency = ${currency}` : sql``} GROUP BY currency`.execute(trx);
  return new Map(rows.map((r) => [r.currency, BigInt(r.net)]));
}

/** How many lines one party has on an account, within the statement's filters. */
export async function partyLineCount(trx: Trx, accountId: string, party: string, query: { from?: string | undefined; to?: string | undefined; currency?: string | undefined }): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*)::text AS n FROM journal_lines
     WHERE account_id = ${accountId} AND subledger_account = ${party}
       ${query.from ? sql`AND date >= ${query.from}::date` : sql``} ${query.to ? sql`AND date <= ${query.to}::date` : sql``}
       ${query.currency ? sql`AND currency = ${query.currency}` : sql``}`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

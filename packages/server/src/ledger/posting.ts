/**
 * The write path of the ledger. It takes a list of entries and posts them in the caller's
 * transaction: a single POST is a list of one, a batch is up to 1000, and group commit (later) is
 * many requests' lists at once. Accounts are locked in a fixed order and balance changes are
 * aggregated per account before they are applied, so a hot account is updated once per list.
 *
 * Errors: invalid_amount, unbalanced_entry, unknown_account, inactive_account, currency_mismatch,
 * subledger_account_required, invalid_request (sub-ledger account on a plain account),
 * period_closed. In a batch, the message names the index of the failing entry.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WriteContext } from '../domain/audit.js';
import { periodOf } from '../domain/calendar.js';
import { LinksError, type ErrorCode } from '../domain/errors.js';
import type { JournalEntry, JournalEntryInput } from '../domain/ledger.js';
import { describeAmountProblem, formatMinor, parsePositiveAmount } from '../domain/money.js';
import { journalEntryView } from './entryView.js';
import type { LedgerTransaction } from './scope.js';

interface PreparedLine {
  accountId: string;
  accountCode: string;
  debit: bigint;
  credit: bigint;
  party: string | null;
  dimensions: Record<string, string> | null;
  memo: string | null;
}

export interface PreparedEntry {
  id: string;
  date: string;
  description: string;
  currency: string;
  reference: string | null;
  reversalOf: string | null;
  metadata: Record<string, unknown>;
  lines: PreparedLine[];
}

export interface PostingOptions {
  /** Where the entries sit in the request body, for error paths: `''` for a single entry, `entries.` for a batch. */
  pathPrefix: (index: number) => string;
  /** Reversals may post to accounts deactivated since the original entry. */
  allowInactiveAccounts?: boolean;
  /** Set on a reversal: the entry it reverses. */
  reversalOf?: string;
}

function entryError(code: ErrorCode, options: PostingOptions, index: number, path: string, message: string): LinksError {
  const where = options.pathPrefix(index);
  const prefix = where ? `entries[${index}]: ` : '';
  return new LinksError(code, `${prefix}${message}`, [{ path: `${where}${path}`, message }]);
}

interface AccountFacts {
  id: string;
  code: string;
  currency: string | null;
  is_active: boolean;
  isControl: boolean;
}

async function loadAccounts(trx: LedgerTransaction, codes: string[]): Promise<Map<string, AccountFacts>> {
  if (codes.length === 0) return new Map();
  const rows = await trx
    .selectFrom('accounts as a')
    .leftJoin('subledgers as s', (join) => join.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.control_account_id', '=', 'a.id'))
    .select(['a.id', 'a.code', 'a.currency', 'a.is_active', 's.id as subledger_id'])
    .where('a.code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, code: r.code, currency: r.currency, is_active: r.is_active, isControl: r.subledger_id !== null }]));
}

/** Validates every rule of §5.3 against the books, before anything is written; throws the first error. */
export async function prepareEntries(
  trx: LedgerTransaction,
  tenantId: string,
  inputs: JournalEntryInput[],
  options: PostingOptions,
): Promise<PreparedEntry[]> {
  const results = await validateEntries(trx, tenantId, inputs, options);
  const failed = results.find((r): r is LinksError => r instanceof LinksError);
  if (failed) throw failed;
  return results as PreparedEntry[];
}

/**
 * The same validation, entry by entry: each entry is either ready to write or has its own error,
 * so one bad entry among requests coalesced into one transaction does not fail its neighbours.
 */
export async function validateEntries(
  trx: LedgerTransaction,
  tenantId: string,
  inputs: JournalEntryInput[],
  options: PostingOptions,
): Promise<Array<PreparedEntry | LinksError>> {
  const accounts = await loadAccounts(trx, [...new Set(inputs.flatMap((e) => e.lines.map((l) => l.account)))]);
  const results = inputs.map((input, index) => {
    try {
      return prepareOne(input, index, accounts, options);
    } catch (error) {
      if (error instanceof LinksError) return error;
      throw error;
    }
  });
  await markClosedPeriods(trx, tenantId, results, options);
  return results;
}

function prepareOne(input: JournalEntryInput, index: number, accounts: Map<string, AccountFacts>, options: PostingOptions): PreparedEntry {
  let debits = 0n;
  let credits = 0n;
  const lines = input.lines.map((line, n): PreparedLine => {
    const side = line.debit !== undefined ? 'debit' : 'credit';
    const amount = parsePositiveAmount((line.debit ?? line.credit)!, input.currency);
    if (typeof amount !== 'bigint') {
      throw entryError('invalid_amount', options, index, `lines.${n}.${side}`, `lines[${n}].${side} ${describeAmountProblem(amount, input.currency)}`);
    }
    const account = accounts.get(line.account);
    if (!account) throw entryError('unknown_account', options, index, `lines.${n}.account`, `no account ${JSON.stringify(line.account)} in this ledger`);
    if (!account.is_active && !options.allowInactiveAccounts) {
      throw entryError('inactive_account', options, index, `lines.${n}.account`, `account ${account.code} is inactive`);
    }
    if (account.currency !== null && account.currency !== input.currency) {
      throw entryError('currency_mismatch', options, index, `lines.${n}.account`, `account ${account.code} takes only ${account.currency}, not ${input.currency}`);
    }
    const party = line.subledger_account ?? null;
    if (account.isControl && party === null) {
      throw entryError('subledger_account_required', options, index, `lines.${n}.subledger_account`, `account ${account.code} is a control account: name the sub-ledger account (for example the customer id)`);
    }
    if (!account.isControl && party !== null) {
      throw entryError('invalid_request', options, index, `lines.${n}.subledger_account`, `account ${account.code} has no sub-ledger: subledger_account is only for control accounts`);
    }
    if (side === 'debit') debits += amount;
    else credits += amount;
    return {
      accountId: account.id,
      accountCode: account.code,
      debit: side === 'debit' ? amount : 0n,
      credit: side === 'credit' ? amount : 0n,
      party,
      dimensions: line.dimensions ?? null,
      memo: line.memo ?? null,
    };
  });
  if (debits !== credits) {
    throw entryError(
      'unbalanced_entry',
      options,
      index,
      'lines',
      `debits (${formatMinor(debits, input.currency)}) do not equal credits (${formatMinor(credits, input.currency)})`,
    );
  }
  return {
    id: uuidv7(),
    date: input.date,
    description: input.description,
    currency: input.currency,
    reference: input.reference ?? null,
    reversalOf: options.reversalOf ?? null,
    metadata: input.metadata ?? {},
    lines,
  };
}

/**
 * Posting into a month first makes sure its period row exists, then reads it FOR SHARE: a
 * concurrent close (which updates that row) waits for this posting, or this posting sees it
 * closed. An entry dated in a closed month becomes a period_closed error in place.
 */
async function markClosedPeriods(
  trx: LedgerTransaction,
  tenantId: string,
  results: Array<PreparedEntry | LinksError>,
  options: PostingOptions,
): Promise<void> {
  const entries = results.filter((r): r is PreparedEntry => !(r instanceof LinksError));
  if (entries.length === 0) return;
  const periods = [...new Set(entries.map((e) => periodOf(e.date)))].sort();
  await trx
    .insertInto('periods')
    .values(periods.map((period) => ({ tenant_id: tenantId, period, status: 'open' as const })))
    .onConflict((oc) => oc.columns(['tenant_id', 'period']).doNothing())
    .execute();
  // Lock every row, open or closed: FOR SHARE locks only rows the WHERE clause keeps, and an
  // unlocked open row would let a close commit while this posting is still in flight.
  const rows = await trx.selectFrom('periods').select(['period', 'status']).where('period', 'in', periods).forShare().execute();
  const closedSet = new Set(rows.filter((r) => r.status === 'closed').map((r) => r.period));
  results.forEach((result, index) => {
    if (result instanceof LinksError || !closedSet.has(periodOf(result.date))) return;
    results[index] = entryError('period_closed', options, index, 'date', `the period ${periodOf(result.date)} is closed; reopen it or post in an open month`);
  });
}

interface BalanceDelta {
  debits: bigint;
  credits: bigint;
  lines: number;
}

function addDelta(map: Map<string, BalanceDelta>, key: string, line: PreparedLine): void {
  const delta = map.get(key) ?? { debits: 0n, credits: 0n, lines: 0 };
  delta.debits += line.debit;
  delta.credits += line.credit;
  delta.lines += 1;
  map.set(key, delta);
}

const SEP = '\u0000';

/** Writes prepared entries, their lines, balance movements and audit events. */
export async function writeEntries(
  trx: LedgerTransaction,
  tenantId: string,
  /** Who posts: one context for all, or one per entry when requests were coalesced. */
  contexts: WriteContext | WriteContext[],
  entries: PreparedEntry[],
): Promise<JournalEntry[]> {
  const contextOf = (i: number) => (Array.isArray(contexts) ? contexts[i]! : contexts);
  if (entries.length === 0) return [];
  const { rows: sequenceRows } = await sql<{ n: string }>`SELECT nextval('journal_entry_sequence')::text AS n FROM generate_series(1, ${entries.length})`.execute(trx);
  const sequences = sequenceRows.map((r) => BigInt(r.n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const createdAt = new Date();

  const CHUNK = 500;
  for (let start = 0; start < entries.length; start += CHUNK) {
    await trx
      .insertInto('journal_entries')
      .values(
        entries.slice(start, start + CHUNK).map((e, i) => ({
          tenant_id: tenantId,
          id: e.id,
          sequence: sequences[start + i]!,
          date: e.date,
          description: e.description,
          currency: e.currency,
          reference: e.reference,
          reversal_of: e.reversalOf,
          metadata: JSON.stringify(e.metadata),
          line_count: e.lines.length,
          created_at: createdAt,
        })),
      )
      .execute();
  }

  // Lines go in as column arrays: one statement whatever the batch size.
  const cols = {
    entry: [] as string[], number: [] as number[], sequence: [] as string[], date: [] as string[], account: [] as string[],
    currency: [] as string[], debit: [] as string[], credit: [] as string[], party: [] as (string | null)[],
    dimensions: [] as (string | null)[], memo: [] as (string | null)[],
  };
  const accountDeltas = new Map<string, BalanceDelta>();
  const dailyDeltas = new Map<string, BalanceDelta>();
  const partyDeltas = new Map<string, BalanceDelta>();
  entries.forEach((e, i) => {
    e.lines.forEach((line, n) => {
      cols.entry.push(e.id);
      cols.number.push(n + 1);
      cols.sequence.push(sequences[i]!.toString());
      cols.date.push(e.date);
      cols.account.push(line.accountId);
      cols.currency.push(e.currency);
      cols.debit.push(line.debit.toString());
      cols.credit.push(line.credit.toString());
      cols.party.push(line.party);
      cols.dimensions.push(line.dimensions ? JSON.stringify(line.dimensions) : null);
      cols.memo.push(line.memo);
      addDelta(accountDeltas, [line.accountId, e.currency].join(SEP), line);
      addDelta(dailyDeltas, [line.accountId, e.currency, e.date].join(SEP), line);
      if (line.party !== null) addDelta(partyDeltas, [line.accountId, line.party, e.currency, e.date].join(SEP), line);
    });
  });
  await sql`
    INSERT INTO journal_lines (tenant_id, entry_id, line_number, sequence, date, account_id, currency, debit, credit, subledger_account, dimensions, memo)
    SELECT ${tenantId}::uuid, * FROM unnest(
      ${cols.entry}::uuid[], ${cols.number}::int[], ${cols.sequence}::bigint[], ${cols.date}::date[], ${cols.account}::uuid[],
      ${cols.currency}::text[], ${cols.debit}::bigint[], ${cols.credit}::bigint[], ${cols.party}::text[],
      ${cols.dimensions}::jsonb[], ${cols.memo}::text[])`.execute(trx);

  await applyDeltas(trx, tenantId, 'account_balances', ['account_id', 'currency'], ['uuid', 'text'], accountDeltas, false);
  // The daily rows also count lines, so a statement's size is known without counting millions of rows.
  await applyDeltas(trx, tenantId, 'account_daily_balances', ['account_id', 'currency', 'date'], ['uuid', 'text', 'date'], dailyDeltas, true);
  await applyDeltas(trx, tenantId, 'party_daily_balances', ['account_id', 'party', 'currency', 'date'], ['uuid', 'text', 'text', 'date'], partyDeltas, false);

  await trx
    .insertInto('audit_events')
    .values(
      entries.map((e, i) => ({
        tenant_id: tenantId,
        id: uuidv7(),
        at: createdAt,
        actor_type: contextOf(i).actor.type,
        actor_id: contextOf(i).actor.id,
        action: e.reversalOf ? 'journal_entry.reversed' : 'journal_entry.posted',
        resource_type: 'journal_entry',
        resource_id: e.id,
        request_id: contextOf(i).requestId,
      })),
    )
    .execute();

  return entries.map((e) =>
    journalEntryView(
      { ...e, created_at: createdAt, reversal_of: e.reversalOf, reversed_by: null },
      e.lines.map((line, n) => ({
        line_number: n + 1,
        account: line.accountCode,
        debit: line.debit,
        credit: line.credit,
        subledger_account: line.party,
        dimensions: line.dimensions,
        memo: line.memo,
      })),
    ),
  );
}

/**
 * Adds aggregated movements to a balance table in one upsert. Keys are sorted, so two postings
 * touching the same accounts lock their rows in the same order and cannot deadlock.
 */
async function applyDeltas(
  trx: LedgerTransaction,
  tenantId: string,
  table: 'account_balances' | 'account_daily_balances' | 'party_daily_balances',
  keyColumns: string[],
  keyTypes: string[],
  deltas: Map<string, BalanceDelta>,
  countLines: boolean,
): Promise<void> {
  if (deltas.size === 0) return;
  const keys = [...deltas.keys()].sort();
  const columns: string[][] = keyColumns.map(() => []);
  for (const key of keys) key.split(SEP).forEach((part, i) => columns[i]!.push(part));
  const debits = keys.map((k) => deltas.get(k)!.debits.toString());
  const credits = keys.map((k) => deltas.get(k)!.credits.toString());
  const lines = keys.map((k) => deltas.get(k)!.lines);
  const keyList = sql.join(keyColumns.map((c) => sql.id(c)));
  const arrays = sql.join(columns.map((values, i) => sql`${values}::${sql.raw(keyTypes[i]!)}[]`));
  const aliases = keyColumns.map((_, i) => sql.raw(`k${i}`));
  await sql`
    INSERT INTO ${sql.id(table)} AS b (tenant_id, ${keyList}, debits, credits${countLines ? sql`, lines` : sql``})
    SELECT ${tenantId}::uuid, ${sql.join(aliases.map((a) => sql`v.${a}`))}, v.d, v.c${countLines ? sql`, v.n` : sql``}
      FROM unnest(${arrays}, ${debits}::numeric[], ${credits}::numeric[], ${lines}::bigint[]) WITH ORDINALITY AS v(${sql.join(aliases)}, d, c, n, ord)
     ORDER BY v.ord
    ON CONFLICT (tenant_id, ${keyList}) DO UPDATE
      SET debits = b.debits + excluded.debits, credits = b.credits + excluded.credits${countLines ? sql`, lines = b.lines + excluded.lines` : sql``}`.execute(trx);
}

/**
 * The write path of the ledger. Posting requests — a single entry, a batch of up to 1000, or many
 * single posts coalesced by group commit — are checked here for what needs no database (amounts,
 * balance), then go to the database function `post_journal_entries` in ONE statement: one round
 * trip and one commit for all of them (storage/migrations/environment/0004_posting_function.sql; the version installed
 * now: storage/migrations/environment/0008_posting_locks_accounts.sql). Each request is all or
 * nothing and gets its own answer.
 *
 * Errors (per request): invalid_amount, unbalanced_entry, unknown_account, inactive_account,
 * currency_mismatch, subledger_account_required, invalid_request (sub-ledger account on a plain
 * account), period_closed, idempotency_key_reused; unknown_account also for a sub-ledger account
 * that names no customer (a Links id or `source_system:source_id`, ledger/parties.ts). In a batch,
 * the message names the failing entry.
 * unavailable: the connection broke while the statement was in flight (it may have committed), or
 * a replayed request's stored answer could not be read (it was applied earlier).
 *
 * Once the statement has returned, its outcome is final: every request is answered from it and
 * nothing here throws a database error any more, so no caller can mistake a committed call for a
 * failed one and post it again. What escapes `postEntries` is an ERROR that rolled the statement
 * back (storage/postgresErrors.ts isStatementRolledBack), a failure to get a connection (nothing
 * was sent), or an `unavailable` LinksError that says the outcome is unknown.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { periodOf } from '../domain/calendar.js';
import { LinksError, type ErrorCode } from '../domain/errors.js';
import type { JournalEntry, JournalEntryInput } from '../domain/ledger.js';
import { describeAmountProblem, formatMinor, parsePositiveAmount } from '../domain/money.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { isStatementRolledBack } from '../storage/postgresErrors.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import { entryViews, journalEntryView } from './entryView.js';
import { resolveCustomerReferences } from './parties.js';
import { canonicalJson, type WriteRequest } from './scope.js';

export interface PostingRequest {
  request: WriteRequest;
  entries: JournalEntryInput[];
  /** `batch`: the entries sit under `entries[i]` in the body, and the answer is {entries: [...]}. */
  shape: 'entry' | 'batch';
  /** The record version the entries post for: the same statement links them to it (record_postings). */
  sourceRecord?: { id: string; version: number; event: string };
}

export type PostingOutcome =
  | { status: number; body: { data: JournalEntry | { entries: JournalEntry[] } }; replayed: boolean }
  | LinksError;

export interface PostingOptions {
  /** Reversals may post to accounts deactivated since the original entry. */
  allowInactiveAccounts?: boolean;
  /** Set on a reversal: the entry it reverses. */
  reversalOf?: string;
}

interface PostingResult {
  created_at_ms: string | number;
  settled: Array<{ r: number; outcome: 'replayed' | 'reused'; status: number | null; body: unknown }>;
  errors: Array<{ e: number; n: number | null; code: ErrorCode; account_currency: string | null }>;
}

/** An entry as sent: `e` among all entries of the call, `index` within its request. */
interface SentEntry {
  e: number;
  r: number;
  index: number;
  id: string;
  input: JournalEntryInput;
  amounts: bigint[];
  amountProblem: { n: number; side: string; detail: string } | undefined;
  totals: [bigint, bigint];
  /** Lines whose sub-ledger account names no customer. */
  unknownParties: Set<number>;
}

/** Posts every request in one database statement; each outcome is the answer to its request. */
export async function postEntries(
  db: Kysely<EnvironmentDatabase>,
  tenantId: string,
  postings: PostingRequest[],
  options: PostingOptions = {},
): Promise<PostingOutcome[]> {
  const resolved = await withResolvedParties(db, tenantId, postings, options);
  const { call, sent } = encodeCall(resolved.postings, options, resolved.unknown);
  const result = await runPostingStatement(db, tenantId, call);
  const createdAt = new Date(Number(result.created_at_ms));

  const settled = new Map(result.settled.map((s) => [s.r, s]));
  const errorOf = new Map(result.errors.map((err) => [err.e, err]));
  const outcomes: Array<PostingOutcome | undefined> = new Array(postings.length);
  const replays: Array<{ r: number; ids: string[] }> = [];
  for (const [r, s] of settled) {
    const key = postings[r]!.request.idempotencyKey!;
    if (s.outcome === 'reused') {
      outcomes[r] = new LinksError('idempotency_key_reused', `Idempotency-Key ${JSON.stringify(key)} was already used with a different request.`);
    } else if (isEntryIdsBody(s.body)) {
      replays.push({ r, ids: s.body.journal_entry_ids });
    } else {
      outcomes[r] = { status: s.status!, body: s.body as { data: JournalEntry }, replayed: true };
    }
  }
  // A request's first refused entry (lowest index) is its answer; a request without one posted.
  for (const entry of sent) {
    const err = errorOf.get(entry.e);
    if (err && outcomes[entry.r] === undefined && !settled.has(entry.r)) {
      outcomes[entry.r] = refusal(entry, err, postings[entry.r]!.shape === 'batch' ? entry.index : undefined);
    }
  }
  const posted = new Map<number, JournalEntry[]>();
  for (const entry of sent) {
    if (outcomes[entry.r] !== undefined || settled.has(entry.r)) continue;
    const views = posted.get(entry.r) ?? [];
    views.push(freshView(entry, createdAt, options.reversalOf ?? null));
    posted.set(entry.r, views);
  }
  for (const [r, views] of posted) outcomes[r] = { status: 201, body: { data: postings[r]!.shape === 'batch' ? { entries: views } : views[0]! }, replayed: false };

  if (replays.length > 0) await renderReplays(db, tenantId, postings, replays, outcomes);
  const unanswered = outcomes.indexOf(undefined);
  if (unanswered >= 0 || outcomes.length !== postings.length) throw new Error(`post_journal_entries left request ${unanswered} without an answer`);
  return outcomes as PostingOutcome[];
}

/**
 * The one posting statement. On its own connection, so that a failure is known to have come before
 * anything was sent (getting the connection) or after (the statement was in flight). Inside a
 * caller's transaction the caller's commit decides, and its errors are the caller's.
 */
async function runPostingStatement(db: Kysely<EnvironmentDatabase>, tenantId: string, call: string): Promise<PostingResult> {
  const statement = sql<{ result: PostingResult }>`SELECT post_journal_entries(${tenantId}::uuid, ${call}::jsonb) AS result`;
  if (db.isTransaction) return (await statement.execute(db)).rows[0]!.result;
  return db.connection().execute(async (connection) => {
    try {
      return (await statement.execute(connection)).rows[0]!.result;
    } catch (error) {
      if (isStatementRolledBack(error)) throw error;
      // Sent, and no ERROR came back: the connection broke or the session ended, maybe after COMMIT.
      throw withCause(
        new LinksError(
          'unavailable',
          'The connection to the database was lost while this request was being written: it may have been applied. Retry it with the same Idempotency-Key (sent without one, look for it before sending it again).',
        ),
        error,
      );
    }
  });
}

/**
 * A replay renders the entries its stored answer names (posted entries never change, so they render
 * as they were then). The call has committed by now: a read that fails answers the replayed requests
 * with the truth (applied earlier, answer unreadable just now; the same key replays it later) and
 * never throws, so the call is never taken for failed and posted again.
 */
async function renderReplays(
  db: Kysely<EnvironmentDatabase>,
  tenantId: string,
  postings: PostingRequest[],
  replays: Array<{ r: number; ids: string[] }>,
  outcomes: Array<PostingOutcome | undefined>,
): Promise<void> {
  const ids = replays.flatMap((p) => p.ids);
  let byId: Map<string, JournalEntry>;
  try {
    const views = await inTenantTransaction(db, tenantId, async (trx) => entryViews(trx, await trx.selectFrom('journal_entries').selectAll().where('id', 'in', ids).execute()));
    byId = new Map(views.map((v) => [v.id, { ...v, reversed_by: null }]));
  } catch (error) {
    for (const { r } of replays) {
      const key = JSON.stringify(postings[r]!.request.idempotencyKey);
      outcomes[r] = withCause(
        new LinksError('unavailable', `This request was applied earlier (Idempotency-Key ${key}), but its answer could not be read just now; retry with the same Idempotency-Key.`),
        error,
      );
    }
    return;
  }
  for (const { r, ids: entryIds } of replays) {
    const replayed = entryIds.map((id) => byId.get(id)!);
    outcomes[r] = { status: 201, body: { data: postings[r]!.shape === 'batch' ? { entries: replayed } : replayed[0]! }, replayed: true };
  }
}

/** The database error behind an answer, for the log (the client never sees it). */
function withCause(error: LinksError, cause: unknown): LinksError {
  error.cause = cause;
  return error;
}

/**
 * Manual lines' customer references (a Links id in any case, `source_system:source_id`) replaced by
 * the customer's party, in one read for the whole call; a line whose reference names no customer is
 * kept as written and returned in `unknown`, for the posting to refuse. Entries planned from records
 * already name their customer's Links id, and a reversal mirrors lines posted before: neither is read.
 */
async function withResolvedParties(
  db: Kysely<EnvironmentDatabase>,
  tenantId: string,
  postings: PostingRequest[],
  options: PostingOptions,
): Promise<{ postings: PostingRequest[]; unknown: WeakSet<object> }> {
  const unknown = new WeakSet<object>();
  if (options.reversalOf !== undefined) return { postings, unknown };
  const manual = (p: PostingRequest) => p.sourceRecord === undefined;
  const references = postings.filter(manual).flatMap((p) => p.entries.flatMap((e) => e.lines.flatMap((l) => (l.subledger_account ? [l.subledger_account] : []))));
  const parties = await resolveCustomerReferences(db, tenantId, references);
  if (parties.size === 0) return { postings, unknown };
  const resolve = (line: JournalEntryInput['lines'][number]) => {
    const party = line.subledger_account === undefined ? undefined : parties.get(line.subledger_account);
    if (party === undefined) return line;
    if (party === null) {
      unknown.add(line);
      return line;
    }
    return { ...line, subledger_account: party };
  };
  return {
    postings: postings.map((p) => (manual(p) ? { ...p, entries: p.entries.map((e) => ({ ...e, lines: e.lines.map(resolve) })) } : p)),
    unknown,
  };
}

/**
 * The call's JSON (see 0004_posting_function.sql), with what needs no database checked here: amounts
 * parse at the currency's digits (else the line is refused, invalid_amount) and debits equal
 * credits (else the entry is refused, unbalanced_entry). Entry and audit ids are chosen here.
 */
function encodeCall(postings: PostingRequest[], options: PostingOptions, unknownLines: WeakSet<object>): { call: string; sent: SentEntry[] } {
  const requests: object[] = [];
  const entryRows: object[] = [];
  const lineRows: object[] = [];
  const sent: SentEntry[] = [];
  postings.forEach((posting, r) => {
    const { context, idempotencyKey, fingerprint } = posting.request;
    const hash = createHash('sha256').update(canonicalJson(fingerprint)).digest('hex');
    const entryIds: string[] = [];
    posting.entries.forEach((input, index) => {
      const e = sent.length;
      const id = uuidv7();
      let debits = 0n;
      let credits = 0n;
      let amountProblem: SentEntry['amountProblem'];
      const amounts: bigint[] = [];
      const unknownParties = new Set<number>();
      input.lines.forEach((line, n) => {
        if (unknownLines.has(line)) unknownParties.add(n);
        const side = line.debit !== undefined ? 'debit' : 'credit';
        const amount = parsePositiveAmount((line.debit ?? line.credit)!, input.currency);
        const ok = typeof amount === 'bigint';
        if (!ok) amountProblem ??= { n, side, detail: describeAmountProblem(amount, input.currency) };
        else if (side === 'debit') debits += amount;
        else credits += amount;
        amounts.push(ok ? amount : 0n);
        lineRows.push({
          o: lineRows.length + 1,
          e,
          r,
          n: n + 1,
          entry_id: id,
          date: input.date,
          currency: input.currency,
          account: line.account,
          debit: ok && side === 'debit' ? amount.toString() : '0',
          credit: ok && side === 'credit' ? amount.toString() : '0',
          party: line.subledger_account ?? null,
          dimensions: line.dimensions ?? null,
          memo: line.memo ?? null,
          refused: !ok ? 'invalid_amount' : unknownParties.has(n) ? 'unknown_account' : null,
        });
      });
      entryIds.push(id);
      sent.push({ e, r, index, id, input, amounts, amountProblem, totals: [debits, credits], unknownParties });
      entryRows.push({
        e,
        r,
        id,
        audit_id: uuidv7(),
        date: input.date,
        description: input.description,
        currency: input.currency,
        reference: input.reference ?? null,
        reversal_of: options.reversalOf ?? null,
        metadata: input.metadata ?? {},
        line_count: input.lines.length,
        refused: amountProblem === undefined && debits !== credits ? 'unbalanced_entry' : null,
      });
    });
    const record = posting.sourceRecord;
    requests.push({
      r,
      key: idempotencyKey ?? null,
      hash,
      entry_ids: entryIds,
      actor_type: context.actor.type,
      actor_id: context.actor.id,
      request_id: context.requestId,
      ...(record ? { record_id: record.id, record_version: record.version, record_event: record.event } : {}),
    });
  });
  const keyed = postings.filter((p) => p.request.idempotencyKey !== undefined).length;
  const call = JSON.stringify({ allow_inactive: options.allowInactiveAccounts ?? false, keyed, requests, entries: entryRows, lines: lineRows });
  return { call, sent };
}

const isEntryIdsBody = (body: unknown): body is { journal_entry_ids: string[] } =>
  typeof body === 'object' && body !== null && Array.isArray((body as { journal_entry_ids?: unknown }).journal_entry_ids);

/** The error of a refused entry, worded as the API documents it; `index` is its place in a batch. */
function refusal(entry: SentEntry, err: PostingResult['errors'][number], index: number | undefined): LinksError {
  const { input } = entry;
  const fail = (code: ErrorCode, path: string, message: string) => {
    const where = index === undefined ? '' : `entries.${index}.`;
    return new LinksError(code, `${index === undefined ? '' : `entries[${index}]: `}${message}`, [{ path: `${where}${path}`, message }]);
  };
  const n = err.n === null ? -1 : err.n - 1;
  const account = n >= 0 ? input.lines[n]!.account : '';
  const code = err.code;
  switch (code) {
    case 'invalid_amount': {
      const p = entry.amountProblem!;
      return fail('invalid_amount', `lines.${p.n}.${p.side}`, `lines[${p.n}].${p.side} ${p.detail}`);
    }
    case 'unknown_account':
      if (entry.unknownParties.has(n)) {
        const reference = JSON.stringify(input.lines[n]!.subledger_account);
        return fail(code, `lines.${n}.subledger_account`, `no customer ${reference}: name a customer by its Links id or by source_system:source_id (a party of your own has no colon)`);
      }
      return fail(code, `lines.${n}.account`, `no account ${JSON.stringify(account)} in this ledger`);
    case 'inactive_account':
      return fail(code, `lines.${n}.account`, `account ${account} is inactive`);
    case 'currency_mismatch':
      return fail(code, `lines.${n}.account`, `account ${account} takes only ${err.account_currency}, not ${input.currency}`);
    case 'subledger_account_required':
      return fail(code, `lines.${n}.subledger_account`, `account ${account} is a control account: name the sub-ledger account (for example the customer id)`);
    case 'invalid_request':
      return fail(code, `lines.${n}.subledger_account`, `account ${account} has no sub-ledger: subledger_account is only for control accounts`);
    case 'unbalanced_entry': {
      const [debits, credits] = entry.totals;
      return fail(code, 'lines', `debits (${formatMinor(debits, input.currency)}) do not equal credits (${formatMinor(credits, input.currency)})`);
    }
    case 'period_closed':
      return fail(code, 'date', `the period ${periodOf(input.date)} is closed; reopen it or post in an open month`);
    default:
      throw new Error(`post_journal_entries returned an unknown refusal: ${code}`);
  }
}

/** The answer to a fresh posting, built from what was sent: no read back. */
function freshView({ id, input, amounts }: SentEntry, createdAt: Date, reversalOf: string | null): JournalEntry {
  return journalEntryView(
    {
      id,
      date: input.date,
      description: input.description,
      currency: input.currency,
      reference: input.reference ?? null,
      created_at: createdAt,
      reversal_of: reversalOf,
      reversed_by: null,
      metadata: input.metadata ?? {},
    },
    input.lines.map((line, n) => {
      const amount = amounts[n]!;
      return {
        line_number: n + 1,
        account: line.account,
        debit: line.debit !== undefined ? amount : 0n,
        credit: line.debit !== undefined ? 0n : amount,
        subledger_account: line.subledger_account ?? null,
        dimensions: line.dimensions ?? null,
        memo: line.memo ?? null,
      };
    }),
  );
}

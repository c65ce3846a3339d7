/**
 * Journal entries: post one, post a batch atomically, reverse once, read, list.
 * Errors: those of posting.ts, plus not_found, already_reversed, idempotency_key_reused.
 */
import { sql } from 'kysely';
import { todayUtc } from '../domain/calendar.js';
import { LinksError, notFound } from '../domain/errors.js';
import type { JournalEntry, JournalEntryInput } from '../domain/ledger.js';
import { offsetOf, toPage, type PageRequest } from '../domain/pagination.js';
import { decodeCursor, type CursorPage } from '../domain/cursor.js';
import { keysetPage, rowsToRead } from '../domain/keysetPage.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { entryViews } from './entryView.js';
import { GroupCommitter } from './groupCommit.js';
import { postEntries, type PostingOptions, type PostingRequest } from './posting.js';
import { cursorOf, readLedger, type LedgerScope, type WriteOutcome, type WriteRequest } from './scope.js';

export const MAX_BATCH_ENTRIES = 1000;

/** One request's posting, in a database call of its own. */
async function postAlone<T>(scope: LedgerScope, posting: PostingRequest, options?: PostingOptions): Promise<WriteOutcome<T>> {
  const [outcome] = await postEntries(scope.db, scope.tenantId, [posting], options);
  if (outcome instanceof LinksError) throw outcome;
  return outcome as WriteOutcome<T>;
}

const committers = new WeakMap<LedgerScope['db'], GroupCommitter>();

/** Concurrent posts of a tenant share a database call (group commit) unless the scope opts out. */
async function postGrouped<T>(scope: LedgerScope, posting: PostingRequest): Promise<WriteOutcome<T>> {
  if (!scope.groupCommit) return postAlone(scope, posting);
  let committer = committers.get(scope.db);
  if (!committer) {
    committer = new GroupCommitter(scope.db);
    committers.set(scope.db, committer);
  }
  const outcome = await committer.post(scope.tenantId, posting);
  if (outcome instanceof LinksError) throw outcome;
  return outcome as WriteOutcome<T>;
}

export function postJournalEntry(scope: LedgerScope, request: WriteRequest, input: JournalEntryInput): Promise<WriteOutcome<JournalEntry>> {
  return postGrouped(scope, { request, entries: [input], shape: 'entry' });
}

/** All entries post in one transaction, or none; an error names the failing entry's index. */
export function postJournalBatch(scope: LedgerScope, request: WriteRequest, inputs: JournalEntryInput[]): Promise<WriteOutcome<{ entries: JournalEntry[] }>> {
  return postGrouped(scope, { request, entries: inputs, shape: 'batch' });
}

export interface ReverseInput {
  date?: string | undefined;
  description?: string | undefined;
}

/** A new entry with every line mirrored; the original stays as it was. Twice is already_reversed. */
export async function reverseJournalEntry(
  scope: LedgerScope,
  request: WriteRequest,
  entryId: string,
  input: ReverseInput,
): Promise<WriteOutcome<JournalEntry>> {
  const original = await readLedger(scope, async (trx) => {
    const row = await trx.selectFrom('journal_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
    return row ? (await entryViews(trx, [row]))[0]! : undefined;
  });
  if (!original) throw notFound('journal entry', entryId);
  const mirrored: JournalEntryInput = {
    date: input.date ?? todayUtc(),
    description: input.description ?? `Reversal of: ${original.description}`.slice(0, 1000),
    currency: original.currency,
    reference: original.reference ?? undefined,
    lines: original.lines.map((line) => ({
      account: line.account,
      debit: line.credit ?? undefined,
      credit: line.debit ?? undefined,
      subledger_account: line.subledger_account ?? undefined,
      dimensions: line.dimensions ?? undefined,
      memo: line.memo ?? undefined,
    })),
    metadata: original.metadata,
  };
  try {
    // A replay of this request settles on its key before anything else is looked at.
    return await postAlone(scope, { request, entries: [mirrored], shape: 'entry' }, { allowInactiveAccounts: true, reversalOf: entryId });
  } catch (error) {
    // Reversed before (or at the same moment): the unique index journal_entries_reversal_once refuses it.
    if (!isUniqueViolation(error)) throw error;
    const by = await readLedger(scope, (trx) => trx.selectFrom('journal_entries').select('id').where('reversal_of', '=', entryId).executeTakeFirst());
    throw new LinksError('already_reversed', `Journal entry ${entryId} was already reversed${by ? ` by ${by.id}` : ''}.`);
  }
}

export async function getJournalEntry(scope: LedgerScope, entryId: string): Promise<JournalEntry> {
  return readLedger(scope, async (trx) => {
    const row = await trx.selectFrom('journal_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
    if (!row) throw notFound('journal entry', entryId);
    return (await entryViews(trx, [row]))[0]!;
  });
}

export interface EntryFilter {
  account?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  reference?: string | undefined;
  /** Case-insensitive substring of the description or reference. */
  text?: string | undefined;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const isSequenceCursor = (v: unknown): v is { s: string } => typeof v === 'object' && v !== null && typeof (v as { s: unknown }).s === 'string' && /^\d{1,19}$/.test((v as { s: string }).s);

/** Newest posted first. `cursor` continues after the last entry of the previous page. */
export async function listJournalEntries(
  scope: LedgerScope,
  filter: EntryFilter,
  page: PageRequest & { cursor?: string | undefined },
): Promise<CursorPage<JournalEntry>> {
  return readLedger(scope, async (trx) => {
    let query = trx.selectFrom('journal_entries as e');
    if (filter.account !== undefined) {
      const account = await trx.selectFrom('accounts').select('id').where('code', '=', filter.account).executeTakeFirst();
      if (!account) throw notFound('account', filter.account);
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('journal_lines as l')
            .select(sql`1`.as('one'))
            .whereRef('l.tenant_id', '=', 'e.tenant_id')
            .whereRef('l.entry_id', '=', 'e.id')
            .where('l.account_id', '=', account.id),
        ),
      );
    }
    if (filter.from !== undefined) query = query.where('e.date', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('e.date', '<=', filter.to);
    if (filter.reference !== undefined) query = query.where('e.reference', '=', filter.reference);
    if (filter.text !== undefined) {
      const pattern = likePattern(filter.text);
      query = query.where((eb) => eb.or([eb('e.description', 'ilike', pattern), eb('e.reference', 'ilike', pattern)]));
    }

    let pageQuery = query.selectAll('e').orderBy('e.sequence', 'desc').limit(rowsToRead(page.limit));
    if (page.cursor !== undefined) {
      const position = decodeCursor(cursorOf(scope, 'journal_entries'), page.cursor, isSequenceCursor);
      pageQuery = pageQuery.where('e.sequence', '<', position.s);
    } else {
      pageQuery = pageQuery.offset(offsetOf(page));
    }
    const rows = await pageQuery.execute();
    const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { shown, next_cursor } = keysetPage(rows, page.limit, cursorOf(scope, 'journal_entries'), (last) => ({ s: String(last.sequence) }));
    return { ...toPage(await entryViews(trx, shown), Number(count.n), page), next_cursor };
  });
}

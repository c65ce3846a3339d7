/**
 * Journal entries: post one, post a batch atomically, reverse once, read, list.
 * Errors: those of posting.ts, plus not_found, already_reversed, idempotency_key_reused.
 */
import { sql, type Selectable } from 'kysely';
import { todayUtc } from '../domain/calendar.js';
import { LinksError, notFound } from '../domain/errors.js';
import type { JournalEntry, JournalEntryInput } from '../domain/ledger.js';
import { offsetOf, toPage, type PageRequest } from '../domain/pagination.js';
import { decodeCursor, encodeCursor, type CursorPage } from '../domain/cursor.js';
import type { JournalEntryRow } from '../storage/environmentSchema.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { journalEntryView } from './entryView.js';
import { GroupCommitter } from './groupCommit.js';
import { prepareEntries, writeEntries } from './posting.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from './scope.js';

export const MAX_BATCH_ENTRIES = 1000;

/** One entry in a transaction of its own. */
async function postJournalEntryAlone(scope: LedgerScope, request: WriteRequest, input: JournalEntryInput): Promise<WriteOutcome<JournalEntry>> {
  return writeLedger(scope, request, 201, async (trx) => {
    const prepared = await prepareEntries(trx, scope.tenantId, [input], { pathPrefix: () => '' });
    const [posted] = await writeEntries(trx, scope.tenantId, request.context, prepared);
    return posted!;
  });
}

const committers = new WeakMap<LedgerScope['db'], GroupCommitter>();

/** Posts one entry; concurrent posts of a tenant share a transaction (group commit) unless the scope opts out. */
export async function postJournalEntry(scope: LedgerScope, request: WriteRequest, input: JournalEntryInput): Promise<WriteOutcome<JournalEntry>> {
  if (!scope.groupCommit) return postJournalEntryAlone(scope, request, input);
  let committer = committers.get(scope.db);
  if (!committer) {
    committer = new GroupCommitter(scope.db, (tenantId, alone, entry) => postJournalEntryAlone({ ...scope, tenantId }, alone, entry));
    committers.set(scope.db, committer);
  }
  return committer.post(scope.tenantId, request, input);
}

/** All entries post in one transaction, or none; an error names the failing entry's index. */
export async function postJournalBatch(
  scope: LedgerScope,
  request: WriteRequest,
  inputs: JournalEntryInput[],
): Promise<WriteOutcome<{ entries: JournalEntry[] }>> {
  return writeLedger(scope, request, 201, async (trx) => {
    const prepared = await prepareEntries(trx, scope.tenantId, inputs, { pathPrefix: (i) => `entries.${i}.` });
    return { entries: await writeEntries(trx, scope.tenantId, request.context, prepared) };
  });
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
  try {
    return await writeLedger(scope, request, 201, async (trx) => {
      // No row lock (posted rows are not even updatable): a concurrent reversal of the same entry
      // waits on the unique index journal_entries_reversal_once, then fails there.
      const original = await trx.selectFrom('journal_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
      if (!original) throw notFound('journal entry', entryId);
      const reversedBy = await trx.selectFrom('journal_entries').select('id').where('reversal_of', '=', entryId).executeTakeFirst();
      if (reversedBy) throw new LinksError('already_reversed', `Journal entry ${entryId} was already reversed by ${reversedBy.id}.`);
      const [view] = await entryViews(trx, [original]);
      const mirrored: JournalEntryInput = {
        date: input.date ?? todayUtc(),
        description: input.description ?? `Reversal of: ${original.description}`.slice(0, 1000),
        currency: original.currency,
        reference: original.reference ?? undefined,
        lines: view!.lines.map((line) => ({
          account: line.account,
          debit: line.credit ?? undefined,
          credit: line.debit ?? undefined,
          subledger_account: line.subledger_account ?? undefined,
          dimensions: line.dimensions ?? undefined,
          memo: line.memo ?? undefined,
        })),
        metadata: original.metadata,
      };
      const prepared = await prepareEntries(trx, scope.tenantId, [mirrored], {
        pathPrefix: () => '',
        allowInactiveAccounts: true,
        reversalOf: entryId,
      });
      const [reversal] = await writeEntries(trx, scope.tenantId, request.context, prepared);
      return reversal!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LinksError('already_reversed', `Journal entry ${entryId} was already reversed.`);
    throw error;
  }
}

/** Entries with their lines (account codes, decimal amounts) and who reversed them. */
export async function entryViews(trx: LedgerTransaction, entries: Array<Selectable<JournalEntryRow>>): Promise<JournalEntry[]> {
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.id);
  const lines = await trx
      .selectFrom('journal_lines as l')
      .innerJoin('accounts as a', (join) => join.onRef('a.tenant_id', '=', 'l.tenant_id').onRef('a.id', '=', 'l.account_id'))
      .select(['l.entry_id', 'l.line_number', 'a.code', 'l.debit', 'l.credit', 'l.subledger_account', 'l.dimensions', 'l.memo'])
      .where('l.entry_id', 'in', ids)
      .orderBy('l.entry_id')
      .orderBy('l.line_number')
      .execute();
  const reversals = await trx.selectFrom('journal_entries').select(['id', 'reversal_of']).where('reversal_of', 'in', ids).execute();
  const reversedBy = new Map(reversals.map((r) => [r.reversal_of!, r.id]));
  const linesByEntry = new Map<string, typeof lines>();
  for (const line of lines) {
    const list = linesByEntry.get(line.entry_id);
    if (list) list.push(line);
    else linesByEntry.set(line.entry_id, [line]);
  }
  return entries.map((e) =>
    journalEntryView(
      { ...e, reversed_by: reversedBy.get(e.id) ?? null },
      (linesByEntry.get(e.id) ?? []).map((l) => ({ ...l, account: l.code, debit: BigInt(l.debit), credit: BigInt(l.credit) })),
    ),
  );
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
}

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

    let pageQuery = query.selectAll('e').orderBy('e.sequence', 'desc').limit(page.limit + 1);
    if (page.cursor !== undefined) {
      const position = decodeCursor(page.cursor, isSequenceCursor);
      pageQuery = pageQuery.where('e.sequence', '<', position.s);
    } else {
      pageQuery = pageQuery.offset(offsetOf(page));
    }
    const rows = await pageQuery.execute();
    const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const more = rows.length > page.limit;
    const shown = rows.slice(0, page.limit);
    const last = shown.at(-1);
    return {
      ...toPage(await entryViews(trx, shown), Number(count.n), page),
      next_cursor: more && last ? encodeCursor({ s: String(last.sequence) }) : null,
    };
  });
}

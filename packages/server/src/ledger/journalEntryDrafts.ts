/**
 * Journal-entry drafts: an entry is proposed (by the REST API or an agent over MCP), checked exactly
 * as posting would check it, and waits until a person approves it (then it posts, once) or rejects
 * it. A proposal runs the real posting statement inside a savepoint that is always rolled back, so
 * it fails exactly where a post would, and reads each account's balance before and after on the way.
 * In production the approver must be another person than the proposer (maker-checker).
 *
 * Errors: propose — those of posting.ts (invalid_amount, unbalanced_entry, unknown_account,
 * inactive_account, currency_mismatch, subledger_account_required, invalid_request, period_closed),
 * idempotency_key_reused. get/approve/reject — not_found. approve — forbidden (production, the
 * proposer approving their own draft), conflict (the draft was rejected), and the posting errors
 * when the books changed since the proposal (the draft stays pending). reject — conflict (approved).
 */
import { v7 as uuidv7 } from 'uuid';
import { decodeCursor, type CursorPage } from '../domain/cursor.js';
import { LinksError, notFound } from '../domain/errors.js';
import type { DraftActor, DraftImpact, DraftProposer, DraftStatus, JournalEntryDraft } from '../domain/journalEntryDraft.js';
import { isDebitNormal, type JournalEntry, type JournalEntryInput } from '../domain/ledger.js';
import { formatMinor } from '../domain/money.js';
import { isIdPosition, keysetPage, rowsToRead } from '../domain/keysetPage.js';
import { offsetOf, toPage, type PageRequest } from '../domain/pagination.js';
import { recordDataEvent } from '../audit/environmentAudit.js';
import { accountTotals, decideDraftRow, findDraftRow, insertDraftRow, journalEntryRow, listDraftRows, type DraftRow } from '../storage/journalEntryDrafts.js';
import { rollbackToSavepoint, setSavepoint } from '../storage/savepoints.js';
import { entryViews } from './entryView.js';
import { postEntries } from './posting.js';
import { cursorOf, readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from './scope.js';

export type { DraftActor, DraftProposer, JournalEntryDraft } from '../domain/journalEntryDraft.js';

const TRIAL = 'draft_trial_posting';

/** Proposes `input` as a draft: 201 the draft with its impact; nothing is posted. */
export async function proposeJournalEntryDraft(
  scope: LedgerScope,
  request: WriteRequest,
  input: JournalEntryInput,
  proposer: DraftProposer,
): Promise<WriteOutcome<JournalEntryDraft>> {
  return writeLedger(scope, request, 201, async (trx) => {
    const impact = await trialImpact(trx, scope, request, input);
    const row: DraftRow = {
      tenant_id: scope.tenantId,
      id: uuidv7(),
      status: 'pending_approval',
      entry: input as unknown as Record<string, unknown>,
      impact: impact as unknown as Array<Record<string, unknown>>,
      proposed_by_key: proposer.keyId,
      proposed_by_user: proposer.userId,
      proposed_via: proposer.via,
      decided_by_key: null,
      decided_by_user: null,
      reason: null,
      journal_entry_id: null,
      created_at: new Date(),
      decided_at: null,
    };
    await insertDraftRow(trx, { ...row, entry: JSON.stringify(input), impact: JSON.stringify(impact) });
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'journal_entry_draft.proposed', resourceType: 'journal_entry_draft', resourceId: row.id });
    return draftView(row);
  });
}

/**
 * Posts the entry in a savepoint and rolls it back: refused as posting refuses it, or the balance of
 * each account it touches (in the entry's currency) before and after.
 */
async function trialImpact(trx: LedgerTransaction, scope: LedgerScope, request: WriteRequest, input: JournalEntryInput): Promise<DraftImpact[]> {
  const codes = [...new Set(input.lines.map((l) => l.account))];
  const before = await accountTotals(trx, codes, input.currency);
  await setSavepoint(trx, TRIAL);
  // No Idempotency-Key: the draft's own write holds it; the trial must not claim it again.
  const outcome = (await postEntries(trx, scope.tenantId, [{ request: { context: request.context, fingerprint: null }, entries: [input], shape: 'entry' }]))[0]!;
  const after = outcome instanceof LinksError ? [] : await accountTotals(trx, codes, input.currency);
  await rollbackToSavepoint(trx, TRIAL);
  if (outcome instanceof LinksError) throw outcome;
  const balance = (t: (typeof before)[number]) => formatMinor(isDebitNormal(t.type) ? t.debits - t.credits : t.credits - t.debits, input.currency);
  return codes.map((code) => {
    const was = before.find((t) => t.code === code);
    const is = after.find((t) => t.code === code);
    if (!was || !is) throw new Error(`draft impact: account ${code} posted but was not found`);
    return { account: code, currency: input.currency, before: balance(was), after: balance(is) };
  });
}

export async function getJournalEntryDraft(scope: LedgerScope, id: string): Promise<JournalEntryDraft> {
  return readLedger(scope, async (trx) => {
    const row = await findDraftRow(trx, id, false);
    if (!row) throw notFound('journal entry draft', id);
    return draftView(row);
  });
}

/** Newest first, optionally only those in one status; `cursor` continues after the previous page. */
export async function listJournalEntryDrafts(
  scope: LedgerScope,
  filter: { status?: DraftStatus | undefined },
  page: PageRequest & { cursor?: string | undefined },
): Promise<CursorPage<JournalEntryDraft>> {
  const binding = cursorOf(scope, 'journal_entry_drafts');
  const beforeId = page.cursor === undefined ? undefined : decodeCursor(binding, page.cursor, isIdPosition).id;
  return readLedger(scope, async (trx) => {
    const { rows, total } = await listDraftRows(trx, filter, { limit: rowsToRead(page.limit), offset: offsetOf(page), beforeId });
    const { shown, next_cursor } = keysetPage(rows, page.limit, binding, (last) => ({ id: last.id }));
    return { ...toPage(shown.map(draftView), total, page), next_cursor };
  });
}

/**
 * Posts a pending draft: 201 the entry. The draft row is locked first, so concurrent approvals queue
 * and post once; approving an approved draft answers the entry it posted. The entry is checked again
 * as any post is: a closed period or deactivated account refuses it and the draft stays pending.
 */
export async function approveJournalEntryDraft(scope: LedgerScope, request: WriteRequest, id: string, approver: DraftActor): Promise<WriteOutcome<JournalEntry>> {
  return writeLedger(scope, request, 201, async (trx) => {
    const draft = await findDraftRow(trx, id, true);
    if (!draft) throw notFound('journal entry draft', id);
    if (scope.environment === 'production' && draft.proposed_by_user === approver.userId) {
      throw new LinksError('forbidden', 'In production a draft must be approved by another person than the one who proposed it (maker-checker).', [
        { path: 'id', message: 'proposed by the same user' },
      ]);
    }
    if (draft.status === 'approved') return postedEntry(trx, draft);
    if (draft.status === 'rejected') throw new LinksError('conflict', `Journal entry draft ${id} was rejected; propose the entry again.`);
    const entry = draft.entry as unknown as JournalEntryInput;
    const outcome = (await postEntries(trx, scope.tenantId, [{ request: { context: request.context, fingerprint: null }, entries: [entry], shape: 'entry' }]))[0]!;
    if (outcome instanceof LinksError) throw outcome;
    const posted = outcome.body.data as JournalEntry;
    await decideDraftRow(trx, id, { status: 'approved', by: approver, at: new Date(), entryId: posted.id });
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'journal_entry_draft.approved', resourceType: 'journal_entry_draft', resourceId: id });
    return posted;
  });
}

/** Rejects a pending draft with a reason (the proposer may withdraw their own); again is a no-op. */
export async function rejectJournalEntryDraft(
  scope: LedgerScope,
  request: WriteRequest,
  id: string,
  rejecter: DraftActor,
  reason: string,
): Promise<WriteOutcome<JournalEntryDraft>> {
  return writeLedger(scope, request, 200, async (trx) => {
    const draft = await findDraftRow(trx, id, true);
    if (!draft) throw notFound('journal entry draft', id);
    if (draft.status === 'rejected') return draftView(draft);
    if (draft.status === 'approved') throw new LinksError('conflict', `Journal entry draft ${id} was approved and posted as ${draft.journal_entry_id}; reverse that entry instead.`);
    const decided = await decideDraftRow(trx, id, { status: 'rejected', by: rejecter, at: new Date(), reason });
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'journal_entry_draft.rejected', resourceType: 'journal_entry_draft', resourceId: id });
    return draftView(decided);
  });
}

async function postedEntry(trx: LedgerTransaction, draft: DraftRow): Promise<JournalEntry> {
  const row = await journalEntryRow(trx, draft.journal_entry_id!);
  if (!row) throw new Error(`approved draft ${draft.id} names a missing entry ${draft.journal_entry_id}`);
  return (await entryViews(trx, [row]))[0]!;
}

function draftView(row: DraftRow): JournalEntryDraft {
  return {
    id: row.id,
    status: row.status,
    entry: row.entry as unknown as JournalEntryInput,
    impact: row.impact as unknown as DraftImpact[],
    proposed_by: { key_id: row.proposed_by_key, user_id: row.proposed_by_user, via: row.proposed_via },
    created_at: row.created_at.toISOString(),
    decided_by: row.decided_by_key && row.decided_by_user ? { key_id: row.decided_by_key, user_id: row.decided_by_user } : null,
    decided_at: row.decided_at?.toISOString() ?? null,
    reason: row.reason,
    journal_entry_id: row.journal_entry_id,
  };
}

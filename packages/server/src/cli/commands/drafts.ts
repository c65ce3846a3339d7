/**
 * `links drafts list|show|propose|approve|reject` through @links/sdk (docs/ledger.md, "Drafts and
 * approval"): entries proposed for a person to approve; nothing posts until approved.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { JournalEntryDraft, JournalEntryDraftStatus } from '@links/sdk';
import { withData } from '../connection.js';
import { CliError, emit, emitList, renderRecord, renderTable } from '../output.js';
import { count, date, leaf } from '../commandKit.js';
import { collect, entryFromOptions, renderEntry, sumDecimals, type PostOptions } from './data.js';

const STATUSES: JournalEntryDraftStatus[] = ['pending_approval', 'approved', 'rejected'];

function renderDraft(draft: JournalEntryDraft): string {
  const head = renderRecord([
    ['id', draft.id],
    ['status', draft.status],
    ['date', draft.entry.date],
    ['description', draft.entry.description],
    ['currency', draft.entry.currency],
    ['reference', draft.entry.reference],
    ['proposed by', `${draft.proposed_by.user_id} (key ${draft.proposed_by.key_id}, via ${draft.proposed_by.via})`],
    ['created', draft.created_at],
    ...(draft.decided_by ? ([['decided by', `${draft.decided_by.user_id} (key ${draft.decided_by.key_id})`], ['decided', draft.decided_at]] as Array<[string, string | null]>) : []),
    ...(draft.reason ? ([['reason', draft.reason]] as Array<[string, string]>) : []),
    ...(draft.journal_entry_id ? ([['journal entry', draft.journal_entry_id]] as Array<[string, string]>) : []),
  ]);
  const lines = renderTable(
    ['account', 'debit', 'credit', 'sub-ledger account'],
    draft.entry.lines.map((l) => [l.account, l.debit, l.credit, l.subledger_account]),
    { align: ['left', 'right', 'right', 'left'] },
  );
  const impact = renderTable(
    ['account', 'currency', 'balance before', 'balance after'],
    draft.impact.map((i) => [i.account, i.currency, i.before, i.after]),
    { align: ['left', 'left', 'right', 'right'] },
  );
  return `${head}\n${lines}\nImpact (as the books stood when proposed)\n${impact}`;
}

export function registerDrafts(program: Command): void {
  const drafts = program.command('drafts').description('journal-entry drafts: proposed entries that post when a person approves them');
  leaf(drafts, 'list', 'list drafts, newest first')
    .addOption(new Option('--status <status>', 'only drafts in this status').choices(STATUSES))
    .option('--limit <n>', 'at most this many (default 20)', count)
    .action(async (options: PostOptions & { status?: JournalEntryDraftStatus; limit?: number }) =>
      withData(options, async ({ sdk }) => {
        const limit = options.limit ?? 20;
        const items: JournalEntryDraft[] = [];
        for await (const draft of sdk.journalEntryDrafts.list({ status: options.status, limit: Math.min(limit, 100) })) {
          items.push(draft);
          if (items.length >= limit) break;
        }
        emitList(
          options,
          items,
          'drafts',
          ['id', 'status', 'date', 'description', 'currency', 'amount', 'via'],
          (d) => [d.id, d.status, d.entry.date, d.entry.description, d.entry.currency, sumDecimals(d.entry.lines.map((l) => l.debit)), d.proposed_by.via],
          ['left', 'left', 'left', 'left', 'left', 'right', 'left'],
        );
      }),
    );
  leaf(drafts, 'show', 'show one draft with its balance impact')
    .argument('<id>')
    .action(async (id: string, options: PostOptions) =>
      withData(options, async ({ sdk }) => {
        const draft = await sdk.journalEntryDrafts.get(id);
        emit(options, draft, () => renderDraft(draft));
      }),
    );
  leaf(drafts, 'propose', 'propose a journal entry: checked as posting would, kept for approval, nothing posted')
    .option('--date <date>', 'YYYY-MM-DD', date)
    .option('--description <text>')
    .option('--currency <code>', 'ISO 4217, e.g. USD')
    .option('--line <ACCOUNT:debit|credit:AMOUNT[:PARTY]>', 'a line (repeat: at least two)', collect)
    .option('--reference <text>', 'your reference, e.g. an invoice number')
    .option('--file <path>', 'the entry as JSON (- for stdin) instead of the options above')
    .action(async (options: PostOptions) => {
      const input = entryFromOptions(options, 'drafts propose');
      await withData(options, async ({ sdk }) => {
        const draft = await sdk.journalEntryDrafts.create(input);
        emit(options, draft, () => renderDraft(draft));
      });
    });
  leaf(drafts, 'approve', 'approve a draft: posts its entry (once) and prints it')
    .argument('<id>')
    .action(async (id: string, options: PostOptions) =>
      withData(options, async ({ sdk }) => {
        const entry = await sdk.journalEntryDrafts.approve(id);
        emit(options, entry, () => renderEntry(entry));
      }),
    );
  leaf(drafts, 'reject', 'reject a draft, saying why')
    .argument('<id>')
    .requiredOption('--reason <text>', 'why it is rejected')
    .action(async (id: string, options: PostOptions & { reason: string }) =>
      withData(options, async ({ sdk }) => {
        if (options.reason.trim() === '') throw new CliError('drafts reject: --reason must say why');
        const draft = await sdk.journalEntryDrafts.reject(id, options.reason);
        emit(options, draft, () => renderDraft(draft));
      }),
    );
}

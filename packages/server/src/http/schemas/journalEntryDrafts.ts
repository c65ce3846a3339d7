/** Journal-entry drafts on the wire (docs/ledger.md, "Drafts and approval"). */
import { z } from 'zod';
import { DRAFT_STATUSES } from '../../domain/journalEntryDraft.js';
import { text, timestamp } from './common.js';
import { journalEntryInput } from './ledger.js';

export const draftStatus = z.enum(DRAFT_STATUSES);

export const journalEntryDraftView = z
  .object({
    id: z.string(),
    status: draftStatus,
    entry: journalEntryInput,
    impact: z.array(
      z.object({
        account: z.string(),
        currency: z.string(),
        before: z.string().meta({ description: "The account's balance in this currency when the draft was proposed, signed by its normal side." }),
        after: z.string().meta({ description: 'The balance once the entry posts (on the books as they stood when proposed).' }),
      }),
    ),
    proposed_by: z.object({ key_id: z.string(), user_id: z.string(), via: z.enum(['api', 'mcp']) }),
    created_at: timestamp,
    decided_by: z.object({ key_id: z.string(), user_id: z.string() }).nullable(),
    decided_at: timestamp.nullable(),
    reason: z.string().nullable(),
    journal_entry_id: z.string().nullable(),
  })
  .meta({ id: 'JournalEntryDraft' });

export const rejectDraftBody = z.strictObject({ reason: text(1000) });

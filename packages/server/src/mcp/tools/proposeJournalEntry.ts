/** `propose_journal_entry`: a draft for a person to approve, with its balance impact; posts nothing. */
import { z } from 'zod';
import { proposeJournalEntryDraft } from '../../ledger/journalEntryDrafts.js';
import { defineTool } from '../tool.js';
import { entryArguments, idempotencyKey, toolWriteRequest } from './entryArguments.js';
import { dataObject } from './toolSchemas.js';

export const draftOutput = z.object({
  id: z.string(),
  status: z.enum(['pending_approval', 'approved', 'rejected']),
  entry: dataObject,
  impact: z.array(z.object({ account: z.string(), currency: z.string(), before: z.string(), after: z.string() })).describe("Each account's balance before and after, signed by its normal side."),
  proposed_by: z.object({ key_id: z.string(), user_id: z.string(), via: z.enum(['api', 'mcp']) }),
  created_at: z.string(),
  decided_by: z.object({ key_id: z.string(), user_id: z.string() }).nullable(),
  decided_at: z.string().nullable(),
  reason: z.string().nullable(),
  journal_entry_id: z.string().nullable(),
});

export default defineTool({
  name: 'propose_journal_entry',
  title: 'Propose a journal entry',
  description:
    'Checks a journal entry exactly as posting would and saves it as a draft awaiting a person\'s approval (in the Links API, SDK or CLI), with each account\'s balance before and after. ' +
    'Side effects: creates one draft; posts nothing and changes no balance. Refused (isError) with the reason when the entry could not post (unbalanced, unknown account, closed period, …).',
  input: z.object({ ...entryArguments, idempotency_key: idempotencyKey.optional() }),
  output: draftOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  permission: 'write',
  async run(context, { entry, idempotency_key }) {
    const { keyId, userId } = context.principal;
    const outcome = await proposeJournalEntryDraft(context.scope, toolWriteRequest(context, entry, idempotency_key), entry, { keyId, userId, via: 'mcp' });
    return { ...outcome.body.data, entry: { ...outcome.body.data.entry } };
  },
});

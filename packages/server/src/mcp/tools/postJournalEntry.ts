/**
 * `post_journal_entry`: posts an entry directly, offered only to keys allowed to (sandbox keys with
 * write permission; production keys whose owner or admin enabled direct agent posting).
 */
import { z } from 'zod';
import { mayPostDirectlyAsAgent } from '../../domain/agentPosting.js';
import { postJournalEntry } from '../../ledger/journalEntries.js';
import { defineTool } from '../tool.js';
import { entryArguments, idempotencyKey, toolWriteRequest } from './entryArguments.js';
import { journalEntrySchema } from './listJournalEntries.js';

export default defineTool({
  name: 'post_journal_entry',
  title: 'Post a journal entry',
  description:
    'Posts a journal entry to the ledger at once (no approval). Side effects: adds one posted entry and changes the balances of its accounts; nothing is deleted or overwritten (a mistake is corrected by a reversing entry, which an agent cannot make). ' +
    'Requires idempotency_key: a retry with the same key answers the first result and posts nothing twice. Prefer propose_journal_entry when a person should review.',
  input: z.object({ ...entryArguments, idempotency_key: idempotencyKey }),
  output: z.object({ entry: journalEntrySchema, replayed: z.boolean().describe('True when this idempotency_key had already posted: nothing new was posted.') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  permission: 'write',
  offeredTo: mayPostDirectlyAsAgent,
  async run(context, { entry, idempotency_key }) {
    const outcome = await postJournalEntry(context.scope, toolWriteRequest(context, entry, idempotency_key), entry);
    return { entry: outcome.body.data, replayed: outcome.replayed };
  },
});

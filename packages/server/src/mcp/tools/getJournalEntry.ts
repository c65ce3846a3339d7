/** `get_journal_entry`: one entry with its lines and its audit trail (who posted or reversed it, when). */
import { z } from 'zod';
import { eventsOfResource } from '../../audit/environmentAudit.js';
import { getJournalEntry } from '../../ledger/journalEntries.js';
import { readLedger } from '../../ledger/scope.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { journalEntrySchema } from './listJournalEntries.js';

const auditItem = z.object({ at: z.string(), action: z.string(), actor: z.object({ type: z.string(), id: z.string() }), request_id: z.string() });

export default defineTool({
  name: 'get_journal_entry',
  title: 'Journal entry',
  description: `One posted journal entry by id, with its lines and its audit trail (posted, reversed: by which key or user, when). ${READ_ONLY_NOTE}`,
  input: z.object({ id: z.uuid().describe('The entry id.') }),
  output: z.object({ entry: journalEntrySchema, audit_trail: z.array(auditItem) }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ scope }, { id }) {
    const entry = await getJournalEntry(scope, id);
    const events = await readLedger(scope, (trx) => eventsOfResource(trx, scope.environment, { type: 'journal_entry', id }, 100));
    return { entry, audit_trail: events.map((e) => ({ at: e.at, action: e.action, actor: e.actor, request_id: e.request_id })) };
  },
});

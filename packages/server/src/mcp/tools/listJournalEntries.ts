/** `list_journal_entries`: posted entries, newest first, filtered by date, account, reference or text. */
import { z } from 'zod';
import { journalLineView } from '../../http/schemas/ledger.js';
import { listJournalEntries } from '../../ledger/journalEntries.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { listArguments, listOutput, offsetPage, onlyFields } from '../toolResults.js';
import { accountCodeArgument, dataObject, dateArgument } from './toolSchemas.js';

const ENTRY_FIELDS = ['id', 'date', 'description', 'currency', 'reference', 'status', 'lines', 'created_at', 'reversal_of', 'reversed_by', 'metadata'] as const;

const entryItem = z.object({
  id: z.string().optional(),
  date: z.string().optional(),
  description: z.string().optional(),
  currency: z.string().optional(),
  reference: z.string().nullable().optional(),
  status: z.string().optional(),
  lines: z.array(journalLineView).optional(),
  created_at: z.string().optional(),
  reversal_of: z.string().nullable().optional(),
  reversed_by: z.string().nullable().optional(),
  metadata: dataObject.optional(),
});

export const journalEntrySchema = entryItem.required();

export default defineTool({
  name: 'list_journal_entries',
  title: 'Journal entries',
  description: `Posted journal entries, newest first: filter by date range (from, to), account code, exact reference, or text (in description or reference). fields picks what each entry carries (default: all). ${READ_ONLY_NOTE}`,
  input: z.object({
    from: dateArgument.optional(),
    to: dateArgument.optional(),
    account: accountCodeArgument.optional(),
    reference: z.string().min(1).max(255).optional(),
    text: z.string().min(1).max(255).optional(),
    fields: z.array(z.enum(ENTRY_FIELDS)).max(ENTRY_FIELDS.length).optional(),
    ...listArguments,
  }),
  output: listOutput(entryItem),
  annotations: READ_ONLY,
  permission: 'read',
  async run(context, { fields, limit, cursor, ...filter }) {
    const page = await offsetPage(context, { limit, cursor }, (p) => listJournalEntries(context.scope, filter, p));
    return { ...page, data: onlyFields(page.data as unknown as Array<Record<string, unknown>>, fields) };
  },
});

/** `get_trial_balance`: every account's debit or credit balance; the totals always agree. */
import { z } from 'zod';
import { trialBalance } from '../../ledger/reports.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { accountTypeSchema, currencyArgument, dateArgument } from './toolSchemas.js';

export default defineTool({
  name: 'get_trial_balance',
  title: 'Trial balance',
  description: `The trial balance in one currency (default: the books' only currency): each account with a balance, as a debit or a credit, and the totals, which are always equal. ${READ_ONLY_NOTE}`,
  input: z.object({ as_of: dateArgument.optional().describe('YYYY-MM-DD; default: now.'), currency: currencyArgument.optional() }),
  output: z.object({
    as_of: z.string().nullable(),
    currency: z.string().nullable(),
    accounts: z.array(z.object({ code: z.string(), name: z.string(), type: accountTypeSchema, debit: z.string(), credit: z.string() })),
    total_debits: z.string(),
    total_credits: z.string(),
  }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ scope }, query) {
    return { ...(await trialBalance(scope, query)) };
  },
});

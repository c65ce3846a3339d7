/** `get_account_balance`: one account's balance per currency, now or as of a date. */
import { z } from 'zod';
import { accountBalance } from '../../ledger/accounts.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { accountCodeArgument, currencyArgument, currencyBalanceSchema, dateArgument } from './toolSchemas.js';

export default defineTool({
  name: 'get_account_balance',
  title: 'Account balance',
  description: `The balance of one account (by code) per currency, now or at the end of as_of; include_children adds its sub-accounts. Balances are signed by the account's normal side. ${READ_ONLY_NOTE}`,
  input: z.object({
    account: accountCodeArgument.describe('The account code, e.g. 1100.'),
    as_of: dateArgument.optional().describe('YYYY-MM-DD; default: now.'),
    currency: currencyArgument.optional(),
    include_children: z.boolean().optional(),
  }),
  output: z.object({ account: z.string(), as_of: z.string().nullable(), include_children: z.boolean(), balances: z.array(currencyBalanceSchema) }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ scope }, { account, ...query }) {
    return { ...(await accountBalance(scope, account, query)) };
  },
});

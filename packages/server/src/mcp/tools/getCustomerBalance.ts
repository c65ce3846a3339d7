/** `get_customer_balance`: what a customer owes, per receivable account and currency. */
import { z } from 'zod';
import { customerBalance } from '../../records/unifiedRecords.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { dateArgument } from './toolSchemas.js';

export default defineTool({
  name: 'get_customer_balance',
  title: 'Customer balance',
  description: `A customer's balance (by unified customer id) on every receivable that carries it, per currency, now or as of a date. ${READ_ONLY_NOTE}`,
  input: z.object({ customer_id: z.uuid().describe('The unified customer id.'), as_of: dateArgument.optional() }),
  output: z.object({
    customer_id: z.string(),
    name: z.string().nullable().describe("The customer's current name, as its sub-ledger accounts show it."),
    as_of: z.string().nullable(),
    balances: z.array(z.object({ account: z.string(), currency: z.string(), debits: z.string(), credits: z.string(), balance: z.string() })),
  }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ scope }, { customer_id, as_of }) {
    return { ...(await customerBalance(scope, customer_id, as_of)) };
  },
});

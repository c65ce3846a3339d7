/** `get_income_statement`: revenue, expenses and net income over a date range. */
import { z } from 'zod';
import { LinksError } from '../../domain/errors.js';
import { incomeStatement } from '../../ledger/reports.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { currencyArgument, dateArgument, reportSectionSchema } from './toolSchemas.js';

export default defineTool({
  name: 'get_income_statement',
  title: 'Income statement',
  description: `The income statement (profit and loss) in one currency over from..to (inclusive; default: all time): revenue, expenses and net income. ${READ_ONLY_NOTE}`,
  input: z.object({ from: dateArgument.optional(), to: dateArgument.optional(), currency: currencyArgument.optional() }),
  output: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    currency: z.string().nullable(),
    revenue: reportSectionSchema,
    expenses: reportSectionSchema,
    net_income: z.string(),
  }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ scope }, query) {
    if (query.from && query.to && query.from > query.to) throw new LinksError('invalid_request', 'from must not be after to.', [{ path: 'from', message: 'after to' }]);
    return { ...(await incomeStatement(scope, query)) };
  },
});

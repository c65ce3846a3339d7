/** `get_balance_sheet`: assets, liabilities and equity (with current earnings) as of a date. */
import { z } from 'zod';
import { balanceSheet } from '../../ledger/reports.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { currencyArgument, dateArgument, reportSectionSchema } from './toolSchemas.js';

export default defineTool({
  name: 'get_balance_sheet',
  title: 'Balance sheet',
  description: `The balance sheet in one currency: assets, liabilities and equity (including current earnings), where assets = liabilities + equity. ${READ_ONLY_NOTE}`,
  input: z.object({ as_of: dateArgument.optional().describe('YYYY-MM-DD; default: now.'), currency: currencyArgument.optional() }),
  output: z.object({
    as_of: z.string().nullable(),
    currency: z.string().nullable(),
    assets: reportSectionSchema,
    liabilities: reportSectionSchema,
    equity: reportSectionSchema.extend({ current_earnings: z.string() }),
    total_liabilities_and_equity: z.string(),
  }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ scope }, query) {
    return { ...(await balanceSheet(scope, query)) };
  },
});

/** `list_accounting_exceptions`: records the books could not account for, newest first, with what to fix. */
import { z } from 'zod';
import { accountingExceptionItem } from '../../http/schemas/accountingExceptions.js';
import { UNIFIED_MODELS } from '../../domain/unifiedModels.js';
import { cursorOf } from '../../ledger/scope.js';
import { listAccountingExceptions } from '../../records/accountingExceptions.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { listArguments } from '../toolResults.js';

export default defineTool({
  name: 'list_accounting_exceptions',
  title: 'Accounting exceptions',
  description: `Records whose latest version could not be accounted for (an unknown or inactive account, a closed period, …), newest first, each with the error to fix. ${READ_ONLY_NOTE}`,
  input: z.object({ model: z.enum(UNIFIED_MODELS).optional(), code: z.string().min(1).max(64).optional().describe('Only this error code, e.g. unknown_account.'), ...listArguments }),
  output: z.object({ data: z.array(accountingExceptionItem), next_cursor: z.string().nullable() }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ scope }, args) {
    const page = await listAccountingExceptions(scope, args, cursorOf(scope, 'accounting_exceptions'));
    return { data: page.data, next_cursor: page.next_cursor };
  },
});

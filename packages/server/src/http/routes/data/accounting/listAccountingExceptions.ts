/** `GET /api/v1/accounting/exceptions` → records whose latest version could not be accounted for, newest first, with what to fix. */
import { z } from 'zod';
import { UNIFIED_MODELS } from '../../../../domain/unifiedModels.js';
import { cursorOf } from '../../../../ledger/scope.js';
import { listAccountingExceptions } from '../../../../records/accountingExceptions.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import { accountingExceptionItem } from '../../../schemas/accountingExceptions.js';
import { pageQueryShape } from '../../../schemas/common.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';

/** The codes an accounting outcome can carry (the rules' and the posting's errors). */
const ACCOUNTING_CODES = ['unknown_account', 'inactive_account', 'currency_mismatch', 'subledger_account_required', 'period_closed', 'invalid_request', 'invalid_amount', 'unbalanced_entry'] as const;

const query = z.strictObject({
  model: z.enum(UNIFIED_MODELS).optional(),
  code: z.enum(ACCOUNTING_CODES).optional(),
  limit: pageQueryShape.limit,
  cursor: z.string().max(512).optional(),
});

const exception = accountingExceptionItem.meta({ id: 'AccountingException' });

const page = z.object({ data: z.array(exception), limit: z.number().int(), next_cursor: z.string().nullable() }).meta({ id: 'AccountingExceptionList' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get('/api/v1/accounting/exceptions', { config: { permission: 'read' }, schema: { querystring: query, response: { 200: page } } }, async (request) => {
    const scope = ledgerScope(request, services);
    return listAccountingExceptions(scope, request.query, cursorOf(scope, 'accounting_exceptions'));
  });
}

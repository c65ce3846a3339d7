/** `GET /api/v1/unified/customer/{id}/balance?as_of=` → the customer's balance on each receivable (sub-ledger), per currency. */
import { z } from 'zod';
import { customerBalance } from '../../../../records/unifiedRecords.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { calendarDate } from '../../../schemas/ledger.js';
import { recordId } from '../../../schemas/unified.js';

const customerBalanceView = z
  .object({
    customer_id: z.string(),
    name: z.string().nullable(),
    as_of: z.string().nullable(),
    balances: z.array(z.object({ account: z.string(), currency: z.string(), debits: z.string(), credits: z.string(), balance: z.string() })),
  })
  .meta({ id: 'CustomerBalance' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/unified/customer/:id/balance',
    {
      config: { permission: 'read' },
      schema: { params: recordId, querystring: z.strictObject({ as_of: calendarDate.optional() }), response: { 200: single(customerBalanceView) } },
    },
    async (request) => ({ data: await customerBalance(ledgerScope(request, services), request.params.id, request.query.as_of) }),
  );
}

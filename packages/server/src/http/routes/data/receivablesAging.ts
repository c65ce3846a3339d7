/** `GET /api/v1/reports/ar-aging?as_of=&account=` → receivables per customer by days past due, per currency. */
import { z } from 'zod';
import { receivablesAging } from '../../../ledger/receivablesAging.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { arAgingView } from '../../schemas/books.js';
import { single } from '../../schemas/common.js';
import { accountCode, calendarDate } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/reports/ar-aging',
    {
      config: { permission: 'read' },
      schema: { querystring: z.strictObject({ as_of: calendarDate.optional(), account: accountCode.optional() }), response: { 200: single(arAgingView) } },
    },
    async (request) => ({ data: await receivablesAging(ledgerScope(request, services), request.query) }),
  );
}

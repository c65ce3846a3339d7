/** `GET /api/v1/reports/trial-balance?as_of=&currency=` → per-account debit/credit; totals always equal. */
import { z } from 'zod';
import { trialBalance } from '../../../ledger/reports.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { accountType, calendarDate, currency } from '../../schemas/ledger.js';

const view = z
  .object({
    as_of: z.string().nullable(),
    currency: z.string().nullable(),
    accounts: z.array(z.object({ code: z.string(), name: z.string(), type: accountType, debit: z.string(), credit: z.string() })),
    total_debits: z.string(),
    total_credits: z.string(),
  })
  .meta({ id: 'TrialBalance' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/reports/trial-balance',
    {
      config: { permission: 'read' },
      schema: { querystring: z.strictObject({ as_of: calendarDate.optional(), currency: currency.optional() }), response: { 200: single(view) } },
    },
    async (request) => ({ data: await trialBalance(ledgerScope(request, services), request.query) }),
  );
}

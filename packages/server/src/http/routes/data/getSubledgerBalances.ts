/** `GET /api/v1/subledgers/{code}/balances?as_of=` → per-party balances, and totals equal to the control account's. */
import { z } from 'zod';
import { subledgerBalances } from '../../../ledger/subledgers.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { pageQueryShape } from '../../schemas/common.js';
import { accountCode, balanceView, calendarDate } from '../../schemas/ledger.js';

const partyBalances = z
  .object({
    data: z.array(z.object({ subledger_account: z.string(), name: z.string().nullable().describe("the customer's current name when the party is a recorded customer, else null"), currency: z.string(), debits: z.string(), credits: z.string(), balance: z.string() })),
    page: z.number().int(),
    limit: z.number().int(),
    totalPages: z.number().int(),
    totalResults: z.number().int(),
    subledger: z.string(),
    control_account: z.string(),
    as_of: z.string().nullable(),
    totals: z.array(balanceView),
  })
  .meta({ id: 'SubledgerBalances' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/subledgers/:code/balances',
    {
      config: { permission: 'read' },
      schema: {
        params: z.object({ code: accountCode }),
        querystring: z.strictObject({ ...pageQueryShape, as_of: calendarDate.optional() }),
        response: { 200: partyBalances },
      },
    },
    async (request) => {
      const { page, limit, ...query } = request.query;
      return subledgerBalances(ledgerScope(request, services), request.params.code, query, { page, limit });
    },
  );
}

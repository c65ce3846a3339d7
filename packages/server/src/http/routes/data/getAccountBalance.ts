/** `GET /api/v1/accounts/{code}/balance?as_of=&currency=&include_children=` → balances per currency. */
import { z } from 'zod';
import { accountBalance } from '../../../ledger/accounts.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { accountCode, balanceView, booleanQuery, calendarDate, currency } from '../../schemas/ledger.js';

const accountBalanceView = z
  .object({ account: z.string(), as_of: z.string().nullable(), include_children: z.boolean(), balances: z.array(balanceView) })
  .meta({ id: 'AccountBalance' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/accounts/:code/balance',
    {
      config: { permission: 'read' },
      schema: {
        params: z.object({ code: accountCode }),
        querystring: z.strictObject({ as_of: calendarDate.optional(), currency: currency.optional(), include_children: booleanQuery.optional() }),
        response: { 200: single(accountBalanceView) },
      },
    },
    async (request) => ({ data: await accountBalance(ledgerScope(request, services), request.params.code, request.query) }),
  );
}

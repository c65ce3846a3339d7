/** `GET /api/v1/accounts?type=&is_active=` → the chart of accounts, by code. */
import { z } from 'zod';
import { listAccounts } from '../../../ledger/accounts.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQueryShape } from '../../schemas/common.js';
import { accountType, accountView, booleanQuery } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/accounts',
    {
      config: { permission: 'read' },
      schema: {
        querystring: z.strictObject({ ...pageQueryShape, type: accountType.optional(), is_active: booleanQuery.optional() }),
        response: { 200: list(accountView) },
      },
    },
    async (request) => {
      const { page, limit, ...filter } = request.query;
      return listAccounts(ledgerScope(request, services), filter, { page, limit });
    },
  );
}

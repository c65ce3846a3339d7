/** `GET /api/v1/accounts/{code}` → the account. */
import { z } from 'zod';
import { getAccount } from '../../../ledger/accounts.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { accountCode, accountView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/accounts/:code',
    { config: { permission: 'read' }, schema: { params: z.object({ code: accountCode }), response: { 200: single(accountView) } } },
    async (request) => ({ data: await getAccount(ledgerScope(request, services), request.params.code) }),
  );
}

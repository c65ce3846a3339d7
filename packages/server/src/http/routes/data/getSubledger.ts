/** `GET /api/v1/subledgers/{code}` → the sub-ledger. */
import { z } from 'zod';
import { getSubledger } from '../../../ledger/subledgers.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { accountCode, subledgerView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/subledgers/:code',
    { config: { permission: 'read' }, schema: { params: z.object({ code: accountCode }), response: { 200: single(subledgerView) } } },
    async (request) => ({ data: await getSubledger(ledgerScope(request, services), request.params.code) }),
  );
}

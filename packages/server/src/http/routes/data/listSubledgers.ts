/** `GET /api/v1/subledgers` → the sub-ledgers, by code. */
import { listSubledgers } from '../../../ledger/subledgers.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQuery } from '../../schemas/common.js';
import { subledgerView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/subledgers',
    { config: { permission: 'read' }, schema: { querystring: pageQuery, response: { 200: list(subledgerView) } } },
    async (request) => listSubledgers(ledgerScope(request, services), request.query),
  );
}

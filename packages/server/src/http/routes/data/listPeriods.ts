/** `GET /api/v1/periods` → months with postings or a status change, newest first. */
import { listPeriods } from '../../../ledger/periods.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQuery } from '../../schemas/common.js';
import { periodView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/periods',
    { config: { permission: 'read' }, schema: { querystring: pageQuery, response: { 200: list(periodView) } } },
    async (request) => listPeriods(ledgerScope(request, services), request.query),
  );
}

/**
 * `GET /api/v1/gl-connections/{id}/reconciliation?as_of=&currency=` → Links' balance per ERP account
 * (movements from start_date) against the ERP's trial balance at that date; `matched` when no account differs.
 */
import { z } from 'zod';
import { todayUtc } from '../../../../domain/calendar.js';
import { reconcileGlConnection } from '../../../../gl/glTransferService.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody, single } from '../../../schemas/common.js';
import { glConnectionId, glReconciliationView } from '../../../schemas/glConnections.js';
import { calendarDate } from '../../../schemas/ledger.js';

const query = z.strictObject({ as_of: calendarDate.optional(), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional() });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/gl-connections/:id/reconciliation',
    { config: { permission: 'read' }, schema: { params: glConnectionId, querystring: query, response: { 200: single(glReconciliationView), 409: errorBody } } },
    async (request) => ({ data: await reconcileGlConnection(ledgerScope(request, services), services.gl, request.params.id, request.query.as_of ?? todayUtc(), request.query.currency) }),
  );
}

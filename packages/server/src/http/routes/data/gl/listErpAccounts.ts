/** `GET /api/v1/gl-connections/{id}/accounts` → the ERP's chart of accounts, read live (a webhook receiver has none). */
import { z } from 'zod';
import { listErpAccounts } from '../../../../gl/glConnections.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody } from '../../../schemas/common.js';
import { erpAccountView, glConnectionId } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/gl-connections/:id/accounts',
    { config: { permission: 'read' }, schema: { params: glConnectionId, response: { 200: z.object({ data: z.array(erpAccountView) }), 409: errorBody } } },
    async (request) => ({ data: await listErpAccounts(ledgerScope(request, services), services.gl, request.params.id) }),
  );
}

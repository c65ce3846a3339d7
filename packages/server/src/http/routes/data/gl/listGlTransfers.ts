/** `GET /api/v1/gl-connections/{id}/transfers?status=&cursor=&limit=` → the connection's transfers, oldest first, paged by cursor. */
import { z } from 'zod';
import { GL_TRANSFER_STATUSES } from '../../../../domain/glTransfer.js';
import { listGlTransfers } from '../../../../gl/glTransferService.js';
import { cursorOf } from '../../../../ledger/scope.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { pageQueryShape } from '../../../schemas/common.js';
import { glConnectionId, glTransferList } from '../../../schemas/glConnections.js';

const query = z.strictObject({ status: z.enum(GL_TRANSFER_STATUSES).optional(), limit: pageQueryShape.limit, cursor: z.string().max(512).optional() });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/gl-connections/:id/transfers',
    { config: { permission: 'read' }, schema: { params: glConnectionId, querystring: query, response: { 200: glTransferList } } },
    async (request) => {
      const scope = ledgerScope(request, services);
      return listGlTransfers(scope, cursorOf(scope, 'gl_transfers'), request.params.id, request.query);
    },
  );
}

/** `GET /api/v1/external-connections/{id}` → the connection (never its connection string). */
import { getConnection } from '../../../../connections/externalConnections.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { connectionId, connectionView } from '../../../schemas/externalConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/external-connections/:id',
    { config: { permission: 'read' }, schema: { params: connectionId, response: { 200: single(connectionView) } } },
    async (request) => ({ data: await getConnection(ledgerScope(request, services), request.params.id) }),
  );
}

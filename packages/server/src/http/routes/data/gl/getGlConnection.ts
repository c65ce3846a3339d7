/** `GET /api/v1/gl-connections/{id}` → the connection (never its credentials). */
import { getGlConnection } from '../../../../gl/glConnections.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { glConnectionId, glConnectionView } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/gl-connections/:id',
    { config: { permission: 'read' }, schema: { params: glConnectionId, response: { 200: single(glConnectionView) } } },
    async (request) => ({ data: await getGlConnection(ledgerScope(request, services), request.params.id) }),
  );
}

/** `GET /api/v1/gl-connections?page=&limit=` → the tenant environment's GL connections, oldest first. */
import { listGlConnections } from '../../../../gl/glConnections.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { list, pageQuery } from '../../../schemas/common.js';
import { glConnectionView } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/gl-connections',
    { config: { permission: 'read' }, schema: { querystring: pageQuery, response: { 200: list(glConnectionView) } } },
    async (request) => listGlConnections(ledgerScope(request, services), request.query),
  );
}

/** `GET /api/v1/external-connections?page=&limit=` → the tenant environment's data sources, oldest first. */
import { listConnections } from '../../../../connections/externalConnections.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { list, pageQuery } from '../../../schemas/common.js';
import { connectionView } from '../../../schemas/externalConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/external-connections',
    { config: { permission: 'read' }, schema: { querystring: pageQuery, response: { 200: list(connectionView) } } },
    async (request) => listConnections(ledgerScope(request, services), request.query),
  );
}

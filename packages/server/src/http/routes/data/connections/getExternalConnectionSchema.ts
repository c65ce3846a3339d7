/**
 * `GET /api/v1/external-connections/{id}/schema` → `[{column_name, data_type}]`, a bare array as the
 * Links API answers it (not wrapped in `data`): CSV types are inferred from the values.
 */
import { connectionSchema } from '../../../../connections/externalConnections.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { connectionId, sourceColumns } from '../../../schemas/externalConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/external-connections/:id/schema',
    { config: { permission: 'read' }, schema: { params: connectionId, response: { 200: sourceColumns } } },
    async (request) => connectionSchema(ledgerScope(request, services), services.secretsKey, request.params.id),
  );
}

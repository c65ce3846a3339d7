/** `PUT /api/v1/external-connections/{id}/mapping` {model, fields: {unified field: column}, defaults?, source_system?} → the connection. */
import { updateConnection } from '../../../../connections/externalConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { connectionId, connectionView, mappingBody } from '../../../schemas/externalConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.put(
    '/api/v1/external-connections/:id/mapping',
    { config: { permission: 'write' }, schema: { params: connectionId, body: mappingBody, response: { 200: single(connectionView) } } },
    async (request, reply) => sendOutcome(reply, await updateConnection(ledgerScope(request, services), writeRequest(request), services.secretsKey, request.params.id, { mapping: request.body })),
  );
}

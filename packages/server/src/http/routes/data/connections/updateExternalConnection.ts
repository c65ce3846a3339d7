/** `PUT /api/v1/external-connections/{id}` {name?, csv?, connection_string?, table?, query?, mapping?} → the connection; fields left out stay. */
import { updateConnection } from '../../../../connections/externalConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody, single } from '../../../schemas/common.js';
import { connectionId, connectionView, updateConnectionBody } from '../../../schemas/externalConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.put(
    '/api/v1/external-connections/:id',
    { config: { permission: 'write' }, schema: { params: connectionId, body: updateConnectionBody, response: { 200: single(connectionView), 422: errorBody } } },
    async (request, reply) => sendOutcome(reply, await updateConnection(ledgerScope(request, services), writeRequest(request), services.secretsKey, request.params.id, request.body)),
  );
}

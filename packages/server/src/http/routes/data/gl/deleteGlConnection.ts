/** `DELETE /api/v1/gl-connections/{id}` → the connection as it was; nothing more is sent through it; a Xero connection's tokens are dropped. */
import { deleteGlConnection } from '../../../../gl/glConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { glConnectionId, glConnectionView } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.delete(
    '/api/v1/gl-connections/:id',
    { config: { permission: 'write' }, schema: { params: glConnectionId, response: { 200: single(glConnectionView) } } },
    async (request, reply) => sendOutcome(reply, await deleteGlConnection(ledgerScope(request, services), writeRequest(request), services.gl, request.params.id)),
  );
}

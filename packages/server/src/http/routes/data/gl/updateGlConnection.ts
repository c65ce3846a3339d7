/** `PATCH /api/v1/gl-connections/{id}` {name?, settings?} → the connection; `settings.paused: false` also resumes one that needed authorization or failed. */
import { changeGlConnection } from '../../../../gl/glConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { glConnectionId, glConnectionView, updateGlConnectionBody } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.patch(
    '/api/v1/gl-connections/:id',
    { config: { permission: 'write' }, schema: { params: glConnectionId, body: updateGlConnectionBody, response: { 200: single(glConnectionView) } } },
    async (request, reply) => sendOutcome(reply, await changeGlConnection(ledgerScope(request, services), writeRequest(request), services.gl, request.params.id, request.body)),
  );
}

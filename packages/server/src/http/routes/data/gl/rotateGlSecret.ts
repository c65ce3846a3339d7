/** `POST /api/v1/gl-connections/{id}/rotate-secret` → a new webhook signing secret (shown once); the previous one stays valid for a day. */
import { rotateGlSecret } from '../../../../gl/glConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { glConnectionId, rotatedSecretView } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/gl-connections/:id/rotate-secret',
    { config: { permission: 'write' }, schema: { params: glConnectionId, response: { 200: single(rotatedSecretView) } } },
    async (request, reply) => sendOutcome(reply, await rotateGlSecret(ledgerScope(request, services), writeRequest(request), services.gl, request.params.id)),
  );
}

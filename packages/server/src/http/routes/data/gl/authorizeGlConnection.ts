/**
 * `POST /api/v1/gl-connections/{id}/authorize` → 200 the connection: a Xero authorization-code
 * connection gets a new `authorize_url` (shown once; earlier ones stop working), a custom connection
 * takes a fresh token and becomes `active`. Each call starts anew (no idempotent replay).
 */
import { authorizeGlConnection } from '../../../../gl/glAuthorization.js';
import { ledgerScope, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { connectedGlConnectionView, glConnectionId } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/gl-connections/:id/authorize',
    { config: { permission: 'write' }, schema: { params: glConnectionId, response: { 200: single(connectedGlConnectionView) } } },
    async (request) => ({ data: await authorizeGlConnection(ledgerScope(request, services), writeRequest(request), services.gl, request.params.id) }),
  );
}

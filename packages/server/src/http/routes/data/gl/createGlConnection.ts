/**
 * `POST /api/v1/gl-connections` {provider, name, credentials, settings} → 201 the connection. Its
 * credentials are stored encrypted and never returned; a webhook's signing secret is in this answer
 * only (an idempotent replay does not repeat it). A Xero connection is connected before the answer:
 * `active`, or `needs_authorization` with its `authorize_url` (shown once); refused credentials are
 * 400 and an unreachable Xero 503, both leaving no connection.
 */
import { createConnectedGlConnection } from '../../../../gl/glAuthorization.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { createdGlConnectionView, createGlConnectionBody } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/gl-connections',
    { config: { permission: 'write' }, schema: { body: createGlConnectionBody, response: { 201: single(createdGlConnectionView) } } },
    async (request, reply) => sendOutcome(reply, await createConnectedGlConnection(ledgerScope(request, services), writeRequest(request), services.gl, request.body)),
  );
}

/**
 * `POST /api/v1/gl-connections` {provider, name, credentials, settings} → 201 the connection. Its
 * credentials are stored encrypted and never returned; a webhook's signing secret is in this answer
 * only (an idempotent replay does not repeat it).
 */
import { createGlConnection } from '../../../../gl/glConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { createdGlConnectionView, createGlConnectionBody } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/gl-connections',
    { config: { permission: 'write' }, schema: { body: createGlConnectionBody, response: { 201: single(createdGlConnectionView) } } },
    async (request, reply) => sendOutcome(reply, await createGlConnection(ledgerScope(request, services), writeRequest(request), services.gl, request.body)),
  );
}

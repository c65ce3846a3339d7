/** `POST /api/v1/gl-connections/{id}/transfers/{transfer_id}/retry` → the transfer, due now (a failed one under a new idempotency key). */
import { retryGlTransfer } from '../../../../gl/glTransferService.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { glTransferParams, glTransferView } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/gl-connections/:id/transfers/:transfer_id/retry',
    { config: { permission: 'write' }, schema: { params: glTransferParams, response: { 200: single(glTransferView) } } },
    async (request, reply) => sendOutcome(reply, await retryGlTransfer(ledgerScope(request, services), writeRequest(request), services.gl, request.params.id, request.params.transfer_id)),
  );
}

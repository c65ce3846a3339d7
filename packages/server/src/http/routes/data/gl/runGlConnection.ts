/**
 * `POST /api/v1/gl-connections/{id}/run` → 202: what was queued and what waits; the engine sends it
 * right after this answer (watch it with GET …/transfers).
 */
import { runGlConnection } from '../../../../gl/glTransferService.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { glConnectionId, glRunView } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/gl-connections/:id/run',
    { config: { permission: 'write' }, schema: { params: glConnectionId, response: { 202: single(glRunView) } } },
    async (request, reply) => reply.code(202).send({ data: await runGlConnection(ledgerScope(request, services), services.gl, request.params.id) }),
  );
}

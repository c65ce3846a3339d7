/**
 * `PUT /api/v1/gl-connections/{id}/mapping` {accounts: {links code: erp code}, dimensions} → the
 * connection. Checked against the ERP's chart first: an unknown or archived ERP account, or one the
 * ERP takes no journals on (Xero: bank accounts), is 422 `unknown_erp_account`. It applies to
 * entries not yet queued.
 */
import { putGlMapping } from '../../../../gl/glConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { glConnectionId, glConnectionView, glMappingBody } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.put(
    '/api/v1/gl-connections/:id/mapping',
    { config: { permission: 'write' }, schema: { params: glConnectionId, body: glMappingBody, response: { 200: single(glConnectionView) } } },
    async (request, reply) =>
      sendOutcome(reply, await putGlMapping(ledgerScope(request, services), writeRequest(request), services.gl, request.params.id, { accounts: request.body.accounts, dimensions: request.body.dimensions ?? {} })),
  );
}

/**
 * `POST /api/v1/external-connections/{id}/sync` → the report: rows created, updated, unchanged and
 * rejected (with reasons). Each row is written — and posted by the accounting rules — on its own;
 * a re-run with the same data changes nothing.
 */
import { syncConnection } from '../../../../connections/connectionSync.js';
import { ledgerScope, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { connectionId, syncReportView } from '../../../schemas/externalConnections.js';
import { recordCreateBody } from '../../../schemas/unified.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/external-connections/:id/sync',
    { config: { permission: 'write' }, schema: { params: connectionId, response: { 200: single(syncReportView) } } },
    async (request) => ({ data: await syncConnection(ledgerScope(request, services), writeRequest(request), services.secretsKey, request.params.id, recordCreateBody) }),
  );
}

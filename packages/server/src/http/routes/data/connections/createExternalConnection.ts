/**
 * `POST /api/v1/external-connections` {name, type: csv, csv, mapping?} or {name, type: postgres,
 * connection_string, table | query, mapping?} → 201 the connection. The source is read first: an
 * unreadable one is refused and nothing is stored. The connection string is stored encrypted.
 */
import { createConnection } from '../../../../connections/externalConnections.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody, single } from '../../../schemas/common.js';
import { connectionView, createConnectionBody } from '../../../schemas/externalConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/external-connections',
    { config: { permission: 'write' }, schema: { body: createConnectionBody, response: { 201: single(connectionView), 422: errorBody } } },
    async (request, reply) => sendOutcome(reply, await createConnection(ledgerScope(request, services), writeRequest(request), services.secretsKey, request.body)),
  );
}

/** `GET /api/v1/audit-events` → this tenant environment's audit trail, newest first. */
import { z } from 'zod';
import { listDataEvents } from '../../../audit/environmentAudit.js';
import { cursorOf, readLedger } from '../../../ledger/scope.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { auditEvent } from '../../schemas/controlPlane.js';
import { cursorList, cursorPageQueryShape } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/audit-events',
    { config: { permission: 'read' }, schema: { querystring: z.strictObject(cursorPageQueryShape), response: { 200: cursorList(auditEvent) } } },
    async (request) => {
      const scope = ledgerScope(request, services);
      return readLedger(scope, (trx) => listDataEvents(trx, scope.environment, request.query, cursorOf(scope, 'audit_events')));
    },
  );
}

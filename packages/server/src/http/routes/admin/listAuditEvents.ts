/** `GET /admin/v1/audit-events?tenant_id=&environment=` → control-plane events, and the tenant's data-plane events. */
import { z } from 'zod';
import { listAuditEvents } from '../../../controlPlane/auditEvents.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQueryShape, uuid } from '../../schemas/common.js';
import { auditEvent, environment } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/audit-events',
    {
      config: { admin: true },
      schema: {
        querystring: z.strictObject({ ...pageQueryShape, tenant_id: uuid.optional(), environment: environment.optional() }),
        response: { 200: list(auditEvent) },
      },
    },
    async (request) => {
      const { page, limit, ...filter } = request.query;
      return listAuditEvents(services.control, services.environments, filter, { page, limit });
    },
  );
}

/** `GET /admin/v1/tenants/{tenant_id}/members` → page of memberships. */
import { z } from 'zod';
import { listMembers } from '../../../controlPlane/memberships.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQuery, uuid } from '../../schemas/common.js';
import { membership } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/tenants/:tenant_id/members',
    {
      config: { admin: true },
      schema: { params: z.object({ tenant_id: uuid }), querystring: pageQuery, response: { 200: list(membership) } },
    },
    async (request) => listMembers(services.control, request.params.tenant_id, request.query),
  );
}

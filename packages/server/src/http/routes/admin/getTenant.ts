/** `GET /admin/v1/tenants/{tenant_id}` → tenant. */
import { z } from 'zod';
import { getTenant } from '../../../controlPlane/tenants.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single, uuid } from '../../schemas/common.js';
import { tenant } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/tenants/:tenant_id',
    { config: { admin: true }, schema: { params: z.object({ tenant_id: uuid }), response: { 200: single(tenant) } } },
    async (request) => ({ data: await getTenant(services.control, request.params.tenant_id) }),
  );
}

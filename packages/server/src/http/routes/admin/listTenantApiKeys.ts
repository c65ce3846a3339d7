/** `GET /admin/v1/tenants/{tenant_id}/api-keys` → the tenant's keys, without secrets. */
import { z } from 'zod';
import { listTenantApiKeys } from '../../../controlPlane/apiKeys.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQuery, uuid } from '../../schemas/common.js';
import { apiKey } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/tenants/:tenant_id/api-keys',
    { config: { admin: true }, schema: { params: z.object({ tenant_id: uuid }), querystring: pageQuery, response: { 200: list(apiKey) } } },
    async (request) => listTenantApiKeys(services.control, request.params.tenant_id, request.query),
  );
}

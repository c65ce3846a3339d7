/** `GET /admin/v1/tenants` → page of tenants. */
import { listTenants } from '../../../controlPlane/tenants.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQuery } from '../../schemas/common.js';
import { tenant } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/tenants',
    { config: { admin: true }, schema: { querystring: pageQuery, response: { 200: list(tenant) } } },
    async (request) => listTenants(services.control, request.query),
  );
}

/** `GET /admin/v1/users` → page of users. */
import { listUsers } from '../../../controlPlane/users.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQuery } from '../../schemas/common.js';
import { user } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/users',
    { config: { admin: true }, schema: { querystring: pageQuery, response: { 200: list(user) } } },
    async (request) => listUsers(services.control, request.query),
  );
}

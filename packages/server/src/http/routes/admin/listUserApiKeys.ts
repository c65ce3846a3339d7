/** `GET /admin/v1/users/{user_id}/api-keys` → the user's keys across tenants, without secrets. */
import { z } from 'zod';
import { listUserApiKeys } from '../../../controlPlane/apiKeys.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { list, pageQuery, uuid } from '../../schemas/common.js';
import { apiKey } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/users/:user_id/api-keys',
    { config: { admin: true }, schema: { params: z.object({ user_id: uuid }), querystring: pageQuery, response: { 200: list(apiKey) } } },
    async (request) => listUserApiKeys(services.control, request.params.user_id, request.query),
  );
}

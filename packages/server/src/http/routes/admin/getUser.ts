/** `GET /admin/v1/users/{user_id}` → user. */
import { z } from 'zod';
import { getUser } from '../../../controlPlane/users.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single, uuid } from '../../schemas/common.js';
import { user } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/admin/v1/users/:user_id',
    { config: { admin: true }, schema: { params: z.object({ user_id: uuid }), response: { 200: single(user) } } },
    async (request) => ({ data: await getUser(services.control, request.params.user_id) }),
  );
}

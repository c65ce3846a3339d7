/** `POST /admin/v1/users` {email, name} → 201 user; 409 conflict on a taken email. */
import { z } from 'zod';
import { createUser } from '../../../controlPlane/users.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { single, text } from '../../schemas/common.js';
import { user } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/admin/v1/users',
    {
      config: { admin: true },
      schema: {
        body: z.strictObject({ email: z.email({ message: 'must be an email address' }).max(254), name: text(200) }),
        response: { 201: single(user) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await createUser(services.control, adminWriteContext(request), request.body) }),
  );
}

/** `POST /admin/v1/tenants/{tenant_id}/members` {user_id, role} → 201 membership. */
import { z } from 'zod';
import { addMember } from '../../../controlPlane/memberships.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { single, uuid } from '../../schemas/common.js';
import { membership, role } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/admin/v1/tenants/:tenant_id/members',
    {
      config: { admin: true },
      schema: {
        params: z.object({ tenant_id: uuid }),
        body: z.strictObject({ user_id: uuid, role }),
        response: { 201: single(membership) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await addMember(services.control, adminWriteContext(request), request.params.tenant_id, request.body) }),
  );
}

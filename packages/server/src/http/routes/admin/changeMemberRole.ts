/** `PATCH /admin/v1/tenants/{tenant_id}/members/{user_id}` {role}: takes effect on the member's keys at once. */
import { z } from 'zod';
import { changeMemberRole } from '../../../controlPlane/memberships.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { single, uuid } from '../../schemas/common.js';
import { membership, role } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.patch(
    '/admin/v1/tenants/:tenant_id/members/:user_id',
    {
      config: { admin: true },
      schema: {
        params: z.object({ tenant_id: uuid, user_id: uuid }),
        body: z.strictObject({ role }),
        response: { 200: single(membership) },
      },
    },
    async (request) => {
      const { tenant_id, user_id } = request.params;
      return { data: await changeMemberRole(services.control, adminWriteContext(request), tenant_id, user_id, request.body.role, services.apiKeys) };
    },
  );
}

/**
 * `POST /admin/v1/tenants/{tenant_id}/api-keys` {environment, user_id, name?, permissions?, expires_at?,
 * agent_posting?} → 201 the key, with its plaintext this once. Permissions default to the most the role allows.
 */
import { z } from 'zod';
import { createApiKey } from '../../../controlPlane/apiKeys.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { single, text, uuid } from '../../schemas/common.js';
import { environment, issuedApiKey, permission } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/admin/v1/tenants/:tenant_id/api-keys',
    {
      config: { admin: true },
      schema: {
        params: z.object({ tenant_id: uuid }),
        body: z.strictObject({
          environment,
          user_id: uuid,
          name: text(100).optional(),
          permissions: z.array(permission).min(1, 'must name at least one permission').max(2).optional(),
          expires_at: z.iso
            .datetime({ offset: true, message: 'must be an ISO 8601 timestamp' })
            .transform((s) => new Date(s))
            .optional(),
          agent_posting: z.boolean().optional(),
        }),
        response: { 201: single(issuedApiKey) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await createApiKey(services.control, adminWriteContext(request), request.params.tenant_id, request.body) }),
  );
}

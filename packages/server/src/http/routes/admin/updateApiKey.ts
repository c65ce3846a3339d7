/**
 * `PATCH /admin/v1/api-keys/{key_id}` {agent_posting} → 200 the key. Direct agent posting on a
 * production key needs a write key of an owner or admin (else 422 permission_exceeds_role).
 */
import { z } from 'zod';
import { setAgentPosting } from '../../../controlPlane/apiKeys.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { apiKey } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.patch(
    '/admin/v1/api-keys/:key_id',
    {
      config: { admin: true },
      schema: { params: z.object({ key_id: z.string().max(64) }), body: z.strictObject({ agent_posting: z.boolean() }), response: { 200: single(apiKey) } },
    },
    async (request) => ({
      data: await setAgentPosting(services.control, adminWriteContext(request), request.params.key_id, request.body.agent_posting, services.apiKeys),
    }),
  );
}

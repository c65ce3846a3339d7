/** `POST /admin/v1/api-keys/{key_id}/revoke` → 200 the key with `revoked_at`; refused from the next request on. */
import { z } from 'zod';
import { revokeApiKey } from '../../../controlPlane/apiKeys.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { apiKey } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/admin/v1/api-keys/:key_id/revoke',
    { config: { admin: true }, schema: { params: z.object({ key_id: z.string().max(64) }), response: { 200: single(apiKey) } } },
    async (request) => ({ data: await revokeApiKey(services.control, adminWriteContext(request), request.params.key_id, services.apiKeys) }),
  );
}

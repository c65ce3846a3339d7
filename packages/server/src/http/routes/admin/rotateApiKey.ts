/**
 * `POST /admin/v1/api-keys/{key_id}/rotate` {grace_period_seconds?} → 201 the successor (plaintext
 * once). The old key keeps working for the grace period (default 0 s, at most 7 days).
 */
import { z } from 'zod';
import { MAX_GRACE_PERIOD_SECONDS, rotateApiKey } from '../../../controlPlane/apiKeys.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { issuedApiKey } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/admin/v1/api-keys/:key_id/rotate',
    {
      config: { admin: true },
      schema: {
        params: z.object({ key_id: z.string().max(64) }),
        body: z
          .strictObject({
            grace_period_seconds: z
              .number()
              .int('must be a whole number of seconds')
              .min(0, 'must not be negative')
              .max(MAX_GRACE_PERIOD_SECONDS, `must be at most ${MAX_GRACE_PERIOD_SECONDS} (7 days)`)
              .optional(),
          })
          .nullish(),
        response: { 201: single(issuedApiKey) },
      },
    },
    async (request, reply) => {
      const grace = request.body?.grace_period_seconds ?? 0;
      const issued = await rotateApiKey(services.control, adminWriteContext(request), request.params.key_id, grace, services.apiKeys);
      return reply.code(201).send({ data: issued });
    },
  );
}

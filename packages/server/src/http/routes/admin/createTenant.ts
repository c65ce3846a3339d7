/** `POST /admin/v1/tenants` {name} → 201 tenant. */
import { z } from 'zod';
import { createTenant } from '../../../controlPlane/tenants.js';
import type { LinksApp } from '../../app.js';
import { adminWriteContext } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';
import { errorBody, single, text } from '../../schemas/common.js';
import { tenant } from '../../schemas/controlPlane.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/admin/v1/tenants',
    {
      config: { admin: true },
      schema: { body: z.strictObject({ name: text(200) }), response: { 201: single(tenant), 400: errorBody } },
    },
    async (request, reply) => reply.code(201).send({ data: await createTenant(services.control, adminWriteContext(request), request.body) }),
  );
}

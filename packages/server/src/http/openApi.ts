/**
 * `GET /api/v1/openapi`: the OpenAPI 3.1 document of the data plane, generated from the routes'
 * zod schemas, the single source of truth for validation, serialization and the SDK's types.
 */
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { LinksApp } from './listener.js';

export const API_VERSION = '1.0.0';

export async function registerOpenApi(app: LinksApp): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Links API',
        version: API_VERSION,
        description:
          'The data plane of one tenant environment. Each environment has its own endpoint; a key works only at its own. ' +
          'Money is a decimal string in the currency\'s minor digits; dates are YYYY-MM-DD.',
      },
      servers: [
        { url: 'http://127.0.0.1:4001', description: 'sandbox (default local)' },
        { url: 'http://127.0.0.1:4000', description: 'production (default local)' },
      ],
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'lk_sandbox_… or lk_production_…' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/v1/openapi', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}

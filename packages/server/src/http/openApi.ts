/**
 * `GET /api/v1/openapi`: the OpenAPI 3.1 document of the data plane, generated from the routes'
 * zod schemas, the single source of truth for validation, serialization and the SDK's types.
 * `GET /admin/v1/openapi` (admin token): the same for the operator API on the console listener.
 */
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES } from './errorResponses.js';
import type { LinksApp } from './app.js';

export const API_VERSION = '1.0.0';

/** The two documents: the data plane of an environment, and the operator API of the console listener. */
const DOCUMENTS = {
  data: {
    url: '/api/v1/openapi',
    config: { public: true },
    info: {
      title: 'Links API',
      description:
        'The data plane of one tenant environment. Each environment has its own endpoint; a key works only at its own. ' +
        'Money is a decimal string in the currency\'s minor digits; dates are YYYY-MM-DD.',
    },
    servers: [
      { url: 'http://127.0.0.1:4001', description: 'sandbox (default local)' },
      { url: 'http://127.0.0.1:4000', description: 'production (default local)' },
    ],
    scheme: { apiKey: { type: 'http', scheme: 'bearer', description: 'lk_sandbox_… or lk_production_…' } },
  },
  operator: {
    url: '/admin/v1/openapi',
    config: { admin: true },
    info: {
      title: 'Links operator API',
      description: 'Tenants, users, memberships, API keys and the control plane\'s audit trail, on the console listener. Every call needs the admin token.',
    },
    servers: [{ url: 'http://127.0.0.1:4002', description: 'console (default local)' }],
    scheme: { adminToken: { type: 'http', scheme: 'bearer', description: 'LINKS_ADMIN_TOKEN' } },
  },
} as const;

/** Registers the document's route; returns the document as served (for the console's API reference). */
export async function registerOpenApi(app: LinksApp, which: keyof typeof DOCUMENTS): Promise<() => unknown> {
  const { url, config, info, servers, scheme } = DOCUMENTS[which];
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { ...info, version: API_VERSION },
      servers: [...servers],
      components: { securitySchemes: scheme },
      security: [{ [Object.keys(scheme)[0]!]: [] }],
    },
    transform: markOptionalBody,
    transformObject: jsonSchemaTransformObject,
  });
  let document: unknown;
  const served = () => (document ??= describeErrors(withOptionalBodies(withoutUnusedSchemas(app.swagger() as OpenApiDocument))));
  app.get(url, { config: config as { public?: boolean; admin?: boolean }, schema: { hide: true } }, async () => served());
  return served;
}

/** An operation extension (copied from the route schema by the generator) naming a body that may be left out. */
const OPTIONAL_BODY = 'x-links-optional-body';

/**
 * The generator marks every request body required, but a route whose body schema accepts nothing
 * (`.nullish()`: the listener reads an empty body as none) takes requests without one.
 */
const markOptionalBody: typeof jsonSchemaTransform = (input) => {
  const transformed = jsonSchemaTransform(input);
  const body = input.schema?.body as { safeParse?: (value: unknown) => { success: boolean } } | undefined;
  if (typeof body?.safeParse === 'function' && body.safeParse(undefined).success) {
    return { ...transformed, schema: { ...transformed.schema, [OPTIONAL_BODY]: true } };
  }
  return transformed;
};

function withOptionalBodies<T extends OpenApiDocument>(spec: T): T {
  for (const operation of operationsOf(spec)) {
    if (operation[OPTIONAL_BODY] !== true) continue;
    delete operation[OPTIONAL_BODY];
    if (operation.requestBody) operation.requestBody.required = false;
  }
  return spec;
}

type Response = { description?: string; content?: Record<string, { schema?: { $ref?: string } }>; headers?: Record<string, unknown>; $ref?: string };
type Operation = { responses?: Record<string, Response>; requestBody?: { required?: boolean }; [extension: `x-${string}`]: unknown };
type OpenApiDocument = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, Response> };
};

const ERROR_SCHEMA = '#/components/schemas/Error';

/**
 * Each error answer becomes a reference to one shared response per status, which says which codes
 * it carries (the generator calls every response "Default Response" and repeats it per operation).
 */
function describeErrors<T extends OpenApiDocument>(spec: T): T {
  const shared: Record<string, Response> = {};
  for (const operation of operationsOf(spec)) {
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const known = ERROR_RESPONSES[Number(status)];
      if (!known || response.content?.['application/json']?.schema?.$ref !== ERROR_SCHEMA) continue;
      const { name, description } = known;
      shared[name] = { description, content: { 'application/json': { schema: { $ref: ERROR_SCHEMA } } } };
      if (status === '429') shared[name].headers = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } } };
      operation.responses![status] = { $ref: `#/components/responses/${name}` };
    }
  }
  spec.components = { ...spec.components, responses: { ...spec.components?.responses, ...shared } };
  return spec;
}

/** Every operation of every path. */
function operationsOf(spec: OpenApiDocument): Operation[] {
  return Object.values(spec.paths ?? {}).flatMap((operations) => Object.values(operations));
}

/**
 * The zod registry is process-wide, so the generated components also hold the other API's
 * schemas; keep only those the document's paths reach.
 */
function withoutUnusedSchemas<T extends { components?: { schemas?: Record<string, unknown> } }>(spec: T): T {
  const schemas = spec.components?.schemas ?? {};
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        if (!reached.has(name)) {
          reached.add(name);
          visit(schemas[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  visit({ ...spec, components: { ...spec.components, schemas: {} } });
  return { ...spec, components: { ...spec.components, schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name))) } };
}

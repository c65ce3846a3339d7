/**
 * The console listener's `/`: until the web console exists, an API reference in the browser (Swagger
 * UI, served from this package, no network needed) for both APIs, generated from their OpenAPI
 * documents: the data plane's (also public at `GET /api/v1/openapi`) and the operator API's (whose
 * own route needs the admin token; the reference serves a copy — it describes routes, not data).
 */
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { LinksApp } from './app.js';

/** Every route under this prefix on the console listener is the reference's, and public. */
export const REFERENCE_PREFIX = '/reference';
export const DATA_PLANE_DOCUMENT = `${REFERENCE_PREFIX}/data-plane-openapi.json`;
export const OPERATOR_DOCUMENT = `${REFERENCE_PREFIX}/operator-openapi.json`;

// Swagger UI's own files only: no inline script, no outside origin; styles it sets inline are allowed.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

export interface ReferenceDocuments {
  dataPlane: () => Promise<unknown>;
  operator: () => unknown;
}

export async function registerApiReference(app: LinksApp, documents: ReferenceDocuments): Promise<void> {
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_request, reply) => reply.redirect(`${REFERENCE_PREFIX}/`));
  app.get(DATA_PLANE_DOCUMENT, { config: { public: true }, schema: { hide: true } }, () => documents.dataPlane());
  app.get(OPERATOR_DOCUMENT, { config: { public: true }, schema: { hide: true } }, () => documents.operator());
  await app.register(fastifySwaggerUi, {
    routePrefix: REFERENCE_PREFIX,
    staticCSP: CSP,
    transformSpecification: () => documents.operator() as Record<string, unknown>,
    theme: { title: 'Links API reference' },
    uiConfig: {
      urls: [
        { url: DATA_PLANE_DOCUMENT, name: 'Data plane (/api/v1)' },
        { url: OPERATOR_DOCUMENT, name: 'Operator API (/admin/v1)' },
      ],
      deepLinking: true,
      tryItOutEnabled: false,
    },
  });
}

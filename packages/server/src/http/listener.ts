/**
 * Builds one listener: production or sandbox (the data plane `/api/v1` of that environment only)
 * or console (the operator API `/admin/v1`). Every route declares what it needs in its config
 * (`permission`, `admin` or `public`); a route that declares nothing is refused at startup.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import type { Logger } from 'pino';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ListenerName, TrustProxy } from '../config/config.js';
import { LinksError } from '../domain/errors.js';
import { publicId } from '../auth/apiKeyFormat.js';
import { installErrorHandling } from './errorHandling.js';
import { declareErrorResponses } from './errorResponses.js';
import { credentialOf } from './requestContext.js';
import type { LinksServices } from './services.js';
import type { RouteAccess, RouteRecord } from './app.js';
import { registerHealthRoute } from './routes/health.js';
import { adminRoutes } from './routes/admin/index.js';
import { dataRoutes } from './routes/data/index.js';
import { GL_AUTHORIZATION_CALLBACK, registerGlAuthorizationCallback } from './routes/data/gl/glAuthorizationCallback.js';
import { registerOpenApi } from './openApi.js';
import { logRequest } from './requestLog.js';
import { REFERENCE_PREFIX, registerApiReference } from './apiReference.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The only routes under /api/ that need no key: the API's own description, the MCP endpoint's 405s (they reveal nothing), and the GL OAuth callback (its state is the authority). */
const PUBLIC_DATA_ROUTES = ['GET /api/v1/openapi', 'GET /api/v1/mcp', 'DELETE /api/v1/mcp', `GET ${GL_AUTHORIZATION_CALLBACK}`];

export interface BuiltListener {
  app: FastifyInstance;
  routes: RouteRecord[];
}

function checkDeclaredAccess(name: ListenerName, route: RouteOptions): RouteRecord {
  const config = (route.config ?? {}) as RouteAccess;
  if (name === 'console' && (route.url === REFERENCE_PREFIX || route.url.startsWith(`${REFERENCE_PREFIX}/`)) && !config.permission && !config.admin) {
    // The API reference's pages and documents (apiReference.ts), partly registered by Swagger UI's plugin.
    route.config = { ...config, public: true };
    return { method: String(route.method), url: route.url, public: true };
  }
  const declared = [config.permission !== undefined, config.admin === true, config.public === true].filter(Boolean).length;
  if (declared !== 1) {
    throw new Error(`route ${String(route.method)} ${route.url} on the ${name} listener must declare exactly one of permission, admin or public`);
  }
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (route.url.startsWith('/api/') && config.permission === undefined && !methods.every((m) => PUBLIC_DATA_ROUTES.includes(`${m} ${route.url}`))) {
    throw new Error(`data route ${methods.join(',')} ${route.url} must declare a permission`);
  }
  if (route.url.startsWith('/admin/') && !config.admin) throw new Error(`admin route ${route.url} must require the admin token`);
  return { method: methods.join(','), url: route.url, ...config };
}

export interface ListenerOptions {
  /** Console only: the data plane's document, for the API reference at `/`. */
  dataPlaneDocument?: () => Promise<unknown>;
}

export async function buildListener(name: ListenerName, services: LinksServices, logger: Logger, options: ListenerOptions = {}): Promise<BuiltListener> {
  const app = Fastify({
    loggerInstance: logger.child({ listener: name }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify's two lines per request (incoming, completed) give way to one (requestLog.ts).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => publicId('req', 20),
    // Fastify's own 503 while closing has a body of its own; ours (below) carries the error schema.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    // request.ip: the socket's peer unless it is a trusted proxy, then the client it forwards for.
    trustProxy: proxyTrust(services.trustProxy),
    // Registering the API reference reads its static files; on a loaded machine whose embedded
    // database is busy resuming jobs, Fastify's default 10 s ran out and the start failed.
    pluginTimeout: 60_000,
  });
  // JSON as Fastify parses it (prototype poisoning refused), except that an empty body is no body:
  // clients often send Content-Type: application/json on a POST that carries nothing.
  // Fastify's default parser answers through its callback (its type also allows a promise-returning parser).
  const parseJson = app.getDefaultJsonParser('error', 'error') as (request: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void) => void;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined);
      // No request nests deeper than a few levels; recursion over a hostile one would overflow the stack.
      if (tooDeep(value, MAX_JSON_DEPTH)) {
        return done(new LinksError('invalid_request', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
      }
      // Only an escape can carry U+0000 or a lone surrogate (invalid UTF-8 bytes decode to U+FFFD).
      if (text.includes('\\u') && !storableText(value)) {
        return done(new LinksError('invalid_request', 'JSON strings must not contain U+0000 or an unpaired surrogate (\\ud800–\\udfff): they cannot be stored.'), undefined);
      }
      done(null, value);
    });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD') return; // Fastify's automatic HEAD twin of a GET
    routes.push(checkDeclaredAccess(name, route));
    declareErrorResponses(route);
  });

  app.addHook('onResponse', async (request, reply) => logRequest(request, reply));

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Request-Id', request.id);
    // Every answer is JSON about someone's books: never cached, framed, sniffed or referred.
    // No Access-Control-* header is ever sent: browsers may not call the API cross-origin.
    reply.headers(SECURITY_HEADERS);
    if (closing) throw new LinksError('unavailable', 'The server is shutting down; the request changed nothing and is safe to retry.');
    const config = request.routeOptions.config;
    if (config.admin) {
      const admin = services.admin;
      if (!admin) throw new LinksError('not_found', 'No operator API here.');
      await withinFailureLimit(services, request.ip, reply, () => admin.authenticate(request.headers.authorization));
    } else if (config.permission) {
      if (name === 'console') throw new LinksError('not_found', 'The data plane is served at the environment endpoints.');
      const principal = await withinFailureLimit(services, request.ip, reply, () => services.apiKeys.authenticate(credentialOf(request), name));
      const wait = services.keyRates.take(principal.keyId);
      if (wait > 0) {
        reply.header('Retry-After', String(wait));
        throw new LinksError('rate_limited', `This API key is over its limit of requests per second; retry in ${wait} s.`);
      }
      if (!principal.permissions.includes(config.permission)) {
        throw new LinksError('forbidden', `This key lacks the ${config.permission} permission (it has: ${principal.permissions.join(', ')}).`);
      }
      request.principal = principal;
    }
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerHealthRoute(typed, services, name);
  if (name === 'console') {
    const operatorDocument = await registerOpenApi(typed, 'operator');
    for (const register of adminRoutes) register(typed, services);
    const { dataPlaneDocument } = options;
    if (dataPlaneDocument) await registerApiReference(typed, { dataPlane: dataPlaneDocument, operator: operatorDocument });
  } else {
    await registerOpenApi(typed, 'data');
    for (const register of dataRoutes) register(typed, services);
    registerGlAuthorizationCallback(typed, services, name);
  }
  return { app, routes };
}

/**
 * A hop count trusts the nearest `hops` addresses of the chain whoever they are (Fastify's own
 * number option now trusts none), so it suits only a server that nothing reaches but its proxies.
 */
function proxyTrust(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** An address that failed too often is refused before its credential is even looked at; each failure counts. */
async function withinFailureLimit<T>(services: LinksServices, address: string, reply: FastifyReply, authenticate: () => T | Promise<T>): Promise<T> {
  const banned = services.authFailures.retryAfter(address);
  if (banned > 0) {
    reply.header('Retry-After', String(banned));
    throw new LinksError('rate_limited', `Too many failed authentications from this address; retry in ${banned} s.`);
  }
  try {
    return await authenticate();
  } catch (error) {
    if (error instanceof LinksError && error.code === 'unauthenticated') services.authFailures.failed(address);
    throw error;
  }
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

const MAX_JSON_DEPTH = 32;

/** Depth of a parsed JSON value over `limit`, walked without recursion. */
function tooDeep(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when every string in a parsed JSON value, keys included, is text PostgreSQL can store. */
function storableText(value: unknown): boolean {
  if (typeof value === 'string') return !UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.every(storableText);
  if (value !== null && typeof value === 'object') return Object.entries(value).every(([k, v]) => storableText(k) && storableText(v));
  return true;
}

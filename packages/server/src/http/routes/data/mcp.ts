/**
 * `POST /api/v1/mcp`: the MCP endpoint of this environment (Streamable HTTP, stateless). One route
 * serves both protocol eras: the current revision (2026-07-28: no initialize, `server/discover`,
 * `Mcp-Method` headers) and the legacy ones (2025-03-26 … 2025-11-25: `initialize`, JSON answers).
 * The key (`Authorization: Bearer` or `?apiKey=`) was verified by the listener like any API call
 * (environment rule, rate limit); the tools it is shown are built for it alone (src/mcp/).
 */
import { z } from 'zod';
import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LinksError } from '../../../domain/errors.js';
import { buildLinksMcpServer } from '../../../mcp/linksMcpServer.js';
import type { McpCall } from '../../../mcp/tool.js';
import type { LinksApp } from '../../app.js';
import { scopeOf } from '../../ledgerRequest.js';
import { principalOf } from '../../requestContext.js';
import type { LinksServices } from '../../services.js';

const jsonRpcMessage = z
  .looseObject({ jsonrpc: z.literal('2.0'), method: z.string().optional(), id: z.union([z.string(), z.number()]).nullable().optional() })
  .meta({ id: 'McpMessage', description: 'One JSON-RPC 2.0 message of the Model Context Protocol (docs/mcp.md).' });

const jsonRpcAnswer = z
  .looseObject({ jsonrpc: z.literal('2.0'), id: z.union([z.string(), z.number()]).nullable(), result: z.unknown().optional(), error: z.unknown().optional() })
  .meta({ id: 'McpAnswer' });

/** Requests of the current era carry the protocol version in `_meta`; anything else is served as legacy. */
const MODERN_ONLY = { legacy: 'reject' } as const;

export default function route(app: LinksApp, services: LinksServices): void {
  // The per-request server is built from the verified key the route hands over in authInfo.extra.
  // Requests the SDK rejects (headers that disagree with the body, an unsupported revision) are the client's mistakes.
  const modern = createMcpHandler((context) => buildLinksMcpServer(callOf(context.authInfo?.extra)), {
    ...MODERN_ONLY,
    onerror: (error) => app.log.debug({ err: error }, 'mcp request rejected'),
  });
  app.addHook('onClose', () => modern.close());

  refuseStreamsAndSessions(app);
  app.post(
    '/api/v1/mcp',
    {
      config: { permission: 'read', queryKey: true },
      // Before the schema, so a batch is told why rather than that it is not an object.
      preValidation: async (request) => refuseBatches(request.body),
      schema: {
        querystring: z.strictObject({ apiKey: z.string().optional().meta({ description: 'The API key, for clients that cannot send a header (Claude custom connectors); prefer Authorization.' }) }),
        body: jsonRpcMessage,
        response: { 200: jsonRpcAnswer, 202: z.null().meta({ description: 'A notification or response was accepted.' }) },
      },
    },
    async (request, reply) => {
      refuseBrowserOrigins(request);
      const principal = principalOf(request);
      const call: McpCall = { principal, scope: scopeOf(principal, services), services, requestId: request.id, log: request.log };
      const webRequest = toWebRequest(request);
      const authInfo = { token: 'verified', clientId: principal.keyId, scopes: principal.permissions, extra: { call } };
      const answer = (await isLegacyRequest(webRequest.clone(), request.body))
        ? await serveLegacy(call, webRequest, request.body)
        : await modern.fetch(webRequest, { authInfo, parsedBody: request.body });
      return sendAnswer(reply, answer);
    },
  );
}

/**
 * GET (a server-sent event stream) and DELETE (ending a session): this stateless server has neither,
 * and Streamable HTTP lets it say so with 405. Public: the answer is the same for every caller.
 */
function refuseStreamsAndSessions(app: LinksApp): void {
  app.route({
    method: ['GET', 'DELETE'],
    url: '/api/v1/mcp',
    config: { public: true },
    // Not an operation of the API: left out of its OpenAPI document, like the document itself.
    schema: { hide: true },
    handler: async (_request, reply) => {
      reply.header('Allow', 'POST');
      throw new LinksError('method_not_allowed', 'The MCP endpoint answers POST only: this stateless server opens no event stream (GET) and has no session to end (DELETE).');
    },
  });
}

function callOf(extra: Record<string, unknown> | undefined): McpCall {
  const call = extra?.call as McpCall | undefined;
  if (!call) throw new Error('MCP request without a verified key reached the server factory');
  return call;
}

/** A legacy request, answered by a fresh server over a fresh stateless transport (never reused). */
async function serveLegacy(call: McpCall, request: Request, body: unknown): Promise<Response> {
  const server = await buildLinksMcpServer(call);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { parsedBody: body });
  } finally {
    await server.close();
  }
}

/** JSON-RPC batches left MCP in its 2025-06-18 revision; no client of a later one sends them. */
function refuseBatches(body: unknown): void {
  if (Array.isArray(body)) {
    throw new LinksError('invalid_request', 'JSON-RPC batches (an array of messages) are not served: send one message per request, as MCP has asked since 2025-06-18.');
  }
}

/**
 * DNS rebinding: a page in a browser that resolves its own name to this server would send its
 * Origin. No browser origin may call the MCP endpoint (MCP clients are apps and servers).
 */
function refuseBrowserOrigins(request: FastifyRequest): void {
  if (request.headers.origin !== undefined) {
    throw new LinksError('forbidden', 'The MCP endpoint does not serve browser pages (a request with an Origin header is refused).');
  }
}

/** The Fastify request as a web Request: the body is the one Fastify parsed; the key stays out of the URL. */
function toWebRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'content-length' || name === 'authorization') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // A client that accepts anything accepts both answers the protocol asks it to.
  const accept = headers.get('accept');
  if (!accept || accept === '*/*') headers.set('accept', 'application/json, text/event-stream');
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  return new Request(`http://${request.hostname}/api/v1/mcp`, { method: 'POST', headers, body });
}

async function sendAnswer(reply: FastifyReply, answer: Response): Promise<FastifyReply> {
  const text = await answer.text();
  for (const name of ['content-type', 'allow']) {
    const value = answer.headers.get(name);
    if (value) reply.header(name, value);
  }
  reply.code(answer.status);
  return text === '' ? reply.send() : reply.type(answer.headers.get('content-type') ?? 'application/json').send(text);
}

/** Per-request facts the auth hooks attach, and the route options that declare what a route needs. */
import type { FastifyRequest } from 'fastify';
import type { WriteContext } from '../domain/audit.js';
import type { Principal } from '../domain/controlPlane.js';
import type { Permission } from '../domain/tenancy.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Set when the answer is an error: its contract code, and for a 5xx what was thrown (for the log). */
    failure?: { code: string; cause?: unknown };
  }
  interface FastifyContextConfig {
    /** Data-plane routes: the key permission the route needs. */
    permission?: Permission;
    /** Admin routes: the operator token is required. */
    admin?: boolean;
    /** Routes anyone may call (health checks). */
    public?: boolean;
    /** The key may also come as `?apiKey=` (the MCP endpoint: some clients cannot send headers). */
    queryKey?: boolean;
  }
}

/** The request's credential: the Authorization header, or on a queryKey route `?apiKey=` as a Bearer key. */
export function credentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined || !request.routeOptions.config.queryKey) return header;
  const key = (request.query as Record<string, unknown> | undefined)?.apiKey;
  return typeof key === 'string' ? `Bearer ${key}` : undefined;
}

export function principalOf(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw new Error(`route ${request.routeOptions.url} reached its handler without an authenticated key`);
  return principal;
}

export function adminWriteContext(request: FastifyRequest): WriteContext {
  return { actor: { type: 'admin', id: 'operator' }, requestId: request.id };
}

export function keyWriteContext(request: FastifyRequest): WriteContext {
  return { actor: { type: 'api_key', id: principalOf(request).keyId }, requestId: request.id };
}

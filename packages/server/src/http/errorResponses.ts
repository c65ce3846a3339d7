/**
 * The error answers every route can give, derived once from what the route declares (who may call
 * it, its inputs, its method) instead of spelled out in each route file. They join the route's
 * response schemas, so the OpenAPI document lists them and each error body is serialized against
 * the one error schema. A status a route can answer must be here: the README test replays the
 * walkthroughs through an OpenAPI validator, which flags any undocumented status.
 */
import type { RouteOptions } from 'fastify';
import { errorBody } from './schemas/common.js';

/** Each error status's shared response in the document (`#/components/responses/NAME`), and what it means. */
export const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'InvalidRequest', description: 'invalid_request: a parameter, query, header or body is malformed or fails its schema; `details` names each field.' },
  401: { name: 'Unauthenticated', description: 'unauthenticated: the key (or admin token) is missing, malformed, unknown, revoked or expired.' },
  403: { name: 'Forbidden', description: 'forbidden (the key lacks the permission) or environment_mismatch (the key belongs to the other environment).' },
  404: { name: 'NotFound', description: 'not_found: the resource, or one the request refers to, does not exist in this scope.' },
  409: { name: 'Conflict', description: 'conflict, idempotency_key_reused or already_reversed: the request clashes with the current state.' },
  413: { name: 'PayloadTooLarge', description: 'payload_too_large: the body is over 1 MiB.' },
  422: {
    name: 'Unprocessable',
    description:
      'A well-formed request the books refuse: unbalanced_entry, unknown_account, inactive_account, currency_mismatch, invalid_amount, subledger_account_required, period_closed, user_not_member, permission_exceeds_role, unknown_erp_account.',
  },
  429: { name: 'RateLimited', description: "rate_limited: over the key's rate, or too many failed authentications from this address; see Retry-After." },
  503: { name: 'Unavailable', description: 'unavailable: a database is unreachable or the server is shutting down; the request changed nothing and is safe to retry.' },
};

interface DeclaredAccess {
  permission?: 'read' | 'write';
  admin?: boolean;
  public?: boolean;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The error statuses a route can answer, from its declared access, inputs and method. */
export function errorStatusesOf(route: Pick<RouteOptions, 'method' | 'schema' | 'config'>): number[] {
  const access = (route.config ?? {}) as DeclaredAccess;
  const schema = (route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown };
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
  const carriesBody = methods.some((m) => BODY_METHODS.has(m));
  const writes = methods.some((m) => m !== 'GET');
  const hasInput = schema.params !== undefined || schema.querystring !== undefined || schema.body !== undefined;
  const statuses = new Set<number>([503]); // any route: a database unreachable, or the server closing
  const add = (...codes: number[]) => {
    for (const code of codes) statuses.add(code);
  };
  if (access.permission) add(401, 403, 429); // key checks and rate limits
  // The admin token (and the per-address limit on failed attempts); 404 where no operator API is configured.
  if (access.admin) add(401, 404, 429);
  if (hasInput || carriesBody) statuses.add(400);
  if (carriesBody) statuses.add(413);
  // Path parameters name a resource; a query or body can name one too (an account filter, a referenced record).
  if (hasInput) statuses.add(404);
  // Writes clash with state (taken codes, reused Idempotency-Keys) and meet the books' rules.
  if (writes && !access.public) add(409, 422);
  return [...statuses].sort((a, b) => a - b);
}

/** Adds the error schema for every error status the route can answer and does not already declare. */
export function declareErrorResponses(route: RouteOptions): void {
  const schema = route.schema as ({ hide?: boolean; response?: Record<string | number, unknown> } | undefined);
  if (!schema || schema.hide) return;
  schema.response ??= {};
  const response = schema.response;
  for (const status of errorStatusesOf(route)) response[status] ??= errorBody;
}

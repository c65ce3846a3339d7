/** What a data-plane handler needs to call the ledger: the scope of the key, and write context. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../domain/controlPlane.js';
import { LinksError } from '../domain/errors.js';
import type { LedgerScope, WriteOutcome, WriteRequest } from '../ledger/scope.js';
import { keyWriteContext, principalOf } from './requestContext.js';
import type { LinksServices } from './services.js';

export function ledgerScope(request: FastifyRequest, services: LinksServices): LedgerScope {
  return scopeOf(principalOf(request), services);
}

/** The ledger scope of an authenticated key (REST routes and MCP tools alike). */
export function scopeOf(principal: Principal, services: LinksServices): LedgerScope {
  const db = services.environments[principal.environment];
  if (!db) throw new Error(`no ${principal.environment} database in this process`);
  return { db, tenantId: principal.tenantId, environment: principal.environment, groupCommit: services.groupCommit, cursorKey: services.cursorKey };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The write's context, with its Idempotency-Key (1–255 visible ASCII characters) when sent. */
export function writeRequest(request: FastifyRequest): WriteRequest {
  const header = request.headers['idempotency-key'];
  if (Array.isArray(header)) throw new LinksError('invalid_request', 'Send one Idempotency-Key header.', [{ path: 'headers.idempotency-key', message: 'repeated' }]);
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new LinksError('invalid_request', 'Idempotency-Key must be 1–255 visible ASCII characters.', [
      { path: 'headers.idempotency-key', message: 'must be 1–255 visible ASCII characters' },
    ]);
  }
  return {
    context: keyWriteContext(request),
    idempotencyKey: header,
    fingerprint: { route: request.routeOptions.url, params: request.params, body: request.body ?? null },
  };
}

export function sendOutcome<T>(reply: FastifyReply, outcome: WriteOutcome<T>): FastifyReply {
  if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
  return reply.code(outcome.status).send(outcome.body);
}

/**
 * One error body for everything a listener answers with (docs/api.md): `{"error": {code, message,
 * request_id, details}}`. Client mistakes map to the API's 4xx codes; a 5xx never carries a
 * stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { LinksError, type ErrorDetail } from '../domain/errors.js';
import { isDatabaseUnavailable, isStatementTimeout } from '../storage/postgresErrors.js';

function validationPath(context: string | undefined, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (!context || context === 'body') return inner || '(body)';
  const prefix = context === 'querystring' ? 'query' : context;
  return inner ? `${prefix}.${inner}` : prefix;
}

function validationError(error: FastifyError): LinksError {
  const context = (error as { validationContext?: string }).validationContext;
  const details: ErrorDetail[] = (error.validation ?? []).flatMap((issue) => {
    // An unknown field is named in the path itself, so a client can point at it.
    const keys = (issue.params as { keys?: unknown } | undefined)?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({ path: validationPath(context, `${issue.instancePath}/${String(key)}`), message: 'is not a known field' }));
    }
    return [{ path: validationPath(context, issue.instancePath), message: issue.message ?? 'is invalid' }];
  });
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : 'the request is invalid';
  return new LinksError('invalid_request', `Invalid request: ${summary}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}.`, details);
}

const UNAVAILABLE_MESSAGE =
  'The database is unavailable or the connection to it was lost; a write may have been applied: retry it with the same Idempotency-Key.';

/** Maps anything thrown while handling a request to a contract error. */
export function toLinksError(error: unknown): LinksError {
  if (error instanceof LinksError) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError) || Array.isArray(fastifyError?.validation)) return validationError(fastifyError);
  if (isDatabaseUnavailable(error)) return new LinksError('unavailable', UNAVAILABLE_MESSAGE);
  if (isStatementTimeout(error)) {
    return new LinksError('unavailable', 'The database cancelled a statement of this request that ran longer than the server allows (LINKS_STATEMENT_TIMEOUT_MS); the request changed nothing.');
  }
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  switch (fastifyError?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new LinksError('payload_too_large', 'The request body is larger than 1 MiB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new LinksError('invalid_request', 'Send the body as JSON with "Content-Type: application/json".');
  }
  if (error instanceof SyntaxError || fastifyError?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new LinksError('invalid_request', 'The body is not valid JSON.');
  }
  if (status === 413) return new LinksError('payload_too_large', 'The request body is larger than 1 MiB.');
  if (status === 404) return new LinksError('not_found', 'No such resource.');
  if (status >= 400 && status < 500) return new LinksError('invalid_request', fastifyError.message || 'The request is invalid.');
  return new LinksError('internal_error', 'Internal error; quote the request id when you report it.');
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: LinksError): FastifyReply {
  reply.header('Request-Id', request.id);
  request.failure ??= { code: error.code };
  if (error.code === 'rate_limited' && !reply.hasHeader('Retry-After')) reply.header('Retry-After', '1');
  // RFC 9110: a 401 names its scheme; MCP clients read it to tell a key problem from an OAuth one.
  if (error.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="links"');
  return reply.code(error.status).type('application/json; charset=utf-8').send({
    error: { code: error.code, message: error.message, request_id: request.id, details: error.details },
  });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const linksError = toLinksError(error);
    // The request's one log line (listener.ts) carries the cause of a 5xx; a 4xx is the client's and needs only its code.
    if (linksError.status >= 500) request.failure = { code: linksError.code, cause: error };
    return sendError(reply, request, linksError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new LinksError('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
}

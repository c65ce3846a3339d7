/**
 * One log line per request, written when the answer is sent: method, path (secrets in the query
 * masked), status, duration, and for whom (tenant, key id). A 4xx is a warning carrying its error
 * code, so a refused entry is visible to the operator; a 5xx is an error carrying what was thrown.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { maskUrl } from '../logging.js';

export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const status = reply.statusCode;
  const principal = request.principal;
  const admin = request.routeOptions.config?.admin === true && status < 400;
  const line = {
    method: request.method,
    path: maskUrl(request.url),
    status,
    duration_ms: Math.round(reply.elapsedTime * 10) / 10,
    code: request.failure?.code,
    tenant_id: principal?.tenantId,
    key_id: principal?.keyId ?? (admin ? 'admin' : undefined),
  };
  const msg = `${line.method} ${line.path} ${status}`;
  if (status >= 500) request.log.error({ ...line, err: request.failure?.cause }, msg);
  else if (status >= 400) request.log.warn(line, msg);
  else request.log.info(line, msg);
}

/**
 * `POST /api/v1/external-connections/{id}/sync` → the report: rows created, updated, unchanged and
 * rejected (with reasons). Each row is written — and posted by the accounting rules — on its own;
 * a re-run with the same data changes nothing. With `Prefer: respond-async` (RFC 7240) the sync
 * runs as a job: 202 with the job, `Location` naming it and `Preference-Applied: respond-async`.
 */
import type { FastifyRequest } from 'fastify';
import { syncConnection } from '../../../../connections/connectionSync.js';
import { startConnectionSync } from '../../../../connections/connectionSyncJobs.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { connectionId, syncReportView } from '../../../schemas/externalConnections.js';
import { jobSingle } from '../../../schemas/jobs.js';
import { recordCreateBody } from '../../../schemas/unified.js';

/** Whether the Prefer header(s) ask for respond-async (preferences are comma-separated tokens, case-insensitive, maybe with parameters). */
export function prefersAsync(request: FastifyRequest): boolean {
  const header = request.headers.prefer;
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.flatMap((v) => v.split(',')).some((pref) => pref.split(';')[0]!.trim().toLowerCase() === 'respond-async');
}

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/external-connections/:id/sync',
    { config: { permission: 'write' }, schema: { params: connectionId, response: { 200: single(syncReportView), 202: jobSingle } } },
    async (request, reply) => {
      const scope = ledgerScope(request, services);
      if (!prefersAsync(request)) return reply.send({ data: await syncConnection(scope, writeRequest(request), services.secretsKey, request.params.id, recordCreateBody) });
      const outcome = await startConnectionSync(scope, writeRequest(request), request.params.id);
      services.wakeJobs(scope.environment);
      reply.header('Location', `/api/v1/jobs/${outcome.body.data.id}`).header('Preference-Applied', 'respond-async');
      return sendOutcome(reply, outcome);
    },
  );
}

/**
 * `POST /api/v1/gl-connections/{id}/run` → 202 the job (Location: the job): "send now". The job
 * queues what was posted, wakes the engine and finishes when the transfers that were waiting are
 * settled; its result is `{queued, confirmed, failed, waiting, connection_status}`.
 */
import { startGlRun } from '../../../../gl/glRunJobs.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { jobSingle } from '../../../schemas/jobs.js';
import { glConnectionId } from '../../../schemas/glConnections.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post('/api/v1/gl-connections/:id/run', { config: { permission: 'write' }, schema: { params: glConnectionId, response: { 202: jobSingle } } }, async (request, reply) => {
    const scope = ledgerScope(request, services);
    const outcome = await startGlRun(scope, writeRequest(request), request.params.id);
    services.wakeJobs(scope.environment);
    reply.header('Location', `/api/v1/jobs/${outcome.body.data.id}`);
    return sendOutcome(reply, outcome);
  });
}

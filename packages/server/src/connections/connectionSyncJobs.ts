/**
 * A sync as a job (`Prefer: respond-async`): queued with the connection's id, run by the worker,
 * its progress the source rows handled. A sync is idempotent (rows already written come back
 * `unchanged`), so a job taken over after its process died runs the sync again from the start and
 * posts nothing twice; its report is the last run's.
 * Errors: not_found (no such connection), invalid_request (no mapping yet).
 */
import type { z } from 'zod';
import { LinksError } from '../domain/errors.js';
import type { Job } from '../domain/jobs.js';
import type { JobHandler } from '../jobs/jobWorker.js';
import { enqueueJob } from '../jobs/jobs.js';
import { writeLedger, type LedgerScope, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import { syncConnection } from './connectionSync.js';
import { connectionView, loadConnection, type ConnectionMapping } from './externalConnections.js';

export async function startConnectionSync(scope: LedgerScope, request: WriteRequest, id: string): Promise<WriteOutcome<Job>> {
  const connection = connectionView(await loadConnection(scope, id));
  if (!connection.mapping) {
    throw new LinksError('invalid_request', `Connection ${connection.name} has no mapping yet: PUT /api/v1/external-connections/${id}/mapping first.`, [{ path: 'mapping', message: 'required' }]);
  }
  return writeLedger(scope, request, 202, (trx) => enqueueJob(trx, scope.tenantId, request.context, 'connection_sync', { connection_id: id }));
}

/** The job's work (registered for kind `connection_sync`): the sync, its progress committed under the job's lease. */
export function connectionSyncJob(secretsKey: () => Buffer, recordSchema: (model: ConnectionMapping['model']) => z.ZodType): JobHandler {
  return async (context) => {
    const id = String(context.job.params.connection_id);
    const request: WriteRequest = { context: context.writeContext, fingerprint: null };
    const report = await syncConnection(context.scope, request, secretsKey, id, recordSchema, (done, total) =>
      context.step(async () => ({ value: undefined, done, total, checkpoint: null })),
    );
    return { ...report };
  };
}

/**
 * "Send now" as a job (`POST /api/v1/gl-connections/{id}/run`): the job queues what was posted since
 * the connection's mark, wakes the engine, then watches the transfers that were waiting until each
 * is settled (confirmed or failed), the connection stops sending (paused, needs_authorization,
 * error), or RUN_BOUND_MS passes; its result says what is left. The sending stays the engine's.
 * Restart-safe: queueing is idempotent (the mark moves with the transfers it queued), and a job
 * taken over after the watch began resumes watching the transfers its checkpoint names.
 * Errors: not_found (no such connection).
 */
import type { Job } from '../domain/jobs.js';
import type { JobContext, JobHandler } from '../jobs/jobWorker.js';
import { enqueueJob } from '../jobs/jobs.js';
import { writeLedger, type LedgerScope, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import { transferCountsAmong, unsettledTransferIds } from '../storage/glTransfers.js';
import { loadGlConnection, type GlContext } from './glConnections.js';
import { queueNewEntries } from './transferQueue.js';

/**
 * How long a run watches its transfers before it reports what still waits. It occupies one of the
 * worker's slots meanwhile, never all of them (jobs/jobWorker.ts: a tenant holds all slots but one),
 * so other tenants' runs and syncs go on.
 */
const RUN_BOUND_MS = 10 * 60_000;
/** The pause between two looks at the transfers. */
const POLL_MS = 300;

export async function startGlRun(scope: LedgerScope, request: WriteRequest, id: string): Promise<WriteOutcome<Job>> {
  return writeLedger(scope, request, 202, async (trx) => {
    await loadGlConnection(trx, id);
    return enqueueJob(trx, scope.tenantId, request.context, 'gl_run', { connection_id: id });
  });
}

interface Watch {
  queued: number;
  waiting_ids: string[];
  deadline: string;
}

const isWatch = (v: Record<string, unknown> | null): v is Record<string, unknown> & Watch => v !== null && Array.isArray(v.waiting_ids) && typeof v.deadline === 'string';

/** The job's work (registered for kind `gl_run`). */
export function glRunJob(gl: GlContext): JobHandler {
  return async (context) => {
    const id = String(context.job.params.connection_id);
    const watch = isWatch(context.checkpoint) ? context.checkpoint : await queueAll(context, gl, id);
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, POLL_MS));
    const total = watch.waiting_ids.length;
    for (;;) {
      const look = await context.step(async (trx) => {
        const connection = await loadGlConnection(trx, id);
        const counts = await transferCountsAmong(trx, id, watch.waiting_ids);
        const confirmed = counts.confirmed ?? 0;
        const failed = counts.failed ?? 0;
        return { value: { status: connection.status, confirmed, failed }, done: confirmed + failed, total, checkpoint: { ...watch } };
      });
      const waiting = total - look.confirmed - look.failed;
      const stopped = look.status !== 'active';
      if (waiting === 0 || stopped || Date.now() >= Date.parse(watch.deadline)) {
        return { queued: watch.queued, confirmed: look.confirmed, failed: look.failed, waiting, connection_status: look.status };
      }
      await pause();
    }
  };
}

/** Queues every newly posted entry (in batches, one step each), then names the transfers to watch. */
async function queueAll(context: JobContext, gl: GlContext, id: string): Promise<Watch> {
  let queued = 0;
  for (;;) {
    const batch = await context.step(async (trx) => {
      await loadGlConnection(trx, id);
      const n = await queueNewEntries(trx, context.scope.tenantId, id, new Date());
      return { value: n, done: 0, total: null, checkpoint: null };
    });
    queued += batch;
    if (batch === 0) break;
  }
  const watch = await context.step(async (trx) => {
    const value: Watch = { queued, waiting_ids: await unsettledTransferIds(trx, id), deadline: new Date(Date.now() + RUN_BOUND_MS).toISOString() };
    return { value, done: 0, total: value.waiting_ids.length, checkpoint: { ...value } };
  });
  gl.wake(context.scope.environment, context.scope.tenantId, id);
  return watch;
}

/**
 * The jobs table: queueing, the tenant's reads, the worker's claim with FOR UPDATE SKIP LOCKED under
 * a lease, and the steps that commit progress only while the lease is still this process's.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { EnvironmentDatabase, JobRow } from './environmentSchema.js';
import type { LedgerTransaction } from '../ledger/scope.js';
import { inTenantTransaction } from './tenantScope.js';

export type JobRecord = Selectable<JobRow>;

export async function insertJob(trx: LedgerTransaction, job: { tenantId: string; id: string; kind: string; params: Record<string, unknown>; checkpoint: Record<string, unknown>; now: Date }): Promise<JobRecord> {
  return trx
    .insertInto('jobs')
    .values({ tenant_id: job.tenantId, id: job.id, kind: job.kind, params: JSON.stringify(job.params), checkpoint: JSON.stringify(job.checkpoint), status: 'queued', created_at: job.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function jobById(trx: LedgerTransaction, id: string): Promise<JobRecord | undefined> {
  return trx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The tenant's jobs, newest first, after (created_at, id) when given. */
export async function jobRows(trx: LedgerTransaction, filter: { kind?: string | undefined; status?: string | undefined }, after: { at: string; id: string } | undefined, limit: number): Promise<JobRecord[]> {
  let query = trx.selectFrom('jobs').selectAll();
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (after !== undefined) query = query.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * What this worker already runs, per tenant, for a fair claim: `running` counts its jobs by tenant
 * id; a tenant at `maxPerTenant` of them gets no more here.
 */
export interface ClaimFairness {
  running: ReadonlyMap<string, number>;
  maxPerTenant: number;
}

/**
 * Takes the lease of a job that is queued, or running under a lease that lapsed (its process died),
 * for `worker`: of the tenants under their cap, the one with the fewest jobs running in this worker
 * first, then the oldest job. SKIP LOCKED: processes claiming at once each get a different job.
 * The one cross-tenant statement (policy job_claim_*): it returns only the job's row.
 */
export async function claimNextJob(db: Kysely<EnvironmentDatabase>, worker: string, leaseMs: number, fairness: ClaimFairness): Promise<JobRecord | undefined> {
  const running = JSON.stringify(Object.fromEntries(fairness.running));
  const full = [...fairness.running].filter(([, n]) => n >= fairness.maxPerTenant).map(([tenant]) => tenant);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('links.job_claim', 'on', true)`.execute(trx);
    const { rows } = await sql<JobRecord>`
      UPDATE jobs j SET status = 'running', claimed_by = ${worker}, heartbeat_at = clock_timestamp(),
             started_at = coalesce(j.started_at, clock_timestamp()), attempts = j.attempts + 1
        FROM (SELECT tenant_id, id FROM jobs
               WHERE (status = 'queued'
                      OR (status = 'running' AND heartbeat_at < clock_timestamp() - make_interval(secs => ${leaseMs / 1000})))
                 AND tenant_id <> ALL(${full}::uuid[])
               ORDER BY coalesce((${running}::jsonb ->> tenant_id::text)::int, 0), created_at
               LIMIT 1
               FOR UPDATE SKIP LOCKED) next
       WHERE j.tenant_id = next.tenant_id AND j.id = next.id
      RETURNING j.*`.execute(trx);
    return rows[0];
  });
}

/** Embedded storage has one process (the data directory is locked): what a previous process left running is orphaned now. */
export async function releaseOrphanedJobs(db: Kysely<EnvironmentDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('links.job_claim', 'on', true)`.execute(trx);
    await sql`UPDATE jobs SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL WHERE status = 'running'`.execute(trx);
  });
}

/** Locks the job for a step of its work; undefined when this worker no longer holds its lease. */
export async function lockLeasedJob(trx: LedgerTransaction, id: string, worker: string): Promise<JobRecord | undefined> {
  return trx.selectFrom('jobs').selectAll().where('id', '=', id).where('status', '=', 'running').where('claimed_by', '=', worker).forUpdate().executeTakeFirst();
}

export async function recordJobProgress(trx: LedgerTransaction, id: string, progress: { done: number; total: number | null; checkpoint: Record<string, unknown> | null }): Promise<void> {
  await trx
    .updateTable('jobs')
    .set({ progress_done: progress.done, progress_total: progress.total, checkpoint: progress.checkpoint === null ? null : JSON.stringify(progress.checkpoint), heartbeat_at: sql<Date>`clock_timestamp()` })
    .where('id', '=', id)
    .execute();
}

export async function finishJob(trx: LedgerTransaction, id: string, outcome: { status: 'succeeded' | 'failed'; result?: Record<string, unknown> | null; error?: Record<string, unknown> | null }): Promise<void> {
  await trx
    .updateTable('jobs')
    .set({
      status: outcome.status,
      result: outcome.result == null ? null : JSON.stringify(outcome.result),
      error: outcome.error == null ? null : JSON.stringify(outcome.error),
      claimed_by: null,
      finished_at: sql<Date>`clock_timestamp()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Renews the lease of the jobs this worker runs; false for a job whose lease another process took. */
export async function renewLease(db: Kysely<EnvironmentDatabase>, tenantId: string, id: string, worker: string): Promise<boolean> {
  return inTenantTransaction(db, tenantId, async (trx) => {
    const renewed = await trx.updateTable('jobs').set({ heartbeat_at: sql<Date>`clock_timestamp()` }).where('id', '=', id).where('claimed_by', '=', worker).where('status', '=', 'running').returning('id').executeTakeFirst();
    return renewed !== undefined;
  });
}

/** A job handed back by a stopping process: queued again, its checkpoint kept, the attempt not counted. */
export async function requeueJob(trx: LedgerTransaction, id: string, attempts: number): Promise<void> {
  await trx.updateTable('jobs').set({ status: 'queued', claimed_by: null, heartbeat_at: null, attempts }).where('id', '=', id).execute();
}

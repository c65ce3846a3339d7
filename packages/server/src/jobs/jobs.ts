/**
 * Jobs as the tenant sees them: queued by a request in its own transaction (so a job exists exactly
 * when the request that asked for it committed), read and listed newest first with cursor paging.
 * Errors: not_found (no such job in this tenant environment), invalid_request (a cursor this API did
 * not issue for this list).
 */
import { v7 as uuidv7 } from 'uuid';
import type { WriteContext } from '../domain/audit.js';
import { decodeCursor, type CursorBinding } from '../domain/cursor.js';
import { notFound } from '../domain/errors.js';
import type { Job, JobKind, JobStatus } from '../domain/jobs.js';
import { isTimeIdPosition, keysetPage, rowsToRead } from '../domain/keysetPage.js';
import { readLedger, type LedgerScope, type LedgerTransaction } from '../ledger/scope.js';
import { insertJob, jobById, jobRows, type JobRecord } from '../storage/jobs.js';

export function jobView(row: JobRecord): Job {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status as JobStatus,
    params: row.params,
    progress: { done: row.progress_done, total: row.progress_total },
    result: row.result,
    error: row.error as Job['error'],
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
  };
}

/**
 * Queues a job in the caller's transaction; a worker picks it up once that commits. The job acts
 * for whoever asked (its audit events name them), kept beside its checkpoint, not shown.
 */
export async function enqueueJob(trx: LedgerTransaction, tenantId: string, context: WriteContext, kind: JobKind, params: Record<string, unknown>): Promise<Job> {
  return jobView(await insertJob(trx, { tenantId, id: uuidv7(), kind, params, checkpoint: { requested_by: context }, now: new Date() }));
}

export async function getJob(scope: LedgerScope, id: string): Promise<Job> {
  return readLedger(scope, async (trx) => {
    const row = await jobById(trx, id);
    if (!row) throw notFound('job', id);
    return jobView(row);
  });
}

export interface JobFilter {
  kind?: JobKind | undefined;
  status?: JobStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A page of jobs; `next_cursor` continues it (null on the last page). */
export interface JobPage {
  data: Job[];
  limit: number;
  next_cursor: string | null;
}

export async function listJobs(scope: LedgerScope, filter: JobFilter, binding: CursorBinding): Promise<JobPage> {
  const after = filter.cursor === undefined ? undefined : decodeCursor(binding, filter.cursor, isTimeIdPosition);
  return readLedger(scope, async (trx) => {
    const rows = await jobRows(trx, filter, after, rowsToRead(filter.limit));
    const { shown, next_cursor } = keysetPage(rows, filter.limit, binding, (last) => ({ at: last.created_at.toISOString(), id: last.id }));
    return { data: shown.map(jobView), limit: filter.limit, next_cursor };
  });
}

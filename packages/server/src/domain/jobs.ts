/** Jobs: work a request queues and the server runs in the background (accounting runs, syncs). */

export const JOB_KINDS = ['accounting_run', 'connection_sync'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job as the API shows it. `progress.total` is null until the job knows how much there is. */
export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  params: Record<string, unknown>;
  progress: { done: number; total: number | null };
  result: Record<string, unknown> | null;
  error: { code: string; message: string; details: Array<{ path: string; message: string }> } | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** What each kind of job does: the accounting run, and a connection's sync. */
import type { z } from 'zod';
import { connectionSyncJob } from '../connections/connectionSyncJobs.js';
import type { ConnectionMapping } from '../connections/externalConnections.js';
import type { JobKind } from '../domain/jobs.js';
import { runAccounting } from '../records/accountingRuns.js';
import type { JobHandler } from './jobWorker.js';

export function jobHandlers(secretsKey: () => Buffer, recordSchema: (model: ConnectionMapping['model']) => z.ZodType): Record<JobKind, JobHandler> {
  return { accounting_run: runAccounting, connection_sync: connectionSyncJob(secretsKey, recordSchema) };
}

/** What each kind of job does: the accounting run, a connection's sync, a GL connection's "send now". */
import type { z } from 'zod';
import { connectionSyncJob } from '../connections/connectionSyncJobs.js';
import type { ConnectionMapping } from '../connections/externalConnections.js';
import type { JobKind } from '../domain/jobs.js';
import type { GlContext } from '../gl/glConnections.js';
import { glRunJob } from '../gl/glRunJobs.js';
import { runAccounting } from '../records/accountingRuns.js';
import type { JobHandler } from './jobWorker.js';

export function jobHandlers(secretsKey: () => Buffer, recordSchema: (model: ConnectionMapping['model']) => z.ZodType, gl: GlContext): Record<JobKind, JobHandler> {
  return { accounting_run: runAccounting, connection_sync: connectionSyncJob(secretsKey, recordSchema), gl_run: glRunJob(gl) };
}

/** Jobs as the API shows them (accounting runs, asynchronous syncs). */
import { z } from 'zod';
import { JOB_KINDS, JOB_STATUSES } from '../../domain/jobs.js';
import { timestamp } from './common.js';

const problem = z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })) });

export const jobView = z
  .object({
    id: z.string(),
    kind: z.enum(JOB_KINDS),
    status: z.enum(JOB_STATUSES),
    params: z.record(z.string(), z.unknown()),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: problem.nullable(),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
  })
  .meta({ id: 'Job' });

export const jobSingle = z.object({ data: jobView }).meta({ id: 'JobSingle' });

export const jobPage = z.object({ data: z.array(jobView), limit: z.number().int(), next_cursor: z.string().nullable() }).meta({ id: 'JobList' });

export const jobId = z.strictObject({ id: z.uuid({ message: 'must be a UUID' }) });

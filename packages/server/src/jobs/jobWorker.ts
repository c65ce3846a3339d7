/**
 * The job worker of one environment database, in the server process: it runs up to `slots` jobs at
 * once, each claimed from the queue (storage/jobs.ts: FOR UPDATE SKIP LOCKED, so with several
 * processes on PostgreSQL each job runs in exactly one), run as its tenant, its lease renewed while
 * it runs. Fairness: a tenant holds at most slots - 1 of them, so one slot is always left to another
 * tenant's job (a tenant's ten-minute GL run or long sync never shuts every other tenant out), and a
 * free slot goes first to the tenant with the fewest jobs running here, then to the oldest job; a
 * tenant alone still runs several jobs at once (its sync need not wait behind its own GL run). Both
 * are per process: the worker knows its own slots exactly, without reading other processes' leases.
 * A job's work is a series of steps; each step commits its progress and checkpoint in the same
 * transaction as its effects, and only while this process still holds the lease. A process that dies leaves the job
 * `running`: when its lease lapses (or, embedded, at the next start) another worker takes it over
 * and resumes from the checkpoint; work done again is idempotent (a record version posts at most
 * once; the planner posts only differences). A job fails cleanly after MAX_ATTEMPTS takeovers.
 * `stop()` lets the current steps finish and hands the jobs back to the queue.
 */
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { WriteContext } from '../domain/audit.js';
import { LinksError } from '../domain/errors.js';
import type { JobKind } from '../domain/jobs.js';
import type { Environment } from '../domain/tenancy.js';
import { readLedger, type LedgerScope, type LedgerTransaction } from '../ledger/scope.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { claimNextJob, type ClaimFairness, finishJob, lockLeasedJob, recordJobProgress, releaseOrphanedJobs, requeueJob, renewLease, type JobRecord } from '../storage/jobs.js';

/** What a job's work sees: its scope, parameters and checkpoint, and the way to commit a step. */
export interface JobContext {
  scope: LedgerScope;
  job: JobRecord;
  /** Who asked for the job, for its writes' audit events. */
  writeContext: WriteContext;
  /** What the job's last committed step left (null before its first). */
  checkpoint: Record<string, unknown> | null;
  /**
   * Runs `work` in one tenant transaction that also records the progress it returns; throws
   * LeaseLost (and commits nothing) when this process no longer holds the job, or is stopping.
   */
  step<T>(work: (trx: LedgerTransaction) => Promise<{ value: T; done: number; total: number | null; checkpoint: Record<string, unknown> | null }>): Promise<T>;
}

/** The slots a worker runs: on PostgreSQL a running job's step holds a pool connection, so at least one stays for requests. */
export function jobSlotsFor(config: { storage: { kind: string }; jobSlots: number; poolSize: number }): number {
  return config.storage.kind === 'embedded' ? config.jobSlots : Math.max(1, Math.min(config.jobSlots, config.poolSize - 1));
}

export type JobHandler = (context: JobContext) => Promise<Record<string, unknown>>;

export class LeaseLost extends Error {}

export interface JobWorkerOptions {
  db: Kysely<EnvironmentDatabase>;
  environment: Environment;
  embedded: boolean;
  handlers: Record<JobKind, JobHandler>;
  cursorKey: () => Buffer;
  logger: Logger;
  /** Jobs run at once (LINKS_JOB_SLOTS). */
  slots: number;
  /** How long a lease lasts without renewal; renewed every third of it. */
  leaseMs?: number;
  pollMs?: number;
}

const MAX_ATTEMPTS = 5;

export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${uuidv7()}`;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  /** A wake-up that came while the loop was not waiting (e.g. a job ended during a claim). */
  private wokenEarly = false;
  private loop: Promise<void> | undefined;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  /** The jobs running in this worker, by job id. */
  private readonly running = new Map<string, { tenantId: string; work: Promise<void> }>();
  /** Embedded: the steps of this worker's jobs, one at a time (see `inTurn`). */
  private stepTurn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JobWorkerOptions) {
    if (!Number.isInteger(options.slots) || options.slots < 1) throw new Error(`JobWorker: slots must be a positive integer (got ${options.slots})`);
    this.leaseMs = options.leaseMs ?? 15_000;
    this.pollMs = options.pollMs ?? 1_000;
  }

  async start(): Promise<void> {
    if (this.options.embedded) await releaseOrphanedJobs(this.options.db);
    this.loop = this.run();
  }

  /** A job was queued in this process: look now instead of at the next poll. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenEarly = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let job: JobRecord | undefined;
      if (this.running.size < this.options.slots) {
        try {
          job = await claimNextJob(this.options.db, this.id, this.leaseMs, this.fairness());
        } catch (error) {
          if (!this.stopping) this.options.logger.warn({ err: error, environment: this.options.environment }, 'job claim failed');
        }
      }
      if (job) {
        this.startJob(job);
        continue;
      }
      if (this.wokenEarly) {
        this.wokenEarly = false;
        continue;
      }
      // Wakes at the poll, a job queued in this process, or a slot set free.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
    await Promise.all([...this.running.values()].map((r) => r.work));
  }

  /** The claim's fairness: a tenant may hold all slots but one (all, with a single slot). */
  private fairness(): ClaimFairness {
    const running = new Map<string, number>();
    for (const { tenantId } of this.running.values()) running.set(tenantId, (running.get(tenantId) ?? 0) + 1);
    return { running, maxPerTenant: Math.max(1, this.options.slots - 1) };
  }

  private startJob(job: JobRecord): void {
    // runJob records its own failures; this catch only keeps a bug in it from going unhandled.
    const work = this.runJob(job)
      .catch((error) => this.options.logger.error({ err: error, job: job.id }, 'job worker failed'))
      .finally(() => {
        this.running.delete(job.id);
        this.wake();
      });
    this.running.set(job.id, { tenantId: job.tenant_id, work });
  }

  /**
   * Embedded storage is one session: several jobs' steps queued at once would each wait there ahead
   * of the HTTP requests that arrive meanwhile. Taking turns (and the storage layer yields a turn of
   * the event loop before each transaction), a request waits behind at most one job step, as with a
   * single job.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (!this.options.embedded) return work();
    const turn = this.stepTurn.then(work, work);
    this.stepTurn = turn.catch(() => undefined);
    return turn;
  }

  private async runJob(job: JobRecord): Promise<void> {
    const { db, environment, logger } = this.options;
    const scope: LedgerScope = { db, tenantId: job.tenant_id, environment, cursorKey: this.options.cursorKey };
    const lease = setInterval(() => {
      renewLease(db, job.tenant_id, job.id, this.id).catch((error) => logger.warn({ err: error, job: job.id }, 'job lease renewal failed'));
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
    const finish = (outcome: Parameters<typeof finishJob>[2]) =>
      readLedger(scope, async (trx) => {
        if (await lockLeasedJob(trx, job.id, this.id)) await finishJob(trx, job.id, outcome);
      });
    try {
      if (job.attempts > MAX_ATTEMPTS) {
        await finish({ status: 'failed', error: { code: 'internal_error', message: `The job was interrupted ${MAX_ATTEMPTS} times; it was stopped. Start it again.`, details: [] } });
        return;
      }
      const handler = this.options.handlers[job.kind as JobKind];
      const { requested_by: requestedBy, ...checkpoint } = (job.checkpoint ?? {}) as { requested_by: WriteContext };
      const context: JobContext = {
        scope,
        job,
        writeContext: requestedBy,
        checkpoint: Object.keys(checkpoint).length > 0 ? checkpoint : null,
        step: (work) =>
          this.inTurn(() =>
            readLedger(scope, async (trx) => {
              if (this.stopping || !(await lockLeasedJob(trx, job.id, this.id))) throw new LeaseLost();
              const { value, ...progress } = await work(trx);
              await recordJobProgress(trx, job.id, { ...progress, checkpoint: { requested_by: requestedBy, ...progress.checkpoint } });
              return value;
            }),
          ),
      };
      const result = await handler(context);
      await finish({ status: 'succeeded', result });
      logger.info({ job: job.id, kind: job.kind, tenant: job.tenant_id }, 'job succeeded');
    } catch (error) {
      if (error instanceof LeaseLost) {
        if (this.stopping) await this.handBack(scope, job).catch((e) => logger.warn({ err: e, job: job.id }, 'job hand-back failed'));
        return;
      }
      const reported = error instanceof LinksError ? { code: error.code, message: error.message, details: error.details } : { code: 'internal_error', message: 'The job failed unexpectedly; the server log has the details.', details: [] };
      if (!(error instanceof LinksError)) logger.error({ err: error, job: job.id, kind: job.kind }, 'job failed');
      await finish({ status: 'failed', error: reported }).catch((e) => logger.warn({ err: e, job: job.id }, 'job failure not recorded'));
    } finally {
      clearInterval(lease);
    }
  }

  /** Stopping mid-job: the job goes back to the queue, to resume at the next start (or in another process). */
  private async handBack(scope: LedgerScope, job: JobRecord): Promise<void> {
    await readLedger(scope, async (trx) => {
      if (await lockLeasedJob(trx, job.id, this.id)) {
        await requeueJob(trx, job.id, job.attempts - 1);
      }
    });
  }
}

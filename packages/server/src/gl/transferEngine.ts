/**
 * The transfer engine: inside the server process, for every live GL connection of every tenant
 * environment, queues newly posted entries as transfers (transferQueue.ts) and sends the due ones
 * (transferAttempt.ts). Each connection is scheduled on its own: a slow or rate-limited ERP only
 * delays its own connection. The engine is steppable — `tick(now)` runs what is due at `now` and
 * settles — so a simulation can drive it with its own clock and connector factory; `start()` ticks
 * it on a timer with the real clock.
 *
 * Exactly once: a transfer is claimed with FOR UPDATE SKIP LOCKED under a lease (one sender per
 * transfer across processes), an answer is recorded only by the attempt that still holds it, and a
 * transfer whose answer was lost (or whose sender died) is read back through `findSent` before it
 * is sent again, under the same idempotency key.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Environment } from '../domain/tenancy.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { findGlConnection, liveGlConnections } from '../storage/glTransfers.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import type { ConnectorFactory } from './connectors.js';
import { sendDueTransfers, type AttemptTimings } from './transferAttempt.js';
import { queueNewEntries } from './transferQueue.js';

export interface GlEngineTimings extends AttemptTimings {
  /** How often an idle connection looks for newly posted entries. */
  pollMs: number;
  /** How often the engine looks for connections created by another process. */
  discoveryMs: number;
}

export interface GlEngineOptions {
  environments: Partial<Record<Environment, Kysely<EnvironmentDatabase>>>;
  /** Every tenant that may have connections (the server: the control database's tenants). */
  tenantIds: () => Promise<string[]>;
  secretsKey: () => Buffer;
  connectors: ConnectorFactory;
  timings: GlEngineTimings;
  logger?: Pick<Logger, 'warn'> | undefined;
  /** The most transfers one connection sends in one step (default 20): others' turns come between. */
  sendsPerStep?: number;
}

interface ScheduledConnection {
  environment: Environment;
  tenantId: string;
  connectionId: string;
  dueAt: number;
  busy: boolean;
}

const keyOf = (environment: Environment, tenantId: string, connectionId: string) => `${environment}:${tenantId}:${connectionId}`;

export class GlTransferEngine {
  private readonly scheduled = new Map<string, ScheduledConnection>();
  private discoveredAt = Number.NEGATIVE_INFINITY;
  private discovering = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: GlEngineOptions) {}

  /**
   * Runs everything due at `now`: discovery when its time has come, then one step of every due
   * connection not already in a step, concurrently; resolves when they have all finished.
   */
  async tick(now: number): Promise<void> {
    if (this.stopped) return;
    if (!this.discovering && now - this.discoveredAt >= this.options.timings.discoveryMs) await this.discover(now);
    const due = [...this.scheduled.values()].filter((c) => !c.busy && c.dueAt <= now);
    await Promise.all(due.map((c) => this.step(c, now)));
  }

  /** Makes a connection due now (a new connection, a retry, `run`), and ticks soon when running on a timer. */
  wake(environment: Environment, tenantId: string, connectionId: string): void {
    const key = keyOf(environment, tenantId, connectionId);
    const known = this.scheduled.get(key);
    if (known) known.dueAt = Number.NEGATIVE_INFINITY;
    else this.scheduled.set(key, { environment, tenantId, connectionId, dueAt: Number.NEGATIVE_INFINITY, busy: false });
    if (this.timer) this.track(this.tick(Date.now()));
  }

  /** Ticks every `pollMs` with the real clock until `stop()`. */
  start(): void {
    this.timer = setInterval(() => this.track(this.tick(Date.now())), Math.min(this.options.timings.pollMs, 1000));
    this.timer.unref();
  }

  /** Stops ticking and waits for the steps in flight (a transfer mid-send keeps its lease; the next start reads it back). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.running]);
  }

  /** The connections the engine serves now (for tests and the simulation). */
  connections(): Array<{ environment: Environment; tenantId: string; connectionId: string; dueAt: number }> {
    return [...this.scheduled.values()].map(({ environment, tenantId, connectionId, dueAt }) => ({ environment, tenantId, connectionId, dueAt }));
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.options.logger?.warn({ err: error }, 'gl transfer engine tick failed'));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  private async discover(now: number): Promise<void> {
    this.discovering = true;
    try {
      const tenants = await this.options.tenantIds();
      for (const [environment, db] of Object.entries(this.options.environments) as Array<[Environment, Kysely<EnvironmentDatabase>]>) {
        for (const tenantId of tenants) {
          const rows = await inTenantTransaction(db, tenantId, (trx) => liveGlConnections(trx));
          for (const row of rows) {
            const key = keyOf(environment, tenantId, row.id);
            if (!this.scheduled.has(key)) this.scheduled.set(key, { environment, tenantId, connectionId: row.id, dueAt: now, busy: false });
          }
        }
      }
      this.discoveredAt = now;
    } finally {
      this.discovering = false;
    }
  }

  /** One active connection's turn: queue what was posted, then send what is due. */
  private async step(connection: ScheduledConnection, now: number): Promise<void> {
    connection.busy = true;
    // wake() during the step sets dueAt to -Infinity: the connection then stays due.
    connection.dueAt = Number.POSITIVE_INFINITY;
    const { environment, tenantId, connectionId } = connection;
    const db = this.options.environments[environment]!;
    const { timings } = this.options;
    let nextAt = now + timings.pollMs;
    try {
      const row = await inTenantTransaction(db, tenantId, (trx) => findGlConnection(trx, connectionId));
      if (!row) {
        this.scheduled.delete(keyOf(environment, tenantId, connectionId));
        return;
      }
      // Only an active connection queues by itself: one created paused (or awaiting authorization)
      // takes its mapping before any entry is turned into a journal.
      if (row.status !== 'active') return;
      await inTenantTransaction(db, tenantId, (trx) => queueNewEntries(trx, tenantId, connectionId, new Date(now)));
      const waitMs = await sendDueTransfers({ db, environment, tenantId, connection: row, now, timings, secretsKey: this.options.secretsKey, connectors: this.options.connectors, limit: this.options.sendsPerStep ?? 20 });
      if (waitMs !== undefined) nextAt = now + waitMs;
    } catch (error) {
      this.options.logger?.warn({ err: error, connection_id: connectionId, tenant_id: tenantId, environment }, 'gl transfer step failed; retried at the next poll');
    } finally {
      connection.busy = false;
      if (connection.dueAt !== Number.NEGATIVE_INFINITY) connection.dueAt = nextAt;
    }
  }
}

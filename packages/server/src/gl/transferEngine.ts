/**
 * The transfer engine: inside the server process, for every live GL connection of every tenant
 * environment, queues newly posted entries as transfers (transferQueue.ts) and sends the due ones
 * (transferAttempt.ts). Each connection is scheduled on its own: a slow or rate-limited ERP only
 * delays its own connection. The engine is steppable — `tick(now)` runs what is due at `now` and
 * settles — so a simulation can drive it with its own clock and connector factory; `start()` ticks
 * it on a timer with the real clock.
 *
 * One sender per connection: a step first takes (or renews) the connection's sender lease and skips
 * the connection while another process holds it; the lease is renewed once a third of it has passed
 * (every claim also checks this process is still the sender), kept between steps and released by
 * `stop()`. So the ERP's rate limits, shaped inside the sending process (Xero: xeroRateShaper.ts),
 * hold across processes. A dead sender's lease lapses after
 * `leaseMs`; a released one makes the next sender wait until this one's requests are a minute old
 * (at most `leaseMs`). With a lease of at least a minute plus an attempt's longest time (the default
 * 120 s ≥ 60 s + 2 × 10 s waiting for a slot + 30 s request timeout), a new sender's first minute
 * holds none of the old sender's requests.
 *
 * Exactly once: a transfer is claimed with FOR UPDATE SKIP LOCKED under a lease (one sender per
 * transfer across processes), an answer is recorded only by the attempt that still holds it, and a
 * transfer whose answer was lost (or whose sender died) is read back through `findSent` before it
 * is sent again, under the same idempotency key.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Logger } from 'pino';
import type { Environment } from '../domain/tenancy.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { findGlConnection, holdGlConnectionSender, liveGlConnections, releaseGlConnectionSender } from '../storage/glTransfers.js';
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
  /** The time while a step runs, for renewing its sender lease (default the real clock; the simulation's own). */
  clock?: () => number;
}

/**
 * ERPs count requests per minute (Xero: 60 per organisation) and a new sender's rate shaper starts
 * empty: after a release, the next sender waits until the last request sent here is a minute old.
 */
const RATE_WINDOW_MS = 60_000;

interface ScheduledConnection {
  environment: Environment;
  tenantId: string;
  connectionId: string;
  dueAt: number;
  busy: boolean;
  /** This process holds the connection's sender lease (as of its last claim or renewal). */
  sending: boolean;
  /** When this process's last attempt for the connection ended. */
  lastAttemptAt: number | undefined;
  /** When this process last asked the connector to keep the ERP's authorization alive. */
  keptAliveAt: number;
  /** When this process last took or renewed the connection's sender lease. */
  heldAt: number;
}

/** How often an idle connection's authorization is looked at (the connector decides whether to renew). */
const KEEP_ALIVE_EVERY_MS = 6 * 3_600_000;

const keyOf = (environment: Environment, tenantId: string, connectionId: string) => `${environment}:${tenantId}:${connectionId}`;

const newScheduled = (environment: Environment, tenantId: string, connectionId: string, dueAt: number): ScheduledConnection => ({
  environment, tenantId, connectionId, dueAt, busy: false, sending: false, lastAttemptAt: undefined, keptAliveAt: Number.NEGATIVE_INFINITY, heldAt: Number.NEGATIVE_INFINITY,
});

export class GlTransferEngine {
  private readonly scheduled = new Map<string, ScheduledConnection>();
  private discoveredAt = Number.NEGATIVE_INFINITY;
  private discovering = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  /** This process's identity in the connections' sender leases. */
  private readonly senderId = uuidv7();
  private readonly clock: () => number;

  constructor(private readonly options: GlEngineOptions) {
    this.clock = options.clock ?? Date.now;
  }

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
    else this.scheduled.set(key, newScheduled(environment, tenantId, connectionId, Number.NEGATIVE_INFINITY));
    if (this.timer) this.track(this.tick(Date.now()));
  }

  /** Ticks every `pollMs` with the real clock until `stop()`. */
  start(): void {
    this.timer = setInterval(() => this.track(this.tick(Date.now())), Math.min(this.options.timings.pollMs, 1000));
    this.timer.unref();
  }

  /**
   * Stops ticking, waits for the steps in flight (a transfer mid-send keeps its lease; the next
   * start reads it back) and releases the connections this process sends for.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.running]);
    await Promise.allSettled([...this.scheduled.values()].filter((c) => c.sending && !c.busy).map((c) => this.release(c)));
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
            if (!this.scheduled.has(key)) this.scheduled.set(key, newScheduled(environment, tenantId, row.id, now));
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
    let holding = false;
    try {
      const row = await inTenantTransaction(db, tenantId, (trx) => findGlConnection(trx, connectionId));
      if (!row) {
        this.scheduled.delete(keyOf(environment, tenantId, connectionId));
        return;
      }
      // Only an active connection queues by itself: one created paused (or awaiting authorization)
      // takes its mapping before any entry is turned into a journal.
      if (row.status !== 'active') return;
      // Another process sends for this connection: look again at the next poll (its lease may lapse).
      holding = await this.holdSender(connection, now);
      if (!holding) return;
      await inTenantTransaction(db, tenantId, (trx) => queueNewEntries(trx, tenantId, connectionId, new Date(now)));
      const keepAlive = now - connection.keptAliveAt >= KEEP_ALIVE_EVERY_MS;
      const sent = await sendDueTransfers({
        db, environment, tenantId, connection: row, now, timings,
        secretsKey: this.options.secretsKey, connectors: this.options.connectors, limit: this.options.sendsPerStep ?? 20,
        senderId: this.senderId,
        // A step waiting on the ERP's rate limits may outlast one lease: renewed once a third of it
        // has passed (each claim checks this process is still the sender, so no renewal is needed
        // to notice a pause, a delete or a takeover).
        keepSending: () => {
          const at = Math.max(now, this.clock());
          return at - connection.heldAt < timings.leaseMs / 3 ? Promise.resolve(true) : this.holdSender(connection, at);
        },
        keepAlive,
      });
      if (keepAlive && sent.attempts === 0) connection.keptAliveAt = now;
      if (sent.attempts > 0) connection.lastAttemptAt = Math.max(now, this.clock());
      if (sent.waitMs !== undefined) nextAt = now + sent.waitMs;
    } catch (error) {
      // It may have failed mid-attempt: counted as one for the handover.
      if (holding) connection.lastAttemptAt = Math.max(now, this.clock());
      this.options.logger?.warn({ err: error, connection_id: connectionId, tenant_id: tenantId, environment }, 'gl transfer step failed; retried at the next poll');
    } finally {
      connection.busy = false;
      if (connection.dueAt !== Number.NEGATIVE_INFINITY) connection.dueAt = nextAt;
    }
  }

  /** Takes or renews the connection's sender lease at `at`; false when another process holds it. */
  private async holdSender(connection: ScheduledConnection, at: number): Promise<boolean> {
    const db = this.options.environments[connection.environment]!;
    connection.sending = await inTenantTransaction(db, connection.tenantId, (trx) =>
      holdGlConnectionSender(trx, connection.connectionId, this.senderId, new Date(at), new Date(at + this.options.timings.leaseMs)),
    );
    if (connection.sending) connection.heldAt = at;
    return connection.sending;
  }

  private async release(connection: ScheduledConnection): Promise<void> {
    const db = this.options.environments[connection.environment]!;
    // No longer than a lapsed lease would make it wait.
    const nextSenderFrom = connection.lastAttemptAt === undefined ? 0 : connection.lastAttemptAt + Math.min(RATE_WINDOW_MS, this.options.timings.leaseMs);
    try {
      await inTenantTransaction(db, connection.tenantId, (trx) => releaseGlConnectionSender(trx, connection.connectionId, this.senderId, new Date(nextSenderFrom)));
      connection.sending = false;
    } catch (error) {
      this.options.logger?.warn({ err: error, connection_id: connection.connectionId, tenant_id: connection.tenantId }, 'gl sender lease not released; it lapses by itself');
    }
  }
}

/**
 * Rate shaping per Xero organisation, inside one process: at most 5 requests in flight, 60 in any
 * minute and 5,000 in any day (Xero's published limits per organisation), a pause for as long as a
 * 429's Retry-After says, and an exponential pause after a 5xx or a lost answer. Each organisation
 * has its own shaper, so a slow or limited organisation never holds up another.
 *
 * Counting is conservative: a request counts from the moment it is sent until 60 s (a day) after its
 * answer arrived, so Xero, which counts it on arrival, never sees more than we counted. A request
 * abandoned on timeout keeps its concurrency slot a while longer: Xero may still be working on it.
 *
 * Xero's answers say what is left (X-MinLimit-Remaining, X-DayLimit-Remaining). Calls Xero counted
 * that this shaper did not make (a process that sent for the organisation before this one, another
 * connection to it) are counted as if made when reported, so they expire no sooner than Xero's own;
 * a later answer reporting more left takes back what was counted so.
 */

export interface GlClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: GlClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const XERO_LIMITS = { concurrent: 5, perMinute: 60, perDay: 5000 } as const;
const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_BACKOFF_MS = 60_000;
const ABANDONED_HOLD_MS = 30_000;
const POLL_MS = 50;

/** How a request ended, for the shaper. */
export interface RequestEnd {
  status: number | null;
  retryAfterSeconds?: number | undefined;
  /** The request timed out: Xero may still be processing it. */
  abandoned?: boolean;
  /** X-MinLimit-Remaining of the answer. */
  minuteRemaining?: number | undefined;
  /** X-DayLimit-Remaining of the answer. */
  dayRemaining?: number | undefined;
}

/** Drops the times that are `windowMs` old at `now` from the front of a list kept in time order. */
function expire(times: number[], now: number, windowMs: number): void {
  while (times.length > 0 && (times[0] as number) <= now - windowMs) times.shift();
}

/**
 * Makes `others` (calls Xero counted that we did not make) account for Xero's count `used`, given
 * `own` calls of ours in the window: adds the excess as calls made `now`, or takes back the oldest.
 */
function reconcile(others: number[], used: number, own: number, now: number): void {
  const counted = own + others.length;
  if (used > counted) for (let i = counted; i < used; i++) others.push(now);
  else others.splice(0, Math.min(others.length, counted - used));
}

/** The earliest of the lists' first times (each list is in time order). */
const earliest = (...lists: number[][]): number => Math.min(...lists.map((l) => l[0] ?? Number.POSITIVE_INFINITY));

export class OrganisationShaper {
  private inFlight = 0;
  /** When each finished request stops counting against the minute (and, + 1 day − 1 minute, the day). */
  private readonly ended: number[] = [];
  private blockedUntil = 0;
  private failures = 0;
  private readonly heldUntil: number[] = [];
  /** Calls Xero reported in the minute (the day) that this shaper did not make, as of when reported. */
  private readonly othersInMinute: number[] = [];
  private readonly othersInDay: number[] = [];

  constructor(private readonly clock: GlClock) {}

  /** How long until a request may go (0: now). */
  waitMs(): number {
    const now = this.clock.now();
    this.expireAt(now);
    for (let i = this.heldUntil.length - 1; i >= 0; i--) if ((this.heldUntil[i] as number) <= now) this.heldUntil.splice(i, 1);
    if (this.blockedUntil > now) return this.blockedUntil - now;
    if (this.inFlight + this.heldUntil.length >= XERO_LIMITS.concurrent) return POLL_MS;
    const inMinute = this.ownInMinute(now);
    if (this.inFlight + inMinute.length + this.othersInMinute.length >= XERO_LIMITS.perMinute) {
      return Math.max(1, Math.min(earliest(inMinute, this.othersInMinute), now) + MINUTE - now + 1);
    }
    if (this.inFlight + this.ended.length + this.othersInDay.length >= XERO_LIMITS.perDay) {
      return Math.max(1, Math.min(earliest(this.ended, this.othersInDay), now) + DAY - now + 1);
    }
    return 0;
  }

  /**
   * Waits for a slot up to `maxWaitMs`; returns false (and takes nothing) when the wait would be
   * longer, so the caller can answer "retry later" instead of holding a worker.
   */
  async acquire(maxWaitMs: number): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
    const deadline = this.clock.now() + maxWaitMs;
    for (;;) {
      const wait = this.waitMs();
      if (wait === 0) {
        this.inFlight++;
        return { ok: true };
      }
      if (this.clock.now() + wait > deadline) return { ok: false, retryAfterMs: wait };
      await this.clock.sleep(Math.min(wait, 1000));
    }
  }

  release(end: RequestEnd): void {
    const now = this.clock.now();
    this.inFlight--;
    this.ended.push(now);
    if (end.abandoned) this.heldUntil.push(now + ABANDONED_HOLD_MS);
    this.expireAt(now);
    if (end.minuteRemaining !== undefined) {
      reconcile(this.othersInMinute, XERO_LIMITS.perMinute - end.minuteRemaining, this.ownInMinute(now).length, now);
    }
    if (end.dayRemaining !== undefined) reconcile(this.othersInDay, XERO_LIMITS.perDay - end.dayRemaining, this.ended.length, now);
    if (end.status === 429) {
      this.blockedUntil = Math.max(this.blockedUntil, now + Math.max(1, end.retryAfterSeconds ?? 60) * 1000);
    } else if (end.status === null || end.status >= 500) {
      this.failures++;
      this.blockedUntil = Math.max(this.blockedUntil, now + Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.failures));
    } else {
      this.failures = 0;
    }
  }

  /** This shaper's finished requests that still count against the minute at `now`. */
  private ownInMinute(now: number): number[] {
    return this.ended.filter((t) => t > now - MINUTE);
  }

  private expireAt(now: number): void {
    expire(this.ended, now, DAY);
    expire(this.othersInMinute, now, MINUTE);
    expire(this.othersInDay, now, DAY);
  }
}

/** The shapers of one process, one per Xero organisation (tenant id). */
export class XeroShapers {
  private readonly shapers = new Map<string, OrganisationShaper>();

  constructor(private readonly clock: GlClock = systemClock) {}

  of(xeroTenantId: string): OrganisationShaper {
    let shaper = this.shapers.get(xeroTenantId);
    if (!shaper) {
      shaper = new OrganisationShaper(this.clock);
      this.shapers.set(xeroTenantId, shaper);
    }
    return shaper;
  }
}

/** The process's shapers: every Xero connector of this process to one organisation shares one. */
export const processXeroShapers = new XeroShapers();

/**
 * Abuse limits, in memory and per process, so that enforcing them costs no database round trip:
 * - requests per API key per second (a token bucket holding one second of requests, so a key may
 *   burst to its rate and then keeps to it);
 * - failed authentications per client address per minute: an address over the limit is refused
 *   before its key is even looked up, until the minute ends.
 * Both answer 429 rate_limited with Retry-After. One key or one address never slows another.
 */

export class KeyRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** `perSecond` 0: no limit. */
  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** 0 when the request may go ahead; else the whole seconds to wait before the next one. */
  take(keyId: string): number {
    if (this.perSecond === 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(keyId) ?? { tokens: this.perSecond, at: now };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(keyId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }
}

const MINUTE_MS = 60_000;

export class AuthFailureLimiter {
  private failures = new Map<string, number>();
  private windowStart: number;

  /** `perMinute` 0: no limit. */
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowStart = now();
  }

  /** 0 when the address may try to authenticate; else the seconds until its window ends. */
  retryAfter(address: string): number {
    if (this.perMinute === 0) return 0;
    this.roll();
    if ((this.failures.get(address) ?? 0) < this.perMinute) return 0;
    return Math.max(1, Math.ceil((this.windowStart + MINUTE_MS - this.now()) / 1000));
  }

  failed(address: string): void {
    if (this.perMinute === 0) return;
    this.roll();
    this.failures.set(address, (this.failures.get(address) ?? 0) + 1);
  }

  /** A fixed window: the counts (and the memory an attack from many addresses takes) last a minute. */
  private roll(): void {
    if (this.now() - this.windowStart < MINUTE_MS) return;
    this.failures = new Map();
    this.windowStart = this.now();
  }
}

/**
 * One request to Xero's Accounting API, with everything every request needs: a token (renewed once
 * on 401: Xero did nothing with the request), the `xero-tenant-id` header, the organisation's rate
 * shaper, a timeout. The answer says what happened on the wire, not what it means for a transfer.
 */
import type { GlErpError } from '../../domain/glTransfer.js';
import type { GlClock, XeroShapers } from './xeroRateShaper.js';
import { XeroAuthError, type XeroIdentityContext, XeroTokenSource } from './xeroTokenSource.js';

export interface XeroCall {
  method: 'GET' | 'PUT' | 'POST';
  /** Relative to LINKS_XERO_API_URL, e.g. `/ManualJournals`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
  ifModifiedSince?: string;
}

export type XeroAnswer =
  | { kind: 'answer'; status: number; headers: Headers; body: unknown }
  /** Sent, and no answer came (reset, timeout): Xero may have acted on it. */
  | { kind: 'lost'; message: string }
  /** Not sent: the limits or the identity service say later. */
  | { kind: 'not_sent'; retryAfterMs: number; error: GlErpError };

export interface XeroApiContext extends XeroIdentityContext {
  shapers: XeroShapers;
  /** The longest a request waits for its organisation's rate limits before answering "retry later". */
  maxWaitMs: number;
  clock: GlClock;
}

export class XeroApiClient {
  readonly tokens: XeroTokenSource;

  constructor(private readonly ctx: XeroApiContext) {
    this.tokens = new XeroTokenSource(ctx);
  }

  /** Throws XeroAuthError('needs_authorization') when a person must authorise the connection again. */
  async call(call: XeroCall): Promise<XeroAnswer> {
    let token: { accessToken: string; xeroTenantId: string };
    try {
      token = await this.tokens.current();
    } catch (error) {
      return this.notSentOr(error);
    }
    for (let attempt = 1; ; attempt++) {
      const answer = await this.once(call, token);
      if (answer.kind !== 'answer' || answer.status !== 401 || attempt > 1) return answer;
      try {
        token = await this.tokens.renew(token.accessToken);
      } catch (error) {
        return this.notSentOr(error);
      }
    }
  }

  private notSentOr(error: unknown): XeroAnswer {
    if (error instanceof XeroAuthError && error.kind === 'retry_later') return { kind: 'not_sent', retryAfterMs: error.retryAfterMs, error: error.erpError };
    throw error;
  }

  private async once(call: XeroCall, token: { accessToken: string; xeroTenantId: string }): Promise<XeroAnswer> {
    const shaper = this.ctx.shapers.of(token.xeroTenantId);
    const slot = await shaper.acquire(this.ctx.maxWaitMs);
    if (!slot.ok) {
      return { kind: 'not_sent', retryAfterMs: slot.retryAfterMs, error: { code: 'erp_rate_limited', message: `Xero's limits for this organisation allow the next request in ${Math.ceil(slot.retryAfterMs / 1000)} s`, erpStatus: null, erpBody: null } };
    }
    const url = new URL(`${this.ctx.endpoints.apiUrl}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { authorization: `Bearer ${token.accessToken}`, 'xero-tenant-id': token.xeroTenantId, accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    if (call.ifModifiedSince) headers['if-modified-since'] = call.ifModifiedSince;
    let response: Response;
    let text: string;
    try {
      response = await this.ctx.fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.ctx.requestTimeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const abandoned = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      shaper.release({ status: null, abandoned });
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { kind: 'lost', message: `${(error as Error).message}${cause ? ` (${cause})` : ''}` };
    }
    // A concurrent-limit 429 carries no Retry-After: pause a second, not the shaper's default minute.
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    const concurrent = response.status === 429 && response.headers.get('x-rate-limit-problem') === 'concurrent';
    shaper.release({
      status: response.status,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : concurrent ? 1 : undefined,
      minuteRemaining: remainingCalls(response.headers, 'x-minlimit-remaining'),
      dayRemaining: remainingCalls(response.headers, 'x-daylimit-remaining'),
    });
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { kind: 'answer', status: response.status, headers: response.headers, body };
  }
}

/** A `X-…Limit-Remaining` header as a count; undefined when absent or not a whole number. */
function remainingCalls(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * Sending a request safely: a timeout per attempt, the caller's AbortSignal honoured, and retries
 * with exponential backoff and full jitter on network errors, 429 (after Retry-After) and 503 only.
 * A create's Idempotency-Key is a header of the request, so every retry carries the same key.
 */
import { UnavailableError } from './errors.js';

export interface TransportOptions {
  timeoutMs: number;
  maxRetries: number;
  fetch: typeof fetch;
}

const BASE_DELAY_MS = 200;
const MAX_DELAY_MS = 8000;

function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    // An already-aborted signal never fires 'abort' again: refuse at once.
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function backoff(attempt: number, retryAfter: string | null): number {
  if (retryAfter !== null && /^\d+$/.test(retryAfter)) return Math.min(Number(retryAfter) * 1000, 60_000);
  return Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
}

export function retryingFetch(options: TransportOptions): (request: Request) => Promise<Response> {
  return async (request: Request) => {
    const callerSignal = request.signal;
    for (let attempt = 0; ; attempt++) {
      // A caller who gave up before this attempt gets their reason, whatever the fetch in use does with an aborted signal.
      callerSignal.throwIfAborted();
      const signal = AbortSignal.any([callerSignal, AbortSignal.timeout(options.timeoutMs)]);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await options.fetch(new Request(request.clone(), { signal }));
      } catch (error) {
        if (callerSignal.aborted) throw callerSignal.reason ?? error;
        failure = error;
      }
      const retryable = response === undefined || response.status === 429 || response.status === 503;
      if (!retryable) return response!;
      if (attempt >= options.maxRetries) {
        if (response) return response;
        const reason = failure instanceof Error ? failure.message : String(failure);
        const timedOut = failure instanceof Error && (failure.name === 'TimeoutError' || failure.name === 'AbortError');
        const unknown = 'the request may have been applied: retry it with the same Idempotency-Key';
        throw new UnavailableError(
          timedOut
            ? `Links did not answer within ${options.timeoutMs} ms (${attempt + 1} attempts); ${unknown}`
            : `Links could not be reached: ${reason} (${attempt + 1} attempts); ${unknown}`,
          0,
          timedOut ? 'timeout' : 'network_error',
        );
      }
      await response?.body?.cancel();
      await sleep(backoff(attempt, response?.headers.get('retry-after') ?? null), callerSignal);
    }
  };
}

/** A fresh idempotency key for a create the caller did not name: random, so retries stay exactly-once. */
export function newIdempotencyKey(): string {
  return `sdk_${crypto.randomUUID()}`;
}

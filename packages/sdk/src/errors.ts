/** Every failure the SDK reports is a LinksError carrying the server's code, message and request id. */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class LinksError extends Error {
  override name = 'LinksError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | null = null,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** 401: missing, malformed, unknown, revoked or expired key. */
export class AuthenticationError extends LinksError {
  override name = 'AuthenticationError';
}
/** 403 environment_mismatch: a sandbox key at the production endpoint, or the reverse. */
export class EnvironmentMismatchError extends LinksError {
  override name = 'EnvironmentMismatchError';
}
/** 403 forbidden: the key lacks the permission (a read-only key writing). */
export class PermissionError extends LinksError {
  override name = 'PermissionError';
}
/** 404: no such resource in this tenant environment. */
export class NotFoundError extends LinksError {
  override name = 'NotFoundError';
}
/** 400 and 422: the request is malformed or breaks an accounting rule (`code` says which). */
export class ValidationError extends LinksError {
  override name = 'ValidationError';
}
/** 409: taken code, reused idempotency key, entry already reversed. */
export class ConflictError extends LinksError {
  override name = 'ConflictError';
}
/** 429: slow down; `retryAfterSeconds` says for how long. */
export class RateLimitError extends LinksError {
  override name = 'RateLimitError';
  retryAfterSeconds: number | null = null;
}
/**
 * 503 or no answer at all (network error, timeout): the request may have been applied. Retry it
 * with the same Idempotency-Key, which a create's error carries in `idempotencyKey`.
 */
export class UnavailableError extends LinksError {
  override name = 'UnavailableError';
  /** The Idempotency-Key the create was sent with (generated or yours); null for other calls. */
  idempotencyKey: string | null = null;
}

export function errorFromResponse(status: number, body: unknown, requestId: string | null, retryAfter: string | null): LinksError {
  const error = (body as { error?: { code?: string; message?: string; request_id?: string; details?: ErrorDetail[] } } | undefined)?.error;
  const code = error?.code ?? `http_${status}`;
  const message = error?.message ?? `Links answered ${status}`;
  const id = error?.request_id ?? requestId;
  const details = error?.details ?? [];
  const args = [message, status, code, id, details] as const;
  if (status === 401) return new AuthenticationError(...args);
  if (status === 403 && code === 'environment_mismatch') return new EnvironmentMismatchError(...args);
  if (status === 403) return new PermissionError(...args);
  if (status === 404) return new NotFoundError(...args);
  if (status === 409) return new ConflictError(...args);
  if (status === 429) {
    const limited = new RateLimitError(...args);
    limited.retryAfterSeconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    return limited;
  }
  if (status === 503 || status === 502 || status === 504) return new UnavailableError(...args);
  if (status === 400 || status === 413 || status === 422) return new ValidationError(...args);
  return new LinksError(...args);
}

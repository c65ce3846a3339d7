/** PostgreSQL error classes that mean something to the domain or to the client. */
function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * The database cannot be reached, is shutting down, or the connection broke. A write in flight at
 * that moment may have committed: the client retries with the same Idempotency-Key.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state && (UNAVAILABLE_STATES.has(state) || UNAVAILABLE_ERRNOS.has(state))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(message);
}

/**
 * PostgreSQL answered the statement with an ERROR. Outside an explicit transaction that means its
 * implicit transaction rolled back, commit included: an error at commit (a deferred constraint) is
 * an ERROR raised before the commit record is written. FATAL or PANIC end the session, and a lost
 * connection brings no answer at all: neither says whether the commit happened.
 */
export function isStatementRolledBack(error: unknown): boolean {
  // An ErrorResponse as pg (or PGlite's copy of its protocol parser) parses it: a severity and a SQLSTATE.
  const state = sqlState(error);
  return state !== undefined && /^[0-9A-Z]{5}$/.test(state) && (error as { severity?: unknown }).severity === 'ERROR';
}

/** A statement ran past the pool's statement_timeout (LINKS_STATEMENT_TIMEOUT_MS) and was cancelled; its transaction rolled back. */
export function isStatementTimeout(error: unknown): boolean {
  return sqlState(error) === '57014';
}

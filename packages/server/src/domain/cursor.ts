/**
 * Cursors for high-volume lists: an opaque token naming the last item of a page. A cursor
 * only selects which of the caller's own rows come next; row-level security still applies.
 */
import { LinksError } from './errors.js';
import type { Page } from './pagination.js';

export interface CursorPage<T> extends Page<T> {
  next_cursor: string | null;
}

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, valid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (valid(value)) return value;
  } catch {
    // fall through
  }
  throw new LinksError('invalid_request', 'The cursor is not one this API returned.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
}


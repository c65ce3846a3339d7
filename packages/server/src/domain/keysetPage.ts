/**
 * Keyset paging for the cursor lists: a page reads one row more than it shows (that row's presence
 * says another page follows), and its cursor names the last row shown, so the next page starts after it.
 */
import { encodeCursor, type CursorBinding } from './cursor.js';

/** How many rows to read for a page of `limit`: one more, to know whether another page follows. */
export function rowsToRead(limit: number): number {
  return limit + 1;
}

/** The rows a page shows, and the cursor after the last of them (null on the last page). `rows` were read with rowsToRead(limit). */
export function keysetPage<R>(
  rows: readonly R[],
  limit: number,
  binding: CursorBinding,
  positionOf: (last: R) => Record<string, string | number>,
): { shown: R[]; next_cursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { shown, next_cursor: rows.length > limit && last !== undefined ? encodeCursor(binding, positionOf(last)) : null };
}

const UUID_LIKE = /^[0-9a-f-]{36}$/;

/** A position of a row id alone (lists ordered by a v7 id). */
export function isIdPosition(v: unknown): v is { id: string } {
  return typeof v === 'object' && v !== null && typeof (v as { id: unknown }).id === 'string' && UUID_LIKE.test((v as { id: string }).id);
}

/** A position of a timestamp and a row id (lists ordered newest first by time, ties by id). */
export function isTimeIdPosition(v: unknown): v is { at: string; id: string } {
  const at = isIdPosition(v) ? (v as { at?: unknown }).at : undefined;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at));
}

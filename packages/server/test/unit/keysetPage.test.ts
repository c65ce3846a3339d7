/** Keyset paging: one row more than the page is read, the cursor names the last row shown, and cursors keep their format. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type CursorBinding } from '../../src/domain/cursor.js';
import { isIdPosition, isTimeIdPosition, keysetPage, rowsToRead } from '../../src/domain/keysetPage.js';

const key = randomBytes(32);
const binding: CursorBinding = { key: () => key, tenantId: '018f0000-0000-7000-8000-00000000000a', environment: 'sandbox', list: 'jobs' };
const ids = ['018f0000-0000-7000-8000-000000000001', '018f0000-0000-7000-8000-000000000002', '018f0000-0000-7000-8000-000000000003'];
const rows = ids.map((id, i) => ({ id, at: new Date(Date.UTC(2026, 0, 1 + i)) }));
const position = (last: (typeof rows)[number]) => ({ at: last.at.toISOString(), id: last.id });

describe('keysetPage', () => {
  it('reads one row more than the page shows', () => {
    expect(rowsToRead(1)).toBe(2);
    expect(rowsToRead(100)).toBe(101);
  });

  it('shows `limit` rows and a cursor after the last shown when more rows were read', () => {
    const page = keysetPage(rows, 2, binding, position);
    expect(page.shown.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(page.next_cursor).not.toBeNull();
    expect(decodeCursor(binding, page.next_cursor!, isTimeIdPosition)).toEqual({ at: rows[1]!.at.toISOString(), id: ids[1] });
  });

  it('has no cursor on the last page (as many rows as the limit, fewer, or none)', () => {
    expect(keysetPage(rows, 3, binding, position)).toEqual({ shown: rows, next_cursor: null });
    expect(keysetPage(rows, 5, binding, position)).toEqual({ shown: rows, next_cursor: null });
    expect(keysetPage([], 5, binding, position)).toEqual({ shown: [], next_cursor: null });
  });

  it('issues the cursor encodeCursor issues for the same position (cursors of earlier releases still decode)', () => {
    expect(keysetPage(rows, 1, binding, (last) => ({ id: last.id })).next_cursor).toBe(encodeCursor(binding, { id: ids[0]! }));
    expect(decodeCursor(binding, encodeCursor(binding, { id: ids[2]! }), isIdPosition)).toEqual({ id: ids[2] });
  });
});

describe('cursor positions', () => {
  it('accept an id, or a timestamp and an id', () => {
    expect(isIdPosition({ id: ids[0] })).toBe(true);
    expect(isTimeIdPosition({ at: '2026-01-01T00:00:00.000Z', id: ids[0] })).toBe(true);
  });

  it('refuse anything else', () => {
    for (const bad of [null, 'x', 7, {}, { id: 'not-a-uuid' }, { id: 42 }, { id: `${ids[0]}0` }]) expect(isIdPosition(bad)).toBe(false);
    for (const bad of [{ id: ids[0] }, { at: 'yesterday', id: ids[0] }, { at: 5, id: ids[0] }, { at: '2026-01-01T00:00:00Z', id: 'x' }, { at: '2026-01-01T00:00:00Z' }]) {
      expect(isTimeIdPosition(bad)).toBe(false);
    }
  });

  it('refuse, through decodeCursor, a cursor whose position has the wrong shape', () => {
    expect(() => decodeCursor(binding, encodeCursor(binding, { id: ids[0]! }), isTimeIdPosition)).toThrow(/cursor/);
  });
});

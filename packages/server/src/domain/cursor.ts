/**
 * Cursors for high-volume lists: an opaque token naming the last item of a page. The position
 * inside (e.g. an environment-wide posting sequence) is encrypted and authenticated (AES-256-GCM),
 * bound to the tenant, environment and list it was issued for: a client sees nothing countable about
 * other tenants' activity, and a cursor altered, forged or carried to another tenant or list is a 400.
 * A cursor only selects which of the caller's own rows come next; row-level security still applies.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { LinksError } from './errors.js';
import type { Page } from './pagination.js';

export interface CursorPage<T> extends Page<T> {
  next_cursor: string | null;
}

/** Who a cursor is for: the list it continues, in one tenant environment. */
export interface CursorBinding {
  /** The key cursors are sealed with (cursorKeyFrom). */
  key: () => Buffer;
  tenantId: string;
  environment: string;
  list: 'journal_entries' | 'account_lines' | 'audit_events' | 'accounting_exceptions' | 'journal_entry_drafts' | 'gl_transfers' | 'jobs' | `mcp.${string}`;
}

const PREFIX = 'c1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Every position (at most a date, a 19-digit sequence and a line number, or a timestamp and an id) fits. */
const PADDED_BYTES = 96;

/** The cursor key, derived from the secrets key: every process sharing a database reads every process's cursors. */
export function cursorKeyFrom(secretsKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretsKey, Buffer.alloc(0), 'links.cursor.v1', 32));
}

function associatedData(binding: CursorBinding): Buffer {
  return Buffer.from(`links.cursor:${binding.list}:${binding.environment}:${binding.tenantId}`, 'utf8');
}

export function encodeCursor(binding: CursorBinding, position: Record<string, string | number>): string {
  // Padded to a fixed size, so not even the length says how large the position is.
  const plaintext = JSON.stringify(position).padEnd(PADDED_BYTES, ' ');
  const aad = associatedData(binding);
  // The nonce is a MAC of what it seals (synthetic IV): the same page always gets the same cursor, so
  // reading a list twice answers the same bytes, and two different positions never share a nonce.
  const iv = createHmac('sha256', binding.key()).update(aad).update('\0').update(plaintext).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', binding.key(), iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** The position inside a cursor this API issued for this binding; anything else (including cursors of older versions) is a 400. */
export function decodeCursor<T>(binding: CursorBinding, cursor: string, valid: (value: unknown) => value is T): T {
  if (cursor.startsWith(PREFIX)) {
    const bytes = Buffer.from(cursor.slice(PREFIX.length), 'base64url');
    if (bytes.length > IV_BYTES + TAG_BYTES) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', binding.key(), bytes.subarray(0, IV_BYTES));
        decipher.setAAD(associatedData(binding));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const value: unknown = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8'));
        if (valid(value)) return value;
      } catch {
        // altered, forged, or issued for another tenant or list: refused below
      }
    }
  }
  throw new LinksError('invalid_request', 'The cursor is not one this API returned for this list (cursors are opaque; start again without cursor).', [
    { path: 'query.cursor', message: 'invalid cursor' },
  ]);
}

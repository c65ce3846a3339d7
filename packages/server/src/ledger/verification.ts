/**
 * Tamper evidence: recompute the tenant environment's hash chain over its posted journal entries
 * (storage/migrations/environment/0006_hash_chain.sql, bounded by 0009) and say whether every link still matches, and if not, where the
 * chain breaks first. One call verifies at most VERIFY_LIMIT links (a read key cannot make one
 * request walk a chain of millions); `next_from` says where the next call goes on. Following it from
 * position 1 verifies the whole chain.
 * Errors: invalid_request (`from` past the end of the chain).
 */
import { sql } from 'kysely';
import { LinksError } from '../domain/errors.js';
import type { LedgerScope } from './scope.js';

/** The most links one call verifies (and the default): about 113 µs a link measured on PostgreSQL, so ~6 s, far below the 30 s statement timeout. */
export const VERIFY_LIMIT = 50_000;

export interface ChainVerification {
  valid: boolean;
  /** The chain position of the last verified link: entries verified, in chain order, before the first break (all of them when valid and complete). */
  entries: number;
  /** The hash of the last verified link (hex): record it elsewhere to detect a rewritten chain. */
  head: string;
  broken_at: { position: number; entry_id: string | null; reason: string } | null;
  /** Where to continue (`?from=`) when this call stopped at its limit before the end of the chain; null at the end or at a break. */
  next_from: number | null;
}

export interface VerifySegment {
  /** The first chain position to verify (1 = the start). */
  from?: number | undefined;
  /** At most this many links (1 – VERIFY_LIMIT). */
  limit?: number | undefined;
}

type StoredVerification = Omit<ChainVerification, 'next_from'> & { next_from: number | string | null; past_end?: number | string };

export async function verifyLedger(scope: LedgerScope, segment: VerifySegment = {}): Promise<ChainVerification> {
  const from = segment.from ?? 1;
  const limit = segment.limit ?? VERIFY_LIMIT;
  const { rows } = await sql<{ result: StoredVerification }>`SELECT verify_ledger_chain(${scope.tenantId}::uuid, ${from}::bigint, ${limit}::integer) AS result`.execute(scope.db);
  const result = rows[0]!.result;
  if (result.past_end !== undefined) {
    throw new LinksError('invalid_request', `from ${from} is past the end of the chain (${Number(result.past_end)} links).`, [{ path: 'query.from', message: 'past the end of the chain' }]);
  }
  return {
    valid: result.valid,
    entries: Number(result.entries),
    head: result.head,
    broken_at: result.broken_at && { ...result.broken_at, position: Number(result.broken_at.position) },
    next_from: result.next_from === null ? null : Number(result.next_from),
  };
}

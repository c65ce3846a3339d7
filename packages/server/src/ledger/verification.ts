/**
 * Tamper evidence: recompute the tenant environment's hash chain over its posted journal entries
 * (storage/migrations/environment/0006_hash_chain.sql) and say whether every link still matches,
 * and if not, where the chain breaks first. Errors: none of its own (a read).
 */
import { sql } from 'kysely';
import type { LedgerScope } from './scope.js';

export interface ChainVerification {
  valid: boolean;
  /** Entries verified, in chain order, before the first break (all of them when valid). */
  entries: number;
  /** The hash of the last verified link (hex): record it elsewhere to detect a rewritten chain. */
  head: string;
  broken_at: { position: number; entry_id: string | null; reason: string } | null;
}

export async function verifyLedger(scope: LedgerScope): Promise<ChainVerification> {
  const { rows } = await sql<{ result: ChainVerification }>`SELECT verify_ledger_chain(${scope.tenantId}::uuid) AS result`.execute(scope.db);
  const result = rows[0]!.result;
  return { ...result, entries: Number(result.entries), broken_at: result.broken_at && { ...result.broken_at, position: Number(result.broken_at.position) } };
}

/**
 * A ledger call acts for one tenant in one environment database, on behalf of one actor. Every
 * read and write runs inside `inTenantTransaction`, so row-level security sees the tenant too.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { WriteContext } from '../domain/audit.js';
import type { CursorBinding } from '../domain/cursor.js';
import { LinksError } from '../domain/errors.js';
import type { Environment } from '../domain/tenancy.js';
import { hashesEqual } from '../auth/apiKeyFormat.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { inTenantTransaction } from '../storage/tenantScope.js';

export type LedgerTransaction = Transaction<EnvironmentDatabase>;

export interface LedgerScope {
  db: Kysely<EnvironmentDatabase>;
  tenantId: string;
  environment: Environment;
  /** Coalesce concurrent single posts into shared transactions (LINKS_GROUP_COMMIT, default on). */
  groupCommit?: boolean;
  /** Seals list cursors (domain/cursor.ts). */
  cursorKey: () => Buffer;
}

/** The binding of a list's cursors to this tenant environment. */
export function cursorOf(scope: LedgerScope, list: CursorBinding['list']): CursorBinding {
  return { key: scope.cursorKey, tenantId: scope.tenantId, environment: scope.environment, list };
}

export function readLedger<T>(scope: LedgerScope, work: (trx: LedgerTransaction) => Promise<T>): Promise<T> {
  return inTenantTransaction(scope.db, scope.tenantId, work);
}

export interface WriteRequest {
  context: WriteContext;
  /** The client's Idempotency-Key, if it sent one. */
  idempotencyKey?: string | undefined;
  /** What the request asked for: a repeat with another fingerprint is `idempotency_key_reused`. */
  fingerprint: unknown;
}

export interface WriteOutcome<T> {
  status: number;
  body: { data: T };
  replayed: boolean;
}

/** JSON with sorted keys: the same request always has the same fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * One write, atomically: claim the idempotency key (a concurrent repeat waits on the claim, then
 * replays), do the work, store the response with the key, commit. A failed write rolls back its
 * claim too, so a rejected request leaves nothing behind and may be retried.
 */
export async function writeLedger<T>(
  scope: LedgerScope,
  request: WriteRequest,
  status: number | ((result: T) => number),
  work: (trx: LedgerTransaction) => Promise<T>,
): Promise<WriteOutcome<T>> {
  const key = request.idempotencyKey;
  const requestHash = createHash('sha256').update(canonicalJson(request.fingerprint)).digest();
  return inTenantTransaction(scope.db, scope.tenantId, async (trx) => {
    if (key !== undefined) {
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({ tenant_id: scope.tenantId, key, request_hash: requestHash })
        .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) {
        const earlier = await trx
          .selectFrom('idempotency_keys')
          .select(['request_hash', 'response_status', 'response_body'])
          .where('tenant_id', '=', scope.tenantId)
          .where('key', '=', key)
          .executeTakeFirstOrThrow();
        if (!hashesEqual(earlier.request_hash, requestHash)) {
          throw new LinksError('idempotency_key_reused', `Idempotency-Key ${JSON.stringify(key)} was already used with a different request.`);
        }
        return { status: earlier.response_status!, body: earlier.response_body as { data: T }, replayed: true };
      }
    }
    const body = { data: await work(trx) };
    const answered = typeof status === 'number' ? status : status(body.data);
    if (key !== undefined) {
      await trx
        .updateTable('idempotency_keys')
        .set({ response_status: answered, response_body: JSON.stringify(body) })
        .where('tenant_id', '=', scope.tenantId)
        .where('key', '=', key)
        .execute();
    }
    return { status: answered, body, replayed: false };
  });
}

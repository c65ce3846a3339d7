/**
 * Sending a connection's due transfers, one at a time in queue order. Each attempt is claimed and
 * audited in its own transaction before the ERP is called, and settled in another after; between
 * the two only the lease protects it. States: pending → sending → confirmed | failed | uncertain.
 *   - confirmed: the ERP has it (the send said so, or `findSent` found it).
 *   - failed: the ERP refused it; a person fixes the cause and retries (a new idempotency key).
 *   - uncertain: the answer was lost; the next attempt reads back first and resends under the same key.
 *   - retry_later: certainly not stored; pending again after the ERP's wait.
 *   - needs_authorization: the transfer waits (pending or uncertain) and the connection says why.
 */
import type { Kysely } from 'kysely';
import { recordDataEvent } from '../audit/environmentAudit.js';
import { ErpCallError, type ErpConnector, type GlErpError, type GlProvider, type GlSendOutcome, type GlTransferStatus } from '../domain/glTransfer.js';
import type { Environment } from '../domain/tenancy.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { claimDueTransfer, settleTransfer, updateGlConnection, type GlConnectionRecord, type GlTransferRecord, type TransferSettlement } from '../storage/glTransfers.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import type { ConnectorFactory, GlSettings } from './connectors.js';
import { openGlCredentials } from './credentials.js';
import { journalFromStored } from './journals.js';

export interface AttemptTimings {
  /** How long a claimed transfer belongs to its sender; past it, another process reads it back. */
  leaseMs: number;
  /** How long one ERP request may take before its answer counts as lost. */
  requestTimeoutMs: number;
  /** The first wait after an uncertain answer; doubled per attempt, at most 64 times. */
  backoffMs: number;
}

export interface SendRound {
  db: Kysely<EnvironmentDatabase>;
  environment: Environment;
  tenantId: string;
  connection: GlConnectionRecord;
  now: number;
  timings: AttemptTimings;
  secretsKey: () => Buffer;
  connectors: ConnectorFactory;
  limit: number;
  /** This process's sender id: a transfer is claimed only while it holds the connection's sender lease. */
  senderId: string;
  /** Asked before every attempt after the first: false when this process no longer sends for the connection. */
  keepSending: () => Promise<boolean>;
  /** When nothing is due, also keep the ERP's authorization alive (`ErpConnector.keepAlive`). */
  keepAlive: boolean;
}

export interface SendResult {
  /** How long the connection should wait before its next step, if not the usual poll. */
  waitMs: number | undefined;
  /** How many transfers were attempted (each is at most a read-back and a send). */
  attempts: number;
}

/** The Idempotency-Key of an attempt: the same for every resend until a definite refusal raises the generation. */
export const idempotencyKeyOf = (transfer: Pick<GlTransferRecord, 'id' | 'key_generation'>) => `links-${transfer.id}-${transfer.key_generation}`;

const actorContext = (transfer: GlTransferRecord) => ({ actor: { type: 'system' as const, id: 'gl-transfer-engine' }, requestId: `gl_${transfer.id}_${transfer.attempts}` });

function backoff(timings: AttemptTimings, attempts: number): number {
  return timings.backoffMs * 2 ** Math.min(Math.max(attempts - 1, 0), 6);
}

const errorJson = (error: GlErpError) => ({ code: error.code, message: error.message, erp_status: error.erpStatus, erp_body: error.erpBody ?? null });

/**
 * Sends due transfers until none is due, `limit` were sent, the ERP asks to wait, or this process
 * lost the connection's sender lease.
 */
export async function sendDueTransfers(round: SendRound): Promise<SendResult> {
  const { db, tenantId, connection } = round;
  const credentials = await openGlCredentials(db, tenantId, connection, round.secretsKey, new Date(round.now));
  if (!credentials) return { waitMs: undefined, attempts: 0 };
  const connector = round.connectors(connection.provider as GlProvider, {
    db,
    environment: round.environment,
    tenantId,
    connectionId: connection.id,
    credentials,
    settings: connection.settings as unknown as GlSettings,
    requestTimeoutMs: round.timings.requestTimeoutMs,
  });
  for (let sent = 0; sent < round.limit; sent++) {
    if (sent > 0 && !(await round.keepSending())) return { waitMs: undefined, attempts: sent };
    const result = await attemptNext(round, connector);
    if (result === 'idle') {
      if (sent === 0 && round.keepAlive) await keepAuthorizationAlive(round, connector);
      return { waitMs: undefined, attempts: sent };
    }
    if (result !== 'sent') return { waitMs: result.waitMs, attempts: sent + 1 };
  }
  return { waitMs: 0, attempts: round.limit };
}

type AttemptResult = 'idle' | 'sent' | { waitMs: number };

async function attemptNext(round: SendRound, connector: ErpConnector): Promise<AttemptResult> {
  const { db, tenantId, connection, now, timings } = round;
  const claim = await inTenantTransaction(db, tenantId, async (trx) => {
    const claimed = await claimDueTransfer(trx, connection.id, round.senderId, new Date(now), new Date(now + timings.leaseMs));
    if (claimed) await recordDataEvent(trx, tenantId, actorContext(claimed.transfer), { action: 'gl_transfer.attempt', resourceType: 'gl_transfer', resourceId: claimed.transfer.id });
    return claimed;
  });
  if (!claim) return 'idle';
  const transfer = claim.transfer;
  const settle = (settlement: TransferSettlement) =>
    inTenantTransaction(db, tenantId, async (trx) => {
      // Only the attempt that still holds the transfer records its answer.
      if (!(await settleTransfer(trx, transfer.id, transfer.attempts, settlement))) return;
      await recordDataEvent(trx, tenantId, actorContext(transfer), { action: `gl_transfer.${settlement.status}`, resourceType: 'gl_transfer', resourceId: transfer.id });
    });
  const confirm = (erpDocumentId: string | null) => settle({ status: 'confirmed', erp_document_id: erpDocumentId, last_error: null, confirmed_at: new Date(now) });
  const journal = journalFromStored(transfer.id, transfer.journal);
  if (journal.lines.length === 0) {
    // Entries that cancel out (an entry and its reversal on one day): nothing to send.
    await confirm(null);
    return 'sent';
  }
  if (claim.previous === 'uncertain') {
    try {
      const found = await connector.findSent(transfer.id, transfer.date);
      if (found) {
        await confirm(found.erpDocumentId);
        return 'sent';
      }
    } catch (error) {
      return settleOutcome(round, transfer, settle, readBackFailure(error), 'uncertain');
    }
  }
  let outcome: GlSendOutcome;
  try {
    outcome = await connector.send(journal, { idempotencyKey: idempotencyKeyOf(transfer) });
  } catch (error) {
    outcome = { kind: 'uncertain', error: { code: 'connector_error', message: `The connector failed: ${(error as Error).message}`, erpStatus: null, erpBody: null } };
  }
  if (outcome.kind === 'confirmed') {
    await confirm(outcome.erpDocumentId);
    return 'sent';
  }
  // A send that certainly did not store leaves the transfer as it was before this attempt.
  return settleOutcome(round, transfer, settle, outcome, claim.previous === 'uncertain' ? 'uncertain' : 'pending');
}

/** A failed read-back: the transfer stays uncertain (it may be in the ERP) and waits as the error says. */
function readBackFailure(error: unknown): Exclude<GlSendOutcome, { kind: 'confirmed' }> {
  if (!(error instanceof ErpCallError)) return { kind: 'uncertain', error: { code: 'connector_error', message: `The read-back failed: ${(error as Error).message}`, erpStatus: null, erpBody: null } };
  if (error.kind === 'retry_later') return { kind: 'retry_later', retryAfterMs: error.retryAfterMs, error: error.erpError };
  if (error.kind === 'needs_authorization') return { kind: 'needs_authorization', error: error.erpError };
  return { kind: 'uncertain', error: error.erpError };
}

async function settleOutcome(
  round: SendRound,
  transfer: GlTransferRecord,
  settle: (s: TransferSettlement) => Promise<void>,
  outcome: Exclude<GlSendOutcome, { kind: 'confirmed' }>,
  unsentStatus: Extract<GlTransferStatus, 'pending' | 'uncertain'>,
): Promise<AttemptResult> {
  const { now, timings } = round;
  switch (outcome.kind) {
    case 'refused':
      await settle({ status: 'failed', last_error: errorJson(outcome.error), next_attempt_at: new Date(now) });
      return 'sent';
    case 'retry_later':
      await settle({ status: unsentStatus, last_error: errorJson(outcome.error), next_attempt_at: new Date(now + outcome.retryAfterMs) });
      return { waitMs: outcome.retryAfterMs };
    case 'uncertain': {
      const waitMs = backoff(timings, transfer.attempts);
      await settle({ status: 'uncertain', last_error: errorJson(outcome.error), next_attempt_at: new Date(now + waitMs) });
      return { waitMs };
    }
    case 'needs_authorization':
      await settle({ status: unsentStatus, last_error: errorJson(outcome.error), next_attempt_at: new Date(now) });
      await markNeedsAuthorization(round, actorContext(transfer));
      return { waitMs: timings.backoffMs };
  }
}

async function keepAuthorizationAlive(round: SendRound, connector: ErpConnector): Promise<void> {
  try {
    await connector.keepAlive?.();
  } catch (error) {
    // Anything else (Xero unreachable) is tried again at the next keep-alive; nothing waits on it.
    if (!(error instanceof ErpCallError && error.kind === 'needs_authorization')) return;
    await markNeedsAuthorization(round, { actor: { type: 'system', id: 'gl-transfer-engine' }, requestId: `gl_${round.connection.id}_keep_alive` });
  }
}

async function markNeedsAuthorization(round: SendRound, context: ReturnType<typeof actorContext>): Promise<void> {
  await inTenantTransaction(round.db, round.tenantId, async (trx) => {
    await updateGlConnection(trx, round.connection.id, { status: 'needs_authorization' }, new Date(round.now));
    await recordDataEvent(trx, round.tenantId, context, { action: 'gl_connection.needs_authorization', resourceType: 'gl_connection', resourceId: round.connection.id });
  });
}

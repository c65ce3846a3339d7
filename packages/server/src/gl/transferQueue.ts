/**
 * Turning posted entries into transfers: past the connection's high-water mark, in chain (commit)
 * order, entries dated before start_date skipped, the rest built into journals; the transfers and
 * the new mark are written in one transaction under the connection's row lock, so two processes
 * never queue the same entries and a crash queues them again or not at all.
 */
import { v7 as uuidv7 } from 'uuid';
import type { LedgerTransaction } from '../ledger/scope.js';
import { advanceQueuedPosition, chainHeadPosition, entriesAfter, findGlConnection, insertGlTransfers } from '../storage/glTransfers.js';
import type { GlSettings } from './connectors.js';
import { buildTransferDrafts, storedJournal, type GlMapping } from './journals.js';

/** How many entries one queueing step reads; the rest wait for the next step. */
const QUEUE_BATCH = 500;

/** Queues what was posted since the mark; returns how many transfers it created. Call in the tenant's transaction. */
export async function queueNewEntries(trx: LedgerTransaction, tenantId: string, connectionId: string, now: Date): Promise<number> {
  const connection = await findGlConnection(trx, connectionId, true);
  if (!connection) return 0;
  const from = BigInt(connection.queued_position);
  if ((await chainHeadPosition(trx)) <= from) return 0;
  const entries = await entriesAfter(trx, from, QUEUE_BATCH);
  const last = entries.at(-1);
  if (!last) return 0;
  const settings = connection.settings as unknown as GlSettings;
  const due = entries.filter((e) => e.date >= settings.start_date);
  const drafts = buildTransferDrafts(due, settings.summarize, connection.mapping as unknown as GlMapping);
  const rows = drafts.map((d) => ({
    tenant_id: tenantId,
    id: uuidv7(),
    connection_id: connectionId,
    status: 'pending',
    entry_ids: d.entryIds,
    first_position: d.firstPosition.toString(),
    last_position: d.lastPosition.toString(),
    date: d.date,
    currency: d.currency,
    journal: storedJournal(d.journal),
    next_attempt_at: now,
    created_at: now,
  }));
  await insertGlTransfers(trx, rows);
  if (!(await advanceQueuedPosition(trx, connectionId, from, last.position))) throw new Error('gl queue: the mark moved under its row lock');
  return rows.length;
}

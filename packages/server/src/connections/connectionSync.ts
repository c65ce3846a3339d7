/**
 * Syncing a connection: every source row becomes a unified record through its mapping, upserted by
 * source id and posted by the accounting rules, a few hundred rows per transaction
 * (records/recordBatch.ts). A row that cannot be a valid record, or whose entries cannot post, is
 * rejected with its reasons and changes nothing; the others land.
 * Re-running with the same data reports every row unchanged and posts nothing.
 * Errors: not_found, invalid_request (no mapping, unreadable source); rows never fail the sync.
 */
import type { z } from 'zod';
import { LinksError, type ErrorDetail } from '../domain/errors.js';
import { writableFields, type AccountingOutcome, type FieldSpec } from '../domain/unifiedModels.js';
import { recordDataEvent } from '../audit/environmentAudit.js';
import { writeLedger, type LedgerScope, type WriteRequest } from '../ledger/scope.js';
import { upsertRecordBatch, type BatchOutcome, type BatchRow } from '../records/recordBatch.js';
import { upsertRecord } from '../records/recordVersions.js';
import { conflictOnTakenSource } from '../records/unifiedRecords.js';
import { connectionView, loadConnection, readSource, resealedLegacySecret, type ConnectionMapping, type ExternalConnection, type SourceSnapshot } from './externalConnections.js';

export interface RowRejection {
  row: number;
  source_id: string | null;
  code: string;
  message: string;
  details: ErrorDetail[];
}

export interface RowAccountingError {
  row: number;
  source_id: string | null;
  code: string;
  message: string;
}

export interface SyncReport {
  connection_id: string;
  model: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: RowRejection[];
  /** Rows written whose accounting failed (the record is stored; its outcome says what to fix). */
  accounting_errors: RowAccountingError[];
  started_at: string;
  finished_at: string;
}

/** How many rejections a report lists (the counts are always complete). */
const LISTED_REJECTIONS = 1000;

/** Rows written per transaction; a source id repeated in the file starts a new batch, so its rows apply in file order. */
const BATCH_ROWS = 200;

function batchesOf(rows: BatchRow[]): BatchRow[][] {
  const batches: BatchRow[][] = [];
  let current: BatchRow[] = [];
  let seen = new Set<unknown>();
  for (const row of rows) {
    if (current.length === BATCH_ROWS || seen.has(row.body.source_id)) {
      batches.push(current);
      current = [];
      seen = new Set();
    }
    current.push(row);
    seen.add(row.body.source_id);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A source value as the field's JSON type; undefined when it cannot be one (the schema then names it). */
function fieldValue(spec: FieldSpec, raw: string): unknown {
  const text = raw.trim();
  switch (spec.kind) {
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', 't', 'yes', 'y', '1'].includes(lower)) return true;
      if (['false', 'f', 'no', 'n', '0'].includes(lower)) return false;
      return text;
    }
    case 'currency':
      return text.toUpperCase();
    default:
      return text;
  }
}

/** The record body a source row maps to: mapped columns (empty cells left out), defaults, provenance. */
export function rowToRecord(connection: Pick<ExternalConnection, 'id' | 'name' | 'type'>, mapping: ConnectionMapping, values: Record<string, string | null>): Record<string, unknown> {
  const fields = writableFields(mapping.model);
  const body: Record<string, unknown> = { ...(mapping.defaults ?? {}) };
  for (const [field, column] of Object.entries(mapping.fields)) {
    const raw = values[column];
    if (raw === null || raw === undefined || raw.trim() === '') continue;
    body[field] = fieldValue(fields[field]!, raw);
  }
  body.source_system = mapping.source_system ?? connection.name;
  body.external_system_provider_id = connection.type;
  body.external_system_config_id = connection.id;
  return body;
}

/** Rows handled so far of all the source's rows; a job records it (and may stop the sync by throwing). */
export type SyncProgress = (done: number, total: number) => Promise<void>;

export async function syncConnection(
  scope: LedgerScope,
  request: WriteRequest,
  secretsKey: () => Buffer,
  id: string,
  recordSchema: (model: ConnectionMapping['model']) => z.ZodType,
  progress: SyncProgress = async () => {},
): Promise<SyncReport> {
  const row = await loadConnection(scope, id);
  const connection = connectionView(row);
  const mapping = connection.mapping;
  if (!mapping) throw new LinksError('invalid_request', `Connection ${connection.name} has no mapping yet: PUT /api/v1/external-connections/${id}/mapping first.`, [{ path: 'mapping', message: 'required' }]);
  const startedAt = new Date();
  let resealed: string | undefined;
  const remember = (status: 'ready' | 'error', lastSync: Record<string, unknown>) =>
    writeLedger(scope, { ...request, idempotencyKey: undefined }, 200, async (trx) => {
      const upgrade = resealed === undefined ? {} : { sealed_secret: resealed };
      await trx.updateTable('external_connections').set({ status, last_sync: JSON.stringify(lastSync), updated_at: new Date(), ...upgrade }).where('id', '=', id).execute();
      await recordDataEvent(trx, scope.tenantId, request.context, { action: 'external_connection.synced', resourceType: 'external_connection', resourceId: id });
      return null;
    });
  let snapshot: SourceSnapshot;
  try {
    // A value sealed before secrets were bound to their row is bound by this sync's write.
    resealed = resealedLegacySecret(row, secretsKey);
    snapshot = await readSource(row, secretsKey);
  } catch (error) {
    // An unreadable source (a database down, a table dropped) marks the connection until a sync reads it again.
    if (error instanceof LinksError && error.status < 500) await remember('error', { started_at: startedAt.toISOString(), error: error.message });
    throw error;
  }
  const report: SyncReport = { connection_id: id, model: mapping.model, rows: snapshot.rows.length, created: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], accounting_errors: [], started_at: startedAt.toISOString(), finished_at: '' };
  const schema = recordSchema(mapping.model);
  const reject = (rowNumber: number, sourceId: unknown, error: LinksError) => {
    report.rejected += 1;
    report.rejections.push({ row: rowNumber, source_id: typeof sourceId === 'string' ? sourceId : null, code: error.code, message: error.message, details: error.details });
  };
  const noKey = { ...request, idempotencyKey: undefined };
  const count = (rows: BatchRow[], outcomes: BatchOutcome[]) => {
    const sourceOf = new Map(rows.map((r) => [r.row, r.body.source_id]));
    for (const outcome of outcomes) {
      if ('error' in outcome) reject(outcome.row, sourceOf.get(outcome.row), outcome.error);
      else {
        report[outcome.change] += 1;
        const sourceId = sourceOf.get(outcome.row);
        if (outcome.accountingError) report.accounting_errors.push({ row: outcome.row, source_id: typeof sourceId === 'string' ? sourceId : null, code: outcome.accountingError.code, message: outcome.accountingError.message });
      }
    }
  };
  // One row on its own: the way back when a whole batch is refused (a source id another record took meanwhile).
  const writeOne = async ({ row, body }: BatchRow): Promise<BatchOutcome> => {
    try {
      const stored = await conflictOnTakenSource(mapping.model, () => writeLedger(scope, noKey, 200, (trx) => upsertRecord(trx, scope.tenantId, request.context, mapping.model, body)));
      const accounting = stored.body.data.record.accounting as AccountingOutcome;
      return { row, change: stored.body.data.change, ...(accounting.error ? { accountingError: accounting.error } : {}) };
    } catch (error) {
      if (!(error instanceof LinksError) || error.status >= 500) throw error;
      return { row, error };
    }
  };

  const valid: BatchRow[] = [];
  for (const sourceRow of snapshot.rows) {
    const body = rowToRecord(connection, mapping, sourceRow.values);
    if (typeof body.source_id !== 'string') {
      const message = `source_id (column ${mapping.fields.source_id}) is empty: every row needs its source id, so a re-run updates it`;
      reject(sourceRow.row, null, new LinksError('invalid_request', message, [{ path: 'source_id', message: 'empty' }]));
      continue;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(row)', message: issue.message }));
      reject(sourceRow.row, body.source_id, new LinksError('invalid_request', `${details[0]!.path} (column ${mapping.fields[details[0]!.path] ?? '-'}): ${details[0]!.message}`, details));
      continue;
    }
    valid.push({ row: sourceRow.row, body: parsed.data as Record<string, unknown> });
  }
  let done = snapshot.rows.length - valid.length;
  await progress(done, snapshot.rows.length);
  for (const batch of batchesOf(valid)) {
    const sourceSystem = String(batch[0]!.body.source_system ?? '');
    try {
      const written = await conflictOnTakenSource(mapping.model, () =>
        writeLedger(scope, noKey, 200, (trx) => upsertRecordBatch(trx, scope.tenantId, request.context, mapping.model, sourceSystem, batch)),
      );
      count(batch, written.body.data);
    } catch (error) {
      if (!(error instanceof LinksError) || error.status >= 500) throw error;
      const outcomes: BatchOutcome[] = [];
      for (const row of batch) outcomes.push(await writeOne(row));
      count(batch, outcomes);
    }
    done += batch.length;
    await progress(done, snapshot.rows.length);
  }
  report.rejections.sort((a, b) => a.row - b.row);
  report.rejections.splice(LISTED_REJECTIONS);
  report.accounting_errors.sort((a, b) => a.row - b.row);
  report.accounting_errors.splice(LISTED_REJECTIONS);
  report.finished_at = new Date().toISOString();
  const { rejections, accounting_errors, ...summary } = report;
  await remember('ready', { ...summary, rejections: rejections.slice(0, 20), accounting_errors: accounting_errors.slice(0, 20) });
  return report;
}

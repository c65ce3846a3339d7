/**
 * Writing one version of a unified record, inside a tenant transaction: normalise the fields,
 * resolve references to other records, skip the write when nothing changed, otherwise store the
 * row and its immutable version with its accounting outcome, audit it, and run the accounting rules
 * in the same transaction (recordAccounting.ts: the books refusing never refuses the record).
 * Shared by the API routes and by data-source syncs.
 */
import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { recordDataEvent } from '../audit/environmentAudit.js';
import type { WriteContext } from '../domain/audit.js';
import { LinksError } from '../domain/errors.js';
import { describeAmountProblem, formatMinor, isSupportedCurrency, parseSignedAmount } from '../domain/money.js';
import { MODEL_FIELDS, PROVENANCE_FIELDS, READ_ONLY_FIELDS, type AccountingError, type AccountingOutcome, type AccountingStatus, type UnifiedModel, type UnifiedRecord } from '../domain/unifiedModels.js';
import { canonicalJson, type LedgerTransaction } from '../ledger/scope.js';
import type { UnifiedRecordRow } from '../storage/environmentSchema.js';
import type { PlannedPosting, PostableRecord } from '../rules/recordPosting.js';
import { postedEntryIds } from '../storage/recordAccounting.js';
import { storeAndAccount, type AccountingColumns } from './recordAccounting.js';
import { queriedReferences, resolveReferences, type RecordReferences } from './recordReferences.js';

export type RecordChange = 'created' | 'updated' | 'unchanged';

export interface StoredRecord {
  record: UnifiedRecord;
  change: RecordChange;
}

type Row = Selectable<UnifiedRecordRow>;

/** Writable fields only, without empty values; read-only fields a client echoed back are dropped. */
export function writableInput(input: Record<string, unknown>): Record<string, unknown> {
  const readOnly = new Set<string>(READ_ONLY_FIELDS);
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => !readOnly.has(key) && value !== undefined));
}

/** The record's fields with a merge-patch applied: a field sent replaces, a null clears. */
export function mergeFields(existing: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...existing };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Money fields in the currency's digits ("120" USD → "120.00"); too many digits is invalid_amount. */
function normaliseMoney(model: UnifiedModel, fields: Record<string, unknown>): Record<string, unknown> {
  const currency = fields.currency;
  if (typeof currency !== 'string' || !isSupportedCurrency(currency)) return fields;
  const normal = (value: unknown, path: string) => {
    const parsed = parseSignedAmount(String(value), currency);
    if (typeof parsed !== 'bigint') throw new LinksError('invalid_amount', `${path} ${describeAmountProblem(parsed, currency)}`, [{ path, message: describeAmountProblem(parsed, currency) }]);
    return formatMinor(parsed, currency);
  };
  const out = { ...fields };
  for (const [name, spec] of Object.entries(MODEL_FIELDS[model])) {
    if (spec.kind === 'money' && typeof out[name] === 'string') out[name] = normal(out[name], name);
  }
  if (Array.isArray(out.lines)) {
    out.lines = (out.lines as Array<Record<string, unknown>>).map((line, i) => ({ ...line, amount: normal(line.amount, `lines.${i}.amount`) }));
  }
  return out;
}

/** The fields as stored: money in the currency's digits, references resolved, `is_active` kept apart. */
export async function prepareFields(
  trx: LedgerTransaction,
  model: UnifiedModel,
  input: Record<string, unknown>,
  references: RecordReferences = queriedReferences(trx),
): Promise<Record<string, unknown>> {
  const { is_active: _active, ...fields } = input;
  return resolveReferences(references, model, normaliseMoney(model, fields));
}

/** The outcome the row holds for its latest version, given the entries that version posted. */
export function storedOutcome(row: Row, entries: string[]): AccountingOutcome {
  return { status: row.accounting_status as AccountingStatus, entries: row.accounting_status === 'accounted' ? entries : [], error: row.accounting_error as AccountingError | null };
}

/** Rows as the API shows them, each with the entries its latest version posted. */
export async function recordViews(trx: LedgerTransaction, rows: Row[]): Promise<UnifiedRecord[]> {
  const entries = await postedEntryIds(trx, rows.filter((r) => r.accounting_status === 'accounted'));
  return rows.map((row) => recordView(row, storedOutcome(row, entries.get(row.id) ?? [])));
}

/** The API's shape: every field of the model present, null when unset, and the version's accounting outcome. */
export function recordView(row: Row, accounting: AccountingOutcome): UnifiedRecord {
  const model = row.model as UnifiedModel;
  const fields = row.fields;
  const view: UnifiedRecord = {
    id: row.id,
    version: row.version,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    local_was_deleted: row.local_was_deleted,
    local_was_updated: row.local_was_updated,
    is_active: row.is_active,
    accounting,
  };
  for (const name of [...Object.keys(MODEL_FIELDS[model]), ...Object.keys(PROVENANCE_FIELDS)]) {
    if (name !== 'is_active') view[name] = fields[name] ?? null;
  }
  return view;
}

/** An accounting run writing the same content again as a new version, its plan adjusted (closed months skipped). */
export interface AccountingRunOptions {
  adjustPlan?: (plan: PlannedPosting) => Promise<PlannedPosting>;
}

export interface VersionFlags {
  is_active: boolean;
  local_was_deleted: boolean;
  local_was_updated: boolean;
}

/** What makes two versions the same: the stored fields and the flags. */
export function contentHash(fields: Record<string, unknown>, flags: VersionFlags): Buffer {
  return createHash('sha256').update(canonicalJson({ fields, ...flags })).digest();
}

/** The columns of `unified_records` a version sets. */
export function recordColumns(fields: Record<string, unknown>, version: number, hash: Buffer, flags: VersionFlags, now: Date) {
  return {
    version,
    source_system: typeof fields.source_system === 'string' ? fields.source_system : null,
    source_id: typeof fields.source_id === 'string' ? fields.source_id : null,
    fields: JSON.stringify(fields),
    content_hash: hash,
    ...flags,
    updated_at: now,
  };
}

/** A version as kept for ever in `unified_record_versions`. */
export function versionRow(tenantId: string, recordId: string, version: number, fields: Record<string, unknown>, flags: VersionFlags, now: Date, requestId: string, accounting: AccountingColumns) {
  return { tenant_id: tenantId, record_id: recordId, version, fields: JSON.stringify(fields), is_active: flags.is_active, local_was_deleted: flags.local_was_deleted, recorded_at: now, request_id: requestId, ...accounting };
}


/** A write by source id that meets a record deleted in Links: refused, the record stays as it was. */
export function deletedInLinks(model: UnifiedModel, sourceId: string, recordId: string): LinksError {
  return new LinksError('conflict', `The ${model} with source_id ${JSON.stringify(sourceId)} was deleted in Links (record ${recordId}); it is kept as it was.`, [{ path: 'source_id', message: 'deleted in Links' }]);
}

/**
 * Stores `fields` as the record's next version (or its first), unless it is what the record
 * already holds. Rules run on every new version of an invoice or payment.
 */
export async function storeRecordVersion(
  trx: LedgerTransaction,
  tenantId: string,
  context: WriteContext,
  model: UnifiedModel,
  existing: Row | undefined,
  input: Record<string, unknown>,
  flags: VersionFlags,
  run?: AccountingRunOptions,
): Promise<StoredRecord> {
  const fields = await prepareFields(trx, model, input);
  const hash = contentHash(fields, flags);
  // The same content again is a no-op, unless its accounting failed or waits for a run: then it is a retry, as a new version.
  const awaitsAccounting = existing?.accounting_status === 'error' || existing?.accounting_status === 'pending';
  if (existing?.content_hash.equals(hash) && !awaitsAccounting && !run) return { record: (await recordViews(trx, [existing]))[0]!, change: 'unchanged' };

  const now = new Date();
  const record: PostableRecord = { id: existing?.id ?? uuidv7(), model, version: existing ? existing.version + 1 : 1, fields, ...flags };
  const action = !existing ? 'created' : flags.local_was_deleted ? 'deleted' : 'updated';
  const retrying = existing?.content_hash.equals(hash) ? (existing.accounting_error as AccountingError | null) ?? undefined : undefined;
  const { stored, outcome } = await storeAndAccount(trx, tenantId, context, record, async (accounting) => {
    const values = { ...recordColumns(fields, record.version, hash, flags, now), ...accounting };
    const row = existing
      ? await trx.updateTable('unified_records').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
      : await trx.insertInto('unified_records').values({ tenant_id: tenantId, id: record.id, model, created_at: now, ...values }).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('unified_record_versions').values(versionRow(tenantId, row.id, record.version, fields, flags, now, context.requestId, accounting)).execute();
    await recordDataEvent(trx, tenantId, context, { action: `${model}.${action}`, resourceType: `unified_${model}`, resourceId: row.id });
    return row;
  }, retrying, run?.adjustPlan);
  if (stored === undefined) return { record: recordView(existing!, outcome), change: 'unchanged' };
  return { record: recordView(stored, outcome), change: existing ? 'updated' : 'created' };
}

export function postable(row: Row): PostableRecord {
  return { id: row.id, model: row.model as UnifiedModel, version: row.version, fields: row.fields, is_active: row.is_active, local_was_deleted: row.local_was_deleted };
}

/**
 * The record a source id already names, locked for this write; a concurrent first write of the
 * same source id waits on the unique index, then finds the other's row.
 */
export async function lockBySource(trx: LedgerTransaction, model: UnifiedModel, sourceSystem: string | undefined, sourceId: string): Promise<Row | undefined> {
  return trx
    .selectFrom('unified_records')
    .selectAll()
    .where('model', '=', model)
    .where(sql<boolean>`coalesce(source_system, '') = ${sourceSystem ?? ''}`)
    .where('source_id', '=', sourceId)
    .forUpdate()
    .executeTakeFirst();
}

/** What a write locks (a transaction-scoped advisory lock) while it looks a source id up and writes it. */
export function sourceLockKey(tenantId: string, model: UnifiedModel, sourceSystem: string, sourceId: string): string {
  return `${tenantId}\u0001${model}\u0001${sourceSystem}\u0001${sourceId}`;
}

/**
 * Creates the record, or — when a record of the same (source_system, source_id) exists — writes
 * the body as its next version. Only a body with a source id can meet an existing record.
 */
export async function upsertRecord(trx: LedgerTransaction, tenantId: string, context: WriteContext, model: UnifiedModel, body: Record<string, unknown>): Promise<StoredRecord> {
  const input = writableInput(body);
  const sourceId = typeof input.source_id === 'string' ? input.source_id : undefined;
  const sourceSystem = typeof input.source_system === 'string' ? input.source_system : undefined;
  const flags = { is_active: input.is_active !== false, local_was_deleted: false, local_was_updated: false };
  if (sourceId === undefined) return storeRecordVersion(trx, tenantId, context, model, undefined, input, flags);
  // Claim the source id first: a concurrent writer of the same id waits here until we commit.
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${sourceLockKey(tenantId, model, sourceSystem ?? '', sourceId)}, 0))`.execute(trx);
  const existing = await lockBySource(trx, model, sourceSystem, sourceId);
  if (existing?.local_was_deleted) throw deletedInLinks(model, sourceId, existing.id);
  return storeRecordVersion(trx, tenantId, context, model, existing, input, flags);
}

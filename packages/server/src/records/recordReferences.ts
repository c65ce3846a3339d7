/**
 * How a record finds the records it names: its customer (by Links id, or by source id within its
 * source system) and a payment's invoice. One record looks them up as it goes; a batch of records
 * (a sync) loads all of them in three queries first.
 * Errors: not_found (a Links id that names no customer or invoice of this tenant environment).
 */
import { sql } from 'kysely';
import { LinksError } from '../domain/errors.js';
import { MODEL_FIELDS, type UnifiedModel } from '../domain/unifiedModels.js';
import type { LedgerTransaction } from '../ledger/scope.js';

export interface RecordReferences {
  customerExists(id: string): Promise<boolean>;
  customerBySource(sourceSystem: string, sourceId: string): Promise<string | undefined>;
  /** The invoice's customer (or null), or undefined when there is no such invoice. */
  invoiceCustomer(id: string): Promise<unknown>;
}

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Links ids are UUIDs: anything else names no record (and must not reach a uuid column). */
export const isRecordId = (id: string) => RECORD_ID.test(id);

const sourceSystemOf = (fields: Record<string, unknown>) => (typeof fields.source_system === 'string' ? fields.source_system : '');
const customerSourceOf = (fields: Record<string, unknown>) => fields.source_system_customer_id ?? fields.source_system_account_id;

/** Lookups one query each, for a single write. */
export function queriedReferences(trx: LedgerTransaction): RecordReferences {
  const byId = (model: UnifiedModel, id: string) =>
    isRecordId(id) ? trx.selectFrom('unified_records').select(['id', 'fields']).where('model', '=', model).where('id', '=', id).executeTakeFirst() : Promise.resolve(undefined);
  return {
    customerExists: async (id) => (await byId('customer', id)) !== undefined,
    async customerBySource(sourceSystem, sourceId) {
      const row = await trx
        .selectFrom('unified_records')
        .select('id')
        .where('model', '=', 'customer')
        .where(sql<boolean>`coalesce(source_system, '') = ${sourceSystem}`)
        .where('source_id', '=', sourceId)
        .executeTakeFirst();
      return row?.id;
    },
    async invoiceCustomer(id) {
      const row = await byId('invoice', id);
      return row ? (row.fields.unified_customer_id ?? null) : undefined;
    },
  };
}

/** Every reference a batch of records makes, loaded up front. */
export async function preloadedReferences(trx: LedgerTransaction, bodies: Array<Record<string, unknown>>): Promise<RecordReferences> {
  const customerIds = [...new Set(bodies.map((b) => b.unified_customer_id).filter((v): v is string => typeof v === 'string' && isRecordId(v)))];
  const invoiceIds = [...new Set(bodies.map((b) => b.unified_invoice_id).filter((v): v is string => typeof v === 'string' && isRecordId(v)))];
  const sourcePairs = bodies.filter((b) => typeof customerSourceOf(b) === 'string').map((b) => [sourceSystemOf(b), customerSourceOf(b) as string] as const);
  const customers = new Set(
    customerIds.length ? (await trx.selectFrom('unified_records').select('id').where('model', '=', 'customer').where('id', 'in', customerIds).execute()).map((r) => r.id) : [],
  );
  const invoices = new Map(
    invoiceIds.length
      ? (await trx.selectFrom('unified_records').select(['id', 'fields']).where('model', '=', 'invoice').where('id', 'in', invoiceIds).execute()).map((r) => [r.id, r.fields.unified_customer_id ?? null])
      : [],
  );
  const bySource = new Map<string, string>();
  if (sourcePairs.length) {
    const { rows } = await sql<{ id: string; source_system: string; source_id: string }>`
      SELECT r.id, coalesce(r.source_system, '') AS source_system, r.source_id
        FROM unified_records r
        JOIN unnest(${sourcePairs.map((p) => p[0])}::text[], ${sourcePairs.map((p) => p[1])}::text[]) AS wanted(source_system, source_id)
          ON coalesce(r.source_system, '') = wanted.source_system AND r.source_id = wanted.source_id
       WHERE r.model = 'customer'`.execute(trx);
    for (const row of rows) bySource.set(`${row.source_system}\u0001${row.source_id}`, row.id);
  }
  return {
    customerExists: async (id) => customers.has(id),
    customerBySource: async (sourceSystem, sourceId) => bySource.get(`${sourceSystem}\u0001${sourceId}`),
    invoiceCustomer: async (id) => invoices.get(id),
  };
}

function missing(model: UnifiedModel, id: string, path: string): LinksError {
  return new LinksError('not_found', `No ${model} ${JSON.stringify(id)} in this scope (${path}).`, [{ path, message: `no such ${model}` }]);
}

/** Links a record to its customer (and a payment to its invoice) by Links id or by source id. */
export async function resolveReferences(references: RecordReferences, model: UnifiedModel, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out = { ...fields };
  if (model === 'payment' && typeof out.unified_invoice_id === 'string') {
    const customer = await references.invoiceCustomer(out.unified_invoice_id);
    if (customer === undefined) throw missing('invoice', out.unified_invoice_id, 'unified_invoice_id');
    out.unified_customer_id ??= customer ?? undefined;
    if (out.unified_customer_id === undefined) delete out.unified_customer_id;
  }
  if (!('unified_customer_id' in MODEL_FIELDS[model])) return out;
  if (typeof out.unified_customer_id === 'string') {
    // The id in its one spelling: it keys the customer's sub-ledger account, which must not split by letter case.
    const customer = isRecordId(out.unified_customer_id) ? out.unified_customer_id.toLowerCase() : out.unified_customer_id;
    if (!(await references.customerExists(customer))) throw missing('customer', customer, 'unified_customer_id');
    out.unified_customer_id = customer;
    return out;
  }
  const sourceCustomer = customerSourceOf(out);
  if (typeof sourceCustomer === 'string') {
    const id = await references.customerBySource(sourceSystemOf(out), sourceCustomer);
    if (id) out.unified_customer_id = id;
  }
  return out;
}

/** Request and response shapes of unified records, derived from the model catalogue (domain/unifiedModels.ts). */
import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendar.js';
import { LinksError } from '../../domain/errors.js';
import { MODEL_FIELDS, PROVENANCE_FIELDS, READ_ONLY_FIELDS, writableFields, type FieldKind, type FieldSpec, type UnifiedModel } from '../../domain/unifiedModels.js';
import { booleanQuery, accountCode, currency, metadata } from './ledger.js';
import { list, pageQueryShape, single, text, timestamp } from './common.js';

/** A decimal string, signed, zero allowed; its digits are checked against the record's currency. */
export const recordMoney = z
  .string({ message: 'must be a decimal string such as "12.50", not a number' })
  .regex(/^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,18})?$/, 'must be a decimal string such as "12.50" (no exponent, spaces or separators)')
  .meta({ example: '1200.00' });

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isTimestamp = (s: string) => ISO_TIMESTAMP.test(s) && isCalendarDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s));

const recordDate = z.string().refine((s) => isCalendarDate(s) || isTimestamp(s), 'must be a date YYYY-MM-DD or an ISO 8601 timestamp').meta({ example: '2026-11-30' });
const recordTimestamp = z.string().refine(isTimestamp, 'must be an ISO 8601 timestamp such as 2026-11-30T12:00:00Z').meta({ format: 'date-time' });

export const invoiceLineInput = z.strictObject({
  description: text(1000).optional(),
  amount: recordMoney,
  product_id: text(255).optional(),
  revenue_account: accountCode.optional(),
});

const INPUT: Record<FieldKind, z.ZodType> = {
  text: text(255),
  longText: text(2000),
  email: text(320).refine((s) => /^[^\s@]+@[^\s@]+$/.test(s), 'must be an email address'),
  url: text(2000),
  money: recordMoney,
  date: recordDate,
  timestamp: recordTimestamp,
  integer: z.number().int('must be a whole number').min(0, 'must not be negative').max(1200, 'must be at most 1200 (a hundred years of months)'),
  boolean: z.boolean(),
  currency,
  object: metadata,
  invoiceLines: z.array(invoiceLineInput).max(500, 'at most 500 lines'),
};

const outputText = z.string();
const OUTPUT: Record<FieldKind, z.ZodType> = {
  text: outputText,
  longText: outputText,
  email: outputText,
  url: outputText,
  money: outputText,
  date: outputText,
  timestamp: outputText,
  currency: outputText,
  integer: z.number().int(),
  boolean: z.boolean(),
  object: z.record(z.string(), z.unknown()),
  invoiceLines: z.array(z.object({ description: z.string().optional(), amount: z.string(), product_id: z.string().optional(), revenue_account: z.string().optional() })),
};

export const modelTitle = (model: UnifiedModel) => `Unified${model[0]!.toUpperCase()}${model.slice(1)}`;

/** Read-only fields a client may echo back from a read; they are ignored. */
const echoed = Object.fromEntries(READ_ONLY_FIELDS.map((name) => [name, z.unknown().optional().meta({ description: 'read-only: ignored on input' })]));

/** Each listener registers the routes again; a schema id must exist once in the process. */
const made = new Map<string, z.ZodType>();
function once<T extends z.ZodType>(id: string, build: () => T): T {
  if (!made.has(id)) made.set(id, build());
  return made.get(id) as T;
}

export function recordCreateBody(model: UnifiedModel) {
  return once(`${modelTitle(model)}Create`, () => {
    const shape = Object.fromEntries(Object.entries(writableFields(model)).map(([name, spec]) => [name, spec.required ? INPUT[spec.kind] : INPUT[spec.kind].optional()]));
    return z.strictObject({ ...shape, ...echoed }).meta({ id: `${modelTitle(model)}Create` });
  });
}

export function recordUpdateBody(model: UnifiedModel) {
  return once(`${modelTitle(model)}Update`, () => {
    // Merge-patch: null clears an optional field, so a record read can be edited and sent back whole.
    const clearable = (spec: FieldSpec) => !spec.required && spec.kind !== 'boolean';
    const shape = Object.fromEntries(Object.entries(writableFields(model)).map(([name, spec]) => [name, (clearable(spec) ? INPUT[spec.kind].nullable() : INPUT[spec.kind]).optional()]));
    return z.strictObject({ ...shape, ...echoed }).meta({ id: `${modelTitle(model)}Update` });
  });
}

const accountingError = z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })) }).meta({ id: 'AccountingError' });

/** What the books made of the record's latest version (`pending` is reserved: not produced yet). */
export const accountingOutcome = z
  .object({ status: z.enum(['accounted', 'not_applicable', 'pending', 'error']), entries: z.array(z.string()), error: accountingError.nullable() })
  .meta({ id: 'AccountingOutcome' });

export function recordView(model: UnifiedModel) {
  return once(modelTitle(model), () => {
    const fields = Object.fromEntries(
      Object.entries({ ...MODEL_FIELDS[model], ...PROVENANCE_FIELDS })
        .filter(([name]) => name !== 'is_active')
        .map(([name, spec]) => [name, OUTPUT[spec.kind].nullable()]),
    );
    return z
      .object({
        id: z.string(),
        version: z.number().int(),
        ...fields,
        is_active: z.boolean(),
        local_was_deleted: z.boolean(),
        local_was_updated: z.boolean(),
        created_at: timestamp,
        updated_at: timestamp,
        accounting: accountingOutcome,
      })
      .meta({ id: modelTitle(model) });
  });
}

export const recordId = z.object({ id: z.uuid({ message: 'must be a record id (UUID)' }) });

/** List filters; `unified_customer_id` on the models that carry a customer. */
export function recordListQuery(model: UnifiedModel) {
  return z.strictObject({
    ...pageQueryShape,
    source_system: text(255).optional(),
    source_id: text(255).optional(),
    include_deleted: booleanQuery.optional(),
    ...('unified_customer_id' in MODEL_FIELDS[model] ? { unified_customer_id: text(255).optional() } : {}),
  });
}

export function recordSingle(model: UnifiedModel) {
  return single(recordView(model));
}

export function recordList(model: UnifiedModel) {
  return list(recordView(model));
}

/** Checks a record sent inside another body (a rule preview) against its model's update schema. */
export function parseRecordFor(model: UnifiedModel, value: unknown, path: string): Record<string, unknown> {
  const parsed = recordUpdateBody(model).safeParse(value);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const details = parsed.error.issues.map((issue) => ({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message }));
  throw new LinksError('invalid_request', `Invalid request: ${details[0]!.path}: ${details[0]!.message}.`, details);
}

/**
 * The unified record models, field by field, as the Links API publishes them: one catalogue from
 * which request schemas, storage and the SDK's compatible API groups all follow.
 */
export const UNIFIED_MODELS = ['customer', 'contact', 'invoice', 'payment', 'contract', 'product', 'opportunity'] as const;
export type UnifiedModel = (typeof UNIFIED_MODELS)[number];

/** The list path of each model (the Links API pluralises `opportunity` as `opportunities`). */
export const PLURAL: Record<UnifiedModel, string> = {
  customer: 'customers',
  contact: 'contacts',
  invoice: 'invoices',
  payment: 'payments',
  contract: 'contracts',
  product: 'products',
  opportunity: 'opportunities',
};

export type FieldKind = 'text' | 'longText' | 'email' | 'url' | 'money' | 'date' | 'timestamp' | 'integer' | 'boolean' | 'currency' | 'object' | 'invoiceLines';

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
}

/** Where every record came from; the same on all models. */
export const PROVENANCE_FIELDS: Record<string, FieldSpec> = {
  source_system: { kind: 'text' },
  source_system_img_url: { kind: 'url' },
  source_id: { kind: 'text' },
  external_system_provider_id: { kind: 'text' },
  external_system_config_id: { kind: 'text' },
  external_system_data: { kind: 'object' },
  supporting_data_definition_id: { kind: 'text' },
  is_primary: { kind: 'boolean' },
  source_data_created_at: { kind: 'timestamp' },
  is_active: { kind: 'boolean' },
};

/** Set by Links, never by a client: accepted in a body (so a record read can be written back) and ignored. */
export const READ_ONLY_FIELDS = ['id', 'version', 'created_at', 'updated_at', 'local_was_deleted', 'local_was_updated', 'accounting'] as const;

const address = (prefix: string): Record<string, FieldSpec> =>
  Object.fromEntries(['line1', 'line2', 'city', 'country', 'state', 'postal_code'].map((part) => [`${prefix}_${part}`, { kind: 'text' as const }]));

export const MODEL_FIELDS: Record<UnifiedModel, Record<string, FieldSpec>> = {
  customer: {
    email: { kind: 'email', required: true },
    name: { kind: 'text', required: true },
    ...address('address'),
    ...address('shipping_address'),
    phone: { kind: 'text' },
  },
  contact: {
    email: { kind: 'email', required: true },
    first_name: { kind: 'text', required: true },
    last_name: { kind: 'text' },
    phone: { kind: 'text' },
    mobile_phone: { kind: 'text' },
    fax: { kind: 'text' },
    address: { kind: 'longText' },
    city: { kind: 'text' },
    country: { kind: 'text' },
    state: { kind: 'text' },
    zip: { kind: 'text' },
    position: { kind: 'text' },
    unified_customer_id: { kind: 'text' },
    source_system_customer_id: { kind: 'text' },
  },
  invoice: {
    amount_due: { kind: 'money' },
    amount_paid: { kind: 'money' },
    amount_remaining: { kind: 'money' },
    amount_overpaid: { kind: 'money' },
    currency: { kind: 'currency' },
    status: { kind: 'text' },
    description: { kind: 'longText' },
    due_date: { kind: 'date' },
    effective_date: { kind: 'date' },
    period_start: { kind: 'date' },
    period_end: { kind: 'date' },
    unified_customer_id: { kind: 'text' },
    source_system_customer_id: { kind: 'text' },
    lines: { kind: 'invoiceLines' },
  },
  payment: {
    amount: { kind: 'money' },
    currency: { kind: 'currency' },
    status: { kind: 'text' },
    description: { kind: 'longText' },
    unified_customer_id: { kind: 'text' },
    source_system_customer_id: { kind: 'text' },
    unified_invoice_id: { kind: 'text' },
  },
  contract: {
    contract_number: { kind: 'text' },
    contract_status: { kind: 'text' },
    contract_term_months: { kind: 'integer' },
    actived_date: { kind: 'date' },
    start_date: { kind: 'date' },
    end_date: { kind: 'date' },
    signed_date_by_company: { kind: 'date' },
    signed_date_by_customer: { kind: 'date' },
    billing_address_line: { kind: 'text' },
    billing_address_city: { kind: 'text' },
    billing_address_state: { kind: 'text' },
    billing_address_postal_code: { kind: 'text' },
    billing_address_country: { kind: 'text' },
    unified_customer_id: { kind: 'text' },
    source_system_account_id: { kind: 'text' },
  },
  product: {
    name: { kind: 'text', required: true },
    description: { kind: 'longText' },
    type: { kind: 'text', required: true },
    price: { kind: 'money', required: true },
  },
  opportunity: {
    deal_name: { kind: 'text' },
    amount: { kind: 'money' },
    deal_stage: { kind: 'text' },
    close_date: { kind: 'date' },
    unified_customer_id: { kind: 'text' },
    source_system_customer_id: { kind: 'text' },
  },
};

/** All writable fields of a model: its own, then provenance. */
export function writableFields(model: UnifiedModel): Record<string, FieldSpec> {
  return { ...MODEL_FIELDS[model], ...PROVENANCE_FIELDS };
}

/** A unified record as the API shows it: the model's fields and provenance, flattened. */
export interface UnifiedRecord {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  local_was_deleted: boolean;
  local_was_updated: boolean;
  is_active: boolean;
  accounting: AccountingOutcome;
  [field: string]: unknown;
}

/**
 * What the books made of a record version: `accounted` (the entries it posted, possibly none),
 * `not_applicable` (no rule posts it), `pending` (reserved: queued accounting, not produced yet) or
 * `error` (the rule could not post; the record is stored all the same, with no entries).
 */
export type AccountingStatus = 'accounted' | 'not_applicable' | 'pending' | 'error';

export interface AccountingError {
  code: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

export interface AccountingOutcome {
  status: AccountingStatus;
  entries: string[];
  error: AccountingError | null;
}

export function isUnifiedModel(value: string): value is UnifiedModel {
  return (UNIFIED_MODELS as readonly string[]).includes(value);
}

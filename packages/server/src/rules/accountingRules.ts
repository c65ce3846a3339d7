/**
 * Accounting rules: which record events post, to which accounts, under which conditions. Each
 * model has one recognition rule that owns the accounts and conditions (`invoice.issued`,
 * `payment.received`); its adjustment and reversal events only word their entries, because they
 * move the books from what was posted to what the recognition rule now asks for.
 * Errors: not_found (no such event), invalid_request (unknown template field or condition field),
 * unknown_account, subledger_account_required (the receivable is not a control account).
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import { LinksError } from '../domain/errors.js';
import { MODEL_FIELDS, PROVENANCE_FIELDS } from '../domain/unifiedModels.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';

export const RULE_EVENTS = ['invoice.issued', 'invoice.adjusted', 'invoice.voided', 'payment.received', 'payment.adjusted', 'payment.reversed'] as const;
export type RuleEvent = (typeof RULE_EVENTS)[number];
export type PostingModel = 'invoice' | 'payment';
export type RuleKind = 'recognition' | 'adjustment' | 'reversal';

export const CONDITION_OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'present', 'absent'] as const;

/** A test on one record field; text compares trimmed and case-insensitively. */
export interface RuleCondition {
  field: string;
  operator: (typeof CONDITION_OPERATORS)[number];
  values?: string[] | undefined;
}

export interface RecognitionDefinition {
  enabled: boolean;
  debit_account: string;
  credit_account: string;
  conditions: RuleCondition[];
  description_template: string;
}

/** A rule as the API shows it; adjustment and reversal rules show their recognition rule's accounts. */
export interface AccountingRule {
  event: RuleEvent;
  model: PostingModel;
  kind: RuleKind;
  /** The recognition rule that owns accounts and conditions (itself for a recognition rule). */
  recognition_event: RuleEvent;
  enabled: boolean;
  debit_account: string;
  credit_account: string;
  /** Which side carries the customer as `subledger_account`: the receivable. */
  receivable_account: string;
  conditions: RuleCondition[];
  description_template: string;
  is_default: boolean;
  updated_at: string | null;
}

interface EventSpec {
  model: PostingModel;
  kind: RuleKind;
  recognition: RuleEvent;
  template: string;
}

export const EVENT_SPECS: Record<RuleEvent, EventSpec> = {
  'invoice.issued': { model: 'invoice', kind: 'recognition', recognition: 'invoice.issued', template: 'Invoice {{record}} issued' },
  'invoice.adjusted': { model: 'invoice', kind: 'adjustment', recognition: 'invoice.issued', template: 'Invoice {{record}} amount changed' },
  'invoice.voided': { model: 'invoice', kind: 'reversal', recognition: 'invoice.issued', template: 'Invoice {{record}} voided' },
  'payment.received': { model: 'payment', kind: 'recognition', recognition: 'payment.received', template: 'Payment {{record}} received' },
  'payment.adjusted': { model: 'payment', kind: 'adjustment', recognition: 'payment.received', template: 'Payment {{record}} amount changed' },
  'payment.reversed': { model: 'payment', kind: 'reversal', recognition: 'payment.received', template: 'Payment {{record}} reversed' },
};

/** Shipped defaults: 1100 receivable (a control account with the customers' sub-ledger), 4000 revenue, 1000 cash. */
export const DEFAULT_RECOGNITION: Record<PostingModel, RecognitionDefinition> = {
  invoice: {
    enabled: true,
    debit_account: '1100',
    credit_account: '4000',
    conditions: [{ field: 'status', operator: 'not_in', values: ['DRAFT', 'VOID', 'VOIDED'] }],
    description_template: EVENT_SPECS['invoice.issued'].template,
  },
  payment: {
    enabled: true,
    debit_account: '1000',
    credit_account: '1100',
    conditions: [{ field: 'status', operator: 'in', values: ['COMPLETED', 'SUCCEEDED', 'PAID'] }],
    description_template: EVENT_SPECS['payment.received'].template,
  },
};

/** Placeholders a template may use beyond the model's fields. */
const TEMPLATE_EXTRAS = ['record', 'event', 'id', 'version'];

export function isRuleEvent(value: string): value is RuleEvent {
  return (RULE_EVENTS as readonly string[]).includes(value);
}

/** The event a path names, or not_found listing the events there are. */
export function ruleEventOf(event: string): RuleEvent {
  if (!isRuleEvent(event)) throw new LinksError('not_found', `No accounting rule for event ${JSON.stringify(event)}; events are ${RULE_EVENTS.join(', ')}.`);
  return event;
}

/** The rule that owns a posting model's accounts and conditions. */
export function recognitionRule(rules: Record<RuleEvent, AccountingRule>, model: PostingModel): AccountingRule {
  return rules[model === 'invoice' ? 'invoice.issued' : 'payment.received'];
}

/** The receivable is the invoice's debit and the payment's credit. */
export function receivableOf(model: PostingModel, definition: RecognitionDefinition): string {
  return model === 'invoice' ? definition.debit_account : definition.credit_account;
}

/** Every rule of the tenant environment, stored edits over the shipped defaults. */
export async function loadRules(trx: LedgerTransaction): Promise<Record<RuleEvent, AccountingRule>> {
  const rows = await trx.selectFrom('accounting_rules').selectAll().execute();
  const stored = new Map(rows.map((row) => [row.event, row]));
  const rules = {} as Record<RuleEvent, AccountingRule>;
  for (const event of RULE_EVENTS) {
    const spec = EVENT_SPECS[event];
    const recognitionRow = stored.get(spec.recognition);
    const own = stored.get(event);
    const recognition = { ...DEFAULT_RECOGNITION[spec.model], ...(recognitionRow?.definition as Partial<RecognitionDefinition> | undefined) };
    const template = (own?.definition.description_template as string | undefined) ?? (spec.kind === 'recognition' ? recognition.description_template : spec.template);
    rules[event] = {
      event,
      model: spec.model,
      kind: spec.kind,
      recognition_event: spec.recognition,
      enabled: recognition.enabled,
      debit_account: recognition.debit_account,
      credit_account: recognition.credit_account,
      receivable_account: receivableOf(spec.model, recognition),
      conditions: recognition.conditions,
      description_template: template,
      is_default: own === undefined,
      updated_at: own ? own.updated_at.toISOString() : null,
    };
  }
  return rules;
}

export async function listRules(scope: LedgerScope): Promise<AccountingRule[]> {
  return readLedger(scope, async (trx) => Object.values(await loadRules(trx)));
}

export async function getRule(scope: LedgerScope, event: string): Promise<AccountingRule> {
  const known = ruleEventOf(event);
  return readLedger(scope, async (trx) => (await loadRules(trx))[known]);
}

export interface RuleChange {
  enabled?: boolean | undefined;
  debit_account?: string | undefined;
  credit_account?: string | undefined;
  conditions?: RuleCondition[] | undefined;
  description_template?: string | undefined;
}

/** Fields sent replace the rule's; fields left out keep their value. Applies to writes from now on. */
export async function putRule(scope: LedgerScope, request: WriteRequest, path: string, change: RuleChange): Promise<WriteOutcome<AccountingRule>> {
  const event = ruleEventOf(path);
  const spec = EVENT_SPECS[event];
  if (spec.kind !== 'recognition') {
    const owned = (['enabled', 'debit_account', 'credit_account', 'conditions'] as const).filter((field) => change[field] !== undefined);
    if (owned.length > 0) {
      throw new LinksError('invalid_request', `${event} moves the books to what ${spec.recognition} asks for: change ${owned.join(', ')} on ${spec.recognition}.`, owned.map((path) => ({ path, message: `set on ${spec.recognition}` })));
    }
  }
  if (change.description_template !== undefined) checkTemplate(spec.model, change.description_template);
  for (const [i, condition] of (change.conditions ?? []).entries()) checkCondition(spec.model, condition, i);
  return writeLedger(scope, request, 200, async (trx) => {
    const current = (await loadRules(trx))[event];
    const definition: Record<string, unknown> =
      spec.kind === 'recognition'
        ? {
            enabled: change.enabled ?? current.enabled,
            debit_account: change.debit_account ?? current.debit_account,
            credit_account: change.credit_account ?? current.credit_account,
            conditions: change.conditions ?? current.conditions,
            description_template: change.description_template ?? current.description_template,
          }
        : { description_template: change.description_template ?? current.description_template };
    if (spec.kind === 'recognition') await checkAccounts(trx, spec.model, definition as unknown as RecognitionDefinition);
    await trx
      .insertInto('accounting_rules')
      .values({ tenant_id: scope.tenantId, event, definition: JSON.stringify(definition), updated_at: new Date() })
      .onConflict((oc) => oc.columns(['tenant_id', 'event']).doUpdateSet({ definition: JSON.stringify(definition), updated_at: new Date() }))
      .execute();
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'accounting_rule.updated', resourceType: 'accounting_rule', resourceId: event });
    return (await loadRules(trx))[event];
  });
}


function fieldNames(model: PostingModel): string[] {
  return [...Object.keys(MODEL_FIELDS[model]), ...Object.keys(PROVENANCE_FIELDS)];
}

function checkTemplate(model: PostingModel, template: string): void {
  const known = new Set([...fieldNames(model), ...TEMPLATE_EXTRAS]);
  for (const match of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    if (!known.has(match[1]!)) {
      throw new LinksError('invalid_request', `description_template names {{${match[1]}}}, which is not a field of ${model}.`, [
        { path: 'description_template', message: `unknown field ${match[1]}; use one of ${[...known].join(', ')}` },
      ]);
    }
  }
}

function checkCondition(model: PostingModel, condition: RuleCondition, index: number): void {
  if (!fieldNames(model).includes(condition.field)) {
    throw new LinksError('invalid_request', `conditions[${index}] tests ${JSON.stringify(condition.field)}, which is not a field of ${model}.`, [
      { path: `conditions.${index}.field`, message: 'not a field of the model' },
    ]);
  }
  const needsValues = condition.operator !== 'present' && condition.operator !== 'absent';
  if (needsValues !== (condition.values !== undefined && condition.values.length > 0)) {
    throw new LinksError('invalid_request', `conditions[${index}]: ${condition.operator} ${needsValues ? 'needs' : 'takes no'} values.`, [
      { path: `conditions.${index}.values`, message: needsValues ? 'required' : 'not allowed' },
    ]);
  }
  if ((condition.operator === 'equals' || condition.operator === 'not_equals') && condition.values!.length !== 1) {
    throw new LinksError('invalid_request', `conditions[${index}]: ${condition.operator} compares with exactly one value.`, [
      { path: `conditions.${index}.values`, message: 'exactly one value' },
    ]);
  }
}

/** A rule must be able to post: its accounts exist, and its receivable keeps the customers' sub-ledger. */
async function checkAccounts(trx: LedgerTransaction, model: PostingModel, definition: RecognitionDefinition): Promise<void> {
  for (const path of ['debit_account', 'credit_account'] as const) {
    const code = definition[path];
    const account = await trx.selectFrom('accounts').select('id').where('code', '=', code).executeTakeFirst();
    if (!account) throw new LinksError('unknown_account', `No account ${JSON.stringify(code)} in this ledger.`, [{ path, message: 'no such account' }]);
  }
  const receivable = receivableOf(model, definition);
  const control = await trx
    .selectFrom('subledgers as s')
    .innerJoin('accounts as a', (join) => join.onRef('a.tenant_id', '=', 's.tenant_id').onRef('a.id', '=', 's.control_account_id'))
    .select('s.code')
    .where('a.code', '=', receivable)
    .executeTakeFirst();
  if (!control) {
    const path = model === 'invoice' ? 'debit_account' : 'credit_account';
    throw new LinksError('subledger_account_required', `Account ${receivable} receives the customer's balance, so it must be a control account: create a sub-ledger on it (POST /api/v1/subledgers).`, [
      { path, message: 'not a control account' },
    ]);
  }
}

/** Does the record meet every condition? Text compares trimmed and case-insensitively. */
export function meetsConditions(fields: Record<string, unknown>, conditions: RuleCondition[]): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? undefined : String(v).trim().toLowerCase());
  return conditions.every((c) => {
    const value = norm(fields[c.field]);
    const values = (c.values ?? []).map((v) => v.trim().toLowerCase());
    switch (c.operator) {
      case 'present':
        return value !== undefined && value !== '';
      case 'absent':
        return value === undefined || value === '';
      case 'equals':
        return value === values[0];
      case 'not_equals':
        return value !== values[0];
      case 'in':
        return value !== undefined && values.includes(value);
      case 'not_in':
        return value === undefined || !values.includes(value);
      default:
        throw new Error(`unknown condition operator ${String(c.operator satisfies never)}`);
    }
  });
}

/** `{{field}}` placeholders filled from the record; `{{record}}` is its source id, else its id. */
export function renderTemplate(template: string, fields: Record<string, unknown>, extras: Record<string, string>): string {
  const text = template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_all, name: string) => {
    const value = extras[name] ?? fields[name];
    return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 1000) || `${extras.event} ${extras.record}`;
}

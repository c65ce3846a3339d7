/**
 * Rules run as a record is written, in the write's transaction: the books hold what the record's
 * current version asks for. What a record should have posted (its recognition rule applied to its
 * fields) is compared with what its entries did post (read back from the journal), and the
 * difference posts as one entry per currency — the recognition itself, an adjustment, or a
 * reversal to zero. Each entry is linked to the record version in `record_postings`, whose key
 * (record, version, currency) makes a version post at most once.
 *
 * Invariant (checked before each posting, which is all or nothing): what the record's entries sum to
 * plus what it posts equals what it asks for.
 * Errors: those of posting (unknown_account, period_closed, …) prefixed with the event; invalid_amount;
 * invalid_request (no currency); subledger_account_required (no customer to carry the receivable).
 */
import { sql } from 'kysely';
import { todayUtc } from '../domain/calendar.js';
import { LinksError } from '../domain/errors.js';
import type { JournalEntry, JournalEntryInput } from '../domain/ledger.js';
import { describeAmountProblem, formatMinor, isSupportedCurrency, parseSignedAmount } from '../domain/money.js';
import type { UnifiedModel } from '../domain/unifiedModels.js';
import { postEntries } from '../ledger/posting.js';
import type { LedgerTransaction, WriteRequest } from '../ledger/scope.js';
import { loadRules, meetsConditions, recognitionRule, renderTemplate, type AccountingRule, type PostingModel, type RuleEvent } from './accountingRules.js';

/** The record as the rules see it. */
export interface PostableRecord {
  id: string;
  model: UnifiedModel;
  version: number;
  fields: Record<string, unknown>;
  is_active: boolean;
  local_was_deleted: boolean;
}

/** Net amounts (debit positive) per currency, then per `account|party`. */
export type Position = Map<string, Map<string, bigint>>;

export interface PlannedPosting {
  event: RuleEvent;
  entries: JournalEntryInput[];
}

const SEPARATOR = '\u0001';

function add(position: Position, currency: string, account: string, party: string | null, amount: bigint): void {
  if (amount === 0n) return;
  const byKey = position.get(currency) ?? new Map<string, bigint>();
  const key = `${account}${SEPARATOR}${party ?? ''}`;
  byKey.set(key, (byKey.get(key) ?? 0n) + amount);
  position.set(currency, byKey);
}

function amountOf(value: unknown, currency: string, path: string): bigint {
  if (value === undefined || value === null) return 0n;
  const parsed = parseSignedAmount(String(value), currency);
  if (typeof parsed !== 'bigint') throw new LinksError('invalid_amount', `${path} ${describeAmountProblem(parsed, currency)}`, [{ path, message: describeAmountProblem(parsed, currency) }]);
  return parsed;
}

/** What the record asks the books to hold under its recognition rule (empty when it does not qualify). */
export function desiredPosition(record: PostableRecord, rule: AccountingRule): Position {
  const position: Position = new Map();
  const { fields } = record;
  if (!rule.enabled || !record.is_active || record.local_was_deleted || !meetsConditions(fields, rule.conditions)) return position;
  const model = rule.model;
  const currency = fields.currency as string | undefined;
  const lines = model === 'invoice' && Array.isArray(fields.lines) ? (fields.lines as Array<Record<string, unknown>>) : [];
  const moneyFields = model === 'invoice' ? ['amount_due', ...lines.map((_l, i) => `lines.${i}.amount`)] : ['amount'];
  const hasAmount = moneyFields.some((path) => valueAt(fields, path) !== undefined && valueAt(fields, path) !== null);
  if (!hasAmount) return position;
  if (currency === undefined || !isSupportedCurrency(currency)) {
    throw new LinksError('invalid_request', `A ${model} that posts needs its currency.`, [{ path: 'currency', message: 'required to post' }]);
  }
  const customer = (fields.unified_customer_id as string | undefined) ?? null;
  const receivable = (amount: bigint) => {
    if (amount !== 0n && customer === null) {
      throw new LinksError('subledger_account_required', `This ${model} posts to the receivable ${rule.receivable_account}, which needs the customer: set unified_customer_id, or source_system_customer_id of a customer already recorded.`, [
        { path: 'unified_customer_id', message: 'required to post' },
      ]);
    }
    return customer;
  };
  if (model === 'invoice') {
    let total = 0n;
    for (const [i, line] of lines.entries()) {
      const amount = amountOf(line.amount, currency, `lines.${i}.amount`);
      total += amount;
      add(position, currency, (line.revenue_account as string | undefined) ?? rule.credit_account, null, -amount);
    }
    if (lines.length === 0) {
      total = amountOf(fields.amount_due, currency, 'amount_due');
      add(position, currency, rule.credit_account, null, -total);
    } else if (fields.amount_due !== undefined && amountOf(fields.amount_due, currency, 'amount_due') !== total) {
      const message = `amount_due (${fields.amount_due as string}) does not equal the sum of lines (${formatMinor(total, currency)})`;
      throw new LinksError('invalid_amount', message, [{ path: 'amount_due', message }]);
    }
    add(position, currency, rule.debit_account, receivable(total), total);
  } else {
    const amount = amountOf(fields.amount, currency, 'amount');
    add(position, currency, rule.debit_account, null, amount);
    add(position, currency, rule.credit_account, receivable(amount), -amount);
  }
  return position;
}

function valueAt(fields: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), fields);
}

/** What the record's entries posted so far, read from the journal itself. */
export async function postedPosition(trx: LedgerTransaction, recordId: string): Promise<Position> {
  return (await postedPositions(trx, [recordId])).get(recordId) ?? new Map();
}

/** The same for many records in one query, by record id. */
export async function postedPositions(trx: LedgerTransaction, recordIds: string[]): Promise<Map<string, Position>> {
  const positions = new Map<string, Position>();
  if (recordIds.length === 0) return positions;
  const { rows } = await sql<{ record_id: string; currency: string; account: string; party: string | null; net: string }>`
    SELECT p.record_id, l.currency, a.code AS account, l.subledger_account AS party, sum(l.debit - l.credit)::text AS net
      FROM record_postings p
      JOIN journal_lines l ON l.tenant_id = p.tenant_id AND l.entry_id = p.entry_id
      JOIN accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
     WHERE p.record_id = ANY(${recordIds}::uuid[])
     GROUP BY 1, 2, 3, 4`.execute(trx);
  for (const row of rows) {
    const position = positions.get(row.record_id) ?? new Map();
    add(position, row.currency, row.account, row.party, BigInt(row.net));
    positions.set(row.record_id, position);
  }
  return positions;
}

function isEmpty(position: Position): boolean {
  return [...position.values()].every((byKey) => [...byKey.values()].every((v) => v === 0n));
}

function samePosition(a: Position, b: Position): boolean {
  const flat = (p: Position) =>
    [...p.entries()]
      .flatMap(([currency, byKey]) => [...byKey.entries()].filter(([, v]) => v !== 0n).map(([key, v]) => `${currency}${SEPARATOR}${key}=${v}`))
      .sort()
      .join('\n');
  return flat(a) === flat(b);
}

/** The entries that take the books from `posted` to `desired`, named by the event they are. */
export function planPosting(record: PostableRecord, rules: Record<RuleEvent, AccountingRule>, desired: Position, posted: Position): PlannedPosting | undefined {
  const model = record.model as PostingModel;
  const recognition = recognitionRule(rules, model);
  const wasPosted = !isEmpty(posted);
  const event: RuleEvent = !wasPosted
    ? recognition.event
    : isEmpty(desired)
      ? (model === 'invoice' ? 'invoice.voided' : 'payment.reversed')
      : (model === 'invoice' ? 'invoice.adjusted' : 'payment.adjusted');
  const rule = rules[event];
  const today = todayUtc();
  const ownDate = String((model === 'invoice' ? record.fields.effective_date : record.fields.source_data_created_at) ?? '').slice(0, 10);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as text; Math.max would make them NaN.
  const date = event === recognition.event ? ownDate || today : ownDate > today ? ownDate : today;
  const extras = { record: String(record.fields.source_id ?? record.id), event, id: record.id, version: String(record.version) };
  const entries: JournalEntryInput[] = [];
  for (const currency of new Set([...desired.keys(), ...posted.keys()])) {
    const delta = new Map<string, bigint>();
    for (const [key, v] of desired.get(currency) ?? []) delta.set(key, (delta.get(key) ?? 0n) + v);
    for (const [key, v] of posted.get(currency) ?? []) delta.set(key, (delta.get(key) ?? 0n) - v);
    const moves = [...delta.entries()].filter(([, v]) => v !== 0n).sort(([ka, a], [kb, b]) => (a > 0n) === (b > 0n) ? ka.localeCompare(kb) : a > 0n ? -1 : 1);
    if (moves.length === 0) continue;
    entries.push({
      date,
      description: renderTemplate(rule.description_template, record.fields, extras),
      currency,
      reference: `${model}:${record.id}`,
      lines: moves.map(([key, v]) => {
        const [account, party] = key.split(SEPARATOR) as [string, string];
        const amount = formatMinor(v > 0n ? v : -v, currency);
        return { account, ...(v > 0n ? { debit: amount } : { credit: amount }), ...(party ? { subledger_account: party } : {}) };
      }),
      metadata: { source_record: { model, id: record.id, version: record.version }, accounting_rule: event },
    });
  }
  return entries.length > 0 ? { event, entries } : undefined;
}

/** What writing this record version would post: the plan, without touching the books. */
export async function planRecordPosting(trx: LedgerTransaction, record: PostableRecord, rules?: Record<RuleEvent, AccountingRule>): Promise<PlannedPosting | undefined> {
  if (record.model !== 'invoice' && record.model !== 'payment') return undefined;
  rules ??= await loadRules(trx);
  const recognition = recognitionRule(rules, record.model);
  if (!recognition.enabled) return undefined;
  return planPosting(record, rules, desiredPosition(record, recognition), await postedPosition(trx, record.id));
}

/**
 * What a stored record version would post, checked to reach what it asks for; undefined when no rule
 * posts it. Throws the rule's error (invalid_request, subledger_account_required, invalid_amount)
 * when the version cannot be accounted for.
 */
export async function planVersionPosting(trx: LedgerTransaction, record: PostableRecord): Promise<PlannedPosting | undefined> {
  if (record.model !== 'invoice' && record.model !== 'payment') return undefined;
  const rules = await loadRules(trx);
  const recognition = recognitionRule(rules, record.model);
  if (!recognition.enabled) return undefined;
  const posted = await postedPosition(trx, record.id);
  const plan = planPosting(record, rules, desiredPosition(record, recognition), posted);
  checkPlanReachesDesired(record, rules, posted, plan);
  return plan;
}

/** Posts the plan's entries through the ledger's one write path, for no stored record (a preview); a refusal names the rule. */
export async function postPlan(trx: LedgerTransaction, tenantId: string, request: Pick<WriteRequest, 'context'>, plan: PlannedPosting): Promise<JournalEntry[]> {
  const [posted] = await postPlans(trx, tenantId, request, [{ plan }]);
  if (posted instanceof LinksError) throw posted;
  return posted!;
}

/**
 * Many records' plans in one call to the ledger, each all or nothing: its entries, or why they were
 * refused. A plan given its stored record version is linked to it (record_postings) by that call,
 * so a version posts at most once.
 */
export async function postPlans(
  trx: LedgerTransaction,
  tenantId: string,
  request: Pick<WriteRequest, 'context'>,
  plans: Array<{ plan: PlannedPosting; record?: Pick<PostableRecord, 'id' | 'version'> }>,
): Promise<Array<JournalEntry[] | LinksError>> {
  if (plans.length === 0) return [];
  const outcomes = await postEntries(
    trx,
    tenantId,
    plans.map(({ plan, record }) => ({
      request: { context: request.context, fingerprint: null },
      entries: plan.entries,
      shape: 'batch' as const,
      ...(record ? { sourceRecord: { id: record.id, version: record.version, event: plan.event } } : {}),
    })),
  );
  return outcomes.map((outcome, i) =>
    outcome instanceof LinksError
      ? new LinksError(
          outcome.code,
          `Accounting rule ${plans[i]!.plan.event}: ${outcome.message.replace(/^entries\[\d+\]: /, '')}`,
          outcome.details.map((d) => ({ path: `accounting_rule.${d.path.replace(/^entries\.\d+\./, '')}`, message: d.message })),
        )
      : (outcome.body.data as { entries: JournalEntry[] }).entries,
  );
}

/**
 * Checks, before posting, that what the record's entries hold plus what the plan posts is what the
 * record asks for (TigerBeetle-style: stated and checked). The posting is all or nothing, so the
 * books then hold exactly that; checking first keeps the posting the write's last statement.
 */
export function checkPlanReachesDesired(record: PostableRecord, rules: Record<RuleEvent, AccountingRule>, posted: Position, plan: PlannedPosting | undefined): void {
  const after: Position = new Map([...posted].map(([currency, byKey]) => [currency, new Map(byKey)]));
  for (const entry of plan?.entries ?? []) {
    for (const line of entry.lines) {
      const amount = amountOf(line.debit ?? line.credit, entry.currency, 'line');
      add(after, entry.currency, line.account, line.subledger_account ?? null, line.debit !== undefined ? amount : -amount);
    }
  }
  const desired = desiredPosition(record, recognitionRule(rules, record.model as PostingModel));
  if (!samePosition(desired, after)) throw new Error(`invariant broken: ${record.model} ${record.id} v${record.version} would not post what it asks for`);
}

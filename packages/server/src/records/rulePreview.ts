/**
 * `POST /accounting-rules/{event}/preview`: the entries a record write would post under the current
 * rules, without posting. The posting really runs — with every check the ledger makes — in a
 * transaction that is always rolled back, so a preview fails exactly where the write would. It lives
 * with the records (which depend on the rules, never the other way) because it simulates a record write.
 * Errors: not_found (event, or record_id), and those of the write itself.
 */
import { v7 as uuidv7 } from 'uuid';
import { LinksError } from '../domain/errors.js';
import type { JournalEntryInput } from '../domain/ledger.js';
import type { LedgerScope, WriteRequest } from '../ledger/scope.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import { EVENT_SPECS, type RuleEvent } from '../rules/accountingRules.js';
import { planRecordPosting, postPlan } from '../rules/recordPosting.js';
import { lockBySource, mergeFields, prepareFields, writableInput } from './recordVersions.js';

export interface RulePreview {
  event: RuleEvent;
  /** Whether writing this record would post under this event. */
  matches: boolean;
  /** The event the write would post under instead, when another one (or null: nothing would post). */
  would_post_as: RuleEvent | null;
  entries: JournalEntryInput[];
}

class RolledBack {
  constructor(readonly preview: RulePreview) {}
}

export async function previewRule(
  scope: LedgerScope,
  request: Pick<WriteRequest, 'context'>,
  event: RuleEvent,
  input: { record: Record<string, unknown>; record_id?: string | undefined },
): Promise<RulePreview> {
  const model = EVENT_SPECS[event].model;
  try {
    await inTenantTransaction(scope.db, scope.tenantId, async (trx) => {
      const sent = writableInput(input.record);
      // The record the write would meet: the one named, or the one with the same source id.
      const existing = input.record_id
        ? await trx.selectFrom('unified_records').selectAll().where('model', '=', model).where('id', '=', input.record_id).executeTakeFirst()
        : typeof sent.source_id === 'string'
          ? await lockBySource(trx, model, typeof sent.source_system === 'string' ? sent.source_system : undefined, sent.source_id)
          : undefined;
      if (input.record_id && !existing) throw new LinksError('not_found', `No ${model} ${JSON.stringify(input.record_id)} in this scope.`, [{ path: 'record_id', message: `no such ${model}` }]);
      const fields = await prepareFields(trx, model, mergeFields(existing?.fields ?? {}, sent));
      const plan = await planRecordPosting(trx, {
        id: existing?.id ?? uuidv7(),
        model,
        version: (existing?.version ?? 0) + 1,
        fields,
        is_active: sent.is_active === undefined ? (existing?.is_active ?? true) : sent.is_active !== false,
        local_was_deleted: false,
      });
      if (!plan || plan.event !== event) throw new RolledBack({ event, matches: false, would_post_as: plan?.event ?? null, entries: [] });
      await postPlan(trx, scope.tenantId, request, plan);
      throw new RolledBack({ event, matches: true, would_post_as: event, entries: plan.entries });
    });
  } catch (outcome) {
    if (outcome instanceof RolledBack) return outcome.preview;
    throw outcome;
  }
  throw new Error('preview transaction committed');
}

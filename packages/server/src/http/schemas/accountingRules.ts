/** Request and response shapes of accounting rules. */
import { z } from 'zod';
import { CONDITION_OPERATORS, RULE_EVENTS } from '../../rules/accountingRules.js';
import { text, timestamp } from './common.js';
import { accountCode } from './ledger.js';

export const ruleEventParam = z.object({ event: z.string().max(64) });

const condition = z
  .strictObject({
    field: z.string().min(1).max(64),
    operator: z.enum(CONDITION_OPERATORS),
    values: z.array(text(255)).min(1).max(50).optional(),
  })
  .meta({ id: 'RuleCondition' });

export const ruleChangeBody = z
  .strictObject({
    enabled: z.boolean().optional(),
    debit_account: accountCode.optional(),
    credit_account: accountCode.optional(),
    conditions: z.array(condition).max(20, 'at most 20 conditions').optional(),
    description_template: text(1000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one of enabled, debit_account, credit_account, conditions, description_template');

export const ruleView = z
  .object({
    event: z.enum(RULE_EVENTS),
    model: z.enum(['invoice', 'payment']),
    kind: z.enum(['recognition', 'adjustment', 'reversal']),
    recognition_event: z.enum(RULE_EVENTS),
    enabled: z.boolean(),
    debit_account: z.string(),
    credit_account: z.string(),
    receivable_account: z.string(),
    conditions: z.array(z.object({ field: z.string(), operator: z.enum(CONDITION_OPERATORS), values: z.array(z.string()).optional() })),
    description_template: z.string(),
    is_default: z.boolean(),
    updated_at: timestamp.nullable(),
  })
  .meta({ id: 'AccountingRule' });

export const previewBody = z.strictObject({
  record: z.record(z.string(), z.unknown()).refine((r) => Object.keys(r).length > 0, 'send the record\'s fields'),
  record_id: z.uuid({ message: 'must be a record id (UUID)' }).optional(),
});

const plannedLine = z.object({
  account: z.string(),
  debit: z.string().optional(),
  credit: z.string().optional(),
  subledger_account: z.string().optional(),
});

export const previewView = z
  .object({
    event: z.enum(RULE_EVENTS),
    matches: z.boolean(),
    would_post_as: z.enum(RULE_EVENTS).nullable(),
    entries: z.array(
      z.object({
        date: z.string(),
        description: z.string(),
        currency: z.string(),
        reference: z.string().optional(),
        lines: z.array(plannedLine),
        metadata: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  })
  .meta({ id: 'RulePreview' });

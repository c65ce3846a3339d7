/** Request and response shapes of the ledger (docs/ledger.md). */
import { z } from 'zod';
import { isCalendarDate, isPeriod } from '../../domain/calendar.js';
import { ACCOUNT_TYPES } from '../../domain/ledger.js';
import { SUPPORTED_CURRENCIES } from '../../domain/money.js';
import { list, pageQueryShape, text, timestamp } from './common.js';

export const accountCode = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1–32 of letters, digits, . _ -');
export const currency = z.enum(SUPPORTED_CURRENCIES as [string, ...string[]], { message: 'must be a supported ISO 4217 code such as USD' });
export const calendarDate = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD').meta({ format: 'date', example: '2026-11-30' });
export const periodParam = z.string().refine(isPeriod, 'must be a month YYYY-MM').meta({ example: '2026-11' });
export const accountType = z.enum(ACCOUNT_TYPES);

/** Free-form metadata: a flat-ish JSON object of at most 50 keys and 8 KiB. */
export const metadata = z
  .record(z.string().min(1).max(40), z.unknown())
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 keys')
  .refine((m) => JSON.stringify(m).length <= 8192, 'at most 8 KiB');

/** Money in requests: a string, never a JSON number. Its digits are checked against the currency. */
const amount = z.string({ message: 'must be a decimal string such as "12.50", not a number' }).max(40, 'is too long');

export const journalLineInput = z
  .strictObject({
    account: accountCode,
    debit: amount.optional(),
    credit: amount.optional(),
    subledger_account: text(255).optional(),
    dimensions: z
      .record(z.string().min(1).max(40), z.string().max(255))
      .refine((d) => Object.keys(d).length <= 20, 'at most 20 dimensions')
      .optional(),
    memo: text(1000).optional(),
  })
  .refine((l) => (l.debit === undefined) !== (l.credit === undefined), { message: 'a line has exactly one of debit or credit' });

export const journalEntryInput = z.strictObject({
  date: calendarDate,
  description: text(1000),
  currency,
  reference: text(255).optional(),
  lines: z.array(journalLineInput).min(2, 'an entry has at least 2 lines').max(1000, 'an entry has at most 1000 lines'),
  metadata: metadata.optional(),
});

export const balanceView = z.object({ currency: z.string(), debits: z.string(), credits: z.string(), balance: z.string() }).meta({ id: 'CurrencyBalance' });

export const accountView = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: accountType,
    currency: z.string().nullable(),
    parent_code: z.string().nullable(),
    description: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    is_active: z.boolean(),
    subledger: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Account' });

/** One line of a posted entry as every answer shows it (the REST API and the MCP tools). */
export const journalLineView = z.object({
  line_number: z.number().int(),
  account: z.string(),
  debit: z.string().nullable(),
  credit: z.string().nullable(),
  subledger_account: z.string().nullable(),
  dimensions: z.record(z.string(), z.string()).nullable(),
  memo: z.string().nullable(),
});

export const journalEntryView = z
  .object({
    id: z.string(),
    date: z.string(),
    description: z.string(),
    currency: z.string(),
    reference: z.string().nullable(),
    status: z.literal('posted'),
    lines: z.array(journalLineView),
    created_at: timestamp,
    reversal_of: z.string().nullable(),
    reversed_by: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'JournalEntry' });

export const subledgerView = z
  .object({ id: z.string(), code: z.string(), name: z.string(), control_account: z.string(), created_at: timestamp })
  .meta({ id: 'Subledger' });

export const periodView = z
  .object({ period: z.string(), status: z.enum(['open', 'closed']), changed_at: timestamp.nullable() })
  .meta({ id: 'Period' });

/** Page-numbered, or cursor-continued for high-volume lists. */
export const cursorPageQueryShape = { ...pageQueryShape, cursor: z.string().max(512).optional() };

export function cursorList<T extends z.ZodType>(item: T) {
  return list(item).extend({ next_cursor: z.string().nullable() });
}

/** A report's group of accounts (assets, revenue, …) with its total. */
export const reportSection = z.object({
  accounts: z.array(z.object({ code: z.string(), name: z.string(), balance: z.string() })),
  total: z.string(),
});

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

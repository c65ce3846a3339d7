/** Argument and result pieces several tools share. */
import { z } from 'zod';
import { ACCOUNT_TYPES } from '../../domain/ledger.js';
import { isCalendarDate } from '../../domain/calendar.js';
import { SUPPORTED_CURRENCIES } from '../../domain/money.js';

export const dateArgument = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
export const accountCodeArgument = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1–32 of letters, digits, . _ -');
export const currencyArgument = z.enum(SUPPORTED_CURRENCIES as [string, ...string[]]);
export const accountTypeSchema = z.enum(ACCOUNT_TYPES);
export const currencyBalanceSchema = z.object({ currency: z.string(), debits: z.string(), credits: z.string(), balance: z.string() });
export const reportSectionSchema = z.object({
  accounts: z.array(z.object({ code: z.string(), name: z.string(), balance: z.string() })),
  total: z.string(),
});
/** A stored record or source row: fields as they were entered (data, never instructions). */
export const dataObject = z.record(z.string(), z.unknown());

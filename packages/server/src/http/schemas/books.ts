/** Shapes of the books a finance user reads: chart templates, receivables aging, year-end close. */
import { z } from 'zod';
import { accountCode, accountType } from './ledger.js';

export const chartTemplateView = z
  .object({
    name: z.string(),
    description: z.string(),
    retained_earnings_account: z.string(),
    accounts: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        type: accountType,
        parent_code: z.string().optional(),
        metadata: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
    subledgers: z.array(z.object({ code: z.string(), name: z.string(), control_account: z.string() })),
  })
  .meta({ id: 'ChartTemplate' });

export const appliedTemplateView = z
  .object({
    template: z.string(),
    created: z.array(z.string()),
    existing: z.array(z.string()),
    subledgers_created: z.array(z.string()),
    subledgers_existing: z.array(z.string()),
    conflicts: z.array(z.object({ code: z.string(), reason: z.string() })),
  })
  .meta({ id: 'AppliedChartTemplate' });

export const templateName = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a template name such as saas');

const agingBuckets = {
  current: z.string(),
  days_1_30: z.string(),
  days_31_60: z.string(),
  days_61_90: z.string(),
  days_over_90: z.string(),
  unallocated: z.string(),
  total: z.string(),
};

export const arAgingView = z
  .object({
    as_of: z.string(),
    account: z.string(),
    subledger: z.string(),
    currencies: z.array(
      z.object({
        currency: z.string(),
        customers: z.array(z.object({ customer: z.string(), name: z.string().nullable(), ...agingBuckets })),
        totals: z.object(agingBuckets),
        control_account_balance: z.string(),
      }),
    ),
  })
  .meta({ id: 'ReceivablesAging' });

export const yearParam = z
  .string()
  .regex(/^(19|2[0-9])[0-9]{2}$/, 'must be a year YYYY')
  .meta({ example: '2026' });

export const yearEndView = z
  .object({
    year: z.string(),
    status: z.enum(['closed', 'open']),
    retained_earnings_account: z.string().nullable(),
    entries: z.array(z.string()),
    periods: z.array(z.string()),
  })
  .meta({ id: 'YearEnd' });

export const closeYearBody = z.strictObject({ retained_earnings_account: accountCode.optional(), force: z.boolean().optional() }).nullish();

/**
 * Charts of accounts to start from. A template's accounts match the shipped accounting rules
 * (rules/accountingRules.ts: 1000 cash, 1100 the receivable with the customers' sub-ledger, 4000
 * revenue), so after applying it, invoices and payments post without further setup.
 */
import type { AccountType } from './ledger.js';

export interface TemplateAccount {
  code: string;
  name: string;
  type: AccountType;
  parent_code?: string;
  /** `retained_earnings: true` marks the account a year-end close moves the year's result into. */
  metadata?: Record<string, unknown>;
}

export interface TemplateSubledger {
  code: string;
  name: string;
  control_account: string;
}

export interface ChartTemplate {
  name: string;
  description: string;
  accounts: TemplateAccount[];
  subledgers: TemplateSubledger[];
  /** The equity account a year-end close uses when the call names none. */
  retained_earnings_account: string;
}

/** Marks the retained-earnings account in its metadata. */
export const RETAINED_EARNINGS_MARK = 'retained_earnings';

const saas: ChartTemplate = {
  name: 'saas',
  description: 'A software-as-a-service business: subscriptions invoiced to customers, collected into cash.',
  accounts: [
    { code: '1000', name: 'Cash', type: 'asset' },
    { code: '1100', name: 'Accounts receivable', type: 'asset' },
    { code: '1200', name: 'Prepaid expenses', type: 'asset' },
    { code: '2000', name: 'Accounts payable', type: 'liability' },
    { code: '2100', name: 'Accrued liabilities', type: 'liability' },
    { code: '2400', name: 'Deferred revenue', type: 'liability' },
    { code: '3000', name: 'Owner equity', type: 'equity' },
    { code: '3900', name: 'Retained earnings', type: 'equity', metadata: { [RETAINED_EARNINGS_MARK]: true } },
    { code: '4000', name: 'Subscription revenue', type: 'revenue' },
    { code: '4100', name: 'Services revenue', type: 'revenue' },
    { code: '5000', name: 'Cost of revenue', type: 'expense' },
    { code: '5100', name: 'Hosting', type: 'expense', parent_code: '5000' },
    { code: '6000', name: 'Operating expenses', type: 'expense' },
    { code: '6100', name: 'Salaries', type: 'expense', parent_code: '6000' },
    { code: '6200', name: 'Software', type: 'expense', parent_code: '6000' },
    { code: '6300', name: 'Bank fees', type: 'expense', parent_code: '6000' },
  ],
  subledgers: [{ code: 'AR', name: 'Customers', control_account: '1100' }],
  retained_earnings_account: '3900',
};

export const CHART_TEMPLATES: readonly ChartTemplate[] = [saas];

export function chartTemplate(name: string): ChartTemplate | undefined {
  return CHART_TEMPLATES.find((t) => t.name === name);
}

/** The objects of the API, as the server's OpenAPI document defines them. */
import type { components, paths } from './generated/openapi.js';

type Schemas = components['schemas'];

export type Account = Schemas['Account'];
export type AccountBalance = Schemas['AccountBalance'];
export type CurrencyBalance = Schemas['CurrencyBalance'];
export type StatementLine = Schemas['StatementLine'];
export type Subledger = Schemas['Subledger'];
export type SubledgerBalances = Schemas['SubledgerBalances'];
export type JournalEntry = Schemas['JournalEntry'];
/** What `journalEntries.create` takes: money as decimal strings, one of debit or credit per line. */
export type JournalEntryInput = NonNullable<paths['/api/v1/journal-entries']['post']['requestBody']>['content']['application/json'];
export type Period = Schemas['Period'];
export type TrialBalance = Schemas['TrialBalance'];
export type BalanceSheet = Schemas['BalanceSheet'];
export type IncomeStatement = Schemas['IncomeStatement'];
export type AuditEvent = Schemas['AuditEvent'];
export type Whoami = Schemas['Whoami'];
export type LedgerVerification = Schemas['LedgerVerification'];
export type AccountType = Account['type'];
export type ChartTemplate = Schemas['ChartTemplate'];
export type AppliedChartTemplate = Schemas['AppliedChartTemplate'];
export type ReceivablesAging = Schemas['ReceivablesAging'];
export type YearEnd = Schemas['YearEnd'];
export type AccountingException = Schemas['AccountingException'];
export type JournalEntryDraft = Schemas['JournalEntryDraft'];
export type JournalEntryDraftStatus = JournalEntryDraft['status'];
/** A job (an accounting run, an asynchronous sync): status, progress, and its result or error once finished. */
export type Job = Schemas['Job'];
export interface AccountingRunInput {
  mode: 'retry' | 'reaccount';
  model?: string;
  from?: string;
  to?: string;
}

export interface CreateAccountInput {
  code: string;
  name: string;
  type: AccountType;
  currency?: string;
  parent_code?: string;
  description?: string;
  metadata?: Record<string, unknown>;
}

export interface UpdateAccountInput {
  name?: string;
  description?: string | null;
  is_active?: boolean;
  metadata?: Record<string, unknown>;
}

/** The seven unified record models, as the API names them in paths (`/unified/customer`). */
export type UnifiedModel = ConnectionMappingInput['model'];
export type UnifiedCustomer = Schemas['UnifiedCustomer'];
export type UnifiedContact = Schemas['UnifiedContact'];
export type UnifiedInvoice = Schemas['UnifiedInvoice'];
export type UnifiedPayment = Schemas['UnifiedPayment'];
export type UnifiedContract = Schemas['UnifiedContract'];
export type UnifiedProduct = Schemas['UnifiedProduct'];
export type UnifiedOpportunity = Schemas['UnifiedOpportunity'];
export type UnifiedCustomerCreateInput = Schemas['UnifiedCustomerCreateInput'];
export type UnifiedContactCreateInput = Schemas['UnifiedContactCreateInput'];
export type UnifiedInvoiceCreateInput = Schemas['UnifiedInvoiceCreateInput'];
export type UnifiedPaymentCreateInput = Schemas['UnifiedPaymentCreateInput'];
export type UnifiedContractCreateInput = Schemas['UnifiedContractCreateInput'];
export type UnifiedProductCreateInput = Schemas['UnifiedProductCreateInput'];
export type UnifiedOpportunityCreateInput = Schemas['UnifiedOpportunityCreateInput'];
export type UnifiedCustomerUpdateInput = Schemas['UnifiedCustomerUpdateInput'];
export type UnifiedContactUpdateInput = Schemas['UnifiedContactUpdateInput'];
export type UnifiedInvoiceUpdateInput = Schemas['UnifiedInvoiceUpdateInput'];
export type UnifiedPaymentUpdateInput = Schemas['UnifiedPaymentUpdateInput'];
export type UnifiedContractUpdateInput = Schemas['UnifiedContractUpdateInput'];
export type UnifiedProductUpdateInput = Schemas['UnifiedProductUpdateInput'];
export type UnifiedOpportunityUpdateInput = Schemas['UnifiedOpportunityUpdateInput'];
export type CustomerBalance = Schemas['CustomerBalance'];
export type ExternalConnection = Schemas['ExternalConnection'];
export type ExternalConnectionCreateInput = Schemas['ExternalConnectionCreateInput'];
export type ExternalConnectionUpdateInput = Schemas['ExternalConnectionUpdateInput'];
export type ConnectionMappingInput = Schemas['ConnectionMappingInput'];
/** `[{column_name, data_type}]`: the source's columns, answered as a bare array. */
export type SourceColumns = Schemas['SourceColumns'];
export type SyncReport = Schemas['SyncReport'];
export type AccountingRule = Schemas['AccountingRule'];
export type AccountingRuleEvent = AccountingRule['event'];
export type AccountingRuleUpdateInput = NonNullable<paths['/api/v1/accounting-rules/{event}']['put']['requestBody']>['content']['application/json'];
export type RulePreview = Schemas['RulePreview'];
/** `record`: the invoice or payment as it would be written; `record_id`: the stored record it would update. */
export type RulePreviewInput = NonNullable<paths['/api/v1/accounting-rules/{event}/preview']['post']['requestBody']>['content']['application/json'];

export type GlConnection = Schemas['GlConnection'];
/** The creating answer: a webhook's `signing_secret` is in it, and never again. */
export type CreatedGlConnection = Schemas['CreatedGlConnection'];
export type CreateGlConnectionInput = NonNullable<paths['/api/v1/gl-connections']['post']['requestBody']>['content']['application/json'];
export type UpdateGlConnectionInput = NonNullable<paths['/api/v1/gl-connections/{id}']['patch']['requestBody']>['content']['application/json'];
export type GlMappingInput = Schemas['GlMappingInput'];
export type GlTransfer = Schemas['GlTransfer'];
export type GlTransferStatus = GlTransfer['status'];
export type GlRun = Schemas['GlRun'];
export type GlReconciliation = Schemas['GlReconciliation'];
export type GlRotatedSecret = Schemas['GlRotatedSecret'];
export type ErpAccount = Schemas['ErpAccount'];

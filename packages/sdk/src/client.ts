/**
 * `new LinksSDK({ apiKey })`: the key's prefix picks the environment, and so the endpoint. A missing
 * or malformed key fails here, at construction, not at the first request.
 */
import { environmentOfKey, type Environment } from './apiKey.js';
import {
  AccountingRulesApi,
  ExternalConnectionApi,
  unifiedApi,
  unifiedContactsApi,
  unifiedCustomersApi,
  type UnifiedContactsApi,
  type UnifiedContractsApi,
  type UnifiedCustomersApi,
  type UnifiedInvoicesApi,
  type UnifiedOpportunitiesApi,
  type UnifiedPaymentsApi,
  type UnifiedProductsApi,
} from './compat.js';
import { LinksCore, type RequestOptions } from './core.js';
import type { EndpointOptions } from './endpoints.js';
import { JournalEntryDrafts } from './journalEntryDrafts.js';
import { GlConnections } from './glConnections.js';
import { Accounting, Accounts, AuditEvents, ChartTemplates, Connections, Jobs, JournalEntries, Periods, Reports, Subledgers } from './resources.js';
import type { LedgerVerification, Whoami } from './types.js';

export interface LinksSDKOptions extends EndpointOptions {
  /** `lk_sandbox_…` or `lk_production_…`, or a promise of one (read from a secret store, say). */
  apiKey: string | Promise<string> | undefined;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries on network errors, 429 and 503; default 3. */
  maxRetries?: number;
  /** A fetch implementation; default the runtime's. */
  fetch?: typeof fetch;
  /**
   * The published Links SDK's axios-style configuration, so its code runs unchanged. `timeout` (ms)
   * is the per-attempt timeout when `timeoutMs` is not given; axios's 0 ("none") keeps the 30 s
   * default, so an attempt never waits forever. `headers` go with every request, but never replace
   * `Authorization`: that is always the key's.
   */
  baseOptions?: { timeout?: number; headers?: Record<string, string> };
}

export class LinksSDK {
  /** Known at construction for a string key; for a promised key, after the first request. */
  readonly environment: Environment | undefined;
  readonly accounts: Accounts;
  readonly subledgers: Subledgers;
  readonly journalEntries: JournalEntries;
  /** Entries proposed for a person to approve. */
  readonly journalEntryDrafts: JournalEntryDrafts;
  readonly periods: Periods;
  readonly reports: Reports;
  readonly chartTemplates: ChartTemplates;
  readonly auditEvents: AuditEvents;
  /** What the accounting pipeline could not account for: `accounting.exceptions()`. */
  readonly accounting: Accounting;
  /** Transfer to the general ledger (an ERP or a signed webhook): docs/gl.md. */
  readonly glConnections: GlConnections;
  /** Background work: `jobs.get()`, `jobs.list()`, `jobs.wait()`. */
  readonly jobs: Jobs;
  /** `connections.startSync(id)`: a sync as a job. */
  readonly connections: Connections;
  /** The Links-compatible groups (axios-style answers: `response.data` is the HTTP body). */
  readonly unifiedCustomersApi: UnifiedCustomersApi;
  readonly unifiedContactsApi: UnifiedContactsApi;
  readonly unifiedInvoicesApi: UnifiedInvoicesApi;
  readonly unifiedPaymentsApi: UnifiedPaymentsApi;
  readonly unifiedContractsApi: UnifiedContractsApi;
  readonly unifiedProductsApi: UnifiedProductsApi;
  readonly unifiedOpportunitiesApi: UnifiedOpportunitiesApi;
  readonly externalConnectionApi: ExternalConnectionApi;
  readonly accountingRulesApi: AccountingRulesApi;
  protected readonly core: LinksCore;

  constructor(options: LinksSDKOptions) {
    if (!options || typeof options !== 'object') throw new TypeError('Links: new LinksSDK({ apiKey }) takes an options object');
    const apiKey = options.apiKey;
    const isPromise = typeof (apiKey as Promise<string> | undefined)?.then === 'function';
    this.environment = isPromise ? undefined : environmentOfKey(apiKey);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('Links: this runtime has no fetch; pass { fetch }');
    this.core = new LinksCore(apiKey as string | Promise<string>, {
      baseUrl: options.baseUrl,
      endpoints: options.endpoints,
      timeoutMs: options.timeoutMs ?? (options.baseOptions?.timeout || 30_000),
      maxRetries: options.maxRetries ?? 3,
      fetch: fetchImpl.bind(globalThis),
      headers: options.baseOptions?.headers,
    });
    this.accounts = new Accounts(this.core);
    this.subledgers = new Subledgers(this.core);
    this.journalEntries = new JournalEntries(this.core);
    this.journalEntryDrafts = new JournalEntryDrafts(this.core);
    this.periods = new Periods(this.core);
    this.reports = new Reports(this.core);
    this.chartTemplates = new ChartTemplates(this.core);
    this.auditEvents = new AuditEvents(this.core);
    this.accounting = new Accounting(this.core);
    this.glConnections = new GlConnections(this.core);
    this.jobs = new Jobs(this.core);
    this.connections = new Connections(this.core);
    this.unifiedCustomersApi = unifiedCustomersApi(this.core);
    this.unifiedContactsApi = unifiedContactsApi(this.core);
    this.unifiedInvoicesApi = unifiedApi(this.core, 'invoice');
    this.unifiedPaymentsApi = unifiedApi(this.core, 'payment');
    this.unifiedContractsApi = unifiedApi(this.core, 'contract');
    this.unifiedProductsApi = unifiedApi(this.core, 'product');
    this.unifiedOpportunitiesApi = unifiedApi(this.core, 'opportunity');
    this.externalConnectionApi = new ExternalConnectionApi(this.core);
    this.accountingRulesApi = new AccountingRulesApi(this.core);
  }

  /** The tenant environment, key and permissions this client acts as. */
  whoami(options?: RequestOptions): Promise<Whoami> {
    return this.core.data({ method: 'GET', path: '/api/v1/whoami', options });
  }

  /**
   * Recomputes the hash chain over every posted entry: `valid`, or where it first breaks. The server
   * verifies at most 50,000 links per request; this follows `next_from` to the end of the chain.
   */
  async verifyLedger(options?: RequestOptions): Promise<LedgerVerification> {
    let result: LedgerVerification = await this.core.data({ method: 'GET', path: '/api/v1/ledger/verify', options });
    while (result.valid && result.next_from !== null) {
      result = await this.core.data({ method: 'GET', path: '/api/v1/ledger/verify', query: { from: result.next_from }, options });
    }
    return result;
  }
}

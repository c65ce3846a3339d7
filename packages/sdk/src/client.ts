/**
 * `new LinksSDK({ apiKey })`: the key's prefix picks the environment, and so the endpoint. A missing
 * or malformed key fails here, at construction, not at the first request.
 */
import { environmentOfKey, type Environment } from './apiKey.js';
import { LinksCore, type RequestOptions } from './core.js';
import type { EndpointOptions } from './endpoints.js';
import { Accounts, AuditEvents, JournalEntries, Periods, Reports, Subledgers } from './resources.js';
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
}

export class LinksSDK {
  /** Known at construction for a string key; for a promised key, after the first request. */
  readonly environment: Environment | undefined;
  readonly accounts: Accounts;
  readonly subledgers: Subledgers;
  readonly journalEntries: JournalEntries;
  readonly periods: Periods;
  readonly reports: Reports;
  readonly auditEvents: AuditEvents;
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
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 3,
      fetch: fetchImpl.bind(globalThis),
    });
    this.accounts = new Accounts(this.core);
    this.subledgers = new Subledgers(this.core);
    this.journalEntries = new JournalEntries(this.core);
    this.periods = new Periods(this.core);
    this.reports = new Reports(this.core);
    this.auditEvents = new AuditEvents(this.core);
  }

  /** The tenant environment, key and permissions this client acts as. */
  whoami(options?: RequestOptions): Promise<Whoami> {
    return this.core.data({ method: 'GET', path: '/api/v1/whoami', options });
  }

  /** Recomputes the hash chain over every posted entry: `valid`, or where it first breaks. */
  verifyLedger(options?: RequestOptions): Promise<LedgerVerification> {
    return this.core.data({ method: 'GET', path: '/api/v1/ledger/verify', options });
  }
}

/** The data plane, one group per resource, mirroring `/api/v1`. */
import type { LinksCore, RequestOptions } from './core.js';
import { type CursorPage, PageResult, type Page, type PageParams } from './pagination.js';
import type {
  Account,
  AccountingException,
  AccountingRunInput,
  AccountBalance,
  AccountType,
  AppliedChartTemplate,
  AuditEvent,
  BalanceSheet,
  ChartTemplate,
  CreateAccountInput,
  IncomeStatement,
  Job,
  JournalEntry,
  JournalEntryInput,
  Period,
  ReceivablesAging,
  StatementLine,
  Subledger,
  SubledgerBalances,
  TrialBalance,
  UpdateAccountInput,
  YearEnd,
} from './types.js';

type Query = Record<string, string | number | boolean | undefined>;

function list<T, P extends Page<T> | CursorPage<T> = Page<T>>(
  core: LinksCore,
  path: Parameters<LinksCore['call']>[0]['path'],
  params: PageParams,
  options: RequestOptions | undefined,
  pathParams?: Record<string, string>,
) {
  return new PageResult<T, P>((p) => core.call<P>({ method: 'GET', path, pathParams, query: { ...(params as Query), ...(p as Query) }, options }), params);
}

export class Accounts {
  constructor(private readonly core: LinksCore) {}
  create(input: CreateAccountInput, options?: RequestOptions): Promise<Account> {
    return this.core.data({ method: 'POST', path: '/api/v1/accounts', body: input, creates: true, options });
  }
  list(params: PageParams & { type?: AccountType; is_active?: boolean } = {}, options?: RequestOptions): PageResult<Account> {
    return list(this.core, '/api/v1/accounts', params, options);
  }
  get(code: string, options?: RequestOptions): Promise<Account> {
    return this.core.data({ method: 'GET', path: '/api/v1/accounts/{code}', pathParams: { code }, options });
  }
  update(code: string, changes: UpdateAccountInput, options?: RequestOptions): Promise<Account> {
    return this.core.data({ method: 'PATCH', path: '/api/v1/accounts/{code}', pathParams: { code }, body: changes, options });
  }
  balance(code: string, params: { as_of?: string; currency?: string; include_children?: boolean } = {}, options?: RequestOptions): Promise<AccountBalance> {
    return this.core.data({ method: 'GET', path: '/api/v1/accounts/{code}/balance', pathParams: { code }, query: params, options });
  }
  /** The account statement, with the running balance after each line. */
  lines(code: string, params: PageParams & { from?: string; to?: string; currency?: string } = {}, options?: RequestOptions): PageResult<StatementLine> {
    return list(this.core, '/api/v1/accounts/{code}/lines', params, options, { code });
  }
}

export class Subledgers {
  constructor(private readonly core: LinksCore) {}
  create(input: { code: string; name: string; control_account: string }, options?: RequestOptions): Promise<Subledger> {
    return this.core.data({ method: 'POST', path: '/api/v1/subledgers', body: input, creates: true, options });
  }
  list(params: PageParams = {}, options?: RequestOptions): PageResult<Subledger> {
    return list(this.core, '/api/v1/subledgers', params, options);
  }
  get(code: string, options?: RequestOptions): Promise<Subledger> {
    return this.core.data({ method: 'GET', path: '/api/v1/subledgers/{code}', pathParams: { code }, options });
  }
  /** Per-party balances (iterable across pages); `totals` equal the control account's balance. */
  balances(code: string, params: PageParams & { as_of?: string } = {}, options?: RequestOptions): PageResult<SubledgerBalances['data'][number], SubledgerBalances> {
    return list(this.core, '/api/v1/subledgers/{code}/balances', params, options, { code });
  }
}

export class JournalEntries {
  constructor(private readonly core: LinksCore) {}
  create(entry: JournalEntryInput, options?: RequestOptions): Promise<JournalEntry> {
    return this.core.data({ method: 'POST', path: '/api/v1/journal-entries', body: entry, creates: true, options });
  }
  get(id: string, options?: RequestOptions): Promise<JournalEntry> {
    return this.core.data({ method: 'GET', path: '/api/v1/journal-entries/{id}', pathParams: { id }, options });
  }
  list(params: PageParams & { account?: string; from?: string; to?: string; reference?: string } = {}, options?: RequestOptions): PageResult<JournalEntry> {
    return list(this.core, '/api/v1/journal-entries', params, options);
  }
  reverse(id: string, input: { date?: string; description?: string } = {}, options?: RequestOptions): Promise<JournalEntry> {
    return this.core.data({ method: 'POST', path: '/api/v1/journal-entries/{id}/reverse', pathParams: { id }, body: input, creates: true, options });
  }
  /** Up to 1000 entries, posted all together or not at all. */
  async batch(entries: JournalEntryInput[], options?: RequestOptions): Promise<JournalEntry[]> {
    const posted = await this.core.data<{ entries: JournalEntry[] }>({ method: 'POST', path: '/api/v1/journal-entries/batch', body: { entries }, creates: true, options });
    return posted.entries;
  }
}

export class Periods {
  constructor(private readonly core: LinksCore) {}
  list(params: PageParams = {}, options?: RequestOptions): PageResult<Period> {
    return list(this.core, '/api/v1/periods', params, options);
  }
  /** A month that has not ended is refused (period_not_ended) unless `force: true`. */
  close(period: string, input: { force?: boolean } = {}, options?: RequestOptions): Promise<Period> {
    return this.core.data({ method: 'POST', path: '/api/v1/periods/{period}/close', pathParams: { period }, body: input, options });
  }
  reopen(period: string, options?: RequestOptions): Promise<Period> {
    return this.core.data({ method: 'POST', path: '/api/v1/periods/{period}/reopen', pathParams: { period }, options });
  }
  /** Moves the year's revenue and expenses to retained earnings and closes its twelve months. */
  closeYear(year: string, input: { retained_earnings_account?: string; force?: boolean } = {}, options?: RequestOptions): Promise<YearEnd> {
    return this.core.data({ method: 'POST', path: '/api/v1/periods/{year}/close-year', pathParams: { year }, body: input, creates: true, options });
  }
  /** Reopens the year's months and reverses its closing entries. */
  reopenYear(year: string, options?: RequestOptions): Promise<YearEnd> {
    return this.core.data({ method: 'POST', path: '/api/v1/periods/{year}/reopen-year', pathParams: { year }, creates: true, options });
  }
}

export class ChartTemplates {
  constructor(private readonly core: LinksCore) {}
  list(params: PageParams = {}, options?: RequestOptions): PageResult<ChartTemplate> {
    return list(this.core, '/api/v1/chart-templates', params, options);
  }
  /** Adds the template's missing accounts and sub-ledgers; conflicts are reported, never overwritten. */
  apply(name: string, options?: RequestOptions): Promise<AppliedChartTemplate> {
    return this.core.data({ method: 'POST', path: '/api/v1/chart-templates/{name}/apply', pathParams: { name }, creates: true, options });
  }
}

export class Reports {
  constructor(private readonly core: LinksCore) {}
  trialBalance(params: { as_of?: string; currency?: string } = {}, options?: RequestOptions): Promise<TrialBalance> {
    return this.core.data({ method: 'GET', path: '/api/v1/reports/trial-balance', query: params, options });
  }
  balanceSheet(params: { as_of?: string; currency?: string } = {}, options?: RequestOptions): Promise<BalanceSheet> {
    return this.core.data({ method: 'GET', path: '/api/v1/reports/balance-sheet', query: params, options });
  }
  incomeStatement(params: { from?: string; to?: string; currency?: string } = {}, options?: RequestOptions): Promise<IncomeStatement> {
    return this.core.data({ method: 'GET', path: '/api/v1/reports/income-statement', query: params, options });
  }
  /** Receivables per customer by days past due; each currency's total equals the control account. */
  arAging(params: { asOf?: string; account?: string } = {}, options?: RequestOptions): Promise<ReceivablesAging> {
    return this.core.data({ method: 'GET', path: '/api/v1/reports/ar-aging', query: { as_of: params.asOf, account: params.account }, options });
  }
}

/** The accounting pipeline: what Links could not account for, and why. */
export class Accounting {
  constructor(private readonly core: LinksCore) {}
  /**
   * Records whose latest version could not be accounted for (an account missing, a closed period, …),
   * newest first, paged by cursor; iterate it to walk them all. Filters: `model`, `code` (an error code).
   */
  exceptions(params: { model?: string; code?: string; limit?: number; cursor?: string } = {}, options?: RequestOptions): PageResult<AccountingException, CursorPage<AccountingException>> {
    return list<AccountingException, CursorPage<AccountingException>>(this.core, '/api/v1/accounting/exceptions', params, options);
  }
  /**
   * Starts an accounting run as a job: `retry` accounts for the records in error; `reaccount` posts
   * what the current rules ask beyond what each invoice and payment posted. Follow it with `jobs.wait()`.
   */
  run(input: AccountingRunInput, options?: RequestOptions): Promise<Job> {
    return this.core.data({ method: 'POST', path: '/api/v1/accounting/runs', body: input, creates: true, options });
  }
}

/** Work the server runs in the background: accounting runs and asynchronous syncs. */
export class Jobs {
  constructor(private readonly core: LinksCore) {}
  get(id: string, options?: RequestOptions): Promise<Job> {
    return this.core.data({ method: 'GET', path: '/api/v1/jobs/{id}', pathParams: { id }, options });
  }
  /** Newest first, paged by cursor; iterate it to walk them all. */
  list(params: { kind?: string; status?: string; limit?: number; cursor?: string } = {}, options?: RequestOptions): PageResult<Job, CursorPage<Job>> {
    return list<Job, CursorPage<Job>>(this.core, '/api/v1/jobs', params, options);
  }
  /**
   * Polls the job until it succeeded or failed (resolves with it either way); rejects after
   * `timeoutMs` (default 10 minutes). `onProgress` sees each poll.
   */
  async wait(id: string, opts: { timeoutMs?: number; intervalMs?: number; onProgress?: (job: Job) => void } = {}, options?: RequestOptions): Promise<Job> {
    const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
    for (;;) {
      const job = await this.get(id, options);
      opts.onProgress?.(job);
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      if (Date.now() >= deadline) throw new Error(`job ${id} is still ${job.status} after ${opts.timeoutMs ?? 600_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 500));
    }
  }
}

/** External connections' syncs as jobs. */
export class Connections {
  constructor(private readonly core: LinksCore) {}
  /** Starts a sync as a job (`Prefer: respond-async`); its result is the sync's report. */
  startSync(id: string, options?: RequestOptions): Promise<Job> {
    return this.core.data({ method: 'POST', path: '/api/v1/external-connections/{id}/sync', pathParams: { id }, headers: { Prefer: 'respond-async' }, creates: true, options });
  }
}

export class AuditEvents {
  constructor(private readonly core: LinksCore) {}
  list(params: PageParams = {}, options?: RequestOptions): PageResult<AuditEvent> {
    return list(this.core, '/api/v1/audit-events', params, options);
  }
}

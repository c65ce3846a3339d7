/**
 * The Xero stand-in's state machine, free of HTTP: one `handle(request)` per call, driven by an
 * injected clock, so a test can run it over a socket (`xeroHttp.ts`) or in-process with simulated
 * time and injected faults. Order of checks as Xero documents it: authentication, organisation,
 * rate limits (before idempotency), the Idempotency-Key replay, then the operation.
 * Limits per organisation: 5 in flight, 60 per minute, 5,000 per day; every answer carries
 * X-DayLimit-Remaining / X-MinLimit-Remaining / X-AppMinLimit-Remaining.
 */
import { createHash, randomUUID } from 'node:crypto';
import { dayMs, json, msDate, NOT_FOUND, parseWhere, problem, queryParseException, text, validationException, type WhereFieldKind, type XeroResponse } from './xeroFormats.js';
import { XeroIdentity } from './xeroIdentity.js';
import { XeroOrganisation } from './xeroLedger.js';

export const LIMITS = { concurrent: 5, perMinute: 60, perDay: 5000 } as const;
/** The elements a `where` may name (xero_accounting.yaml: the Account and ManualJournal schemas). */
const ACCOUNT_FIELDS: Record<string, WhereFieldKind> = { AccountID: 'guid', Code: 'string', Name: 'string', Type: 'string', Status: 'string', Class: 'string', SystemAccount: 'string' };
const JOURNAL_FIELDS: Record<string, WhereFieldKind> = { ManualJournalID: 'guid', Narration: 'string', Status: 'string', Date: 'date', LineAmountTypes: 'string' };
export const API_PREFIX = '/api.xro/2.0';

export interface XeroRequest {
  method: string;
  /** Path from the stand-in's root: `/connect/token`, `/connections`, `/api.xro/2.0/ManualJournals`… */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  body: string;
}

/** What goes wrong with one request (decided by the test before the request is handled). */
export type XeroFault =
  | { kind: 'drop_before' }
  /** Xero stores the journal, then the connection drops: the caller gets no answer. */
  | { kind: 'drop_after' }
  | { kind: 'error_500'; afterStore: boolean }
  | { kind: 'rate_429'; problem: 'minute' | 'day' | 'appminute' | 'concurrent'; retryAfterSeconds: number }
  | { kind: 'expire_token' }
  | { kind: 'delay'; ms: number };

export interface ModelClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** null: the connection dropped without an answer. */
export type Handled = XeroResponse | null;

interface CachedAnswer {
  fingerprint: string;
  response: XeroResponse;
  at: number;
}

export interface OrganisationStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  /** Most requests admitted within any 60-second window. */
  maxPerMinute: number;
  /** 429s the limits themselves gave (a client that shapes its traffic never sees one). */
  limited: { concurrent: number; minute: number; day: number };
  admitted: number[];
}

export class XeroModel {
  readonly identity: XeroIdentity;
  readonly organisations = new Map<string, XeroOrganisation>();
  readonly stats = new Map<string, OrganisationStats>();
  /** Every request handled, for tests that assert what was sent. */
  readonly log: Array<{ at: number; method: string; path: string; status: number | null; idempotencyKey?: string | undefined }> = [];
  idempotencyTtlMs = 6 * 60_000;
  /** The fault for a request, if any: tests set it. */
  faults: (request: XeroRequest) => XeroFault | undefined = () => undefined;
  /** Tests set it to play a Xero that refuses `Narration.Contains` (no page documents it for ManualJournals). */
  refuseContainsFilter = false;
  private readonly replay = new Map<string, CachedAnswer>();

  constructor(readonly clock: ModelClock) {
    this.identity = new XeroIdentity(clock, (tenantId) => this.organisations.get(tenantId)?.name);
  }

  addOrganisation(name: string, baseCurrency = 'USD', tenantId: string = randomUUID()): XeroOrganisation {
    const org = new XeroOrganisation(tenantId, name, baseCurrency);
    this.organisations.set(tenantId, org);
    this.stats.set(tenantId, { requests: 0, inFlight: 0, maxInFlight: 0, maxPerMinute: 0, limited: { concurrent: 0, minute: 0, day: 0 }, admitted: [] });
    return org;
  }

  async handle(request: XeroRequest): Promise<Handled> {
    const fault = this.faults(request);
    if (fault?.kind === 'drop_before') return this.logged(request, null);
    if (fault?.kind === 'expire_token') this.identity.expireAccessTokens();
    if (fault?.kind === 'delay') await this.clock.sleep(fault.ms);
    const path = request.path;
    if (path === '/connect/token' && request.method === 'POST') {
      return this.logged(request, this.identity.token(request.headers.authorization, new URLSearchParams(request.body)));
    }
    if (path === '/identity/connect/authorize' && request.method === 'GET') return this.logged(request, this.identity.authorize(request.query));
    if (path === '/connections' && request.method === 'GET') return this.logged(request, this.identity.connections(request.headers.authorization));
    if (!path.startsWith(`${API_PREFIX}/`)) return this.logged(request, NOT_FOUND);
    return this.logged(request, await this.api(request, path.slice(API_PREFIX.length), fault));
  }

  private async api(request: XeroRequest, path: string, fault: XeroFault | undefined): Promise<Handled> {
    const auth = this.identity.authenticate(request.headers.authorization);
    if ('problem' in auth) return problem(401, auth.problem, randomUUID());
    const tenantId = request.headers['xero-tenant-id'];
    const org = tenantId ? this.organisations.get(tenantId) : undefined;
    if (!org || !tenantId || !auth.tenantIds.includes(tenantId)) return problem(403, 'AuthenticationUnsuccessful', randomUUID());
    const stats = this.stats.get(tenantId) as OrganisationStats;
    if (fault?.kind === 'rate_429') return this.limited(stats, fault.problem, fault.retryAfterSeconds, false);
    const refusal = this.admit(stats);
    if (refusal) return refusal;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      // The answer takes a moment: concurrency is visible to the limits.
      await this.clock.sleep(0);
      if (fault?.kind === 'error_500' && !fault.afterStore) return this.serverError();
      // xero_accounting.yaml, Idempotency-Key: "128 character max." (the refusal's text is [inferred]).
      const key = request.headers['idempotency-key'];
      if (key !== undefined && key.length > 128) return validationException([{ ValidationErrors: [{ Message: 'Idempotency-Key must be 128 characters or fewer' }] }]);
      let answer = this.replayed(request, tenantId) ?? this.operate(request, path, org);
      answer = { ...answer, headers: { ...answer.headers, ...this.remaining(stats) } };
      this.remember(request, tenantId, answer);
      if (fault?.kind === 'error_500') return this.serverError();
      if (fault?.kind === 'drop_after') return null;
      return answer;
    } finally {
      stats.inFlight--;
    }
  }

  private admit(stats: OrganisationStats): XeroResponse | null {
    const now = this.clock.now();
    while (stats.admitted.length > 0 && (stats.admitted[0] as number) <= now - 86_400_000) stats.admitted.shift();
    if (stats.inFlight >= LIMITS.concurrent) return this.limited(stats, 'concurrent', 1, true);
    const lastMinute = stats.admitted.filter((t) => t > now - 60_000);
    if (lastMinute.length >= LIMITS.perMinute) {
      return this.limited(stats, 'minute', Math.max(1, Math.ceil(((lastMinute[0] as number) + 60_000 - now) / 1000)), true);
    }
    if (stats.admitted.length >= LIMITS.perDay) {
      return this.limited(stats, 'day', Math.max(1, Math.ceil(((stats.admitted[0] as number) + 86_400_000 - now) / 1000)), true);
    }
    stats.admitted.push(now);
    stats.requests++;
    stats.maxPerMinute = Math.max(stats.maxPerMinute, lastMinute.length + 1);
    return null;
  }

  /**
   * 429 (developer.xero.com FAQ "What are the Xero API rate limits?": "If you exceed either rate limit
   * you will receive an HTTP 429"; X-Rate-Limit-Problem names the limit, `minute` and `day` as seen
   * from the live API in XeroAPI/xero-python#74, `appminute` [secondary]; the concurrent limit's
   * spelling was not found, `concurrent` is [inferred]). Retry-After (seconds) comes with the minute
   * and day limits [secondary: the limits page as quoted by integrators], not with the concurrent one.
   * The body is empty: no 429 body was found in public material.
   */
  private limited(stats: OrganisationStats, which: 'minute' | 'day' | 'appminute' | 'concurrent', retryAfter: number, counted: boolean): XeroResponse {
    if (counted && which !== 'appminute') stats.limited[which]++;
    const retry: Record<string, string> = which === 'concurrent' ? {} : { 'retry-after': String(retryAfter) };
    return text(429, '', { ...retry, 'x-rate-limit-problem': which, ...this.remaining(stats) });
  }

  private remaining(stats: OrganisationStats): Record<string, string> {
    const now = this.clock.now();
    return {
      'x-daylimit-remaining': String(Math.max(0, LIMITS.perDay - stats.admitted.length)),
      'x-minlimit-remaining': String(Math.max(0, LIMITS.perMinute - stats.admitted.filter((t) => t > now - 60_000).length)),
      'x-appminlimit-remaining': '9999',
    };
  }

  private serverError(): XeroResponse {
    return text(500, 'An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.');
  }

  private replayKey(request: XeroRequest, tenantId: string): { key: string; fingerprint: string } | null {
    const key = request.headers['idempotency-key'];
    if (!key || (request.method !== 'PUT' && request.method !== 'POST')) return null;
    const fingerprint = createHash('sha256').update(`${request.method} ${request.path}?${request.query} ${request.body}`).digest('hex');
    return { key: `${tenantId}|${key}`, fingerprint };
  }

  private replayed(request: XeroRequest, tenantId: string): XeroResponse | null {
    const id = this.replayKey(request, tenantId);
    const cached = id ? this.replay.get(id.key) : undefined;
    if (!id || !cached || cached.at <= this.clock.now() - this.idempotencyTtlMs) return null;
    // A reused key with another request is a 400 saying the key "is used with a different request"
    // [secondary: Xero's idempotency guide as quoted by integrators; the envelope is inferred].
    if (cached.fingerprint !== id.fingerprint) return validationException([{ ValidationErrors: [{ Message: `Idempotency-Key ${request.headers['idempotency-key']} is used with a different request` }] }]);
    return cached.response;
  }

  private remember(request: XeroRequest, tenantId: string, response: XeroResponse): void {
    const id = this.replayKey(request, tenantId);
    if (id && response.status < 500 && !this.replay.has(id.key)) this.replay.set(id.key, { fingerprint: id.fingerprint, response, at: this.clock.now() });
    for (const [key, cached] of this.replay) if (cached.at <= this.clock.now() - this.idempotencyTtlMs) this.replay.delete(key);
  }

  private envelope(extra: Record<string, unknown>): Record<string, unknown> {
    return { Id: randomUUID(), Status: 'OK', ProviderName: 'Links stand-in', DateTimeUTC: msDate(this.clock.now(), false), ...extra };
  }

  private operate(request: XeroRequest, path: string, org: XeroOrganisation): XeroResponse {
    const { method } = request;
    if (path === '/Organisation' && method === 'GET') {
      // xero_accounting.yaml's Organisation example: lock dates are MS-JSON dates; the financial year end as day and month numbers.
      const lockDates = {
        ...(org.periodLockDate ? { PeriodLockDate: msDate(dayMs(org.periodLockDate)) } : {}),
        ...(org.endOfYearLockDate ? { EndOfYearLockDate: msDate(dayMs(org.endOfYearLockDate)) } : {}),
      };
      const organisation = { OrganisationID: org.tenantId, Name: org.name, BaseCurrency: org.baseCurrency, OrganisationStatus: 'ACTIVE', FinancialYearEndDay: org.financialYearEnd.day, FinancialYearEndMonth: org.financialYearEnd.month, ...lockDates };
      return json(200, this.envelope({ Organisations: [organisation] }));
    }
    if (path === '/Accounts' && method === 'GET') {
      const where = request.query.get('where');
      const test = where ? parseWhere(where, ACCOUNT_FIELDS, 'Account') : () => true;
      if (typeof test === 'string') return queryParseException(test);
      return json(200, this.envelope({ Accounts: org.accounts.filter((a) => test(a as unknown as Record<string, unknown>)) }));
    }
    if (path === '/Reports/TrialBalance' && method === 'GET') {
      const date = request.query.get('date') ?? new Date(this.clock.now()).toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return validationException([{ ValidationErrors: [{ Message: 'date is not a valid date' }] }]);
      return json(200, this.envelope(org.trialBalance(date, this.clock.now())));
    }
    if (path === '/ManualJournals' && (method === 'PUT' || method === 'POST')) return this.createJournals(request, org);
    if (path === '/ManualJournals' && method === 'GET') return this.listJournals(request, org);
    const one = /^\/ManualJournals\/([0-9a-f-]{36})$/.exec(path);
    if (one && method === 'GET') {
      const journal = org.journals.find((j) => j.ManualJournalID === one[1]);
      return journal ? json(200, this.envelope({ ManualJournals: [XeroOrganisation.view(journal)] })) : NOT_FOUND;
    }
    return NOT_FOUND;
  }

  private createJournals(request: XeroRequest, org: XeroOrganisation): XeroResponse {
    let body: { ManualJournals?: unknown };
    try {
      body = JSON.parse(request.body) as { ManualJournals?: unknown };
    } catch {
      return validationException([{ ValidationErrors: [{ Message: 'The request body could not be read as JSON' }] }]);
    }
    const inputs = Array.isArray(body.ManualJournals) ? (body.ManualJournals as Array<Record<string, unknown>>) : [];
    if (inputs.length === 0 || (request.method === 'POST' && inputs.length > 1)) {
      return validationException([{ ValidationErrors: [{ Message: 'ManualJournals must hold one journal (POST) or more (PUT)' }] }]);
    }
    const checked = inputs.map((input) => ({ input, errors: org.check(input), warnings: org.warnings(input).map((Message) => ({ Message })) }));
    // summarizeErrors (xero_accounting.yaml): "If false return 200 OK and mix of successfully created
    // objects and any with validation errors"; true: one 400 ValidationException, Elements echoing each journal.
    const summarize = request.query.get('summarizeErrors') === 'true';
    if (summarize && checked.some((c) => c.errors.length > 0)) {
      return validationException(checked.map((c) => ({ ...c.input, ...(c.warnings.length > 0 ? { Warnings: c.warnings } : {}), ValidationErrors: c.errors.map((Message) => ({ Message })) })));
    }
    const now = this.clock.now();
    const answers = checked.map(({ input, errors, warnings }) => ({
      ...(errors.length > 0 ? { ...input, StatusAttributeString: 'ERROR', ValidationErrors: errors.map((Message) => ({ Message })) } : { ...XeroOrganisation.view(org.store(input, now)), StatusAttributeString: warnings.length > 0 ? 'WARNING' : 'OK' }),
      ...(warnings.length > 0 ? { Warnings: warnings } : {}),
    }));
    return json(200, this.envelope({ ManualJournals: answers }));
  }

  /**
   * GET /ManualJournals (xero_accounting.yaml): `where`, the `If-Modified-Since` header ("Only records
   * created or modified since this timestamp will be returned"), `page` ("Up to 100 manual journals
   * will be returned in a single API call") with `pageSize` (1 to 1000 [secondary]) and the
   * `pagination` object of the ManualJournals schema; without `page`, every match.
   */
  private listJournals(request: XeroRequest, org: XeroOrganisation): XeroResponse {
    const where = request.query.get('where');
    const test = where ? parseWhere(where, JOURNAL_FIELDS, 'ManualJournal') : () => true;
    if (typeof test === 'string') return queryParseException(test);
    if (this.refuseContainsFilter && where?.includes('.Contains(')) return queryParseException('Contains is not supported on ManualJournal');
    const since = request.headers['if-modified-since'];
    const sinceMs = since ? Date.parse(since.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(since) ? since : `${since}Z`) : Number.NEGATIVE_INFINITY;
    const matching = org.journals
      .filter((j) => j.updatedAt >= sinceMs && test({ Narration: j.Narration, Status: j.Status, Date: j.Date, ManualJournalID: j.ManualJournalID, LineAmountTypes: 'NoTax' }))
      .sort((a, b) => a.updatedAt - b.updatedAt);
    const pageParam = request.query.get('page');
    if (pageParam === null) return json(200, this.envelope({ ManualJournals: matching.map((j) => XeroOrganisation.view(j)) }));
    const page = Math.max(1, Number(pageParam) || 1);
    const pageSize = Math.min(1000, Math.max(1, Number(request.query.get('pageSize') ?? 100) || 100));
    const slice = matching.slice((page - 1) * pageSize, page * pageSize);
    return json(
      200,
      this.envelope({
        pagination: { page, pageSize, pageCount: Math.ceil(matching.length / pageSize), itemCount: matching.length },
        ManualJournals: slice.map((j) => XeroOrganisation.view(j)),
      }),
    );
  }

  private logged(request: XeroRequest, response: Handled): Handled {
    this.log.push({ at: this.clock.now(), method: request.method, path: request.path, status: response?.status ?? null, idempotencyKey: request.headers['idempotency-key'] });
    return response;
  }
}

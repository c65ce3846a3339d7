/**
 * The Xero provider: a transfer becomes one POSTED manual journal (`PUT /ManualJournals`), its
 * Narration carrying the read-back marker `links:<transferId>`. Xero's answers, as outcomes:
 * - 200 with the journal's ManualJournalID → confirmed;
 * - 400 ValidationException (unbalanced, unknown, archived or bank account, lock date…) → refused, with
 *   Xero's own messages; a currency other than the organisation's base currency → refused before sending
 *   (Xero manual journals have no currency: they are in the base currency);
 * - 429 → retry_later after Retry-After (the concurrent limit sends none: a second); limits reached in
 *   Links' own shaper → retry_later, not sent;
 * - no answer (reset, timeout) or 5xx once sent → uncertain: Xero may hold it, read back first;
 * - the token refused, or 403 (the organisation disconnected) → needs_authorization; a 401 even
 *   after a renewed token → retry_later (Xero did not process it).
 * Never call it inside a database transaction: a token refresh takes the connection's token row lock.
 */
import type { Kysely } from 'kysely';
import type { XeroEndpoints } from '../../config/config.js';
import { type FinancialYearEnd, financialYearStart, isFinancialYearEnd } from '../../domain/financialYear.js';
import {
  type ErpAccount,
  ErpCallError,
  type ErpConnector,
  type ErpTrialBalance,
  type GlErpError,
  type GlJournal,
  type GlSendAttempt,
  type GlSendOutcome,
} from '../../domain/glTransfer.js';
import { formatMinor, minorDigits } from '../../domain/money.js';
import type { EnvironmentDatabase } from '../../storage/environmentSchema.js';
import { type XeroAnswer, XeroApiClient, type XeroCall } from './xeroApiClient.js';
import { type GlClock, processXeroShapers, systemClock, type XeroShapers } from './xeroRateShaper.js';
import { XeroAuthError, type XeroCredentials } from './xeroTokenSource.js';
import { type ChartAccount, parseTrialBalance, validationMessages, xeroTrialBalance } from './xeroAnswers.js';

interface XeroOrganisationFacts {
  baseCurrency: string;
  yearEnd?: FinancialYearEnd;
}

export interface XeroConnectorOptions {
  db: Kysely<EnvironmentDatabase>;
  tenantId: string;
  /** The GL connection's id (its token row and sealing binding). */
  connectionId: string;
  credentials: XeroCredentials;
  secretsKey: Buffer;
  endpoints: XeroEndpoints;
  fetch?: typeof fetch;
  clock?: GlClock;
  shapers?: XeroShapers;
  requestTimeoutMs?: number;
  maxWaitMs?: number;
}

/** Read-back pages: Xero's default page size (xero_accounting.yaml: "Up to 100 manual journals"), at most 50 pages. */
const READ_BACK_PAGE_SIZE = 100;
const READ_BACK_MAX_PAGES = 50;

/** Xero drops a refresh token unused for 60 days: an idle connection renews after a week. */
const TOKEN_KEEP_ALIVE_MS = 7 * 24 * 3_600_000;

/** The marker findSent looks for; unique per transfer. */
export function transferMarker(transferId: string): string {
  return `links:${transferId}`;
}

export function createXeroConnector(options: XeroConnectorOptions): ErpConnector {
  return new XeroConnector(options);
}

class XeroConnector implements ErpConnector {
  private readonly api: XeroApiClient;
  private facts: XeroOrganisationFacts | null = null;

  constructor(options: XeroConnectorOptions) {
    this.api = new XeroApiClient({
      db: options.db,
      tenantId: options.tenantId,
      connectionId: options.connectionId,
      credentials: options.credentials,
      secretsKey: options.secretsKey,
      endpoints: options.endpoints,
      fetch: options.fetch ?? globalThis.fetch,
      clock: options.clock ?? systemClock,
      shapers: options.shapers ?? processXeroShapers,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      maxWaitMs: options.maxWaitMs ?? 10_000,
    });
  }

  async send(journal: GlJournal, attempt: GlSendAttempt): Promise<GlSendOutcome> {
    if (attempt.idempotencyKey.length === 0 || attempt.idempotencyKey.length > 128) throw new Error('an Idempotency-Key is 1 to 128 characters');
    try {
      const refusal = await this.refuseBeforeSending(journal);
      if (refusal) return { kind: 'refused', error: refusal };
      const answer = await this.api.call({
        method: 'PUT',
        path: '/ManualJournals',
        query: { summarizeErrors: 'true' },
        idempotencyKey: attempt.idempotencyKey,
        body: { ManualJournals: [manualJournal(journal)] },
      });
      return sendOutcome(answer);
    } catch (error) {
      if (error instanceof XeroAuthError && error.kind === 'needs_authorization') return { kind: 'needs_authorization', error: error.erpError };
      if (error instanceof ErpCallError && error.kind === 'retry_later') return { kind: 'retry_later', retryAfterMs: error.retryAfterMs, error: error.erpError };
      if (error instanceof ErpCallError && error.kind === 'needs_authorization') return { kind: 'needs_authorization', error: error.erpError };
      // A read before sending failed: nothing was sent.
      if (error instanceof ErpCallError) return { kind: 'retry_later', retryAfterMs: 5_000, error: error.erpError };
      throw error;
    }
  }

  /**
   * Read-back by the Narration marker. xero_accounting.yaml (GET /ManualJournals) documents `where`
   * ("Filter by an any element"), `page` (100 per call) and `pageSize`; Xero's filtering guide shows
   * `Field.Contains("…")` and `Date == DateTime(y, m, d)` but advises simple `==` filters on large
   * organisations. So the filter is the journal's Date and the marker, the answer is checked again
   * here (a loosely applied filter cannot match another journal), full pages are followed, and if
   * Xero refuses the Contains the read falls back to the Date alone, matching the marker here.
   */
  async findSent(transferId: string, date: string): Promise<{ erpDocumentId: string } | null> {
    const marker = transferMarker(transferId);
    const [year, month, day] = date.split('-').map(Number);
    const onDate = `Date==DateTime(${year},${month},${day})`;
    try {
      return await this.findByMarker(marker, `${onDate} AND Narration.Contains("${marker}")`);
    } catch (error) {
      if (!(error instanceof ErpCallError && error.kind === 'refused' && error.erpError.erpStatus === 400)) throw error;
      return this.findByMarker(marker, onDate);
    }
  }

  private async findByMarker(marker: string, where: string): Promise<{ erpDocumentId: string } | null> {
    for (let page = 1; page <= READ_BACK_MAX_PAGES; page++) {
      const body = (await this.read({ method: 'GET', path: '/ManualJournals', query: { where, page: String(page), pageSize: String(READ_BACK_PAGE_SIZE) } })) as {
        ManualJournals?: Array<{ ManualJournalID?: string; Narration?: string }>;
        pagination?: { pageCount?: number };
      };
      const journals = body.ManualJournals ?? [];
      const hit = journals.find((j) => typeof j.Narration === 'string' && j.Narration.includes(marker) && typeof j.ManualJournalID === 'string');
      if (hit) return { erpDocumentId: hit.ManualJournalID as string };
      const lastPage = typeof body.pagination?.pageCount === 'number' ? page >= body.pagination.pageCount : journals.length < READ_BACK_PAGE_SIZE;
      if (lastPage) return null;
    }
    throw new ErpCallError('uncertain', { code: 'erp_bad_answer', message: `more than ${READ_BACK_MAX_PAGES * READ_BACK_PAGE_SIZE} Xero manual journals on the transfer's date; read-back gave up`, erpStatus: 200, erpBody: null });
  }

  /** Renews an authorization-code connection's tokens a week after their last renewal, well inside Xero's 60 days. */
  async keepAlive(): Promise<void> {
    try {
      await this.api.tokens.keepAlive(TOKEN_KEEP_ALIVE_MS);
    } catch (error) {
      if (error instanceof XeroAuthError) throw new ErpCallError(error.kind, error.erpError, error.retryAfterMs);
      throw error;
    }
  }

  async listAccounts(): Promise<ErpAccount[]> {
    const body = (await this.read({ method: 'GET', path: '/Accounts' })) as { Accounts?: Array<Record<string, unknown>> };
    return (body.Accounts ?? [])
      .filter((a) => a.Status !== 'DELETED' && typeof a.Code === 'string' && a.Code !== '')
      .map((a) => ({
        code: String(a.Code),
        name: String(a.Name ?? ''),
        type: String(a.Type ?? ''),
        status: a.Status === 'ACTIVE' ? 'active' : 'archived',
        // "You can't post a manual journal to a bank account in Xero" (https://help.xero.com/nz/Q_JournalBankAcc).
        accepts_journals: a.Type !== 'BANK',
      }));
  }

  async trialBalance(asOf: string, currency: string): Promise<ErpTrialBalance> {
    const organisation = await this.organisation();
    if (organisation.baseCurrency !== currency) {
      throw new ErpCallError('refused', { code: 'erp_currency_not_supported', message: `the Xero organisation reports in ${organisation.baseCurrency}, not ${currency}`, erpStatus: null, erpBody: null });
    }
    if (!organisation.yearEnd) throw new ErpCallError('uncertain', { code: 'erp_bad_answer', message: "Xero did not say the organisation's financial year end", erpStatus: 200, erpBody: null });
    const body = await this.read({ method: 'GET', path: '/Reports/TrialBalance', query: { date: asOf } });
    const rows = parseTrialBalance(body, currency);
    const chart = (await this.read({ method: 'GET', path: '/Accounts' })) as { Accounts?: ChartAccount[] };
    return xeroTrialBalance(rows, chart.Accounts ?? [], financialYearStart(asOf, organisation.yearEnd));
  }

  /** Links-side refusals: a currency Xero cannot take, or amounts finer than Xero's two decimals. */
  private async refuseBeforeSending(journal: GlJournal): Promise<GlErpError | null> {
    const base = await this.organisationCurrency();
    if (journal.currency !== base) {
      return { code: 'erp_currency_not_supported', message: `Xero manual journals are in the organisation's base currency (${base}); this journal is in ${journal.currency}`, erpStatus: null, erpBody: null };
    }
    const digits = minorDigits(journal.currency);
    if (digits > 2 && journal.lines.some((l) => l.amountMinor % 10n ** BigInt(digits - 2) !== 0n)) {
      return { code: 'erp_amount_precision', message: 'Xero line amounts have at most two decimal places', erpStatus: null, erpBody: null };
    }
    return null;
  }

  private async organisationCurrency(): Promise<string> {
    return (await this.organisation()).baseCurrency;
  }

  /** The organisation's base currency and financial year end (FinancialYearEndDay/Month), read once per connector. */
  private async organisation(): Promise<XeroOrganisationFacts> {
    if (this.facts) return this.facts;
    const body = (await this.read({ method: 'GET', path: '/Organisation' })) as { Organisations?: Array<{ BaseCurrency?: string; FinancialYearEndDay?: unknown; FinancialYearEndMonth?: unknown }> };
    const found = body.Organisations?.[0];
    const currency = found?.BaseCurrency;
    if (!currency) throw new ErpCallError('uncertain', { code: 'erp_bad_answer', message: 'Xero did not say the organisation\'s base currency', erpStatus: 200, erpBody: body });
    const yearEnd = { day: found.FinancialYearEndDay, month: found.FinancialYearEndMonth };
    this.facts = { baseCurrency: currency, ...(isFinancialYearEnd(yearEnd) ? { yearEnd } : {}) };
    return this.facts;
  }

  /** A read: the body of a 200, or ErpCallError saying what to do. */
  private async read(call: XeroCall): Promise<unknown> {
    let answer: XeroAnswer;
    try {
      answer = await this.api.call(call);
    } catch (error) {
      if (error instanceof XeroAuthError) throw new ErpCallError(error.kind, error.erpError);
      throw error;
    }
    if (answer.kind === 'not_sent') throw new ErpCallError('retry_later', answer.error, answer.retryAfterMs);
    if (answer.kind === 'lost') throw new ErpCallError('uncertain', { code: 'erp_no_answer', message: `Xero did not answer: ${answer.message}`, erpStatus: null, erpBody: null });
    if (answer.status === 200) return answer.body;
    const error = erpError(answer);
    if (answer.status === 429) throw new ErpCallError('retry_later', error, retryAfterMs(answer));
    if (answer.status === 401) throw new ErpCallError('retry_later', error, 1_000);
    if (answer.status === 403) throw new ErpCallError('needs_authorization', error);
    if (answer.status >= 500) throw new ErpCallError('uncertain', error);
    throw new ErpCallError('refused', error);
  }
}

function manualJournal(journal: GlJournal): Record<string, unknown> {
  return {
    Narration: `${journal.narration} (${transferMarker(journal.transferId)})`,
    Date: journal.date,
    Status: 'POSTED',
    LineAmountTypes: 'NoTax',
    JournalLines: journal.lines
      .filter((l) => l.amountMinor !== 0n)
      .map((l) => {
        const tracking = Object.entries(l.dimensions).map(([Name, Option]) => ({ Name, Option }));
        return {
          LineAmount: Number(formatMinor(l.amountMinor, journal.currency)),
          AccountCode: l.erpAccountCode,
          Description: l.description,
          ...(tracking.length > 0 ? { Tracking: tracking } : {}),
        };
      }),
  };
}

/** Retry-After comes with the minute and day limits; a concurrent-limit 429 has none: a moment, not a minute. */
function retryAfterMs(answer: { headers: Headers }): number {
  const seconds = Number(answer.headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  return answer.headers.get('x-rate-limit-problem') === 'concurrent' ? 1_000 : 60_000;
}

function erpError(answer: { status: number; headers: Headers; body: unknown }): GlErpError {
  const status = answer.status;
  if (status === 400) return { code: 'erp_validation', message: validationMessages(answer.body), erpStatus: status, erpBody: answer.body };
  if (status === 429) {
    const problem = answer.headers.get('x-rate-limit-problem') ?? 'unknown';
    return { code: 'erp_rate_limited', message: `Xero's ${problem} limit was reached; retry after ${answer.headers.get('retry-after') ?? '?'} s`, erpStatus: status, erpBody: answer.body };
  }
  const detail = typeof answer.body === 'object' && answer.body !== null ? (answer.body as { Detail?: unknown }).Detail : answer.body;
  const code = status === 401 || status === 403 ? 'erp_authorization_required' : status >= 500 ? 'erp_unavailable' : 'erp_error';
  return { code, message: `Xero answered ${status}${detail ? `: ${String(detail).slice(0, 300)}` : ''}`, erpStatus: status, erpBody: answer.body };
}

function sendOutcome(answer: XeroAnswer): GlSendOutcome {
  if (answer.kind === 'not_sent') return { kind: 'retry_later', retryAfterMs: answer.retryAfterMs, error: answer.error };
  if (answer.kind === 'lost') return { kind: 'uncertain', error: { code: 'erp_no_answer', message: `Xero did not answer: ${answer.message}`, erpStatus: null, erpBody: null } };
  if (answer.status === 200) {
    const stored = (answer.body as { ManualJournals?: Array<{ ManualJournalID?: string; StatusAttributeString?: string; ValidationErrors?: unknown[] }> }).ManualJournals?.[0];
    if (stored?.ManualJournalID && stored.StatusAttributeString !== 'ERROR' && (stored.ValidationErrors ?? []).length === 0) {
      return { kind: 'confirmed', erpDocumentId: stored.ManualJournalID };
    }
    if (stored?.StatusAttributeString === 'ERROR') return { kind: 'refused', error: { code: 'erp_validation', message: validationMessages({ Elements: [stored] }), erpStatus: 200, erpBody: answer.body } };
    return { kind: 'uncertain', error: { code: 'erp_bad_answer', message: 'Xero answered 200 without the journal', erpStatus: 200, erpBody: answer.body } };
  }
  const error = erpError(answer);
  if (answer.status === 429) return { kind: 'retry_later', retryAfterMs: retryAfterMs(answer), error };
  // 401 even after the token was renewed: not processed; a refused renewal is what needs a person.
  if (answer.status === 401) return { kind: 'retry_later', retryAfterMs: 1_000, error };
  if (answer.status === 403) return { kind: 'needs_authorization', error };
  if (answer.status >= 500) return { kind: 'uncertain', error };
  return { kind: 'refused', error };
}

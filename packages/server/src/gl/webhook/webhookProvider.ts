/**
 * The signed webhook provider: each transfer is POSTed as JSON to the connection's URL, signed with
 * the connection's secret(s). 2xx confirms; 429 and a refused connection are "try later"; another
 * 4xx is the receiver's refusal; a timeout, a reset or a 5xx may have been processed (uncertain).
 * A receiver has no chart and no read-back: it deduplicates by `Links-Transfer-Id`, which is what
 * makes a resend after a lost answer harmless.
 */
import { randomBytes } from 'node:crypto';
import { LinksError } from '../../domain/errors.js';
import type { ErpAccount, ErpConnector, ErpTrialBalance, GlErpError, GlJournal, GlSendAttempt, GlSendOutcome } from '../../domain/glTransfer.js';
import { formatMinor } from '../../domain/money.js';
import type { AcceptedCredentials, ConnectorContext, GlProviderDefinition } from '../connectors.js';
import { signatureHeader } from './signature.js';

interface WebhookSecret {
  value: string;
  /** null: the current secret; otherwise the end of a rotated-out secret's grace period. */
  expires_at: string | null;
}

export interface WebhookCredentials {
  url: string;
  secrets: WebhookSecret[];
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

function acceptCredentials(input: unknown): AcceptedCredentials {
  const url = (input as { url?: unknown } | null)?.url;
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || Object.keys(input as object).length !== 1) {
    throw new LinksError('invalid_request', 'A webhook connection takes credentials {"url": "https://…"} (an http or https URL) and nothing else.', [{ path: 'credentials.url', message: 'an http(s) URL' }]);
  }
  const secret = newSecret();
  return { stored: { url: parsed.toString(), secrets: [{ value: secret, expires_at: null }] }, shownOnce: { signing_secret: secret } };
}

/** A new current secret; the old one stays valid (and signed with) until `graceEnds`. */
export function rotateWebhookSecret(credentials: WebhookCredentials, now: Date, graceEnds: Date): { credentials: WebhookCredentials; secret: string } {
  const secret = newSecret();
  const kept = credentials.secrets.filter((s) => s.expires_at === null || Date.parse(s.expires_at) > now.getTime());
  const previous = kept.map((s) => (s.expires_at === null ? { ...s, expires_at: graceEnds.toISOString() } : s));
  return { credentials: { url: credentials.url, secrets: [{ value: secret, expires_at: null }, ...previous] }, secret };
}

/** The JSON a receiver gets: the journal with Links ids, accounts, lines (decimal strings) and dimensions. */
export function webhookBody(journal: GlJournal): string {
  return JSON.stringify({
    transfer_id: journal.transferId,
    date: journal.date,
    currency: journal.currency,
    narration: journal.narration,
    entry_ids: journal.entryIds,
    lines: journal.lines.map((l) => ({
      account: l.erpAccountCode,
      debit: l.amountMinor > 0n ? formatMinor(l.amountMinor, journal.currency) : formatMinor(0n, journal.currency),
      credit: l.amountMinor < 0n ? formatMinor(-l.amountMinor, journal.currency) : formatMinor(0n, journal.currency),
      description: l.description,
      dimensions: l.dimensions,
    })),
  });
}

const erpError = (code: string, message: string, erpStatus: number | null, erpBody: unknown): GlErpError => ({ code, message, erpStatus, erpBody });

async function readBody(response: Response): Promise<unknown> {
  const text = (await response.text()).slice(0, 2000);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000;
}

class WebhookConnector implements ErpConnector {
  constructor(
    private readonly credentials: WebhookCredentials,
    private readonly timeoutMs: number,
  ) {}

  async send(journal: GlJournal, attempt: GlSendAttempt): Promise<GlSendOutcome> {
    const body = webhookBody(journal);
    const now = Date.now();
    const secrets = this.credentials.secrets.filter((s) => s.expires_at === null || Date.parse(s.expires_at) > now).map((s) => s.value);
    let response: Response;
    try {
      response = await fetch(this.credentials.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'links-signature': signatureHeader(secrets, body, Math.floor(now / 1000)),
          'links-transfer-id': journal.transferId,
          'idempotency-key': attempt.idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      // Nothing reached the receiver: certainly not processed.
      if (cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') {
        return { kind: 'retry_later', retryAfterMs: 5_000, error: erpError('receiver_unreachable', `The webhook receiver cannot be reached (${cause}).`, null, null) };
      }
      return { kind: 'uncertain', error: erpError('answer_lost', `The webhook receiver's answer was lost (${(error as Error).name === 'TimeoutError' ? 'timeout' : (cause ?? (error as Error).message)}).`, null, null) };
    }
    const answer = await readBody(response).catch(() => null);
    if (response.status >= 200 && response.status < 300) return { kind: 'confirmed', erpDocumentId: journal.transferId };
    if (response.status === 429 || response.status === 503) {
      return { kind: 'retry_later', retryAfterMs: retryAfterMs(response.headers.get('retry-after')), error: erpError('receiver_busy', `The webhook receiver answered ${response.status}.`, response.status, answer) };
    }
    if (response.status >= 500 || response.status === 408) {
      return { kind: 'uncertain', error: erpError('receiver_error', `The webhook receiver answered ${response.status}.`, response.status, answer) };
    }
    return { kind: 'refused', error: erpError('receiver_refused', `The webhook receiver refused the journal (${response.status}).`, response.status, answer) };
  }

  /** A receiver has no read-back: it deduplicates by Links-Transfer-Id, so a resend is safe. */
  async findSent(): Promise<{ erpDocumentId: string } | null> {
    return null;
  }

  /** A receiver has no chart Links can read: the mapping is taken as given. */
  async listAccounts(): Promise<ErpAccount[]> {
    return [];
  }

  async trialBalance(): Promise<ErpTrialBalance> {
    return new Map();
  }
}

export const webhookProvider: GlProviderDefinition = {
  acceptCredentials,
  connector: (context: ConnectorContext) => new WebhookConnector(context.credentials as unknown as WebhookCredentials, context.requestTimeoutMs),
  readsBack: false,
};

/**
 * Posting a chunk of imported entries so that no entry is ever posted twice, whatever happened
 * before: a crash, a re-run, a rejected entry, an account created or a period reopened since.
 *
 * Every request is a `journalEntries.batch` (all or none) with an Idempotency-Key derived from the
 * chunk's entries. The rule that makes re-runs safe: the first thing of a group ever stored under
 * the group's key decides how the group is posted, for good.
 *
 * 1. Post the whole group under its key K. Posted or replayed (Idempotent-Replayed: true, counted
 *    as skipped): done.
 * 2. Refused (an entry breaks a rule, or K already holds something else): find the group's marker,
 *    the first entry that posts alone under K (or replays: a previous run chose it). Once K holds a
 *    single entry, posting the whole group under K can never succeed again (409
 *    idempotency_key_reused), so no later run posts the group whole after part of it went in.
 * 3. The other entries are split in two halves, by position only, each posted the same way under a
 *    key derived from K. A group of one entry that is refused is rejected with the server's reason.
 *
 * The split depends on the marker only, which K records, so every run walks the same groups under
 * the same keys. One bad entry among 200 costs about 3 requests per halving level (≈ 25), not 200.
 * When K holds entries the group no longer has (the file was changed after an import), nothing of
 * the group is posted: its entries are rejected as possibly posted already, never posted twice.
 */
import { LinksError, type Account, type LinksSDK } from '@links/sdk';
import { subKey, type Chunk, type ImportEntry } from './journalImport.js';

export interface Rejection {
  entry: ImportEntry;
  reason: string;
}

export interface ChunkResult {
  posted: number;
  skipped: number;
  rejected: Rejection[];
}

/** Not about an entry: the server, the key or the network failed. The import stops. */
export class FatalImportError extends Error {
  override name = 'FatalImportError';
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

type Attempt = { kind: 'posted' | 'replayed' } | { kind: 'refused'; error: LinksError; index: number | undefined; reused: boolean };

const REFUSALS = new Set([400, 409, 413, 422]);

/** A group's key already holds other entries: the file changed since a run that posted this part. */
export const CHANGED =
  'idempotency_key_reused: this part of the file was imported before with other content (was the file changed since?); these entries may already be in the books: check them before importing them again';

function failingIndex(error: LinksError): number | undefined {
  const path = error.details[0]?.path ?? '';
  const match = /^entries\.(\d+)(\.|$)/.exec(path) ?? /^entries\[(\d+)\]/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

export function reasonOf(error: LinksError): string {
  // Paths and prefixes name the entry's place in the request, which means nothing in the file.
  return `${error.code}: ${error.message.replace(/^entries\[\d+\]: /, '').replace(/\bentries\.\d+\./g, '')}`;
}

/** What the chart of accounts says an entry will meet, so hopeless requests are not sent. */
export class AccountCheck {
  private constructor(private readonly accounts: Map<string, Account>) {}

  static async load(sdk: LinksSDK): Promise<AccountCheck> {
    const accounts = new Map<string, Account>();
    for await (const account of sdk.accounts.list({ limit: 100 })) accounts.set(account.code, account);
    return new AccountCheck(accounts);
  }

  /** The reason the server will refuse the entry, when the accounts make it certain. */
  problem(entry: ImportEntry): string | undefined {
    const input = entry.input!;
    for (const line of input.lines) {
      const account = this.accounts.get(line.account);
      if (!account) return `unknown_account: no account ${JSON.stringify(line.account)} in this ledger`;
      if (!account.is_active) return `inactive_account: account ${account.code} is inactive`;
      if (account.currency !== null && account.currency !== input.currency) {
        return `currency_mismatch: account ${account.code} takes only ${account.currency}, not ${input.currency}`;
      }
      if (account.subledger !== null && !line.subledger_account) {
        return `subledger_account_required: account ${account.code} is a control account: name the sub-ledger account (for example the customer id)`;
      }
    }
    return undefined;
  }
}

export class ChunkPoster {
  constructor(
    private readonly sdk: LinksSDK,
    private readonly check: AccountCheck | undefined,
    private readonly onProgress: (posted: number, skipped: number, rejected: number) => void = () => {},
  ) {}

  async post(chunk: Chunk): Promise<ChunkResult> {
    const result: ChunkResult = { posted: 0, skipped: 0, rejected: chunk.refused.map((entry) => ({ entry, reason: entry.problem! })) };
    if (chunk.refused.length > 0) this.onProgress(0, 0, chunk.refused.length);
    if (chunk.entries.length > 0) await this.group(chunk.entries, chunk.key, result);
    result.rejected.sort((a, b) => a.entry.index - b.entry.index);
    return result;
  }

  private async attempt(entries: ImportEntry[], key: string): Promise<Attempt> {
    let replayed = false;
    try {
      await this.sdk.journalEntries.batch(
        entries.map((e) => e.input!),
        { idempotencyKey: key, onResponse: (info) => (replayed = info.idempotentReplayed) },
      );
      return { kind: replayed ? 'replayed' : 'posted' };
    } catch (error) {
      if (error instanceof LinksError && REFUSALS.has(error.status)) {
        return { kind: 'refused', error, index: failingIndex(error), reused: error.code === 'idempotency_key_reused' };
      }
      throw new FatalImportError(error);
    }
  }

  private count(result: ChunkResult, kind: 'posted' | 'replayed', n: number): void {
    if (kind === 'posted') result.posted += n;
    else result.skipped += n;
    this.onProgress(kind === 'posted' ? n : 0, kind === 'replayed' ? n : 0, 0);
  }

  private reject(result: ChunkResult, entry: ImportEntry, reason: string): void {
    result.rejected.push({ entry, reason });
    this.onProgress(0, 0, 1);
  }

  private async group(entries: ImportEntry[], key: string, result: ChunkResult): Promise<void> {
    const whole = await this.attempt(entries, key);
    if (whole.kind !== 'refused') return this.count(result, whole.kind, entries.length);
    if (entries.length === 1) return this.reject(result, entries[0]!, whole.reused ? CHANGED : reasonOf(whole.error));

    // Known reasons of entries that cannot post now. Only while K is unclaimed (a validation
    // refusal, not a 409) may entries be passed over: then any entry may become the marker.
    const reasons = new Map<number, string>();
    if (!whole.reused && whole.index !== undefined && whole.index < entries.length) reasons.set(whole.index, reasonOf(whole.error));
    let marker = -1;
    for (let j = 0; j < entries.length; j++) {
      if (!whole.reused) {
        if (reasons.has(j)) continue;
        const predicted = this.check?.problem(entries[j]!);
        if (predicted) {
          reasons.set(j, predicted);
          continue;
        }
      }
      const alone = await this.attempt([entries[j]!], key);
      if (alone.kind !== 'refused') {
        this.count(result, alone.kind, 1);
        marker = j;
        break;
      }
      if (!alone.reused) reasons.set(j, reasonOf(alone.error));
    }
    if (marker === -1) {
      // Nothing of the group posts, even alone: every entry is rejected, none was posted now.
      for (let j = 0; j < entries.length; j++) this.reject(result, entries[j]!, whole.reused ? CHANGED : (reasons.get(j) ?? reasonOf(whole.error)));
      return;
    }
    const rest = entries.filter((_, j) => j !== marker);
    const half = Math.ceil(rest.length / 2);
    await this.group(rest.slice(0, half), subKey(key, 'L'), result);
    if (rest.length > half) await this.group(rest.slice(half), subKey(key, 'R'), result);
  }
}

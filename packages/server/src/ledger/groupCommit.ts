/**
 * Group commit: concurrent single-entry posts of one tenant environment share one transaction —
 * one commit (one disk flush) for all of them, and one locked update per account however many of
 * them touch it. Each request still gets its own answer: a replayed key replays, a reused key or a
 * bad entry is refused alone, and nothing is acknowledged before the shared commit.
 *
 * Posts queue per tenant; while a tenant's group commits, the next group gathers, so an idle
 * server adds no wait and a busy one batches by itself.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { LinksError } from '../domain/errors.js';
import type { JournalEntry, JournalEntryInput } from '../domain/ledger.js';
import { hashesEqual } from '../auth/apiKeyFormat.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { isDatabaseUnavailable } from '../storage/postgresErrors.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import { validateEntries, writeEntries, type PreparedEntry } from './posting.js';
import { canonicalJson, type LedgerTransaction, type WriteOutcome, type WriteRequest } from './scope.js';

/** Large enough to amortise a commit, small enough to keep one transaction short. */
const MAX_GROUP = 256;

type Outcome = WriteOutcome<JournalEntry> | Error;

interface PendingPost {
  input: JournalEntryInput;
  request: WriteRequest;
  hash: Buffer;
  settle(outcome: Outcome): void;
}

interface TenantQueue {
  pending: PendingPost[];
  running: boolean;
}

export class GroupCommitter {
  private readonly queues = new Map<string, TenantQueue>();

  constructor(
    private readonly db: Kysely<EnvironmentDatabase>,
    /** Posts one entry in a transaction of its own: the path for a group that failed as a whole. */
    private readonly postAlone: (tenantId: string, request: WriteRequest, input: JournalEntryInput) => Promise<WriteOutcome<JournalEntry>>,
  ) {}

  post(tenantId: string, request: WriteRequest, input: JournalEntryInput): Promise<WriteOutcome<JournalEntry>> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(tenantId);
      if (!queue) {
        queue = { pending: [], running: false };
        this.queues.set(tenantId, queue);
      }
      const hash = createHash('sha256').update(canonicalJson(request.fingerprint)).digest();
      queue.pending.push({ input, request, hash, settle: (o) => (o instanceof Error ? reject(o) : resolve(o)) });
      if (!queue.running) void this.drain(tenantId, queue);
    });
  }

  private async drain(tenantId: string, queue: TenantQueue): Promise<void> {
    queue.running = true;
    try {
      while (queue.pending.length > 0) await this.commitGroup(tenantId, takeGroup(queue));
    } finally {
      queue.running = false;
      if (queue.pending.length === 0) this.queues.delete(tenantId);
    }
  }

  private async commitGroup(tenantId: string, group: PendingPost[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await inTenantTransaction(this.db, tenantId, (trx) => postGroup(trx, tenantId, group));
    } catch (error) {
      if (isDatabaseUnavailable(error) || group.length === 1) {
        for (const post of group) post.settle(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      // The group failed as a whole (say, a conflict between its members): answer each alone.
      for (const post of group) {
        await this.postAlone(tenantId, post.request, post.input).then(post.settle, post.settle);
      }
      return;
    }
    group.forEach((post, i) => post.settle(outcomes[i]!));
  }
}

/** The next group: in arrival order, at most one post per idempotency key (repeats wait for the next group). */
function takeGroup(queue: TenantQueue): PendingPost[] {
  const group: PendingPost[] = [];
  const keys = new Set<string>();
  const rest: PendingPost[] = [];
  for (const post of queue.pending) {
    const key = post.request.idempotencyKey;
    if (group.length >= MAX_GROUP || (key !== undefined && keys.has(key))) {
      rest.push(post);
      continue;
    }
    if (key !== undefined) keys.add(key);
    group.push(post);
  }
  queue.pending = rest;
  return group;
}

async function postGroup(trx: LedgerTransaction, tenantId: string, group: PendingPost[]): Promise<Outcome[]> {
  const outcomes: Array<Outcome | undefined> = new Array(group.length);

  // Claim every key at once; a key another transaction holds makes this wait, then replay.
  const keyed = group.flatMap((post, i) => (post.request.idempotencyKey === undefined ? [] : [{ i, key: post.request.idempotencyKey, post }]));
  if (keyed.length > 0) {
    const { rows: claimedRows } = await sql<{ key: string }>`
      INSERT INTO idempotency_keys (tenant_id, key, request_hash)
      SELECT ${tenantId}::uuid, v.k, v.h FROM unnest(${keyed.map((k) => k.key)}::text[], ${keyed.map((k) => k.post.hash)}::bytea[]) AS v(k, h)
      ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`.execute(trx);
    const claimed = new Set(claimedRows.map((r) => r.key));
    const seen = keyed.filter((k) => !claimed.has(k.key));
    if (seen.length > 0) {
      const earlier = await trx
        .selectFrom('idempotency_keys')
        .select(['key', 'request_hash', 'response_status', 'response_body'])
        .where('key', 'in', seen.map((k) => k.key))
        .execute();
      const byKey = new Map(earlier.map((e) => [e.key, e]));
      for (const { i, key, post } of seen) {
        const row = byKey.get(key)!;
        outcomes[i] = hashesEqual(row.request_hash, post.hash)
          ? { status: row.response_status!, body: row.response_body as { data: JournalEntry }, replayed: true }
          : new LinksError('idempotency_key_reused', `Idempotency-Key ${JSON.stringify(key)} was already used with a different request.`);
      }
    }
  }

  const fresh = group.flatMap((post, i) => (outcomes[i] === undefined ? [{ i, post }] : []));
  const validated = await validateEntries(trx, tenantId, fresh.map((f) => f.post.input), { pathPrefix: () => '' });
  const accepted: Array<{ i: number; post: PendingPost; entry: PreparedEntry }> = [];
  validated.forEach((result, n) => {
    const { i, post } = fresh[n]!;
    if (result instanceof LinksError) outcomes[i] = result;
    else accepted.push({ i, post, entry: result });
  });

  // A refused entry keeps nothing: its key is released for a corrected retry.
  const releasedKeys = fresh.filter(({ i, post }) => outcomes[i] instanceof LinksError && post.request.idempotencyKey !== undefined).map(({ post }) => post.request.idempotencyKey!);
  if (releasedKeys.length > 0) await trx.deleteFrom('idempotency_keys').where('key', 'in', releasedKeys).execute();

  const posted = await writeEntries(trx, tenantId, accepted.map((a) => a.post.request.context), accepted.map((a) => a.entry));
  const stored: Array<{ key: string; body: string }> = [];
  accepted.forEach(({ i, post }, n) => {
    const body = { data: posted[n]! };
    outcomes[i] = { status: 201, body, replayed: false };
    if (post.request.idempotencyKey !== undefined) stored.push({ key: post.request.idempotencyKey, body: JSON.stringify(body) });
  });
  if (stored.length > 0) {
    await sql`
      UPDATE idempotency_keys AS k SET response_status = 201, response_body = v.b
        FROM unnest(${stored.map((s) => s.key)}::text[], ${stored.map((s) => s.body)}::jsonb[]) AS v(key, b)
       WHERE k.tenant_id = ${tenantId}::uuid AND k.key = v.key`.execute(trx);
  }
  return outcomes as Outcome[];
}

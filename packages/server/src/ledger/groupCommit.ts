/**
 * Group commit: concurrent posts (single entries and batches) of one tenant environment share one database call —
 * one transaction, one commit (one disk flush) for all of them, and one locked update per account
 * however many of them touch it. Each request still gets its own answer: a replayed key replays,
 * a reused key or a bad entry is refused alone, and nothing is acknowledged before the commit.
 *
 * Posts queue per tenant. Up to GROUPS_IN_FLIGHT groups of a tenant are in the database at once:
 * an idle server sends a post on its own at once, a busy one batches whatever arrived meanwhile.
 */
import type { Kysely } from 'kysely';
import { LinksError } from '../domain/errors.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { isStatementRolledBack, isStatementTimeout } from '../storage/postgresErrors.js';
import { postEntries, type PostingOutcome, type PostingRequest } from './posting.js';

/** Entries in one call: large enough to amortise a commit, small enough to keep a transaction short. */
const MAX_GROUP_ENTRIES = 2000;
/** Groups of one tenant in the database at once: while one waits for its flush, the next is written. */
const GROUPS_IN_FLIGHT = 2;

interface PendingPost {
  posting: PostingRequest;
  settle(outcome: PostingOutcome | Error): void;
}

interface TenantQueue {
  pending: PendingPost[];
  inFlight: number;
}

export class GroupCommitter {
  private readonly queues = new Map<string, TenantQueue>();

  constructor(private readonly db: Kysely<EnvironmentDatabase>) {}

  /** Resolves with the request's answer (a LinksError is an answer); rejects when the database failed. */
  post(tenantId: string, posting: PostingRequest): Promise<PostingOutcome> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(tenantId);
      if (!queue) {
        queue = { pending: [], inFlight: 0 };
        this.queues.set(tenantId, queue);
      }
      queue.pending.push({ posting, settle: (o) => (o instanceof Error && !(o instanceof LinksError) ? reject(o) : resolve(o)) });
      this.startGroups(tenantId, queue);
    });
  }

  private startGroups(tenantId: string, queue: TenantQueue): void {
    while (queue.pending.length > 0 && queue.inFlight < GROUPS_IN_FLIGHT) {
      const group = takeGroup(queue);
      queue.inFlight += 1;
      void this.commitGroup(tenantId, group).finally(() => {
        queue.inFlight -= 1;
        if (queue.pending.length > 0) this.startGroups(tenantId, queue);
        else if (queue.inFlight === 0) this.queues.delete(tenantId);
      });
    }
  }

  private async commitGroup(tenantId: string, group: PendingPost[]): Promise<void> {
    let outcomes: PostingOutcome[];
    try {
      outcomes = await postEntries(this.db, tenantId, group.map((p) => p.posting));
    } catch (error) {
      // Only an ERROR from PostgreSQL proves the call rolled back, so only then are its members
      // posted again, each alone, to answer each for itself (one bad member fails the call).
      // Anything else may have committed (a connection lost in flight): posting again could apply
      // a request without an Idempotency-Key twice, so every member gets that failure as its answer.
      // A statement timeout rolled back too, but each member alone would only wait that long again.
      if (group.length > 1 && isStatementRolledBack(error) && !isStatementTimeout(error)) {
        for (const post of group) {
          await postEntries(this.db, tenantId, [post.posting]).then(
            ([outcome]) => post.settle(outcome!),
            (e: unknown) => post.settle(e instanceof Error ? e : new Error(String(e))),
          );
        }
        return;
      }
      for (const post of group) post.settle(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    group.forEach((post, i) => {
      post.settle(outcomes[i]!);
    });
  }
}

/** The next group: in arrival order, at most one post per idempotency key (repeats wait for the next group). */
function takeGroup(queue: TenantQueue): PendingPost[] {
  const group: PendingPost[] = [];
  const keys = new Set<string>();
  const rest: PendingPost[] = [];
  let entries = 0;
  for (const post of queue.pending) {
    const key = post.posting.request.idempotencyKey;
    const size = post.posting.entries.length;
    if ((group.length > 0 && entries + size > MAX_GROUP_ENTRIES) || (key !== undefined && keys.has(key))) {
      rest.push(post);
      continue;
    }
    if (key !== undefined) keys.add(key);
    entries += size;
    group.push(post);
  }
  queue.pending = rest;
  return group;
}

/**
 * What the load generator sends. Workloads are plain data (they cross the process boundary to the
 * load-generator child) and are turned into request factories inside the child, so that building
 * bodies costs the child's CPU, not the server's.
 */

export type WorkloadSpec =
  /** GET one of `paths`, round robin. */
  | { kind: 'get'; paths: string[] }
  /**
   * 2-line journal entries: debit one account, credit another, random amount, date spread over
   * `days` days from `firstDate`. With `hot`, one line of every entry is on one of the `hot`
   * accounts and the other on one of `accounts`. `perRequest` 1 posts to /journal-entries (with an
   * Idempotency-Key); more posts batches of that many to /journal-entries/batch (also with a key).
   */
  | { kind: 'entries'; accounts: string[]; hot?: string[]; perRequest: number; firstDate: string; days: number; keyPrefix: string }
  /**
   * Builds a long account: `requests` batch requests of `entriesPerRequest` entries, each entry with
   * `linesPerEntry - 1` debits on `target` and one credit on `counter`. No Idempotency-Key (setup).
   */
  | { kind: 'build'; target: string; counter: string; linesPerEntry: number; entriesPerRequest: number; requests: number; firstDate: string; days: number };

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Journal entries and lines this request posts (0 for reads). */
  entries: number;
  lines: number;
  /** Sum of the debits on the build target, in minor units (build only). */
  targetDebits?: number;
}

export interface Workload {
  /** The next request, or null when the workload is exhausted (build). */
  next(worker: number): BenchRequest | null;
  /** Whether a 2xx response body must be parsed for acknowledged entry ids. */
  collectsIds: boolean;
}

const DAY_MS = 86_400_000;

export function dateList(firstDate: string, days: number): string[] {
  const start = Date.parse(`${firstDate}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

/** A small deterministic PRNG per workload (xorshift32): reproducible bodies, no Math.random contention. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export function makeWorkload(spec: WorkloadSpec, seed = 1): Workload {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  switch (spec.kind) {
    case 'get': {
      let i = 0;
      return {
        collectsIds: false,
        next: () => ({ method: 'GET', path: spec.paths[i++ % spec.paths.length]!, entries: 0, lines: 0 }),
      };
    }
    case 'entries': {
      const dates = dateList(spec.firstDate, spec.days);
      let n = 0;
      const entry = () => {
        const cents = 100 + Math.floor(random() * 99_900);
        const amount = money(cents);
        let debit: string;
        let credit: string;
        if (spec.hot && spec.hot.length > 0) {
          const hot = pick(spec.hot);
          const other = pick(spec.accounts);
          [debit, credit] = random() < 0.5 ? [hot, other] : [other, hot];
        } else {
          debit = pick(spec.accounts);
          do credit = pick(spec.accounts);
          while (credit === debit && spec.accounts.length > 1);
        }
        return {
          date: pick(dates),
          description: `bench ${n}`,
          currency: 'USD',
          lines: [
            { account: debit, debit: amount },
            { account: credit, credit: amount },
          ],
        };
      };
      return {
        collectsIds: true,
        next(worker) {
          n += 1;
          const key = `${spec.keyPrefix}-${worker}-${n}`;
          if (spec.perRequest <= 1) {
            return { method: 'POST', path: '/api/v1/journal-entries', body: JSON.stringify(entry()), headers: { 'idempotency-key': key }, entries: 1, lines: 2 };
          }
          const entries = Array.from({ length: spec.perRequest }, entry);
          return {
            method: 'POST',
            path: '/api/v1/journal-entries/batch',
            body: JSON.stringify({ entries }),
            headers: { 'idempotency-key': key },
            entries: entries.length,
            lines: entries.length * 2,
          };
        },
      };
    }
    case 'build': {
      const dates = dateList(spec.firstDate, spec.days);
      let sent = 0;
      return {
        collectsIds: true,
        next() {
          if (sent >= spec.requests) return null;
          sent += 1;
          let targetDebits = 0;
          const entries = Array.from({ length: spec.entriesPerRequest }, (_, e) => {
            const lines: Array<{ account: string; debit?: string; credit?: string }> = [];
            let total = 0;
            for (let l = 0; l < spec.linesPerEntry - 1; l++) {
              const cents = 1 + Math.floor(random() * 9_999);
              total += cents;
              lines.push({ account: spec.target, debit: money(cents) });
            }
            lines.push({ account: spec.counter, credit: money(total) });
            targetDebits += total;
            return { date: pick(dates), description: `history ${sent}.${e}`, currency: 'USD', lines };
          });
          return {
            method: 'POST',
            path: '/api/v1/journal-entries/batch',
            body: JSON.stringify({ entries }),
            entries: entries.length,
            lines: entries.length * spec.linesPerEntry,
            targetDebits,
          };
        },
      };
    }
  }
}

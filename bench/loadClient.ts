/**
 * The load generator: a separate Node process (forked by load.ts), so that building request bodies,
 * parsing responses and timing does not run on the server's event loop. Closed loop: `concurrency`
 * virtual clients, each sends a request, waits for the answer, sends the next. HTTP/1.1 over one
 * keep-alive socket per client (rawHttp.ts, a lean client; node:http's costs too much CPU here).
 * 127.0.0.1 only.
 *
 * Protocol (IPC): the parent sends {id, spec: RunSpec}; the child answers {id, result} or {id, error}.
 */
import { performance } from 'node:perf_hooks';
import { RawConnection } from './rawHttp.js';
import { makeWorkload, type BenchRequest, type Workload, type WorkloadSpec } from './workloads.js';

export interface RunSpec {
  /** http://127.0.0.1:port — anything else is refused. */
  origin: string;
  token?: string;
  /** One key per client instead (client i uses tokens[i % length]): per-key limits apply per key. */
  tokens?: string[];
  concurrency: number;
  workload: WorkloadSpec;
  /** Time-bounded: warm up for warmupMs (not measured), then measure for durationMs. */
  warmupMs?: number;
  durationMs?: number;
  /** Count-bounded: warmupRequests (not measured), then `requests` measured requests. */
  warmupRequests?: number;
  requests?: number;
  timeoutMs?: number;
  seed?: number;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface RunResult {
  /** Measured window, from its first request to its last answer (in-flight requests are drained). */
  windowMs: number;
  /** 2xx answers in the window. */
  completed: number;
  rps: number;
  entriesPerS: number;
  linesPerS: number;
  latency: LatencySummary;
  /** Every answer, warm-up included, by HTTP status. */
  statuses: Record<string, number>;
  /** Non-2xx answers (nothing stored) and requests without an answer (outcome unknown), warm-up included. */
  refused: number;
  unknown: number;
  firstError?: string;
  replayed: number;
  /** Every acknowledged (2xx) posting, warm-up included. */
  ackedIds: string[];
  ackedEntries: number;
  ackedLines: number;
  ackedTargetDebits: number;
  /** Share of the window the load generator's event loop was busy, and its CPU time (ms). */
  clientElu: number;
  clientCpuMs: number;
}

const HARD_CAP_PER_CLIENT = 5_000_000;

export function summarize(latencies: Float64Array | number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  const n = sorted.length;
  if (n === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count: n, mean: sum / n, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[n - 1]! };
}

async function run(spec: RunSpec): Promise<RunResult> {
  const origin = new URL(spec.origin);
  if (origin.protocol !== 'http:' || origin.hostname !== '127.0.0.1') throw new Error(`the load generator only talks to http://127.0.0.1 (got ${spec.origin})`);
  const port = Number(origin.port);
  const timeoutMs = spec.timeoutMs ?? 60_000;
  const workload: Workload = makeWorkload(spec.workload, spec.seed ?? 1);
  const connections = Array.from({ length: spec.concurrency }, () => new RawConnection('127.0.0.1', port, timeoutMs));
  const baseHeaders: Record<string, string> = { accept: 'application/json' };
  if (spec.token) baseHeaders.authorization = `Bearer ${spec.token}`;

  const statuses: Record<string, number> = {};
  let refused = 0;
  let unknown = 0;
  let replayed = 0;
  let firstError: string | undefined;
  const ackedIds: string[] = [];
  let ackedEntries = 0;
  let ackedLines = 0;
  let ackedTargetDebits = 0;

  const send = async (worker: number, req: BenchRequest) => {
    const own: Record<string, string> = spec.tokens?.length ? { authorization: `Bearer ${spec.tokens[worker % spec.tokens.length]}` } : {};
    const headers: Record<string, string | number> =
      req.body !== undefined ? { ...baseHeaders, ...own, 'content-type': 'application/json', ...req.headers } : { ...baseHeaders, ...own, ...req.headers };
    const answer = await connections[worker]!.request(req.method, req.path, headers, req.body);
    return { status: answer.status, body: answer.body, replayed: /\r\nidempotent-replayed: *true/.test(answer.head) };
  };

  /** One closed loop; returns the latencies of its 2xx answers and its duration. */
  const loop = async (until: { at?: number; requests?: number }) => {
    const latencies: number[] = [];
    let issued = 0;
    const counts = { entries: 0, lines: 0 };
    const started = performance.now();
    const client = async (worker: number) => {
      for (let i = 0; i < HARD_CAP_PER_CLIENT; i++) {
        if (until.at !== undefined && performance.now() >= until.at) return;
        if (until.requests !== undefined && issued >= until.requests) return;
        const req = workload.next(worker);
        if (!req) return;
        issued += 1;
        const t = performance.now();
        let answer: Awaited<ReturnType<typeof send>>;
        try {
          answer = await send(worker, req);
        } catch (error) {
          unknown += 1;
          firstError ??= `${req.method} ${req.path}: ${(error as Error).message}`;
          continue;
        }
        const elapsed = performance.now() - t;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (answer.status < 200 || answer.status > 299) {
          refused += 1;
          firstError ??= `${req.method} ${req.path} → ${answer.status} ${answer.body.slice(0, 300)}`;
          continue;
        }
        if (answer.replayed) replayed += 1;
        latencies.push(elapsed);
        counts.entries += req.entries;
        counts.lines += req.lines;
        if (req.entries > 0) {
          ackedEntries += req.entries;
          ackedLines += req.lines;
          ackedTargetDebits += req.targetDebits ?? 0;
          if (workload.collectsIds) {
            const data = (JSON.parse(answer.body) as { data: { id?: string; entries?: Array<{ id: string }> } }).data;
            if (data.entries) for (const e of data.entries) ackedIds.push(e.id);
            else if (data.id) ackedIds.push(data.id);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency }, (_, w) => client(w)));
    return { latencies, ms: performance.now() - started, ...counts };
  };

  try {
    if (spec.durationMs !== undefined) {
      if (spec.warmupMs) await loop({ at: performance.now() + spec.warmupMs });
    } else if (spec.warmupRequests) {
      await loop({ requests: spec.warmupRequests });
    }
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const measured =
      spec.durationMs !== undefined ? await loop({ at: performance.now() + spec.durationMs }) : await loop({ requests: spec.requests ?? 0 });
    const elu = performance.eventLoopUtilization(elu0);
    const cpu = process.cpuUsage(cpu0);
    const seconds = measured.ms / 1000;
    return {
      windowMs: measured.ms,
      completed: measured.latencies.length,
      rps: measured.latencies.length / seconds,
      entriesPerS: measured.entries / seconds,
      linesPerS: measured.lines / seconds,
      latency: summarize(measured.latencies),
      statuses,
      refused,
      unknown,
      firstError,
      replayed,
      ackedIds,
      ackedEntries,
      ackedLines,
      ackedTargetDebits,
      clientElu: elu.utilization,
      clientCpuMs: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    for (const c of connections) c.close();
  }
}

if (process.send) {
  process.on('message', (message: { id: number; spec: RunSpec }) => {
    run(message.spec).then(
      (result) => process.send!({ id: message.id, result }),
      (error: Error) => process.send!({ id: message.id, error: error.stack ?? error.message }),
    );
  });
  // The parent went away: nothing left to do.
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}

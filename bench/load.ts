/**
 * The parent side of the load generator: forks bench/loadClient.ts (same tsx loader) and runs
 * workloads in it, one at a time. Also measures the generator's own ceiling against a trivial HTTP
 * server that does no work, so that a figure close to that ceiling can be flagged as capped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunResult, RunSpec } from './loadClient.js';

export type { RunResult, RunSpec } from './loadClient.js';

export class LoadGenerator {
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: RunResult) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; result?: RunResult; error?: string }) => {
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`load generator: ${message.error}`));
      else waiter.resolve(message.result!);
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load generator exited (${signal ?? code})`));
      this.pending.clear();
    });
  }

  static async start(): Promise<LoadGenerator> {
    const child = fork(new URL('./loadClient.ts', import.meta.url), [], {
      execArgv: process.execArgv, // the tsx loader
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load generator did not start within 30 s')), 30_000);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`load generator exited at start (${code})`));
      });
    });
    return new LoadGenerator(child);
  }

  run(spec: RunSpec): Promise<RunResult> {
    if (this.exited) return Promise.reject(new Error('load generator is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, spec });
    });
  }

  /** Ends the child (ours, by its own handle). */
  async close(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }
}

/**
 * A server that does nothing: drains the request body and answers with a fixed JSON body shaped
 * like a posted entry (so the generator parses a realistic answer). Runs on this process's event
 * loop, where Links runs during the real phases.
 */
export async function startTrivialServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const entryBody = JSON.stringify({
    data: {
      id: '0190f0e8-7a4c-7cc3-9d1e-5a1b2c3d4e5f',
      sequence: '1',
      date: '2026-01-01',
      description: 'bench 1',
      currency: 'USD',
      reference: null,
      status: 'posted',
      lines: [
        { line_number: 1, account: 'A0001', debit: '12.34', credit: null, subledger_account: null, dimensions: null, memo: null },
        { line_number: 2, account: 'A0002', debit: null, credit: '12.34', subledger_account: null, dimensions: null, memo: null },
      ],
      metadata: {},
      reversal_of: null,
      reversed_by: null,
      created_at: '2026-01-01T00:00:00.000Z',
    },
  });
  const getBody = JSON.stringify({ status: 'ok', listener: 'sandbox', databases: { control: 'ok', sandbox: 'ok' } });
  const server = http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      const body = req.method === 'POST' ? entryBody : getBody;
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

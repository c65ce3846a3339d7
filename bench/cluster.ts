/**
 * A throwaway PostgreSQL 15 cluster for the benchmark, with DURABLE settings: fsync=on,
 * synchronous_commit=on, full_page_writes=on (the test helper, test/support/postgresCluster.ts,
 * turns fsync off; this is a copy of it with durable options, not a reuse). initdb into a temporary
 * directory, start on a free port on 127.0.0.1, stop and delete afterwards. As root the server runs
 * as the `postgres` user (runuser), as in the tests.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const POSTGRES_BIN = process.env.LINKS_BENCH_POSTGRES_BIN ?? process.env.LINKS_TEST_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** The server settings the benchmark runs with; printed with the results. */
export const DURABLE_SETTINGS: Record<string, string> = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  max_connections: '300',
};

const asRoot = () => process.getuid?.() === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary (as `postgres` when we are root); rejects with its output on failure. */
export function runAsPostgres(command: string, args: string[], timeoutMs = 120_000, options: { detached?: boolean } = {}): Promise<string> {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(command)} failed: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} failed (${signal ?? `exit ${code}`}): ${output.trim().slice(-2000)}`));
    });
  });
}

/**
 * The settings of a Links server on the cluster (its own `links` database, a fresh secrets key), on
 * free ports of 127.0.0.1, silent, with `adminToken` for the operator API.
 */
export function linksOnCluster(cluster: Pick<Cluster, 'url'>, adminToken: string): Record<string, string> {
  return {
    LINKS_DATABASE_URL: cluster.url.replace(/\/postgres$/, '/links'),
    LINKS_SECRETS_KEY: randomBytes(32).toString('base64'),
    LINKS_HOST: '127.0.0.1',
    LINKS_PRODUCTION_PORT: '0',
    LINKS_SANDBOX_PORT: '0',
    LINKS_CONSOLE_PORT: '0',
    LINKS_ADMIN_TOKEN: adminToken,
    LINKS_LOG_LEVEL: 'silent',
  };
}

export interface Cluster {
  /** Superuser URL (trust authentication, loopback only). */
  url: string;
  dir: string;
  port: number;
  /** Immediate shutdown (no shutdown checkpoint: the data is deleted next), then the directory is deleted. Idempotent. */
  stop(): Promise<void>;
}

export function postgresBinariesPresent(): boolean {
  return ['initdb', 'pg_ctl', 'pgbench'].every((b) => fs.existsSync(path.join(POSTGRES_BIN, b)));
}

/**
 * `register` receives the stop function as soon as the directory exists, before initdb: an
 * interrupted start is cleaned up too (stop waits for a running initdb/pg_ctl, bounded, then stops
 * the server if one is up, then deletes the directory).
 */
export async function startCluster(register: (stop: () => Promise<void>) => void): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-bench-pg-'));
  const data = path.join(dir, 'data');
  let inFlight: Promise<unknown> = Promise.resolve();
  const step = (command: string, args: string[], timeoutMs?: number, detached?: boolean) => {
    const run = runAsPostgres(path.join(POSTGRES_BIN, command), args, timeoutMs, { detached });
    inFlight = run.catch(() => undefined);
    return run;
  };
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      try {
        await Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
        if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
          await runAsPostgres(path.join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '60', 'stop'], 90_000);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    })());
  register(stop);
  if (asRoot()) {
    const { uid, gid } = uidOf('postgres');
    fs.chownSync(dir, uid, gid);
  }
  // --no-sync: initdb's own files are not flushed (a throwaway cluster, deleted after the run);
  // the server itself runs with fsync=on, so every commit measured is flushed.
  await step('initdb', ['--no-sync', '--no-instructions', '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const settings = Object.entries(DURABLE_SETTINGS).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${settings}`;
  // Detached (its own process group): a Ctrl-C in the terminal reaches the harness, which then
  // stops the server itself, instead of the server shutting down under a running phase.
  await step('pg_ctl', ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start'], 90_000, true);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port, stop };
}

function uidOf(user: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no ${user} user: install postgresql-15, or run the benchmark as a non-root user`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

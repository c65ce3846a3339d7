/**
 * A throwaway PostgreSQL 15 cluster for tests: initdb into a temporary directory, start on a free
 * port, stop and delete afterwards. As root it runs the server as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const POSTGRES_BIN = process.env.LINKS_TEST_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresBinariesPresent(): boolean {
  return fs.existsSync(path.join(POSTGRES_BIN, 'initdb')) && fs.existsSync(path.join(POSTGRES_BIN, 'pg_ctl'));
}

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

function run(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

export interface Cluster {
  url: string;
  dir: string;
  port: number;
  stop(): void;
  /** Stops the server abruptly, as a crash or an outage would. */
  kill(): void;
  start(): void;
}

/** With `superuserPassword`, clients must authenticate with SCRAM-SHA-256, as on a real server. */
export async function startCluster(options: { superuserPassword?: string } = {}): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-pg-'));
  const data = path.join(dir, 'data');
  const auth = ['--auth=trust'];
  if (options.superuserPassword) {
    fs.writeFileSync(path.join(dir, 'pwfile'), options.superuserPassword);
    auth.splice(0, 1, '--auth=scram-sha-256', `--pwfile=${path.join(dir, 'pwfile')}`);
  }
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  run(path.join(POSTGRES_BIN, 'initdb'), ['-D', data, '-U', 'postgres', ...auth, '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off`;
  const start = () => run(path.join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'log'), '-w', 'start']);
  start();
  return {
    url: options.superuserPassword
      ? `postgres://postgres:${encodeURIComponent(options.superuserPassword)}@127.0.0.1:${port}/postgres`
      : `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    port,
    start,
    stop() {
      try {
        run(path.join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    kill() {
      run(path.join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    },
  };
}

/** Runs `links start` as its own OS process, the way an operator does, and watches its output. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverLogs } from './linksServer.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/links.js');

export interface LinksProcess {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** `bin`: another checkout's bin/links.js (an earlier commit, for the upgrade test). */
export function spawnLinks(env: Record<string, string>, args: string[] = ['start'], bin = BIN): LinksProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters: Array<() => void> = [];
  // Scanned for key material after the test file (secretScan.ts), unless the process was left to
  // generate its operator token: printing that once is what `links start` is for.
  const scanned: string[] = [];
  if (env.LINKS_ADMIN_TOKEN) serverLogs.push(scanned);
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    scanned.push(chunk.toString('utf8'));
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    async waitFor(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = text.match(pattern);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`links exited (${child.exitCode}) before printing ${pattern}:\n${text}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for ${pattern}:\n${text}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 250));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

/** A `links start` process on ephemeral ports, once its sandbox and console listeners are up. */
export async function startLinksProcess(env: Record<string, string>, bin = BIN): Promise<{ proc: LinksProcess; sandbox: string; console: string }> {
  const proc = spawnLinks({ LINKS_PRODUCTION_PORT: '0', LINKS_SANDBOX_PORT: '0', LINKS_CONSOLE_PORT: '0', ...env }, ['start'], bin);
  const sandbox = (await proc.waitFor(/sandbox API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/))[1]!;
  const consoleUrl = (await proc.waitFor(/console\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  return { proc, sandbox, console: consoleUrl };
}

export interface LinksRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one `links` command to its end, asynchronously (a server under test may live in this
 * process's event loop), with only PATH, HOME and `env` as its environment.
 */
export function runLinks(args: string[], env: Record<string, string> = {}, options: { cwd?: string; timeoutMs?: number } = {}): Promise<LinksRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`links ${args.join(' ')} did not finish in ${options.timeoutMs ?? 120_000} ms:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

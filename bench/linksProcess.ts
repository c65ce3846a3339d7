/**
 * Links on embedded PGlite, in a child process of the harness. PGlite's start (three embedded
 * initdb, in WebAssembly, on the calling thread) blocks its event loop for many seconds; in a child
 * it overlaps with the PostgreSQL setup instead of stalling it. It is the same startLinks with
 * LINKS_DATA_DIR, on its own event loop, exactly as the PostgreSQL Links has its own (the harness's
 * main thread is idle while a phase runs).
 *
 * Child protocol (IPC): child → {ready, origins} | {error}; parent → 'close' (or disconnects).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { loadConfig } from '../packages/server/src/config/config.js';
import { createLogger } from '../packages/server/src/logging.js';
import { startLinks } from '../packages/server/src/server.js';

export interface LinksChild {
  origins: Record<string, string>;
  close(): Promise<void>;
}

/** Starts Links with `env` in a child process; `signal` kills it (ours, by its handle) while it starts. */
export async function startLinksProcess(env: Record<string, string>, signal?: AbortSignal): Promise<LinksChild> {
  const child: ChildProcess = fork(new URL(import.meta.url), ['--links-child'], {
    execArgv: process.execArgv,
    env: { ...process.env, LINKS_BENCH_CHILD_ENV: JSON.stringify(env) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));
  const close = async () => {
    if (exited) return;
    child.send('close');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await gone;
    clearTimeout(timer);
  };
  const onAbort = () => {
    if (!exited) child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const origins = await new Promise<Record<string, string>>((resolve, reject) => {
      if (signal?.aborted) reject(new Error('interrupted'));
      const timer = setTimeout(() => reject(new Error('Links (PGlite) did not start within 180 s')), 180_000);
      child.once('message', (m: { origins?: Record<string, string>; error?: string }) => {
        clearTimeout(timer);
        if (m.origins) resolve(m.origins);
        else reject(new Error(`Links (PGlite) failed to start: ${m.error}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Links (PGlite) exited at start (${code})`));
      });
    });
    return { origins, close };
  } catch (error) {
    if (!exited) child.kill('SIGKILL');
    await gone;
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

if (process.argv.includes('--links-child') && process.send) {
  try {
    const env = JSON.parse(process.env.LINKS_BENCH_CHILD_ENV ?? '{}') as Record<string, string>;
    const running = await startLinks(loadConfig(env), createLogger('silent'));
    let closing = false;
    const stop = async () => {
      if (closing) return;
      closing = true;
      await running.close();
      process.exit(0);
    };
    process.on('message', (m) => {
      if (m === 'close') void stop();
    });
    process.on('disconnect', () => void stop());
    process.send({ origins: running.origins });
  } catch (error) {
    process.send({ error: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
}

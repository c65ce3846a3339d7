/**
 * Starts a real Links server for a test file on ephemeral ports, on the backend of the running
 * vitest project (PGlite or PostgreSQL), capturing its logs. Tests then talk HTTP to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type LinksConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging.js';
import { startLinks, type RunningLinks } from '../../src/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL server the postgres project runs on (postgresGlobalSetup). */
    postgresUrl: string | null;
  }
}

export const backend = (process.env.LINKS_TEST_BACKEND ?? 'pglite') as 'pglite' | 'postgres';

/** Where a test server keeps its data; reused to restart on the same databases. */
export interface TestStorage {
  env: Record<string, string>;
  /** Deletes the data (PGlite directory or PostgreSQL databases). */
  destroy(): Promise<void>;
}

export function postgresAvailable(): boolean {
  return backend === 'pglite' || Boolean(inject('postgresUrl'));
}

export function newStorage(): TestStorage {
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-test-'));
    return { env: { LINKS_DATA_DIR: dir }, destroy: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) throw new Error('no PostgreSQL server for the postgres project');
  const name = `links_t${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    // The secrets key travels with the storage (a restart opens the same sealed secrets); no key file in the working tree.
    env: { LINKS_DATABASE_URL: url.toString(), LINKS_SECRETS_KEY: randomBytes(32).toString('base64') },
    async destroy() {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        for (const db of [name, `${name}_production`, `${name}_sandbox`]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

export const TEST_ADMIN_TOKEN = `test-admin-token-${randomBytes(16).toString('hex')}`;

export interface TestLinks {
  running: RunningLinks;
  config: LinksConfig;
  storage: TestStorage;
  logs: string[];
  url(listener: 'production' | 'sandbox' | 'console'): string;
  adminToken: string;
  /** Stops the server (the data stays for a restart). */
  stop(): Promise<void>;
}

/** Every log line of every server this test file started: test/support/secretScan.ts reads them all. */
export const serverLogs: string[][] = [];

/** Secrets a test sent (e.g. a connection string's password): secretScan.ts fails the file if a log holds one. */
export const plantedSecrets: string[] = [];

export interface StartOptions {
  storage?: TestStorage;
  env?: Record<string, string>;
}

export async function startTestLinks(options: StartOptions = {}): Promise<TestLinks> {
  const storage = options.storage ?? newStorage();
  const config = loadConfig({
    LINKS_PRODUCTION_PORT: '0',
    LINKS_SANDBOX_PORT: '0',
    LINKS_CONSOLE_PORT: '0',
    LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LINKS_DATABASE_POOL_SIZE: '4',
    // The isolation harness fails authentication hundreds of times a minute from 127.0.0.1 on
    // purpose; the limit has its own test (test/rateLimits.test.ts).
    LINKS_AUTH_FAILURES_PER_MINUTE: '0',
    ...storage.env,
    ...options.env,
  });
  const logs: string[] = [];
  serverLogs.push(logs);
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  const running = await startLinks(config, logger);
  return {
    running,
    config,
    storage,
    logs,
    adminToken: config.adminToken ?? running.generatedAdminToken ?? '',
    url(listener) {
      const origin = running.origins[listener];
      if (!origin) throw new Error(`listener ${listener} is not running`);
      return origin;
    },
    stop: () => running.close(),
  };
}

/**
 * One real server for the enclosing describe block: started before its tests (then `onStart`),
 * stopped and its data wiped after them.
 */
export function useTestServer(onStart: (links: TestLinks) => void | Promise<void>, options: StartOptions = {}): void {
  let links: TestLinks | undefined;
  beforeAll(async () => {
    links = await startTestLinks(options);
    await onStart(links);
  });
  afterAll(async () => {
    await links?.stop();
    await links?.storage.destroy();
  });
}

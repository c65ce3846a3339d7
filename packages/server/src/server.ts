/**
 * Starts Links: opens the databases the chosen listeners need (and no others), then the listeners.
 * `close()` stops taking requests, lets in-flight ones finish, then closes the databases.
 */
import { AuthFailureLimiter, KeyRateLimiter } from './auth/rateLimits.js';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { ConfigError, databasesFor, type DatabaseName, type LinksConfig, type ListenerName } from './config/config.js';
import { AdminAuthenticator } from './auth/adminAuthenticator.js';
import { ApiKeyAuthenticator } from './auth/apiKeyAuthenticator.js';
import type { Environment } from './domain/tenancy.js';
import type { RouteRecord } from './http/app.js';
import { buildListener } from './http/listener.js';
import { dataPlaneOpenApiDocument } from './http/openApiDocument.js';
import type { LinksServices } from './http/services.js';
import { loadSecretsKey } from './sources/secretBox.js';
import { cursorKeyFrom } from './domain/cursor.js';
import { openDatabase, type DatabaseHandle } from './storage/database.js';
import type { ControlDatabase } from './storage/controlSchema.js';
import type { EnvironmentDatabase } from './storage/environmentSchema.js';
import { lockDataDirectory } from './storage/dataDirectoryLock.js';
import { listTenants } from './controlPlane/tenants.js';
import { registryFactory } from './gl/connectors.js';
import { glProviders } from './gl/providers.js';
import { GlTransferEngine } from './gl/transferEngine.js';
import { JobWorker, jobSlotsFor } from './jobs/jobWorker.js';
import { jobHandlers } from './jobs/jobHandlers.js';
import { recordCreateBody } from './http/schemas/unified.js';

const LISTENER_LABEL: Record<ListenerName, { label: string; variable: string; path: string }> = {
  production: { label: 'production API', variable: 'LINKS_PRODUCTION_PORT', path: '/api/v1' },
  sandbox: { label: 'sandbox API', variable: 'LINKS_SANDBOX_PORT', path: '/api/v1' },
  console: { label: 'console', variable: 'LINKS_CONSOLE_PORT', path: '' },
};

export interface RunningLinks {
  /** Base URL per running listener, e.g. `{ sandbox: 'http://127.0.0.1:4001/api/v1' }`. */
  urls: Partial<Record<ListenerName, string>>;
  /** Origin per running listener, e.g. `http://127.0.0.1:4001`. */
  origins: Partial<Record<ListenerName, string>>;
  routes: Partial<Record<ListenerName, RouteRecord[]>>;
  /** The databases this process opened: a sandbox-only process never opens production. */
  databases: DatabaseName[];
  /** Set when this start generated the admin token: show it once. */
  generatedAdminToken?: string;
  adminTokenFile?: string;
  close(): Promise<void>;
}

function writeAdminTokenFile(dataDir: string, token: string): string {
  const file = path.join(dataDir, 'admin-token');
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

async function listen(app: FastifyInstance, name: ListenerName, config: LinksConfig): Promise<string> {
  try {
    const address = await app.listen({ host: config.host, port: config.ports[name], listenTextResolver: (at) => `${LISTENER_LABEL[name].label} listening at ${at}` });
    return address.replace('://[::1]', '://localhost');
  } catch (error) {
    throw listenError(error as NodeJS.ErrnoException, name, config);
  }
}

/** Fails fast on a busy port, before the (slow) database start; `listen` still reports a port taken meanwhile. */
async function checkPortsFree(config: LinksConfig): Promise<void> {
  for (const name of config.listeners) {
    if (config.ports[name] === 0) continue;
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ host: config.host, port: config.ports[name], exclusive: true }, () => probe.close(() => resolve()));
    }).catch((error: NodeJS.ErrnoException) => {
      throw listenError(error, name, config);
    });
  }
}

function listenError(error: NodeJS.ErrnoException, name: ListenerName, config: LinksConfig): Error {
  const { label, variable } = LISTENER_LABEL[name];
  if (error.code === 'EADDRINUSE') return new ConfigError(`port ${config.ports[name]} (${label}) is already in use: stop what holds it or set ${variable}`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new ConfigError(`cannot bind ${config.host} (LINKS_HOST): no such address on this machine`);
  if (error.code === 'EACCES') return new ConfigError(`not allowed to bind port ${config.ports[name]} (${label}): choose a port above 1023 with ${variable}`);
  return error;
}

export async function startLinks(config: LinksConfig, logger: Logger): Promise<RunningLinks> {
  await checkPortsFree(config);
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        logger.warn({ err: error }, 'shutdown step failed');
      }
    }
  };

  try {
    if (config.storage.kind === 'embedded') cleanups.push(lockDataDirectory(config.storage.dataDir));

    // Opened together: a fresh embedded database spends most of its start in initdb, which overlaps.
    const names = databasesFor(config.listeners);
    const opened = await Promise.allSettled(names.map((name) => openDatabase<unknown>(name, config)));
    const handles = new Map<DatabaseName, DatabaseHandle<unknown>>();
    opened.forEach((result, i) => {
      if (result.status !== 'fulfilled') return;
      handles.set(names[i]!, result.value);
      cleanups.push(() => result.value.close());
    });
    const failure = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
    const control = (handles.get('control') as DatabaseHandle<ControlDatabase>).db;
    const environments: Partial<Record<Environment, DatabaseHandle<EnvironmentDatabase>['db']>> = {};
    for (const env of ['production', 'sandbox'] as const) {
      const handle = handles.get(env) as DatabaseHandle<EnvironmentDatabase> | undefined;
      if (handle) environments[env] = handle.db;
    }

    const apiKeys = new ApiKeyAuthenticator(control, { pollMs: config.keyChangePollMs, maxAgeMs: config.keyCacheMaxAgeMs }, logger);
    apiKeys.start();
    cleanups.push(() => apiKeys.stop());

    let admin: AdminAuthenticator | undefined;
    const running: RunningLinks = { urls: {}, origins: {}, routes: {}, databases: [...handles.keys()], close: cleanup };
    if (config.listeners.includes('console')) {
      const opened = await AdminAuthenticator.open(control, config.adminToken);
      admin = opened.authenticator;
      if (opened.generated) {
        running.generatedAdminToken = opened.generated;
        if (config.storage.kind === 'embedded') running.adminTokenFile = writeAdminTokenFile(config.storage.dataDir, opened.generated);
      }
    }

    const secretsKey = secretsKeyLoader(config);
    let cursorKey: Buffer | undefined;
    const providers = glProviders({ xero: config.xero, secretsKey });
    const glConnectors = registryFactory(providers);
    const glEngine = new GlTransferEngine({
      environments,
      tenantIds: () => allTenantIds(control),
      secretsKey,
      connectors: glConnectors,
      timings: config.gl,
      logger,
    });
    const services: LinksServices = {
      control,
      environments,
      databases: [...handles.values()],
      apiKeys,
      admin,
      groupCommit: config.groupCommit,
      keyRates: new KeyRateLimiter(config.rateLimitPerKey),
      authFailures: new AuthFailureLimiter(config.authFailuresPerMinute),
      secretsKey,
      cursorKey: () => (cursorKey ??= cursorKeyFrom(secretsKey())),
      trustProxy: config.trustProxy,
      gl: {
        secretsKey,
        providers,
        connectors: glConnectors,
        requestTimeoutMs: config.gl.requestTimeoutMs,
        wake: (environment, tenantId, connectionId) => glEngine.wake(environment, tenantId, connectionId),
      },
      wakeJobs: (environment) => workers.get(environment)?.wake(),
    };
    const workers = new Map<Environment, JobWorker>();
    // Built on first use (a listener of its own, never started): the console's API reference shows it.
    let dataPlane: Promise<unknown> | undefined;
    const dataPlaneDocument = () => (dataPlane ??= dataPlaneOpenApiDocument());
    for (const name of config.listeners) {
      const { app, routes } = await buildListener(name, services, logger, name === 'console' ? { dataPlaneDocument } : {});
      cleanups.push(() => app.close());
      const origin = await listen(app, name, config);
      running.origins[name] = origin;
      running.urls[name] = origin + LISTENER_LABEL[name].path;
      running.routes[name] = routes;
    }
    // Each served environment's jobs run in this process, started once the listeners are up (jobs
    // resumed at start would otherwise compete with the listeners' start on an embedded database);
    // stopped before the listeners and databases close.
    const handlers = jobHandlers(secretsKey, recordCreateBody, services.gl);
    const slots = jobSlotsFor(config);
    if (slots < config.jobSlots) logger.info({ job_slots: slots, pool_size: config.poolSize }, `job slots lowered to ${slots}: LINKS_DATABASE_POOL_SIZE leaves one connection for requests`);
    for (const env of ['production', 'sandbox'] as const) {
      const db = environments[env];
      if (!db || !config.listeners.includes(env)) continue;
      const worker = new JobWorker({ db, environment: env, embedded: config.storage.kind === 'embedded', slots, handlers, cursorKey: services.cursorKey, logger });
      await worker.start();
      workers.set(env, worker);
      cleanups.push(() => worker.stop());
    }
    // Stopped first at close (cleanups run in reverse), before the databases it uses.
    if (Object.keys(environments).length > 0) {
      glEngine.start();
      cleanups.push(() => glEngine.stop());
    }
    return running;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The key that seals connection secrets, loaded (or created) on first use only. */
function secretsKeyLoader(config: LinksConfig): () => Buffer {
  let key: Buffer | undefined;
  // PostgreSQL mode never falls back to a key file (loadConfig requires LINKS_SECRETS_KEY there).
  const dataDir = config.storage.kind === 'embedded' ? config.dataDir : undefined;
  return () => (key ??= loadSecretsKey({ secretsKey: config.secretsKey, dataDir }));
}

/** Every tenant id, for the GL engine's discovery of connections made by other processes. */
async function allTenantIds(control: Kysely<ControlDatabase>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const found = await listTenants(control, { page, limit: 100 });
    ids.push(...found.data.map((t) => t.id));
    if (page >= found.totalPages) return ids;
  }
}

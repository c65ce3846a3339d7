/**
 * Configuration from environment variables (the table in README.md), validated once at start. A bad value
 * becomes one ConfigError line naming the variable; nothing starts half-configured.
 */
import net from 'node:net';
import path from 'node:path';
import type { Environment } from '../domain/tenancy.js';

export const LISTENER_NAMES = ['production', 'sandbox', 'console'] as const;
export type ListenerName = (typeof LISTENER_NAMES)[number];

export type DatabaseName = 'control' | Environment;

export type StorageConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; urls: Record<DatabaseName, string> };

export interface LinksConfig {
  host: string;
  ports: Record<ListenerName, number>;
  listeners: ListenerName[];
  storage: StorageConfig;
  /** The role request connections switch to: neither owner nor superuser, so row-level security applies. */
  appRole: string;
  adminToken: string | undefined;
  logLevel: string;
  /** `auto`: readable lines when stdout is a terminal, JSON otherwise. */
  logFormat: LogFormatSetting;
  poolSize: number;
  /** How often a process looks for keys revoked or changed by another process. */
  keyChangePollMs: number;
  /** How long a verified key may be served from the cache before it is looked up again. */
  keyCacheMaxAgeMs: number;
  /**
   * LINKS_TRUST_PROXY: whose X-Forwarded-For to believe for the client address (per-address
   * limits, logs). false: nobody's; a number: that many proxy hops; a list: those addresses/CIDRs.
   */
  trustProxy: TrustProxy;
  /** Coalesce concurrent journal-entry posts of a tenant into shared transactions. */
  groupCommit: boolean;
  /** Requests per second per API key (LINKS_RATE_LIMIT_PER_KEY; 0 = no limit). */
  rateLimitPerKey: number;
  /** Failed authentications per client address per minute (LINKS_AUTH_FAILURES_PER_MINUTE; 0 = no limit). */
  authFailuresPerMinute: number;
  /** LINKS_DATA_DIR, resolved: the embedded database and, in every mode, the generated secrets key file. */
  dataDir: string;
  /** LINKS_SECRETS_KEY: encrypts connection secrets at rest; unset = a key file under dataDir (embedded mode only). */
  secretsKey: string | undefined;
  /** LINKS_STATEMENT_TIMEOUT_MS: the longest one SQL statement of a request may run (0 = no limit). */
  statementTimeoutMs: number;
  /** LINKS_JOB_SLOTS: jobs each environment's worker runs at once in this process; a tenant holds all but one. */
  jobSlots: number;
  /** Where Xero is (tests and the docs walkthrough point these at a local stand-in). */
  xero: XeroEndpoints;
  /** The GL transfer engine's timings (LINKS_GL_*): see gl/transferEngine.ts. */
  gl: { pollMs: number; discoveryMs: number; leaseMs: number; requestTimeoutMs: number; backoffMs: number };
}

export interface XeroEndpoints {
  /** LINKS_XERO_API_URL: the Accounting API root. */
  apiUrl: string;
  /** LINKS_XERO_IDENTITY_URL: the identity service; tokens at `/connect/token`. */
  identityUrl: string;
  /** LINKS_XERO_CONNECTIONS_URL: the organisations a token may use. */
  connectionsUrl: string;
  /** LINKS_XERO_LOGIN_URL: the page a person opens to authorise Links (authorization-code flow). */
  loginUrl: string;
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormatSetting = (typeof LOG_FORMATS)[number];

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`${name} must be a port number from 0 to 65535 (got ${JSON.stringify(raw)})`);
  }
  return Number(raw);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return Number(raw);
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'true' || raw === '1') return true;
  if (raw === 'off' || raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be on or off (got ${JSON.stringify(raw)})`);
}

/** Unset: X-Forwarded-For is ignored, so a client cannot choose the address its limits count against. */
function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.LINKS_TRUST_PROXY?.trim();
  if (!raw) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10) throw new ConfigError(`LINKS_TRUST_PROXY as a hop count must be from 1 to 10 (got ${JSON.stringify(raw)})`);
    return hops;
  }
  const entries = raw.split(',').map((s) => s.trim());
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = net.isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError(
        `LINKS_TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or CIDRs, e.g. 10.0.0.5,192.168.0.0/16 (got ${JSON.stringify(entry)})`,
      );
    }
  }
  return entries;
}

/** The 32 key bytes of a LINKS_SECRETS_KEY value (base64 or hex); the error never echoes the value. */
export function decodeSecretsKey(raw: string): Buffer {
  const value = raw.trim();
  if (/^[0-9A-Fa-f]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return Buffer.from(value, 'base64');
  throw new ConfigError('LINKS_SECRETS_KEY must be 32 bytes as base64 (44 characters) or hex (64 characters); make one with `openssl rand -base64 32`');
}

function parseListeners(raw: string, source: string): ListenerName[] {
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new ConfigError(`${source} names no listener (use production, sandbox or console)`);
  for (const name of names) {
    if (!(LISTENER_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(`${source} has unknown listener ${JSON.stringify(name)} (use production, sandbox or console)`);
    }
  }
  return LISTENER_NAMES.filter((n) => names.includes(n));
}

/** An http(s) URL without a trailing slash (LINKS_XERO_* and the other ERP endpoints). */
function endpointUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL (got ${JSON.stringify(raw)})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} must start with https:// or http:// (got ${url.protocol}//)`);
  if (url.search || url.hash) throw new ConfigError(`${name} must not carry a query or fragment`);
  return url.toString().replace(/\/+$/, '');
}

function postgresUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL (expected postgres://user:password@host:port/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// (got ${url.protocol}//)`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,50}$/.test(database)) {
    throw new ConfigError(`${name} must name a database of letters, digits and _ (got ${JSON.stringify(database)})`);
  }
  return url;
}

/** `postgres://…/links` → `postgres://…/links_production`. */
export function withDatabaseSuffix(url: URL, suffix: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${decodeURIComponent(url.pathname.replace(/^\//, ''))}_${suffix}`;
  return copy.toString();
}

function storageConfig(env: NodeJS.ProcessEnv, dataDir: string): StorageConfig {
  const main = env.LINKS_DATABASE_URL;
  const production = env.LINKS_PRODUCTION_DATABASE_URL;
  const sandbox = env.LINKS_SANDBOX_DATABASE_URL;
  if (!main) {
    if (production || sandbox) {
      throw new ConfigError('LINKS_PRODUCTION_DATABASE_URL and LINKS_SANDBOX_DATABASE_URL need LINKS_DATABASE_URL (the control database) too');
    }
    return { kind: 'embedded', dataDir };
  }
  const control = postgresUrl('LINKS_DATABASE_URL', main);
  return {
    kind: 'postgres',
    urls: {
      control: control.toString(),
      production: production ? postgresUrl('LINKS_PRODUCTION_DATABASE_URL', production).toString() : withDatabaseSuffix(control, 'production'),
      sandbox: sandbox ? postgresUrl('LINKS_SANDBOX_DATABASE_URL', sandbox).toString() : withDatabaseSuffix(control, 'sandbox'),
    },
  };
}

export interface CommandLineOptions {
  /** `--env production|sandbox|console`, possibly repeated or comma-separated. */
  env?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv, options: CommandLineOptions = {}): LinksConfig {
  const listeners = options.env
    ? parseListeners(options.env, '--env')
    : env.LINKS_LISTENERS
      ? parseListeners(env.LINKS_LISTENERS, 'LINKS_LISTENERS')
      : [...LISTENER_NAMES];

  const ports = {
    production: port(env, 'LINKS_PRODUCTION_PORT', 4000),
    sandbox: port(env, 'LINKS_SANDBOX_PORT', 4001),
    console: port(env, 'LINKS_CONSOLE_PORT', 4002),
  };
  const chosen = listeners.map((l) => ports[l]).filter((p) => p !== 0);
  if (new Set(chosen).size !== chosen.length) {
    throw new ConfigError(`two listeners share one port (${listeners.map((l) => `${l} ${ports[l]}`).join(', ')})`);
  }

  const host = env.LINKS_HOST || '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError(`LINKS_HOST is not a host name or address (got ${JSON.stringify(host)})`);

  const appRole = env.LINKS_DATABASE_APP_ROLE || 'links_app';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(appRole)) {
    throw new ConfigError(`LINKS_DATABASE_APP_ROLE must be lower-case letters, digits and _ (got ${JSON.stringify(appRole)})`);
  }

  const adminToken = env.LINKS_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 32) {
    throw new ConfigError('LINKS_ADMIN_TOKEN must be at least 32 characters (or unset, to have one generated)');
  }

  const secretsKey = env.LINKS_SECRETS_KEY || undefined;
  if (secretsKey !== undefined) decodeSecretsKey(secretsKey);
  const dataDir = path.resolve(env.LINKS_DATA_DIR || '.links');
  const storage = storageConfig(env, dataDir);
  // Processes sharing a PostgreSQL database must share one key; a per-host key file would seal
  // secrets that the next host cannot open.
  if (storage.kind === 'postgres' && secretsKey === undefined) {
    throw new ConfigError('LINKS_SECRETS_KEY is required with LINKS_DATABASE_URL (every process sharing the database seals connection secrets with it); make one with `openssl rand -base64 32`');
  }

  const logLevel = env.LINKS_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LINKS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = (env.LINKS_LOG_FORMAT || 'auto') as LogFormatSetting;
  if (!LOG_FORMATS.includes(logFormat)) throw new ConfigError(`LINKS_LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')} (got ${JSON.stringify(logFormat)})`);

  return {
    host,
    ports,
    listeners,
    storage,
    appRole,
    adminToken,
    logLevel,
    logFormat,
    poolSize: integer(env, 'LINKS_DATABASE_POOL_SIZE', 10, 1, 500),
    keyChangePollMs: integer(env, 'LINKS_KEY_CHANGE_POLL_MS', 250, 10, 1000),
    keyCacheMaxAgeMs: integer(env, 'LINKS_KEY_CACHE_MAX_AGE_MS', 60_000, 10, 3_600_000),
    trustProxy: trustProxy(env),
    groupCommit: onOff(env, 'LINKS_GROUP_COMMIT', true),
    rateLimitPerKey: integer(env, 'LINKS_RATE_LIMIT_PER_KEY', 5000, 0, 1_000_000),
    authFailuresPerMinute: integer(env, 'LINKS_AUTH_FAILURES_PER_MINUTE', 100, 0, 1_000_000),
    dataDir,
    secretsKey,
    statementTimeoutMs: integer(env, 'LINKS_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    jobSlots: integer(env, 'LINKS_JOB_SLOTS', 4, 1, 64),
    xero: {
      apiUrl: endpointUrl(env, 'LINKS_XERO_API_URL', 'https://api.xero.com/api.xro/2.0'),
      identityUrl: endpointUrl(env, 'LINKS_XERO_IDENTITY_URL', 'https://identity.xero.com'),
      connectionsUrl: endpointUrl(env, 'LINKS_XERO_CONNECTIONS_URL', 'https://api.xero.com/connections'),
      loginUrl: endpointUrl(env, 'LINKS_XERO_LOGIN_URL', 'https://login.xero.com/identity/connect/authorize'),
    },
    gl: {
      pollMs: integer(env, 'LINKS_GL_POLL_MS', 1000, 10, 3_600_000),
      discoveryMs: integer(env, 'LINKS_GL_DISCOVERY_MS', 10_000, 10, 3_600_000),
      leaseMs: integer(env, 'LINKS_GL_LEASE_MS', 120_000, 100, 3_600_000),
      requestTimeoutMs: integer(env, 'LINKS_GL_REQUEST_TIMEOUT_MS', 30_000, 50, 600_000),
      backoffMs: integer(env, 'LINKS_GL_BACKOFF_MS', 1000, 1, 3_600_000),
    },
  };
}

/** The databases a set of listeners needs; a sandbox-only process never opens production. */
export function databasesFor(listeners: readonly ListenerName[]): DatabaseName[] {
  const needed = new Set<DatabaseName>(['control']);
  for (const l of listeners) {
    if (l === 'console') {
      // The operator's audit view reads data-plane events of both environments.
      needed.add('production');
      needed.add('sandbox');
    } else {
      needed.add(l);
    }
  }
  return (['control', 'production', 'sandbox'] as const).filter((d) => needed.has(d));
}

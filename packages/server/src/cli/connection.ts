/**
 * Where the `links` commands connect, and with what, and how failures read.
 *
 * Operator commands call `/admin/v1` on the console: URL from `--console-url`, LINKS_CONSOLE_URL or
 * http://127.0.0.1:4002; token from `--admin-token`, LINKS_ADMIN_TOKEN, or the file
 * `$LINKS_DATA_DIR/admin-token` (default ./.links/admin-token) that `links start` writes.
 *
 * Data commands go through @links/sdk: key from `--key` or LINKS_API_KEY; the key picks the
 * environment, and the endpoint comes from `--url`, else LINKS_SANDBOX_URL / LINKS_PRODUCTION_URL,
 * else the local defaults, exactly as the SDK resolves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  AuthenticationError,
  EnvironmentMismatchError,
  InvalidApiKeyError,
  LinksError,
  LinksSDK,
  UnavailableError,
  type Environment,
} from '@links/sdk';
import { CliError } from './output.js';

export const DEFAULT_CONSOLE_URL = 'http://127.0.0.1:4002';
const DEFAULT_ENDPOINTS: Record<Environment, string> = { sandbox: 'http://127.0.0.1:4001', production: 'http://127.0.0.1:4000' };
const ENDPOINT_VARIABLES: Record<Environment, string> = { sandbox: 'LINKS_SANDBOX_URL', production: 'LINKS_PRODUCTION_URL' };

export interface AdminOptions {
  consoleUrl?: string;
  adminToken?: string;
}

export interface DataOptions {
  key?: string;
  url?: string;
}

export function addAdminOptions(command: Command): Command {
  return command
    .option('--console-url <url>', 'the console (operator API); default LINKS_CONSOLE_URL or http://127.0.0.1:4002')
    .option('--admin-token <token>', 'the operator token; default LINKS_ADMIN_TOKEN or $LINKS_DATA_DIR/admin-token');
}

export function addDataOptions(command: Command): Command {
  return command
    .option('--key <key>', 'the API key (lk_sandbox_… or lk_production_…); default LINKS_API_KEY')
    .option('--url <url>', "the API endpoint of the key's environment; default LINKS_SANDBOX_URL / LINKS_PRODUCTION_URL");
}

function origin(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`${what} ${JSON.stringify(raw)} is not a URL`);
  }
  return url.toString().replace(/\/+$/, '').replace(/\/(admin|api)\/v1$/, '');
}

function reachFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code) return cause.code;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

// ---- operator API --------------------------------------------------------------------------

export interface AdminConnection {
  consoleUrl: string;
  tokenSource: string;
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
  /** Every item of a paged list, page after page (or the first `max`). */
  list<T>(path: string, max?: number): Promise<T[]>;
}

function adminToken(options: AdminOptions): { token: string; source: string } {
  if (options.adminToken) return { token: options.adminToken.trim(), source: '--admin-token' };
  if (process.env.LINKS_ADMIN_TOKEN) return { token: process.env.LINKS_ADMIN_TOKEN.trim(), source: 'LINKS_ADMIN_TOKEN' };
  const file = path.resolve(process.env.LINKS_DATA_DIR || './.links', 'admin-token');
  let token: string;
  try {
    token = fs.readFileSync(file, 'utf8').trim();
  } catch {
    throw new CliError(`no admin token: pass --admin-token, set LINKS_ADMIN_TOKEN, or run where ${file} exists (links start writes it)`);
  }
  if (!token) throw new CliError(`no admin token: ${file} is empty`);
  return { token, source: file };
}

export function connectAdmin(options: AdminOptions): AdminConnection {
  const consoleUrl = origin(options.consoleUrl || process.env.LINKS_CONSOLE_URL || DEFAULT_CONSOLE_URL, 'the console URL');
  const { token, source } = adminToken(options);
  const raw = async (method: 'GET' | 'POST' | 'PATCH', route: string, body?: unknown): Promise<{ data?: unknown; totalPages?: number }> => {
    let response: Response;
    try {
      response = await fetch(`${consoleUrl}/admin/v1${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new CliError(`cannot reach the console at ${consoleUrl} (${reachFailure(error)}): is the server running? Set --console-url or LINKS_CONSOLE_URL`);
    }
    const text = await response.text();
    let parsed: { data?: unknown; totalPages?: number; error?: { code?: string; message?: string } } | undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      if (response.status === 401) throw new CliError(`the console refused the admin token from ${source} (unauthenticated)`);
      const code = parsed?.error?.code ?? `http_${response.status}`;
      const message = parsed?.error?.message ?? `the console answered ${response.status}`;
      throw new CliError(`${message.replace(/\.$/, '')} (${code})`);
    }
    if (parsed === undefined || typeof parsed !== 'object') throw new CliError(`the console at ${consoleUrl} answered ${response.status} without JSON: is that a Links console?`);
    return parsed;
  };
  return {
    consoleUrl,
    tokenSource: source,
    async request<T>(method: 'GET' | 'POST' | 'PATCH', route: string, body?: unknown) {
      return (await raw(method, route, body)).data as T;
    },
    async list<T>(route: string, max = Number.POSITIVE_INFINITY) {
      const items: T[] = [];
      for (let page = 1; items.length < max; page++) {
        const separator = route.includes('?') ? '&' : '?';
        const body = await raw('GET', `${route}${separator}page=${page}&limit=100`);
        items.push(...((body.data as T[] | undefined) ?? []));
        if (!body.totalPages || page >= body.totalPages) break;
      }
      return items.slice(0, max);
    },
  };
}

// ---- data plane (SDK) ----------------------------------------------------------------------

export interface DataConnection {
  sdk: LinksSDK;
  environment: Environment;
  /** The origin the SDK calls (for messages). */
  endpoint: string;
}

export function connectData(options: DataOptions, tuning: { maxRetries?: number; timeoutMs?: number } = {}): DataConnection {
  const apiKey = options.key || process.env.LINKS_API_KEY;
  if (!apiKey) throw new CliError('no API key: pass --key or set LINKS_API_KEY (keys start with lk_sandbox_ or lk_production_)');
  let sdk: LinksSDK;
  try {
    sdk = new LinksSDK({
      apiKey,
      baseUrl: options.url ? origin(options.url, 'the API URL') : undefined,
      maxRetries: tuning.maxRetries ?? 2,
      timeoutMs: tuning.timeoutMs ?? 30_000,
    });
  } catch (error) {
    if (error instanceof InvalidApiKeyError) {
      if (/checksum/.test(error.message)) throw new CliError('the API key fails its checksum: it was mistyped or cut short');
      throw new CliError('that is not an API key: keys are lk_sandbox_… or lk_production_… followed by 49 letters and digits');
    }
    throw new CliError(error instanceof Error ? error.message.replace(/^Links: /, '') : String(error));
  }
  const environment = sdk.environment!;
  const endpoint = options.url ? origin(options.url, 'the API URL') : origin(process.env[ENDPOINT_VARIABLES[environment]] || DEFAULT_ENDPOINTS[environment], ENDPOINT_VARIABLES[environment]);
  return { sdk, environment, endpoint };
}

/** One line for any failure of a data-plane call. Never contains the key. */
export function describeDataError(error: unknown, connection: Pick<DataConnection, 'environment' | 'endpoint'>): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof UnavailableError && (error.code === 'network_error' || error.code === 'timeout')) {
    if (error.code === 'timeout') {
      // The request was sent: a write may have been applied, and only its Idempotency-Key can settle it.
      const retry = error.idempotencyKey ? `retry with --idempotency-key ${error.idempotencyKey}` : 'check before sending it again';
      return new CliError(`no answer in time from the ${connection.environment} API at ${connection.endpoint}: a write may have been applied; ${retry}`);
    }
    return new CliError(
      `cannot reach the ${connection.environment} API at ${connection.endpoint} (no answer): is the server running? Set --url or ${ENDPOINT_VARIABLES[connection.environment]}`,
    );
  }
  if (error instanceof AuthenticationError) return new CliError(`the ${connection.environment} API refused the API key: ${trimDot(error.message)} (unauthenticated)`);
  if (error instanceof EnvironmentMismatchError) return new CliError(`${trimDot(error.message)} (environment_mismatch)`);
  if (error instanceof LinksError) return new CliError(`${trimDot(error.message)} (${error.code})`);
  return new CliError(error instanceof Error ? error.message : String(error));
}

function trimDot(message: string): string {
  return message.replace(/\.$/, '');
}

/** Runs a data command with a connected SDK; any failure becomes one clear line. */
export async function withData<T>(options: DataOptions, work: (connection: DataConnection) => Promise<T>, tuning?: { maxRetries?: number }): Promise<T> {
  const connection = connectData(options, tuning);
  try {
    return await work(connection);
  } catch (error) {
    throw describeDataError(error, connection);
  }
}

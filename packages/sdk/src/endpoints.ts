/** Where each environment's API lives: options first, then LINKS_*_URL, then the local defaults. */
import type { Environment } from './apiKey.js';

export interface EndpointOptions {
  /** One URL for whatever environment the key belongs to. */
  baseUrl?: string;
  endpoints?: Partial<Record<Environment, string>>;
}

const DEFAULTS: Record<Environment, string> = { sandbox: 'http://127.0.0.1:4001', production: 'http://127.0.0.1:4000' };
const VARIABLES: Record<Environment, string> = { sandbox: 'LINKS_SANDBOX_URL', production: 'LINKS_PRODUCTION_URL' };

function fromEnvironment(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name] || undefined;
}

/** The origin to call, without a trailing `/api/v1` (paths carry it). */
export function endpointFor(environment: Environment, options: EndpointOptions): string {
  const chosen = options.baseUrl ?? options.endpoints?.[environment] ?? fromEnvironment(VARIABLES[environment]) ?? DEFAULTS[environment];
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    throw new Error(`Links: the ${environment} endpoint ${JSON.stringify(chosen)} is not a URL`);
  }
  return url.toString().replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

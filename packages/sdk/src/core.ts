/** One authenticated call to the environment the key belongs to, returning `data` or throwing a LinksError. */
import createClient, { type Client } from 'openapi-fetch';
import { environmentOfKey, type Environment } from './apiKey.js';
import { endpointFor, type EndpointOptions } from './endpoints.js';
import { errorFromResponse, UnavailableError } from './errors.js';
import type { paths } from './generated/openapi.js';
import { newIdempotencyKey, retryingFetch } from './transport.js';

export interface RequestOptions {
  /** Creates: your own key (an invoice id, say) instead of a generated one; reused across retries. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /**
   * Called with what the final HTTP response said beyond its body (also when it is an error):
   * its status, `Request-Id`, and whether it replays an earlier request (`Idempotent-Replayed`).
   */
  onResponse?: (info: ResponseInfo) => void;
}

/** What `onResponse` receives. */
export interface ResponseInfo {
  status: number;
  requestId: string | null;
  /** True when the server answered an Idempotency-Key it had already seen: nothing was created. */
  idempotentReplayed: boolean;
}

/** An axios-style answer (what the Links-compatible groups resolve to): the parsed body, with its status and headers. */
export interface LinksResponse<T> {
  data: T;
  status: number;
  statusText: string;
  /** Lower-case names, as axios gives them. */
  headers: Record<string, string>;
}

export interface CallSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: keyof paths;
  pathParams?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Creates send an Idempotency-Key, generated unless the caller names one. */
  creates?: boolean;
  /** Extra request headers of this call (e.g. `Prefer: respond-async`). */
  headers?: Record<string, string>;
  options?: RequestOptions;
}

export interface CoreOptions extends EndpointOptions {
  timeoutMs: number;
  maxRetries: number;
  fetch: typeof fetch;
  /** Sent with every request; an `Authorization` among them is dropped, since the key's is the one that counts. */
  headers?: Record<string, string>;
}

export class LinksCore {
  private connection: Promise<{ client: Client<paths>; environment: Environment }> | undefined;

  constructor(
    private readonly apiKey: string | Promise<string>,
    private readonly options: CoreOptions,
  ) {}

  private connect(apiKey: string): { client: Client<paths>; environment: Environment } {
    const environment = environmentOfKey(apiKey);
    const client = createClient<paths>({
      baseUrl: endpointFor(environment, this.options),
      fetch: retryingFetch(this.options),
      headers: {
        ...Object.fromEntries(Object.entries(this.options.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'authorization')),
        Authorization: `Bearer ${apiKey.trim()}`,
      },
    });
    return { client, environment };
  }

  /** Resolves the key (it may be a promise) once, and checks it before any request. Private: its type is openapi-fetch's, which the published typings must not need. */
  private connected(): Promise<{ client: Client<paths>; environment: Environment }> {
    this.connection ??= Promise.resolve(this.apiKey).then((key) => this.connect(key));
    return this.connection;
  }

  /** One request: the parsed body and the Response it came in, or a thrown LinksError. */
  async send(spec: CallSpec): Promise<{ body: unknown; response: Response }> {
    const { client } = await this.connected();
    const query = Object.fromEntries(Object.entries(spec.query ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    const headers: Record<string, string> = { ...spec.headers };
    const idempotencyKey = spec.creates ? (spec.options?.idempotencyKey ?? newIdempotencyKey()) : null;
    if (idempotencyKey !== null) headers['Idempotency-Key'] = idempotencyKey;
    // An UnavailableError means the outcome is unknown: it names the key that settles it.
    const withKey = (error: unknown) => {
      if (error instanceof UnavailableError) error.idempotencyKey = idempotencyKey;
      return error;
    };
    const init = {
      params: { path: spec.pathParams ?? {}, query },
      body: spec.body,
      headers,
      signal: spec.options?.signal,
    };
    const { data, error, response } = await (client.request as (m: string, p: string, i: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>)(
      spec.method,
      spec.path,
      init,
    ).catch((failure: unknown) => {
      throw withKey(failure);
    });
    spec.options?.onResponse?.({
      status: response.status,
      requestId: response.headers.get('request-id'),
      idempotentReplayed: response.headers.get('idempotent-replayed') === 'true',
    });
    if (!response.ok) {
      throw withKey(errorFromResponse(response.status, error, response.headers.get('request-id'), response.headers.get('retry-after')));
    }
    return { body: data, response };
  }

  async call<T>(spec: CallSpec): Promise<T> {
    return (await this.send(spec)).body as T;
  }

  /** The whole answer, axios-style: the body is not unwrapped. */
  async response<T>(spec: CallSpec): Promise<LinksResponse<T>> {
    const { body, response } = await this.send(spec);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { data: body as T, status: response.status, statusText: response.statusText, headers };
  }

  /** `{data: …}` answers unwrapped. */
  async data<T>(spec: CallSpec): Promise<T> {
    return (await this.call<{ data: T }>(spec)).data;
  }
}

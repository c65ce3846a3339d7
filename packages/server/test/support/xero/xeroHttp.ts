/**
 * The Xero stand-in over HTTP (one port for identity, connections, the authorize page and the
 * Accounting API), and the same model as an in-process `fetch` for simulations. A dropped answer
 * is a destroyed socket over HTTP and a rejected fetch in-process, as `fetch` reports a reset.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, type XeroModel, type XeroRequest } from './xeroModel.js';

export interface XeroStandInUrls {
  /** LINKS_XERO_API_URL */
  apiUrl: string;
  /** LINKS_XERO_IDENTITY_URL (token at /connect/token) */
  identityUrl: string;
  /** LINKS_XERO_CONNECTIONS_URL */
  connectionsUrl: string;
  /** LINKS_XERO_LOGIN_URL */
  loginUrl: string;
}

export function standInUrls(base: string): XeroStandInUrls {
  return { apiUrl: `${base}${API_PREFIX}`, identityUrl: base, connectionsUrl: `${base}/connections`, loginUrl: `${base}/identity/connect/authorize` };
}

/** The environment variables pointing Links at a stand-in. */
export function standInEnv(urls: XeroStandInUrls): Record<string, string> {
  return { LINKS_XERO_API_URL: urls.apiUrl, LINKS_XERO_IDENTITY_URL: urls.identityUrl, LINKS_XERO_CONNECTIONS_URL: urls.connectionsUrl, LINKS_XERO_LOGIN_URL: urls.loginUrl };
}

export async function startXeroHttp(model: XeroModel, port = 0, host = '127.0.0.1'): Promise<XeroStandInUrls & { close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const request: XeroRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body: Buffer.concat(chunks).toString('utf8') };
      model.handle(request).then(
        (answer) => {
          if (!answer) return void req.socket.destroy();
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const base = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    ...standInUrls(base),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `fetch` answered by the model in-process; URLs must start with `base`. */
export function inProcessFetch(model: XeroModel, base: string): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    if (!url.toString().startsWith(base)) throw new TypeError(`fetch failed: ${url} is not the stand-in`);
    const headers: Record<string, string | undefined> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = typeof init?.body === 'string' ? init.body : init?.body instanceof URLSearchParams ? init.body.toString() : '';
    const answer = await model.handle({ method: init?.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body });
    if (!answer) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    return new Response(answer.status === 302 || answer.body === '' ? null : answer.body, { status: answer.status, headers: answer.headers });
  }) as typeof fetch;
}

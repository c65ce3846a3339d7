/**
 * A standard OpenAPI validator between a client and a listener: Prism (`prism proxy`) forwards each
 * request and adds an `sl-violations` header to every answer whose request or response breaks the
 * document. A small recorder in front of it keeps each exchange's violations and strips what Prism
 * adds (that header and CORS headers), so the client sees the server's answer unchanged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PRISM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../node_modules/.bin/prism');

export interface Violation {
  location: string[];
  severity: string;
  code?: string;
  message: string;
}

export interface Exchange {
  method: string;
  url: string;
  status: number;
  violations: Violation[];
  /** When the answer came (ms since the epoch): tells which guide of a long script sent it. */
  at: number;
}

export interface SpecValidator {
  /** Where clients send requests instead of the listener. */
  url: string;
  exchanges: Exchange[];
  /** Every exchange the document does not describe truthfully, one line each. */
  defects(): string[];
  close(): Promise<void>;
}

/**
 * A defect: any response violation (undocumented status, body off its schema), an operation the
 * document does not have, or a request the document forbids that the server still accepted (2xx).
 * A request the document forbids and the server refused with a documented error is the document
 * telling the truth.
 */
export function defectsOf(exchanges: Exchange[]): string[] {
  return exchanges.flatMap((exchange) =>
    exchange.violations
      .filter((v) => v.location[0] === 'response' || v.message === 'Selected route not found' || exchange.status < 400)
      .map((v) => `${exchange.method} ${exchange.url} → ${exchange.status}: ${v.location.join('.')}: ${v.message}`),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`prism did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${output}`));
    });
  });
}

/** Starts Prism on `spec` (a file or URL) proxying to `upstream`, and the recorder in front of it. */
export async function startSpecValidator(spec: string, upstream: string): Promise<SpecValidator> {
  const prismPort = await freePort();
  const prism = spawn(PRISM, ['proxy', spec, upstream, '--host', '127.0.0.1', '--port', String(prismPort), '--errors', 'false'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForListening(prism, 60_000);
  } catch (error) {
    prism.kill();
    throw error;
  }
  prism.removeAllListeners('exit');
  for (const stream of [prism.stdout, prism.stderr]) {
    stream.removeAllListeners('data');
    stream.resume(); // Prism logs every exchange: keep its pipes drained
  }
  const exchanges: Exchange[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const recorder = http.createServer((request, response) => {
    const forwarded = http.request(
      { host: '127.0.0.1', port: prismPort, method: request.method, path: request.url, headers: request.headers, agent },
      (answer) => {
        const headers = { ...answer.headers };
        const violations = headers['sl-violations'];
        for (const name of Object.keys(headers)) {
          if (name === 'sl-violations' || name.startsWith('access-control-')) delete headers[name];
        }
        exchanges.push({
          method: request.method ?? '',
          url: request.url ?? '',
          status: answer.statusCode ?? 0,
          violations: typeof violations === 'string' ? (JSON.parse(violations) as Violation[]) : [],
          at: Date.now(),
        });
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', (error) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`validator proxy: ${error.message}`);
    });
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const { port } = recorder.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    defects: () => defectsOf(exchanges),
    async close() {
      recorder.closeAllConnections();
      await new Promise((resolve) => recorder.close(resolve));
      agent.destroy();
      if (prism.exitCode !== null || prism.signalCode !== null) return;
      const exited = new Promise((resolve) => prism.once('exit', resolve));
      prism.kill();
      await exited;
    },
  };
}

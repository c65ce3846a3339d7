/**
 * A minimal HTTP/1.1 client over one keep-alive TCP socket, one request at a time (no pipelining).
 * It exists because node:http's client costs several times more CPU per request than the server
 * work we want to measure on a 2-core machine (measured: ~3k req/s at a saturated event loop for
 * node:http vs ~9k req/s at half load for this client, against the same trivial server), and
 * undici is not installed. It understands what Links (Fastify) sends: Content-Length or chunked
 * bodies, and `Connection: close`. Anything it does not understand is an error, never a guess.
 */
import net from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-cased header block, for the few headers the benchmark looks at. */
  head: string;
  body: string;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');
const MAX_HEAD = 64 * 1024;

export class RawConnection {
  private socket: net.Socket | undefined;
  private connecting: Promise<net.Socket> | undefined;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private pending: { resolve: (r: RawResponse) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | undefined;
  private parsedHead: { status: number; head: string; bodyStart: number; length: number | 'chunked' | 'close'; close: boolean } | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  private connect(): Promise<net.Socket> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket);
    this.connecting ??= new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      socket.setNoDelay(true);
      const onError = (error: Error) => {
        this.connecting = undefined;
        reject(error);
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        socket.off('error', onError);
        this.connecting = undefined;
        this.socket = socket;
        socket.on('data', (d: Buffer) => this.onData(d));
        socket.on('error', (e) => this.fail(e));
        socket.on('close', () => {
          if (this.parsedHead?.length === 'close' && this.pending) this.finish(this.buffered);
          else this.fail(new Error('connection closed before the answer was complete'));
          if (this.socket === socket) this.socket = undefined;
        });
        resolve(socket);
      });
    });
    return this.connecting;
  }

  async request(method: string, path: string, headers: Record<string, string | number>, body?: string): Promise<RawResponse> {
    if (this.pending) throw new Error('one request at a time per connection');
    const socket = await this.connect();
    let text = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    for (const [k, v] of Object.entries(headers)) text += `${k}: ${v}\r\n`;
    if (body !== undefined) text += `content-length: ${Buffer.byteLength(body)}\r\n`;
    text += '\r\n';
    if (body !== undefined) text += body;
    return new Promise<RawResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new Error(`no answer within ${this.timeoutMs} ms`));
        socket.destroy();
      }, this.timeoutMs);
      this.pending = { resolve, reject, timer };
      this.chunks = [];
      this.buffered = 0;
      this.parsedHead = undefined;
      socket.write(text);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    this.parsedHead = undefined;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.socket?.destroy();
    this.socket = undefined;
    pending.reject(error);
  }

  private onData(data: Buffer): void {
    if (!this.pending) {
      this.fail(new Error('unexpected data from the server'));
      return;
    }
    this.chunks.push(data);
    this.buffered += data.length;
    if (!this.parsedHead) {
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks = [all];
      const end = all.indexOf(CRLFCRLF);
      if (end < 0) {
        if (all.length > MAX_HEAD) this.fail(new Error('response head too large'));
        return;
      }
      const head = all.toString('latin1', 0, end).toLowerCase();
      const status = /^http\/1\.[01] (\d{3})/.exec(head);
      if (!status) {
        this.fail(new Error(`not an HTTP/1.1 answer: ${head.slice(0, 80)}`));
        return;
      }
      const length = /\r\ncontent-length: *(\d+)/.exec(head);
      const chunked = /\r\ntransfer-encoding: *chunked/.test(head);
      const code = Number(status[1]);
      this.parsedHead = {
        status: code,
        head,
        bodyStart: end + 4,
        length: length ? Number(length[1]) : chunked ? 'chunked' : code === 204 || code === 304 ? 0 : 'close',
        close: /\r\nconnection: *close/.test(head),
      };
    }
    const h = this.parsedHead;
    if (typeof h.length === 'number') {
      if (this.buffered >= h.bodyStart + h.length) this.finish(h.bodyStart + h.length);
    } else if (h.length === 'chunked') {
      const last = this.chunks[this.chunks.length - 1]!;
      const tail = last.length >= 5 ? last.subarray(last.length - 5) : Buffer.concat(this.chunks).subarray(-5);
      // Only a full decode says the body is complete (a chunk's data may itself end in "0\r\n").
      if (tail.toString('latin1') === '0\r\n\r\n' && decodeChunked(Buffer.concat(this.chunks, this.buffered).subarray(h.bodyStart))) this.finish(this.buffered);
    }
  }

  private finish(end: number): void {
    const pending = this.pending;
    const h = this.parsedHead;
    if (!pending || !h) return;
    this.pending = undefined;
    this.parsedHead = undefined;
    clearTimeout(pending.timer);
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    if (all.length > end) {
      this.socket?.destroy();
      this.socket = undefined;
      pending.reject(new Error('more data than the answer announced'));
      return;
    }
    let body: string;
    if (h.length === 'chunked') {
      const decoded = decodeChunked(all.subarray(h.bodyStart));
      if (!decoded) {
        pending.reject(new Error('bad chunked body'));
        return;
      }
      body = decoded.toString('utf8');
    } else {
      body = all.toString('utf8', h.bodyStart, end);
    }
    if (h.close) {
      this.socket?.destroy();
      this.socket = undefined;
    }
    pending.resolve({ status: h.status, head: h.head, body });
  }
}

/** The body of a complete chunked encoding (no trailers), or null when incomplete or malformed. */
function decodeChunked(raw: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (let guard = 0; guard < 10_000_000; guard++) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) return null;
    const size = parseInt(raw.toString('latin1', at, eol).split(';')[0]!, 16);
    if (!Number.isFinite(size) || size < 0) return null;
    if (size === 0) return eol + 4 === raw.length ? Buffer.concat(parts) : null;
    if (eol + 2 + size + 2 > raw.length) return null;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return null;
}

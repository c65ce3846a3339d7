/**
 * A local webhook receiver for the GL tests: verifies each delivery's signature the way docs/gl.md
 * tells a receiver to, deduplicates by Links-Transfer-Id, and answers with the fault the test
 * planned for that delivery (500, drop the connection after reading, never answer, 429, refuse).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyLinksSignature } from '../../src/gl/webhook/signature.js';

export type Fault = 'ok' | 'error500' | 'drop' | 'hang' | 'busy429' | 'refuse422';

export interface Delivery {
  path: string;
  transferId: string;
  idempotencyKey: string;
  signature: string;
  body: any;
  raw: string;
  fault: Fault;
  /** The signature verified against one of the receiver's known secrets. */
  verified: boolean;
}

export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  /** First accepted body per transfer id: what the receiver booked (a repeat is ignored). */
  readonly booked = new Map<string, any>();
  /** Secrets the receiver accepts, per path. */
  readonly secrets = new Map<string, string[]>();
  /** Decides each delivery's answer; default: accept. */
  plan: (delivery: Omit<Delivery, 'fault' | 'verified'>, index: number) => Fault = () => 'ok';
  private server!: http.Server;
  private readonly hanging = new Set<http.ServerResponse>();
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => this.answer(req, res, raw));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Deliveries whose answer was 2xx: the receiver booked them (the first one per transfer). */
  deliveriesTo(path: string): Delivery[] {
    return this.deliveries.filter((d) => d.path === path);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const path = req.url ?? '/';
    const base = {
      path,
      transferId: String(req.headers['links-transfer-id'] ?? ''),
      idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
      signature: String(req.headers['links-signature'] ?? ''),
      body: JSON.parse(raw || 'null'),
      raw,
    };
    const now = Math.floor(Date.now() / 1000);
    const verified = (this.secrets.get(path) ?? []).some((secret) => verifyLinksSignature(base.signature, raw, secret, now));
    const fault = verified ? this.plan(base, this.deliveries.length) : 'refuse422';
    this.deliveries.push({ ...base, fault, verified });
    if (fault === 'ok') {
      if (!this.booked.has(base.transferId)) this.booked.set(base.transferId, base.body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    } else if (fault === 'error500') {
      // Booked, then failed to answer properly: the sender cannot know.
      if (!this.booked.has(base.transferId)) this.booked.set(base.transferId, base.body);
      res.writeHead(500).end('oops');
    } else if (fault === 'drop') {
      if (!this.booked.has(base.transferId)) this.booked.set(base.transferId, base.body);
      req.socket.destroy();
    } else if (fault === 'hang') {
      this.hanging.add(res);
    } else if (fault === 'busy429') {
      res.writeHead(429, { 'retry-after': '1' }).end('slow down');
    } else {
      res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: verified ? 'period locked until 2026-12-31' : 'bad signature' }));
    }
  }
}

/**
 * A request that reaches a listener while it shuts down gets the contract's 503 `unavailable` with
 * the error schema (the OpenAPI document promises it), not Fastify's own 503 body.
 */
import http from 'node:http';
import type net from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildListener } from '../../src/http/listener.js';
import type { LinksServices } from '../../src/http/services.js';

describe('a listener shutting down', () => {
  it('answers a request on a kept-alive connection with 503 unavailable in the error schema', async () => {
    // No databases: the request under test is refused before any of them would be asked.
    const inert = { environments: {}, databases: [] } as unknown as LinksServices;
    const { app } = await buildListener('sandbox', inert, pino({ level: 'silent' }));
    let finishSlow!: () => void;
    app.get('/slow', { config: { public: true } }, async () => {
      await new Promise<void>((resolve) => (finishSlow = resolve));
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, agent }, (response) => {
            let body = '';
            response.on('data', (chunk) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 100));
    const slow = get('/slow');
    await tick();
    const closed = app.close();
    await tick();
    const during = get('/api/v1/whoami'); // queued behind /slow on the one kept-alive socket
    await tick();
    finishSlow();
    expect((await slow).status).toBe(200);
    const answer = await during;
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'unavailable', message: expect.stringContaining('shutting down'), request_id: expect.stringMatching(/^req_/), details: [] },
    });
    await closed;
    agent.destroy();
  });
});

/** `GET /healthz`: 200 once the listener can serve, 503 while one of its databases is unreachable. */
import { z } from 'zod';
import type { ListenerName } from '../../config/config.js';
import type { LinksApp } from '../app.js';
import type { LinksServices } from '../services.js';

const health = z.object({
  status: z.enum(['ok', 'unavailable']),
  listener: z.string(),
  databases: z.record(z.string(), z.enum(['ok', 'unreachable'])),
});

export function registerHealthRoute(app: LinksApp, services: LinksServices, listener: ListenerName): void {
  const needed = services.databases.filter((d) => d.name === 'control' || listener === 'console' || d.name === listener);
  app.get('/healthz', { config: { public: true }, schema: { hide: true, response: { 200: health, 503: health } } }, async (_request, reply) => {
    const results = await Promise.all(needed.map(async (d) => [d.name, (await d.ping()) ? 'ok' : 'unreachable'] as const));
    const ok = results.every(([, state]) => state === 'ok');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', listener, databases: Object.fromEntries(results) });
  });
}

/**
 * The data plane's OpenAPI document without a running server: a sandbox listener built with no
 * databases behind it (its handlers never run), asked for `/api/v1/openapi`. The SDK's types are
 * generated from this; a test checks them against a running server's answer.
 */
import { pino } from 'pino';
import type { LinksServices } from './services.js';
import { buildListener } from './listener.js';

export async function dataPlaneOpenApiDocument(): Promise<Record<string, unknown>> {
  const inert = { control: undefined, environments: {}, databases: [], apiKeys: undefined, admin: undefined, groupCommit: false, keyRates: undefined, authFailures: undefined, trustProxy: false } as unknown as LinksServices;
  const { app } = await buildListener('sandbox', inert, pino({ level: 'silent' }));
  try {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi' });
    return response.json();
  } finally {
    await app.close();
  }
}

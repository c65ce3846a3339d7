/** Isolation cases of the GL connection routes: each prepares a webhook connection of tenant A's sandbox. */
import { asA, booksOfA, ids, unique } from './booksOfA.js';
import type { IsolationCase } from './routes.js';
import type { IsolationWorld } from './world.js';

/** Paused, so the engine sends nothing while the harness looks; the URL is never reached. */
async function glConnectionOfA(world: IsolationWorld): Promise<{ id: string; owned: string[] }> {
  const name = unique('gl-of-A-');
  const connection = await asA(world, 'POST', '/api/v1/gl-connections', {
    provider: 'webhook',
    name,
    credentials: { url: 'http://127.0.0.1:9/gl-of-A' },
    settings: { start_date: '2000-01-01', summarize: 'none', paused: true },
  });
  return { id: connection.id, owned: [connection.id, name] };
}

/** A connection with A's books queued as transfers. */
async function transferOfA(world: IsolationWorld): Promise<{ id: string; transferId: string; owned: string[] }> {
  const books = await booksOfA(world);
  const connection = await glConnectionOfA(world);
  const run = await asA(world, 'POST', `/api/v1/gl-connections/${connection.id}/run`);
  // The job queues the books, then finishes at once: the connection is paused.
  for (let job = run; job.status !== 'succeeded'; job = await asA(world, 'GET', `/api/v1/jobs/${run.id}`)) {
    if (job.status === 'failed') throw new Error(`setup: the GL run failed: ${JSON.stringify(job.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const transfers = await asA(world, 'GET', `/api/v1/gl-connections/${connection.id}/transfers?limit=100`);
  const transfer = (transfers as Array<{ id: string; entry_ids: string[] }>).find((t) => t.entry_ids.includes(books.entryId));
  if (!transfer) throw new Error("setup: A's entry was not queued");
  return { id: connection.id, transferId: transfer.id, owned: [...connection.owned, transfer.id, ...ids(books)] };
}

const onConnection = (method: IsolationCase['method'], suffix: string, permission: 'read' | 'write', body?: unknown, badInput?: IsolationCase['badInput']): IsolationCase => ({
  method,
  route: `/api/v1/gl-connections/:id${suffix}`,
  permission,
  ...(badInput && { badInput }),
  prepare: async (w) => {
    const connection = await glConnectionOfA(w);
    return { path: `/api/v1/gl-connections/${connection.id}${suffix}`, body, ownedIds: connection.owned };
  },
});

export const glCases: IsolationCase[] = [
  {
    method: 'POST',
    route: '/api/v1/gl-connections',
    permission: 'write',
    prepare: async () => ({ path: '/api/v1/gl-connections', body: { provider: 'webhook', name: unique('new-gl-'), credentials: { url: 'http://127.0.0.1:9/new' }, settings: { paused: true } }, ownedIds: [] }),
    // Empty settings take the defaults.
    badInput: { emptyObject: ['settings'] },
  },
  {
    method: 'GET',
    route: '/api/v1/gl-connections',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/gl-connections?limit=100', ownedIds: (await glConnectionOfA(w)).owned }),
  },
  onConnection('GET', '', 'read'),
  onConnection('PATCH', '', 'write', { name: unique('renamed-gl-') }),
  onConnection('DELETE', '', 'write'),
  onConnection('GET', '/accounts', 'read'),
  // An empty mapping clears it.
  onConnection('PUT', '/mapping', 'write', { accounts: { '4000': '200' }, dimensions: {} }, { emptyObject: ['accounts', 'dimensions'] }),
  onConnection('POST', '/run', 'write'),
  onConnection('GET', '/reconciliation', 'read'),
  onConnection('POST', '/rotate-secret', 'write'),
  {
    method: 'GET',
    route: '/api/v1/gl-connections/:id/transfers',
    permission: 'read',
    prepare: async (w) => {
      const transfer = await transferOfA(w);
      return { path: `/api/v1/gl-connections/${transfer.id}/transfers?limit=100`, ownedIds: transfer.owned };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/gl-connections/:id/transfers/:transfer_id/retry',
    permission: 'write',
    prepare: async (w) => {
      const transfer = await transferOfA(w);
      return { path: `/api/v1/gl-connections/${transfer.id}/transfers/${transfer.transferId}/retry`, ownedIds: transfer.owned };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/gl-connections/:id/authorize',
    permission: 'write',
    // An authorization-code Xero connection: starting its authorization asks Xero nothing, so no stand-in is needed.
    prepare: async (w) => {
      const name = unique('xero-of-A-');
      const credentials = { client_id: 'ISOLATION-CLIENT', client_secret: 'isolation-secret', grant: 'authorization_code', redirect_uri: 'https://links.example/api/v1/gl-connections/oauth-callback' };
      const connection = await asA(w, 'POST', '/api/v1/gl-connections', { provider: 'xero', name, credentials, settings: { paused: true } });
      return { path: `/api/v1/gl-connections/${connection.id}/authorize`, ownedIds: [connection.id, name] };
    },
  },
];

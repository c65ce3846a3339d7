/** The isolation catalogue's journal-entry draft routes: each request names a draft of tenant A's sandbox. */
import { asA, booksOfA, entryBody, ids } from './booksOfA.js';
import type { IsolationCase } from './routes.js';
import type { IsolationWorld } from './world.js';

async function draftOfA(world: IsolationWorld): Promise<{ id: string; owned: string[] }> {
  const books = await booksOfA(world);
  const draft = await asA(world, 'POST', '/api/v1/journal-entry-drafts', entryBody(books));
  return { id: draft.id, owned: [...ids(books), draft.id] };
}

export const draftCases: IsolationCase[] = [
  {
    method: 'POST',
    route: '/api/v1/journal-entry-drafts',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: '/api/v1/journal-entry-drafts', body: entryBody(books), ownedIds: ids(books) };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/journal-entry-drafts',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/journal-entry-drafts?limit=100', ownedIds: (await draftOfA(w)).owned }),
  },
  {
    method: 'GET',
    route: '/api/v1/journal-entry-drafts/:id',
    permission: 'read',
    prepare: async (w) => {
      const draft = await draftOfA(w);
      return { path: `/api/v1/journal-entry-drafts/${draft.id}`, ownedIds: draft.owned };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/journal-entry-drafts/:id/approve',
    permission: 'write',
    prepare: async (w) => {
      const draft = await draftOfA(w);
      return { path: `/api/v1/journal-entry-drafts/${draft.id}/approve`, ownedIds: draft.owned };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/journal-entry-drafts/:id/reject',
    permission: 'write',
    prepare: async (w) => {
      const draft = await draftOfA(w);
      return { path: `/api/v1/journal-entry-drafts/${draft.id}/reject`, body: { reason: 'Not ours' }, ownedIds: draft.owned };
    },
  },
];

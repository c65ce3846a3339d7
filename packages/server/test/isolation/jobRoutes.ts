/** The isolation catalogue's job routes: accounting runs and the jobs they queue. */
import { asA } from './booksOfA.js';
import type { IsolationCase } from './routes.js';
import type { IsolationWorld } from './world.js';

async function jobOfA(world: IsolationWorld): Promise<string> {
  return (await asA(world, 'POST', '/api/v1/accounting/runs', { mode: 'retry' })).id;
}

export const jobCases: IsolationCase[] = [
  {
    method: 'POST',
    route: '/api/v1/accounting/runs',
    permission: 'write',
    prepare: async () => ({ path: '/api/v1/accounting/runs', body: { mode: 'reaccount' }, ownedIds: [] }),
  },
  {
    method: 'GET',
    route: '/api/v1/jobs',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/jobs?limit=100', ownedIds: [await jobOfA(w)] }),
  },
  {
    method: 'GET',
    route: '/api/v1/jobs/:id',
    permission: 'read',
    prepare: async (w) => {
      const id = await jobOfA(w);
      return { path: `/api/v1/jobs/${id}`, ownedIds: [id] };
    },
  },
];

/**
 * The isolation catalogue: every data-plane route, with how to build a request that tenant A's
 * sandbox owns. `isolation.test.ts` runs the same denial checks on each and fails when the server
 * has a data-plane route that is missing here. Later issues add their routes to this list.
 */
import type { IsolationWorld } from './world.js';

export interface OwnedRequest {
  /** Concrete path, e.g. `/api/v1/accounts/1100`. */
  path: string;
  body?: unknown;
  /** Ids of tenant A's resources that must never appear in another tenant's or environment's answer. */
  ownedIds: string[];
}

export interface IsolationCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route pattern exactly as the server registers it. */
  route: string;
  permission: 'read' | 'write';
  /** Builds (and creates whatever it needs, with A's sandbox key) a request tenant A's sandbox owns. */
  prepare(world: IsolationWorld): Promise<OwnedRequest>;
}

export const isolationCases: IsolationCase[] = [
  {
    method: 'GET',
    route: '/api/v1/whoami',
    permission: 'read',
    // Names its own tenant by design; the harness already checks that no other tenant sees A's id.
    prepare: async () => ({ path: '/api/v1/whoami', ownedIds: [] }),
  },
];

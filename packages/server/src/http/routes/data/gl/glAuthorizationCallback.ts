/**
 * `GET /api/v1/gl-connections/oauth-callback?code&state` → 200 the connection, now `active`: where
 * Xero sends the person's browser back. It carries no API key; the one-time `state` (made by
 * `POST …/authorize` or the create) is the only authority, and names the tenant and connection of
 * this listener's environment. Registered per listener (listener.ts), public.
 */
import type { Environment } from '../../../../domain/tenancy.js';
import { completeGlAuthorization } from '../../../../gl/glAuthorization.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { authorizationCallbackQuery, connectedGlConnectionView } from '../../../schemas/glConnections.js';

export const GL_AUTHORIZATION_CALLBACK = '/api/v1/gl-connections/oauth-callback';

export function registerGlAuthorizationCallback(app: LinksApp, services: LinksServices, environment: Environment): void {
  app.get(GL_AUTHORIZATION_CALLBACK, { config: { public: true }, schema: { security: [], querystring: authorizationCallbackQuery, response: { 200: single(connectedGlConnectionView) } } }, async (request) => {
    const db = services.environments[environment];
    if (!db) throw new Error(`no ${environment} database in this process`);
    const scopeOf = (tenantId: string) => ({ db, tenantId, environment, groupCommit: services.groupCommit, cursorKey: services.cursorKey });
    return { data: await completeGlAuthorization(scopeOf, services.gl, request.query, request.id) };
  });
}

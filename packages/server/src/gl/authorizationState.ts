/**
 * The `state` of an OAuth authorization: `<tenant id>.<connection id>.<random>`. The ids route the
 * browser's callback (which carries no API key) to its connection; the random part is the authority,
 * kept only as a hash by the provider and compared in constant time.
 */
import { randomBytes } from 'node:crypto';

const STATE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{32}$/;

export function newAuthorizationState(tenantId: string, connectionId: string): string {
  return `${tenantId}.${connectionId}.${randomBytes(24).toString('base64url')}`;
}

/** The connection a callback's state names, or undefined when it is not a state Links made. */
export function authorizationStateTarget(state: string): { tenantId: string; connectionId: string } | undefined {
  const match = STATE.exec(state);
  return match ? { tenantId: match[1] as string, connectionId: match[2] as string } : undefined;
}

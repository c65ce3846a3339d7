/** Who did a write, and under which request: recorded with the write, in its transaction. */
import type { Environment } from './tenancy.js';

/** `system`: work Links does by itself (the GL transfer engine), not on a request. */
export type ActorType = 'admin' | 'api_key' | 'user' | 'system';

export interface Actor {
  type: ActorType;
  id: string;
}

export interface WriteContext {
  actor: Actor;
  requestId: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  tenant_id: string | null;
  environment: Environment | null;
  actor: Actor;
  action: string;
  resource_type: string;
  resource_id: string;
  request_id: string;
}

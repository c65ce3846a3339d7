/** Control-plane audit events: written in the transaction of the write they describe. */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WriteContext } from '../domain/audit.js';
import type { Environment } from '../domain/tenancy.js';
import type { ControlDatabase } from '../storage/controlSchema.js';

export interface ControlEventInput {
  tenantId: string | null;
  environment?: Environment | null;
  action: string;
  resourceType: string;
  resourceId: string;
}

export async function recordControlEvent(
  trx: Transaction<ControlDatabase>,
  context: WriteContext,
  event: ControlEventInput,
): Promise<void> {
  await trx
    .insertInto('control_audit_events')
    .values({
      id: uuidv7(),
      at: new Date(),
      tenant_id: event.tenantId,
      environment: event.environment ?? null,
      actor_type: context.actor.type,
      actor_id: context.actor.id,
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId,
      request_id: context.requestId,
    })
    .execute();
}

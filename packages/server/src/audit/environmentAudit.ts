/**
 * Data-plane audit events, kept in the environment database beside the data they describe and
 * written in the same tenant transaction as the write (§5.5).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditEvent, WriteContext } from '../domain/audit.js';
import type { Environment } from '../domain/tenancy.js';
import type { AuditEventRow, EnvironmentDatabase } from '../storage/environmentSchema.js';

export interface DataEventInput {
  action: string;
  resourceType: string;
  resourceId: string;
}

export async function recordDataEvent(
  trx: Transaction<EnvironmentDatabase>,
  tenantId: string,
  context: WriteContext,
  event: DataEventInput,
): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      tenant_id: tenantId,
      id: uuidv7(),
      at: new Date(),
      actor_type: context.actor.type,
      actor_id: context.actor.id,
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId,
      request_id: context.requestId,
    })
    .execute();
}

export function dataEventView(row: Selectable<AuditEventRow>, environment: Environment): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    tenant_id: row.tenant_id,
    environment,
    actor: { type: row.actor_type, id: row.actor_id },
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    request_id: row.request_id,
  };
}

/** The newest `limit` events of a tenant, newest first, and how many there are. Call inside the tenant's transaction. */
export async function newestDataEvents(
  trx: Kysely<EnvironmentDatabase>,
  environment: Environment,
  limit: number,
): Promise<{ events: AuditEvent[]; total: number }> {
  const [rows, count] = await Promise.all([
    trx.selectFrom('audit_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    trx.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { events: rows.map((r) => dataEventView(r, environment)), total: Number(count.n) };
}

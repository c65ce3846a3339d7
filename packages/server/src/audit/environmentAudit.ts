/**
 * Data-plane audit events, kept in the environment database beside the data they describe and
 * written in the same tenant transaction as the write.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditEvent, WriteContext } from '../domain/audit.js';
import type { Environment } from '../domain/tenancy.js';
import { offsetOf, toPage, type PageRequest } from '../domain/pagination.js';
import { decodeCursor, type CursorBinding, type CursorPage } from '../domain/cursor.js';
import { isTimeIdPosition, keysetPage, rowsToRead } from '../domain/keysetPage.js';
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
  await recordDataEvents(trx, tenantId, context, [event]);
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
  const rows = await trx.selectFrom('audit_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  const count = await trx.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { events: rows.map((r) => dataEventView(r, environment)), total: Number(count.n) };
}

/** The tenant environment's own events, newest first; `cursor` continues after the previous page. */
export async function listDataEvents(
  trx: Kysely<EnvironmentDatabase>,
  environment: Environment,
  page: PageRequest & { cursor?: string | undefined },
  cursor: CursorBinding,
): Promise<CursorPage<AuditEvent>> {
  let query = trx.selectFrom('audit_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(rowsToRead(page.limit));
  if (page.cursor !== undefined) {
    const after = decodeCursor(cursor, page.cursor, isTimeIdPosition);
    query = query.where(sql<boolean>`(at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  } else {
    query = query.offset(offsetOf(page));
  }
  const rows = await query.execute();
  const count = await trx.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const { shown, next_cursor } = keysetPage(rows, page.limit, cursor, (last) => ({ at: last.at.toISOString(), id: last.id }));
  return { ...toPage(shown.map((r) => dataEventView(r, environment)), Number(count.n), page), next_cursor };
}

/** Many events of one write (a batch of records) in one insert. */
export async function recordDataEvents(trx: Transaction<EnvironmentDatabase>, tenantId: string, context: WriteContext, events: DataEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const at = new Date();
  await trx
    .insertInto('audit_events')
    .values(
      events.map((event) => ({
        tenant_id: tenantId,
        id: uuidv7(),
        at,
        actor_type: context.actor.type,
        actor_id: context.actor.id,
        action: event.action,
        resource_type: event.resourceType,
        resource_id: event.resourceId,
        request_id: context.requestId,
      })),
    )
    .execute();
}

/** The events of one resource (e.g. a journal entry: posted, reversed), oldest first, at most `limit`. */
export async function eventsOfResource(
  trx: Kysely<EnvironmentDatabase>,
  environment: Environment,
  resource: { type: string; id: string },
  limit: number,
): Promise<AuditEvent[]> {
  const rows = await trx
    .selectFrom('audit_events')
    .selectAll()
    .where('resource_type', '=', resource.type)
    .where('resource_id', '=', resource.id)
    .orderBy('at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => dataEventView(r, environment));
}

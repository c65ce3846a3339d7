/**
 * Tenants: the workspaces whose data Links keeps apart.
 * Errors: not_found (getTenant).
 */
import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WriteContext } from '../domain/audit.js';
import type { Tenant } from '../domain/controlPlane.js';
import { notFound } from '../domain/errors.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import type { ControlDatabase, TenantRow } from '../storage/controlSchema.js';
import { recordControlEvent } from './controlAudit.js';

export function tenantView(row: Selectable<TenantRow>): Tenant {
  return { id: row.id, name: row.name, created_at: row.created_at.toISOString() };
}

export async function createTenant(control: Kysely<ControlDatabase>, context: WriteContext, input: { name: string }): Promise<Tenant> {
  return control.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('tenants')
      .values({ id: uuidv7(), name: input.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordControlEvent(trx, context, { tenantId: row.id, action: 'tenant.created', resourceType: 'tenant', resourceId: row.id });
    return tenantView(row);
  });
}

export async function listTenants(control: Kysely<ControlDatabase>, request: PageRequest): Promise<Page<Tenant>> {
  const [rows, count] = await Promise.all([
    control.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('id').limit(request.limit).offset(offsetOf(request)).execute(),
    control.selectFrom('tenants').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows.map(tenantView), Number(count.n), request);
}

export async function getTenant(control: Kysely<ControlDatabase>, tenantId: string): Promise<Tenant> {
  const row = await control.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
  if (!row) throw notFound('tenant', tenantId);
  return tenantView(row);
}

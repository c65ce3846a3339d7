/**
 * Memberships: a user's role in a tenant, which caps every key the user holds there.
 * Errors: not_found (tenant, user or membership), conflict (already a member).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { WriteContext } from '../domain/audit.js';
import type { KeyChangeListener, Membership } from '../domain/controlPlane.js';
import { LinksError, notFound } from '../domain/errors.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import type { Role } from '../domain/tenancy.js';
import type { ControlDatabase, MembershipRow } from '../storage/controlSchema.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { recordControlEvent } from './controlAudit.js';
import { getTenant } from './tenants.js';
import { getUser } from './users.js';

export function membershipView(row: Selectable<MembershipRow>): Membership {
  return {
    tenant_id: row.tenant_id,
    user_id: row.user_id,
    role: row.role,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export async function addMember(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  tenantId: string,
  input: { user_id: string; role: Role },
): Promise<Membership> {
  await getTenant(control, tenantId);
  await getUser(control, input.user_id);
  try {
    return await control.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('memberships')
        .values({ tenant_id: tenantId, user_id: input.user_id, role: input.role })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordControlEvent(trx, context, {
        tenantId,
        action: 'membership.created',
        resourceType: 'membership',
        resourceId: input.user_id,
      });
      return membershipView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new LinksError('conflict', `User ${input.user_id} is already a member of tenant ${tenantId}; change the role with PATCH.`);
    }
    throw error;
  }
}

/** Changing a role takes effect on the holder's existing keys at their next request. */
export async function changeMemberRole(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  tenantId: string,
  userId: string,
  role: Role,
  listener: KeyChangeListener,
): Promise<Membership> {
  const changed = await control.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('memberships')
      // Other processes poll this stamp against the database's clock: never this process's clock.
      .set({ role, updated_at: sql<Date>`clock_timestamp()` })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('membership of user', userId);
    await recordControlEvent(trx, context, { tenantId, action: 'membership.role_changed', resourceType: 'membership', resourceId: userId });
    return membershipView(row);
  });
  listener.memberChanged(tenantId, userId);
  return changed;
}

export async function listMembers(control: Kysely<ControlDatabase>, tenantId: string, request: PageRequest): Promise<Page<Membership>> {
  await getTenant(control, tenantId);
  const [rows, count] = await Promise.all([
    control
      .selectFrom('memberships')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .orderBy('user_id')
      .limit(request.limit)
      .offset(offsetOf(request))
      .execute(),
    control.selectFrom('memberships').where('tenant_id', '=', tenantId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows.map(membershipView), Number(count.n), request);
}

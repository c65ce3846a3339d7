/**
 * Users: people (or agents) who hold API keys, possibly in many tenants.
 * Errors: conflict (email taken), not_found.
 */
import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WriteContext } from '../domain/audit.js';
import type { User } from '../domain/controlPlane.js';
import { LinksError, notFound } from '../domain/errors.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import type { ControlDatabase, UserRow } from '../storage/controlSchema.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { recordControlEvent } from './controlAudit.js';

export function userView(row: Selectable<UserRow>): User {
  return { id: row.id, email: row.email, name: row.name, created_at: row.created_at.toISOString() };
}

export async function createUser(
  control: Kysely<ControlDatabase>,
  context: WriteContext,
  input: { email: string; name: string },
): Promise<User> {
  const emailNormalized = input.email.toLowerCase();
  try {
    return await control.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({ id: uuidv7(), email: input.email, email_normalized: emailNormalized, name: input.name })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordControlEvent(trx, context, { tenantId: null, action: 'user.created', resourceType: 'user', resourceId: row.id });
      return userView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new LinksError('conflict', `A user with email ${input.email} already exists.`, [{ path: 'email', message: 'already taken' }]);
    }
    throw error;
  }
}

export async function listUsers(control: Kysely<ControlDatabase>, request: PageRequest): Promise<Page<User>> {
  const [rows, count] = await Promise.all([
    control.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').limit(request.limit).offset(offsetOf(request)).execute(),
    control.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows.map(userView), Number(count.n), request);
}

export async function getUser(control: Kysely<ControlDatabase>, userId: string): Promise<User> {
  const row = await control.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('user', userId);
  return userView(row);
}

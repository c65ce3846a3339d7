/**
 * Storage of a chart applied from a template: read an account with its sub-ledger, add an account
 * or a sub-ledger unless one with that code already exists (a concurrent apply then finds the
 * other's row instead of failing on the unique key).
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AccountType } from '../domain/ledger.js';
import type { EnvironmentDatabase } from './environmentSchema.js';

type Trx = Transaction<EnvironmentDatabase>;

export interface StoredChartAccount {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  currency: string | null;
  subledger_code: string | null;
}

export async function chartAccount(trx: Trx, code: string): Promise<StoredChartAccount | undefined> {
  return trx
    .selectFrom('accounts as a')
    .leftJoin('subledgers as s', (join) => join.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.control_account_id', '=', 'a.id'))
    .select(['a.id', 'a.code', 'a.name', 'a.type', 'a.currency', 's.code as subledger_code'])
    .where('a.code', '=', code)
    .executeTakeFirst();
}

/** True when this call added the account; false when the code was already taken. */
export async function addAccountIfAbsent(
  trx: Trx,
  tenantId: string,
  account: { code: string; name: string; type: AccountType; parentId: string | null; metadata: Record<string, unknown> },
): Promise<boolean> {
  const added = await trx
    .insertInto('accounts')
    .values({
      tenant_id: tenantId,
      id: uuidv7(),
      code: account.code,
      name: account.name,
      type: account.type,
      currency: null,
      parent_id: account.parentId,
      description: null,
      metadata: JSON.stringify(account.metadata),
      is_active: true,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return added !== undefined;
}

/** True when this call added the sub-ledger; false when its code, or its control account, was taken. */
export async function addSubledgerIfAbsent(trx: Trx, tenantId: string, subledger: { code: string; name: string; controlAccountId: string }): Promise<boolean> {
  const added = await trx
    .insertInto('subledgers')
    .values({ tenant_id: tenantId, id: uuidv7(), code: subledger.code, name: subledger.name, control_account_id: subledger.controlAccountId })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return added !== undefined;
}


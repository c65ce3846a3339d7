/** Storing many unified records' rows at once: new ones inserted, existing ones (by id) given their next version, in one statement. */
import type { Insertable, Transaction } from 'kysely';
import type { EnvironmentDatabase, UnifiedRecordRow } from './environmentSchema.js';

export async function storeRecordRows(trx: Transaction<EnvironmentDatabase>, rows: Array<Insertable<UnifiedRecordRow>>): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('unified_records')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'),
        source_system: eb.ref('excluded.source_system'),
        source_id: eb.ref('excluded.source_id'),
        fields: eb.ref('excluded.fields'),
        content_hash: eb.ref('excluded.content_hash'),
        is_active: eb.ref('excluded.is_active'),
        local_was_deleted: eb.ref('excluded.local_was_deleted'),
        local_was_updated: eb.ref('excluded.local_was_updated'),
        updated_at: eb.ref('excluded.updated_at'),
        accounting_status: eb.ref('excluded.accounting_status'),
        accounting_error: eb.ref('excluded.accounting_error'),
      })),
    )
    .execute();
}

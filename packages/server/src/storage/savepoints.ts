/**
 * Savepoints inside a tenant transaction: a write that must undo part of itself (a batch whose
 * postings refuse some records) returns to one. Rolling back to it undoes every write after it
 * and releases the row locks taken since, the rest of the transaction stays.
 */
import { sql, type Transaction } from 'kysely';

export async function setSavepoint<Schema>(trx: Transaction<Schema>, name: string): Promise<void> {
  await sql`SAVEPOINT ${sql.id(name)}`.execute(trx);
}

export async function rollbackToSavepoint<Schema>(trx: Transaction<Schema>, name: string): Promise<void> {
  await sql`ROLLBACK TO SAVEPOINT ${sql.id(name)}`.execute(trx);
}

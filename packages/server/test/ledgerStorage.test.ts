/**
 * The database itself guards the books, whatever code talks to it: posted entries and lines refuse
 * UPDATE, DELETE and TRUNCATE (even from the owner), and an unbalanced entry cannot commit.
 */
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { openDatabase, type DatabaseHandle } from '../src/storage/database.js';
import type { EnvironmentDatabase } from '../src/storage/environmentSchema.js';
import { inTenantTransaction } from '../src/storage/tenantScope.js';
import { asDatabaseOwner } from './support/databaseOwner.js';
import { newStorage, postgresAvailable, type TestStorage } from './support/linksServer.js';

describe.skipIf(!postgresAvailable())('ledger storage guards', () => {
  let storage: TestStorage;
  let sandbox: DatabaseHandle<EnvironmentDatabase>;
  const tenant = uuidv7();
  const cash = uuidv7();
  const revenue = uuidv7();
  let entryId: string;

  /** Inserts an entry and its lines as raw rows, bypassing the API's validation. */
  async function insertEntry(db: Kysely<EnvironmentDatabase>, lines: Array<[string, bigint, bigint]>, declared = lines.length): Promise<string> {
    const id = uuidv7();
    await inTenantTransaction(db, tenant, async (trx) => {
      const { rows } = await sql<{ n: string }>`SELECT nextval('journal_entry_sequence')::text AS n`.execute(trx);
      const sequence = rows[0]!.n;
      await trx
        .insertInto('journal_entries')
        .values({ tenant_id: tenant, id, sequence, date: '2026-05-01', description: 'raw', currency: 'USD', reference: null, reversal_of: null, metadata: '{}', line_count: declared })
        .execute();
      let n = 0;
      for (const [account, debit, credit] of lines) {
        await trx
          .insertInto('journal_lines')
          .values({ tenant_id: tenant, entry_id: id, line_number: ++n, sequence, date: '2026-05-01', account_id: account, currency: 'USD', debit, credit, subledger_account: null, dimensions: null, memo: null })
          .execute();
      }
    });
    return id;
  }

  beforeAll(async () => {
    storage = newStorage();
    sandbox = await openDatabase<EnvironmentDatabase>('sandbox', loadConfig(storage.env));
    await inTenantTransaction(sandbox.db, tenant, async (trx) => {
      for (const [id, code, type] of [[cash, '1000', 'asset'], [revenue, '4000', 'revenue']] as const) {
        await trx.insertInto('accounts').values({ tenant_id: tenant, id, code, name: code, type, currency: null, parent_id: null, description: null, metadata: '{}', is_active: true }).execute();
      }
    });
    entryId = await insertEntry(sandbox.db, [[cash, 500n, 0n], [revenue, 0n, 500n]]);
  });
  afterAll(async () => {
    await sandbox?.close();
    await storage?.destroy();
  });

  it('refuses an unbalanced entry, or one missing declared lines, at commit', async () => {
    await expect(insertEntry(sandbox.db, [[cash, 500n, 0n], [revenue, 0n, 499n]])).rejects.toMatchObject({ code: '23514' });
    await expect(insertEntry(sandbox.db, [[cash, 500n, 0n], [revenue, 0n, 500n]], 3)).rejects.toMatchObject({ code: '23514' });
    await expect(insertEntry(sandbox.db, [[cash, 500n, 500n], [revenue, 0n, 0n]])).rejects.toMatchObject({ code: '23514' });
    const count = await inTenantTransaction(sandbox.db, tenant, (trx) => sql<{ n: string }>`SELECT count(*)::text AS n FROM journal_entries`.execute(trx));
    expect(count.rows[0]?.n).toBe('1');
  });

  it('the application role may not update or delete posted rows at all', async () => {
    for (const statement of [sql`UPDATE journal_lines SET debit = 1`, sql`DELETE FROM journal_entries`, sql`UPDATE journal_entries SET description = 'x'`]) {
      await expect(inTenantTransaction(sandbox.db, tenant, (trx) => statement.execute(trx))).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('even the owner cannot update, delete or truncate posted entries and lines', async () => {
    const attempts = [
      `UPDATE journal_lines SET debit = debit + 1 WHERE entry_id = '${entryId}'`,
      `UPDATE journal_entries SET description = 'edited' WHERE id = '${entryId}'`,
      `DELETE FROM journal_lines WHERE entry_id = '${entryId}'`,
      `DELETE FROM journal_entries WHERE id = '${entryId}'`,
      'TRUNCATE journal_lines, journal_entries CASCADE',
    ];
    for (const attempt of attempts) {
      await expect(asOwner(sandbox, storage, attempt)).rejects.toThrow(/posted journal data is immutable/);
    }
    const lines = await inTenantTransaction(sandbox.db, tenant, (trx) =>
      trx.selectFrom('journal_lines').select(['debit', 'credit']).where('entry_id', '=', entryId).orderBy('line_number').execute(),
    );
    expect(lines).toEqual([{ debit: '500', credit: '0' }, { debit: '0', credit: '500' }]);
  });
});

/**
 * Runs a statement as the tables' owner: on PGlite, which this test holds open, through its own
 * handle as the session's superuser; on PostgreSQL a direct session of the migration role.
 */
async function asOwner(sandbox: DatabaseHandle<EnvironmentDatabase>, storage: TestStorage, statement: string): Promise<void> {
  if (storage.env.LINKS_DATA_DIR) {
    await sandbox.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE postgres`.execute(trx);
      await sql.raw(statement).execute(trx);
    });
    return;
  }
  await asDatabaseOwner(storage, 'sandbox', (owner) => owner.query(statement));
}

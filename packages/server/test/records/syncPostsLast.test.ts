/**
 * A sync does not stall the tenant's other postings (issue 12, part 3). A posting locks the
 * tenant's hash-chain head until its transaction commits, so every transaction that posts must
 * post last: a sync batch that stored its records after posting held the head while it wrote them.
 * The database owner notes, per transaction, the order of its writes (statement triggers), and
 * slows the storing of record versions down by SLOW_MS; the chain head must be the last write of
 * every transaction that posts. On PostgreSQL, a client posting entries of the same tenant during
 * the sync must then never wait for a batch's storing; PGlite runs transactions one after another,
 * so there only the order is checked.
 */
import { describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../support/databaseOwner.js';
import { backend, newStorage, postgresAvailable, startTestLinks } from '../support/linksServer.js';
import { createLedgerTenant, cr, dr, entry, Ledger } from '../ledger/ledgerClient.js';

const ROWS = 450;
const SLOW_MS = 2000;

/** One statement each: PGlite's owner session runs one statement per query. */
const noteWrites = (slowMs: number) => [
  'CREATE TABLE test_write_order (n bigserial PRIMARY KEY, xact xid8 NOT NULL, tbl text NOT NULL)',
  `CREATE FUNCTION test_note_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
   BEGIN
     INSERT INTO test_write_order (xact, tbl) VALUES (pg_current_xact_id(), TG_TABLE_NAME);
     IF TG_TABLE_NAME = 'unified_record_versions' THEN PERFORM pg_sleep(${slowMs / 1000}); END IF;
     RETURN NULL;
   END $$`,
  'GRANT EXECUTE ON FUNCTION test_note_write() TO PUBLIC',
  'CREATE TRIGGER test_note AFTER INSERT OR UPDATE ON unified_records FOR EACH STATEMENT EXECUTE FUNCTION test_note_write()',
  'CREATE TRIGGER test_note AFTER INSERT ON unified_record_versions FOR EACH STATEMENT EXECUTE FUNCTION test_note_write()',
  'CREATE TRIGGER test_note AFTER INSERT ON record_postings FOR EACH STATEMENT EXECUTE FUNCTION test_note_write()',
  'CREATE TRIGGER test_note AFTER INSERT ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION test_note_write()',
  'CREATE TRIGGER test_note AFTER INSERT OR UPDATE ON ledger_chain_heads FOR EACH STATEMENT EXECUTE FUNCTION test_note_write()',
];

describe.skipIf(!postgresAvailable())('a sync posts last', () => {
  it(`a ${ROWS}-invoice sync with record storing slowed by ${SLOW_MS} ms a batch: the chain head is each posting transaction's last write, and a concurrent posting never waits for a batch`, async () => {
    const storage = newStorage();
    let server = await startTestLinks({ storage });
    try {
      const tenant = await createLedgerTenant(server, 'Sync latency');
      let ledger = tenant.sandbox;
      for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await ledger.createAccount(code!, type!);
      await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
      const customers = await ledger.ok('POST', '/external-connections', {
        name: 'customers',
        type: 'csv',
        csv: ['id,email,name', ...Array.from({ length: ROWS }, (_, i) => `cus_${i},c${i}@example.com,Customer ${i}`)].join('\n'),
        mapping: { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } },
      });
      expect(await ledger.ok('POST', `/external-connections/${customers.id}/sync`)).toMatchObject({ created: ROWS });
      const invoices = await ledger.ok('POST', '/external-connections', {
        name: 'invoices',
        type: 'csv',
        csv: ['number,customer,total,currency,issued', ...Array.from({ length: ROWS }, (_, i) => `INV-${i},cus_${i},${100 + i}.00,USD,2026-11-15`)].join('\n'),
        mapping: { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
      });

      await server.stop();
      await asDatabaseOwner(storage, 'sandbox', async (owner) => {
        for (const statement of noteWrites(SLOW_MS)) await owner.query(statement);
      });
      server = await startTestLinks({ storage });
      ledger = new Ledger(server.url('sandbox'), ledger.key, ledger.keyId, ledger.tenantId);

      let syncing = true;
      const sync = ledger.post('/external-connections/' + invoices.id + '/sync').finally(() => {
        syncing = false;
      });
      const latencies: number[] = [];
      while (syncing && backend === 'postgres') {
        const started = performance.now();
        await ledger.postEntry(entry('2026-11-20', [dr('1000', '1.00'), cr('4000', '1.00')], { description: `cash sale ${latencies.length}` }));
        latencies.push(performance.now() - started);
      }
      const report = await sync;
      expect(report.status, report.text).toBe(200);
      expect(report.body.data).toMatchObject({ created: ROWS, rejected: 0 });
      await server.stop();

      const writes = await asDatabaseOwner(storage, 'sandbox', (owner) => owner.query<{ xact: string; tbl: string }>('SELECT xact::text, tbl FROM test_write_order ORDER BY n'));
      const byTransaction = new Map<string, string[]>();
      for (const w of writes) byTransaction.set(w.xact, [...(byTransaction.get(w.xact) ?? []), w.tbl]);
      const posting = [...byTransaction.values()].filter((tables) => tables.includes('ledger_chain_heads'));
      const batches = posting.filter((tables) => tables.includes('unified_records'));
      // Three batches of invoices (200, 200, 50), each with its records, versions and links to its entries.
      expect(batches).toHaveLength(Math.ceil(ROWS / 200));
      for (const tables of posting) expect(tables.at(-1), tables.join(' → ')).toBe('ledger_chain_heads');
      if (backend === 'postgres') {
        expect(latencies.length).toBeGreaterThan(0);
        const slowest = Math.max(...latencies);
        console.info(`reliability | sync posts last (postgres) | ${ROWS} invoices, storing slowed ${SLOW_MS} ms a batch | ${latencies.length} concurrent postings, slowest ${Math.round(slowest)} ms`);
        expect(slowest, 'a posting waited for a batch to store its records').toBeLessThan(SLOW_MS * 0.75);
      }
    } finally {
      await server.stop().catch(() => undefined);
      await storage.destroy();
    }
  }, 240_000);
});

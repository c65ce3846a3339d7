/**
 * Migration 0010 on a database that already holds records: a version that posted (record_postings)
 * becomes `accounted`, any other `not_applicable`, on the versions and on their records; versions
 * are immutable again afterwards.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../src/storage/migrations/environment/', import.meta.url);
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.sql')).sort();
const run = async (db: PGlite, files: string[]) => {
  for (const file of files) await db.exec(fs.readFileSync(new URL(file, DIR), 'utf8'));
};

describe('migration 0010: accounting outcome backfill', () => {
  it('marks versions that posted accounted, the others not_applicable, and keeps versions immutable', async () => {
    const db = new PGlite();
    await run(db, FILES.filter((f) => f < '0010'));
    const tenant = '00000000-0000-0000-0000-000000000001';
    const [invoice, contact] = ['00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000a2'];
    // Rows as 0007 left them; foreign keys to journal entries are skipped (replica role) to keep the fixture small.
    await db.exec(`SET session_replication_role = replica;
      INSERT INTO unified_records VALUES ('${tenant}','${invoice}','invoice',3,null,'x','{}','\\x00',true,false,false,now(),now()),
                                         ('${tenant}','${contact}','contact',1,null,'y','{}','\\x00',true,false,false,now(),now());
      INSERT INTO unified_record_versions VALUES ('${tenant}','${invoice}',1,'{}',true,false,now(),'r'), ('${tenant}','${invoice}',2,'{}',true,false,now(),'r'),
                                                 ('${tenant}','${invoice}',3,'{}',true,false,now(),'r'), ('${tenant}','${contact}',1,'{}',true,false,now(),'r');
      INSERT INTO record_postings VALUES ('${tenant}','${invoice}',1,'USD','invoice.issued','00000000-0000-0000-0000-0000000000e1'),
                                         ('${tenant}','${invoice}',3,'USD','invoice.adjusted','00000000-0000-0000-0000-0000000000e3');
      SET session_replication_role = origin;`);
    await run(db, FILES.filter((f) => f >= '0010'));
    const versions = await db.query<{ record_id: string; version: number; accounting_status: string }>('SELECT record_id, version, accounting_status FROM unified_record_versions ORDER BY 1, 2');
    expect(versions.rows.map((r) => [r.record_id, r.version, r.accounting_status])).toEqual([
      [invoice, 1, 'accounted'],
      [invoice, 2, 'not_applicable'],
      [invoice, 3, 'accounted'],
      [contact, 1, 'not_applicable'],
    ]);
    const records = await db.query<{ id: string; accounting_status: string; accounting_error: unknown }>('SELECT id, accounting_status, accounting_error FROM unified_records ORDER BY 1');
    expect(records.rows).toEqual([
      { id: invoice, accounting_status: 'accounted', accounting_error: null },
      { id: contact, accounting_status: 'not_applicable', accounting_error: null },
    ]);
    await expect(db.exec(`UPDATE unified_record_versions SET accounting_status = 'error' WHERE record_id = '${invoice}'`)).rejects.toThrow(/immutable/);
    await db.close();
  });
});

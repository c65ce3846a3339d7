/**
 * A shipped migration never changes: shipped.json lists every migration file with its SHA-256, and
 * this fails when a listed file changed or is gone, or when a file is not listed yet.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlMigrations, type MigrationFile } from '../../src/storage/migrations/migrationFiles.js';
import {
  SHIPPED_MANIFEST_PATH,
  allMigrationFiles,
  checkManifest,
  describeProblems,
  readShippedManifest,
  shipNewMigrations,
} from '../../src/storage/migrations/shippedMigrations.js';

describe('shipped migrations', () => {
  it('every migration file is listed in shipped.json with its current SHA-256', () => {
    expect(describeProblems(checkManifest(allMigrationFiles(), readShippedManifest()))).toEqual([]);
  });

  it('keeps the names databases recorded before migrations were .sql files', () => {
    expect(Object.keys(sqlMigrations('control'))[0]).toBe('0001_tenancy');
    expect(Object.keys(sqlMigrations('environment')).slice(0, 7)).toEqual([
      '0001_audit_events',
      '0002_ledger',
      '0003_daily_line_counts',
      '0004_posting_function',
      '0005_balance_function',
      '0006_hash_chain',
      '0007_unified_records',
    ]);
  });

  it('names an edited, a deleted and an unlisted file, and says what to do', () => {
    const file = (name: string, sha256: string): MigrationFile => ({ name, path: `environment/${name}.sql`, text: '', sha256 });
    const check = checkManifest([file('0001_a', 'aa'), file('0002_b', 'b2'), file('0004_d', 'dd')], {
      'environment/0001_a.sql': 'aa',
      'environment/0002_b.sql': 'bb',
      'environment/0003_c.sql': 'cc',
    });
    expect(describeProblems(check)).toEqual([
      'environment/0002_b.sql changed after it shipped: restore it (git checkout) and put the fix in a new migration file',
      'environment/0003_c.sql shipped and is gone: restore it (a database that ran it still records it)',
      'environment/0004_d.sql is not in shipped.json: once it is final, run `npm run migrations:ship`',
    ]);
  });

  it('migrations:ship appends new files and never rewrites a listed one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-shipped-'));
    try {
      const manifest = path.join(dir, 'shipped.json');
      const shipped = readShippedManifest(SHIPPED_MANIFEST_PATH);
      const [first, ...rest] = Object.keys(shipped);
      const last = rest.pop()!;
      const partial = Object.fromEntries(Object.entries(shipped).filter(([key]) => key !== last));
      fs.writeFileSync(manifest, JSON.stringify(partial));
      expect(shipNewMigrations(manifest)).toEqual([last]);
      expect(Object.entries(readShippedManifest(manifest))).toEqual(Object.entries(shipped));

      const tampered = JSON.stringify({ ...partial, [first!]: '0'.repeat(64) });
      fs.writeFileSync(manifest, tampered);
      expect(() => shipNewMigrations(manifest)).toThrow(`${first} changed after it shipped`);
      expect(fs.readFileSync(manifest, 'utf8')).toBe(tampered);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Upgrades on PostgreSQL: databases created and filled by 89fc381 and 1dc419c are opened by this
 * code (test/support/upgradeSuite.ts), and their schema then equals a fresh install's, database by
 * database (pg_dump --schema-only).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { postgresAvailable, startTestLinks, type TestStorage } from '../support/linksServer.js';
import { POSTGRES_BIN } from '../support/postgresCluster.js';
import { describeUpgrades } from '../support/upgradeSuite.js';

/** The schema of the three databases as pg_dump prints it, without what differs between any two dumps. */
function schemaOf(storage: TestStorage): string {
  const url = new URL(storage.env.LINKS_DATABASE_URL!);
  const base = url.pathname.slice(1);
  return [base, `${base}_production`, `${base}_sandbox`]
    .map((name) => {
      url.pathname = `/${name}`;
      const dump = execFileSync(path.join(POSTGRES_BIN, 'pg_dump'), ['--schema-only', url.toString()], { encoding: 'utf8' });
      return dump
        .split('\n')
        .filter((line) => !/^\\(un)?restrict /.test(line) && !/^-- Dumped (from|by)/.test(line))
        .join('\n');
    })
    .join('\n==== next database ====\n');
}

let freshSchema: string;

beforeAll(async () => {
  if (!postgresAvailable()) return;
  const fresh = await startTestLinks();
  await fresh.stop();
  freshSchema = schemaOf(fresh.storage);
  await fresh.storage.destroy();
});

describeUpgrades({ schemaCheck: (storage) => expect(schemaOf(storage)).toBe(freshSchema) });

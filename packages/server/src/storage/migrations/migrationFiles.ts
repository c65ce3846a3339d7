/**
 * Every migration is one SQL file, `control/NNNN_name.sql` or `environment/NNNN_name.sql`, named by
 * its file name without `.sql` (the name Kysely records). A new file is picked up by its presence:
 * nothing registers it. A shipped file never changes (shipped.json holds its SHA-256; a unit test
 * compares): a fix is a new migration.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Migration } from 'kysely';

export type MigrationFolder = 'control' | 'environment';

export interface MigrationFile {
  /** `0001_tenancy`: the migration's name. */
  name: string;
  /** `control/0001_tenancy.sql`: its key in shipped.json. */
  path: string;
  text: string;
  sha256: string;
}

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

export function migrationFolderPath(folder: MigrationFolder): string {
  return fileURLToPath(new URL(`./${folder}/`, import.meta.url));
}

/** The folder's migration files in name order; a misnamed `.sql` file or a repeated number is refused. */
export function readMigrationFiles(folder: MigrationFolder): MigrationFile[] {
  const dir = migrationFolderPath(folder);
  const names = fs.readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  const numbers = new Set<string>();
  return names.map((file) => {
    const number = FILE_NAME.exec(file)?.[1];
    if (!number) throw new Error(`migration file ${folder}/${file}: the name must be NNNN_lower_snake_case.sql`);
    if (numbers.has(number)) throw new Error(`migration file ${folder}/${file}: number ${number} is taken by another file`);
    numbers.add(number);
    const bytes = fs.readFileSync(`${dir}${file}`);
    return { name: file.slice(0, -'.sql'.length), path: `${folder}/${file}`, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

/** Kysely's migration list: each file runs as one multi-statement query inside the migrator's transaction. */
export function sqlMigrations(folder: MigrationFolder): Record<string, Migration> {
  const migrations: Record<string, Migration> = {};
  for (const file of readMigrationFiles(folder)) {
    migrations[file.name] = { up: async (db) => void (await sql.raw(file.text).execute(db)) };
  }
  return migrations;
}

/**
 * The shipped-migrations manifest (shipped.json: `control/0001_tenancy.sql` → SHA-256 of the file).
 * A database migrated by an earlier release has run the file as it was then and never runs it again:
 * editing a shipped file would leave such databases on the old text (the old posting function, say)
 * with nothing to tell. So a listed file never changes and never disappears; a fix is a new file.
 * `npm run migrations:ship` lists new files and never rewrites an entry.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles, type MigrationFile } from './migrationFiles.js';

export const SHIPPED_MANIFEST_PATH = fileURLToPath(new URL('./shipped.json', import.meta.url));

export type ShippedManifest = Record<string, string>;

export function readShippedManifest(file = SHIPPED_MANIFEST_PATH): ShippedManifest {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ShippedManifest;
}

export function allMigrationFiles(): MigrationFile[] {
  return [...readMigrationFiles('control'), ...readMigrationFiles('environment')];
}

export interface ManifestCheck {
  /** Listed files whose content is no longer what shipped. */
  changed: string[];
  /** Listed files that are gone. */
  missing: string[];
  /** Files not listed yet. */
  unlisted: MigrationFile[];
}

export function checkManifest(files: MigrationFile[], shipped: ShippedManifest): ManifestCheck {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const listed = Object.entries(shipped);
  return {
    changed: listed.filter(([path, sha256]) => byPath.has(path) && byPath.get(path)!.sha256 !== sha256).map(([path]) => path),
    missing: listed.filter(([path]) => !byPath.has(path)).map(([path]) => path),
    unlisted: files.filter((file) => !(file.path in shipped)),
  };
}

/** What a developer reads when the check fails: what is wrong and what to do instead. */
export function describeProblems(check: ManifestCheck): string[] {
  return [
    ...check.changed.map((path) => `${path} changed after it shipped: restore it (git checkout) and put the fix in a new migration file`),
    ...check.missing.map((path) => `${path} shipped and is gone: restore it (a database that ran it still records it)`),
    ...check.unlisted.map((file) => `${file.path} is not in shipped.json: once it is final, run \`npm run migrations:ship\``),
  ];
}

/** Appends the unlisted files' hashes; refuses (and writes nothing) while a listed file changed or is gone. */
export function shipNewMigrations(file = SHIPPED_MANIFEST_PATH): string[] {
  const shipped = readShippedManifest(file);
  const check = checkManifest(allMigrationFiles(), shipped);
  const refusals = describeProblems({ ...check, unlisted: [] });
  if (refusals.length > 0) throw new Error(refusals.join('\n'));
  for (const migration of check.unlisted) shipped[migration.path] = migration.sha256;
  fs.writeFileSync(file, `${JSON.stringify(shipped, null, 2)}\n`);
  return check.unlisted.map((migration) => migration.path);
}

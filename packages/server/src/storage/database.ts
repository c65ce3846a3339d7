/**
 * Opens one database (control, production or sandbox) on embedded PGlite or PostgreSQL through the
 * same `pg` + Kysely code path: migrate as the owner, then hand out a pool whose every connection
 * runs as the application role, which is neither owner nor superuser, so row-level security holds.
 */
import path from 'node:path';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, type PostgresPool, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DatabaseName, LinksConfig } from '../config/config.js';
import { controlGrants } from './migrations/control.js';
import { environmentGrants, environmentSequences, tenantTables } from './migrations/environment.js';
import { sqlMigrations } from './migrations/migrationFiles.js';
import { ensureAppRole, ensureAppRoleLogin, ensureDatabaseExists } from './postgresProvisioning.js';
import { appRoleUrl, scramVerifier } from './appRoleCredentials.js';

export interface DatabaseHandle<Schema> {
  readonly name: DatabaseName;
  readonly db: Kysely<Schema>;
  /** True when a trivial query answers within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

type PoolConfig = pg.PoolConfig;

// Accounting dates are calendar days: keep DATE as 'YYYY-MM-DD', never a time-zone-shifted Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** `appUrl` (PostgreSQL): where the application role must be able to log in. */
async function migrate(pool: pg.Pool, name: DatabaseName, appRole: string, appUrl?: string): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const migrations = sqlMigrations(name === 'control' ? 'control' : 'environment');
  const grants = name === 'control' ? controlGrants : environmentGrants;
  const sequences = name === 'control' ? [] : environmentSequences;
  const client = await pool.connect();
  try {
    await ensureAppRole(client, appRole);
  } finally {
    client.release();
  }
  // Kysely's migrator holds an advisory lock, so processes starting together apply each migration once.
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const role = pg.escapeIdentifier(appRole);
  const statements = [
    // Processes starting together would race on the same catalog rows ("tuple concurrently
    // updated"): the grants run one process at a time (the lock lasts this implicit transaction).
    `SELECT pg_advisory_xact_lock(hashtext('links.grants'))`,
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), ${pg.escapeLiteral(appRole)}); END $$`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
  ];
  for (const [table, privileges] of Object.entries(grants)) {
    statements.push(`GRANT ${privileges} ON ${pg.escapeIdentifier(table)} TO ${role}`);
  }
  for (const sequence of sequences) statements.push(`GRANT USAGE ON SEQUENCE ${pg.escapeIdentifier(sequence)} TO ${role}`);
  await pool.query(statements.join(';\n'));
  if (appUrl) {
    const password = new URL(appUrl).password;
    await ensureAppRoleLogin(pool, appRole, appUrl, scramVerifier(decodeURIComponent(password)));
  }
}

/** Startup assertion: the role serving requests can neither bypass nor own its way past row-level security. */
async function assertAppRoleIsConfined(db: Kysely<unknown>, name: DatabaseName, appRole: string, loggedIn: boolean): Promise<void> {
  const { rows } = await sql<{ current_user: string; session_user: string; rolsuper: boolean; rolbypassrls: boolean }>`
    SELECT current_user, session_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user`.execute(db);
  const me = rows[0];
  if (!me || me.current_user !== appRole || me.rolsuper || me.rolbypassrls || (loggedIn && me.session_user !== appRole)) {
    throw new Error(`${name} database: request connections run as ${me?.session_user}/${me?.current_user}, not the confined role ${appRole}`);
  }
  if (name === 'control') return;
  const { rows: unguarded } = await sql<{ relname: string }>`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relname = ANY(${tenantTables}::text[])
       AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity OR pg_get_userbyid(c.relowner) = current_user)`.execute(db);
  if (unguarded.length > 0) {
    throw new Error(`${name} database: tables without enforced row-level security: ${unguarded.map((r) => r.relname).join(', ')}`);
  }
}

function confinedPool(config: PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // A connection dropped by the server (restart, outage) must not crash the process: the query on
  // it fails (→ 503), the pool discards it, and the next checkout reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * PGlite is one in-process session with one user: every connection switches to the application
 * role before its first query. On PostgreSQL the pool logs in as that role (see appRoleCredentials).
 */
function confinedKysely<Schema>(pool: pg.Pool, setRoleTo: string | undefined): Kysely<Schema> {
  if (!setRoleTo) return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const setRole = CompiledQuery.raw(`SET ROLE ${pg.escapeIdentifier(setRoleTo)}`);
  // PGlite answers in-process, as microtasks: a loop of transactions (a job, a sync, the GL engine)
  // would starve HTTP requests and timers (lease renewals). Every checkout waits one event-loop turn.
  const turnTaking: PostgresPool = {
    connect: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return pool.connect();
    },
    end: () => pool.end(),
  };
  return new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: turnTaking, onCreateConnection: async (connection) => void (await connection.executeQuery(setRole)) }),
  });
}

export async function openDatabase<Schema>(name: DatabaseName, config: LinksConfig): Promise<DatabaseHandle<Schema>> {
  const storage = config.storage;
  let appPool: pg.Pool;
  let release: () => Promise<void>;
  let setRoleTo: string | undefined;

  if (storage.kind === 'embedded') {
    const lite = await PGlite.create(path.join(storage.dataDir, name));
    const ownerPool = new pg.Pool(createPgConfig(lite) as PoolConfig);
    try {
      await migrate(ownerPool, name, config.appRole);
    } finally {
      await ownerPool.end();
    }
    appPool = confinedPool(createPgConfig(lite) as PoolConfig);
    setRoleTo = config.appRole;
    release = async () => {
      await appPool.end();
      await lite.close();
    };
  } else {
    const url = storage.urls[name];
    await ensureDatabaseExists(url);
    const ownerPool = new pg.Pool({ connectionString: url, max: 1 });
    ownerPool.on('error', () => undefined);
    try {
      await migrate(ownerPool, name, config.appRole, appRoleUrl(url, config.appRole));
    } finally {
      await ownerPool.end();
    }
    appPool = confinedPool({
      connectionString: appRoleUrl(url, config.appRole),
      max: config.poolSize,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
      // Sent at login: no request's statement holds a core longer than this (migrations use the owner pool, unbounded).
      // PGlite has no timer to cancel a statement with, so the embedded database runs unbounded.
      statement_timeout: config.statementTimeoutMs,
    });
    release = () => appPool.end();
  }

  const db = confinedKysely<Schema>(appPool, setRoleTo);
  try {
    await assertAppRoleIsConfined(db as Kysely<unknown>, name, config.appRole, setRoleTo === undefined);
  } catch (error) {
    await release();
    throw error;
  }
  let closed = false;
  return {
    name,
    db,
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const query = sql`SELECT 1`.execute(db).then(() => true, () => false);
      try {
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await release();
    },
  };
}

/**
 * Creates what a PostgreSQL deployment needs before migrations: the database itself (when the role
 * may) and the application role that request connections switch to.
 */
import pg from 'pg';
import { ConfigError } from '../config/config.js';

const DUPLICATE_DATABASE = '42P04';
const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';
const INSUFFICIENT_PRIVILEGE = '42501';

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Creates the database named in `url` when it is missing, connecting to the server's `postgres` database. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const name = databaseName(url);
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if (pgCode(error) !== '3D000') throw describeConnectionError(url, error);
  } finally {
    await probe.end().catch(() => undefined);
  }

  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    const code = pgCode(error);
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return; // another process won the race
    if (code === INSUFFICIENT_PRIVILEGE) {
      const user = decodeURIComponent(new URL(url).username) || 'the connecting role';
      throw new ConfigError(
        `database "${name}" does not exist and ${user} may not create databases: create it (createdb -O ${user} ${name}) or grant CREATEDB`,
      );
    }
    throw describeConnectionError(maintenance.toString(), error);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Creates the application role (NOLOGIN until ensureAppRoleLogin) when it is missing. */
export async function ensureAppRole(client: { query(sql: string): Promise<unknown> }, role: string): Promise<void> {
  const ident = pg.escapeIdentifier(role);
  try {
    await client.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${pg.escapeLiteral(role)}) THEN
          CREATE ROLE ${ident} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      END $$`);
  } catch (error) {
    const code = pgCode(error);
    if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION) throw error;
  }
}

/**
 * Lets the application role log in with the derived password, unless it already can: processes
 * starting together then leave the role alone instead of racing on its catalog row.
 */
export async function ensureAppRoleLogin(
  client: { query(sql: string): Promise<unknown> },
  role: string,
  appUrl: string,
  loginVerifier: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await canLogIn(appUrl)) return;
    try {
      await client.query(`ALTER ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(loginVerifier)}`);
      return;
    } catch (error) {
      if (pgCode(error) === INSUFFICIENT_PRIVILEGE) {
        throw new ConfigError(
          `the database role in LINKS_DATABASE_URL may not manage the application role ${role}: grant it CREATEROLE, or create ${role} and let it manage it`,
        );
      }
      // "tuple concurrently updated": another process is setting the same password right now.
      if (pgCode(error) !== 'XX000' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function canLogIn(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return true;
  } catch (error) {
    const code = pgCode(error);
    if (code === '28P01' || code === '28000') return false; // wrong password, or the role may not log in yet
    throw describeConnectionError(url, error);
  } finally {
    await probe.end().catch(() => undefined);
  }
}

export function describeConnectionError(url: string, error: unknown): Error {
  const safe = new URL(url);
  safe.password = safe.password ? '***' : '';
  const reason = error instanceof Error ? error.message : String(error);
  return new ConfigError(`cannot connect to PostgreSQL at ${safe.toString()}: ${reason}`);
}

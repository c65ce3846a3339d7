/**
 * On PostgreSQL the application logs in as its own role (neither owner nor superuser). Its password
 * is derived from the owner's connection URL, so every process given the same URL derives the same
 * one with nothing else to configure or store. The server receives only a SCRAM verifier, never the
 * password, so it cannot land in PostgreSQL's statement log either.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const SCRAM_ITERATIONS = 4096;

/**
 * Derived from the server and the owner's credentials, not the database name: the role is
 * cluster-wide, so the control, production and sandbox databases of one server must agree on it.
 */
export function derivedAppPassword(ownerUrl: string, appRole: string): string {
  const url = new URL(ownerUrl);
  const server = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}@${url.hostname}:${url.port || '5432'}`;
  return createHmac('sha256', server).update(`links-app-role:${appRole}`).digest('base64url');
}

/** `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` as PostgreSQL stores it (RFC 5802). */
export function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** The owner URL with the application role's credentials in place of the owner's. */
export function appRoleUrl(ownerUrl: string, appRole: string): string {
  const url = new URL(ownerUrl);
  url.username = appRole;
  url.password = derivedAppPassword(ownerUrl, appRole);
  return url.toString();
}

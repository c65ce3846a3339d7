/**
 * Connection secrets at rest: AES-256-GCM with a random 12-byte IV per secret, stored as
 * `v2.` + base64url(iv ‖ tag ‖ ciphertext). A v2 value is bound to its tenant and connection (GCM
 * associated data): copied into another row, even by the database owner, it no longer opens.
 * `v1.` values (sealed before the binding existed) still open, unbound; callers re-seal them as v2.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, decodeSecretsKey } from '../config/config.js';

const BOUND = 'v2.';
const LEGACY = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = 'secrets.key';

/** The row a sealed secret belongs to. */
export interface SecretBinding {
  tenantId: string;
  connectionId: string;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretBoxError(`a secrets key is 32 bytes, not ${key.length}`);
}

function associatedData(binding: SecretBinding): Buffer {
  return Buffer.from(`links.external_connection:${binding.tenantId}:${binding.connectionId}`, 'utf8');
}

export function sealSecret(plaintext: string, key: Buffer, binding: SecretBinding): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return BOUND + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** True for a value sealed before secrets were bound to their row: open it and seal it again. */
export function isLegacySealed(sealed: string): boolean {
  return sealed.startsWith(LEGACY);
}

/**
 * The plaintext; throws SecretBoxError when the value was altered, sealed with another key, or (v2)
 * sealed for another tenant or connection.
 */
export function openSecret(sealed: string, key: Buffer, binding: SecretBinding): string {
  checkKey(key);
  const prefix = sealed.startsWith(BOUND) ? BOUND : sealed.startsWith(LEGACY) ? LEGACY : undefined;
  if (!prefix) throw new SecretBoxError('the sealed secret is in no known format');
  const bytes = Buffer.from(sealed.slice(prefix.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('the sealed secret is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  if (prefix === BOUND) decipher.setAAD(associatedData(binding));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('the sealed secret cannot be opened: it was altered, sealed with another key, or sealed for another connection');
  }
}

function readKeyFile(file: string): Buffer {
  try {
    return decodeSecretsKey(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${file} does not hold a 32-byte base64 key; restore it or set LINKS_SECRETS_KEY`);
    throw error;
  }
}

/**
 * Reads `<dataDir>/secrets.key`, creating it on first start. The key is written to a private temp
 * file and hard-linked into place, so a process starting at the same moment never reads a half-written
 * file: the link either wins or fails with EEXIST, and then the other process's key is the key.
 */
function keyFileKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return readKeyFile(file);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The key sealing connection secrets: LINKS_SECRETS_KEY, else the data directory's key file. */
export function loadSecretsKey(options: { secretsKey: string | undefined; dataDir: string | undefined }): Buffer {
  if (options.secretsKey) return decodeSecretsKey(options.secretsKey);
  if (options.dataDir) return keyFileKey(options.dataDir);
  throw new ConfigError('set LINKS_SECRETS_KEY (32 bytes, base64 or hex) to encrypt connection secrets');
}

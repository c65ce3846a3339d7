/**
 * Connection secrets at rest: AES-256-GCM with a random 12-byte IV per secret, stored as
 * `v1.` + base64url(iv ‖ tag ‖ ciphertext). The version prefix leaves room to rotate the scheme.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, decodeSecretsKey } from '../config/config.js';

const PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = 'secrets.key';

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretBoxError(`a secrets key is 32 bytes, not ${key.length}`);
}

export function sealSecret(plaintext: string, key: Buffer): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** The plaintext; throws SecretBoxError when the value was altered or sealed with another key. */
export function openSecret(sealed: string, key: Buffer): string {
  checkKey(key);
  if (!sealed.startsWith(PREFIX)) throw new SecretBoxError('the sealed secret is not in the v1 format');
  const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('the sealed secret is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('the sealed secret cannot be opened: it was altered or sealed with another key');
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

/** Connection secrets at rest: AES-256-GCM sealing, and where the key comes from. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { createCipheriv } from 'node:crypto';
import { isLegacySealed, loadSecretsKey, openSecret, sealSecret, SecretBoxError } from '../../src/sources/secretBox.js';

const SECRET_BOX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/sources/secretBox.ts');
const PLAINTEXT = 'postgres://reader:s3cret-XYZ@db.example:5432/books';

const ROW = { tenantId: '018f0000-0000-7000-8000-00000000000a', connectionId: '018f0000-0000-7000-8000-0000000000c1' };

function flipByte(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed.slice(3), 'base64url');
  bytes[index] = bytes[index]! ^ 0x01;
  return `${sealed.slice(0, 3)}${bytes.toString('base64url')}`;
}

/** A value as the code before the tenant/connection binding sealed it: `v1.`, no associated data. */
function sealV1(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

function openError(sealed: string, key: Buffer, binding = ROW): Error {
  try {
    openSecret(sealed, key, binding);
  } catch (error) {
    return error as Error;
  }
  throw new Error('opened without an error');
}

describe('sealSecret and openSecret', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh IV every time', () => {
    const sealed = sealSecret(PLAINTEXT, key, ROW);
    expect(sealed).toMatch(/^v2\.[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed.slice(3), 'base64url').length).toBe(12 + 16 + Buffer.byteLength(PLAINTEXT));
    expect(sealed).not.toContain('s3cret');
    expect(openSecret(sealed, key, ROW)).toBe(PLAINTEXT);
    expect(sealSecret(PLAINTEXT, key, ROW)).not.toBe(sealed);
    expect(openSecret(sealSecret('', key, ROW), key, ROW)).toBe('');
    expect(openSecret(sealSecret('naïve ☃', key, ROW), key, ROW)).toBe('naïve ☃');
  });

  it('binds a sealed value to its tenant and connection: in another row it does not open', () => {
    const sealed = sealSecret(PLAINTEXT, key, ROW);
    for (const other of [{ ...ROW, tenantId: '018f0000-0000-7000-8000-00000000000b' }, { ...ROW, connectionId: '018f0000-0000-7000-8000-0000000000c2' }]) {
      const error = openError(sealed, key, other);
      expect(error).toBeInstanceOf(SecretBoxError);
      expect(error.message).toMatch(/sealed for another connection/);
    }
    // Moving the ids between the two fields is another binding too.
    expect(openError(sealed, key, { tenantId: ROW.connectionId, connectionId: ROW.tenantId })).toBeInstanceOf(SecretBoxError);
  });

  it('still opens a value sealed the old way (v1, unbound), and says it needs sealing again', () => {
    const old = sealV1(PLAINTEXT, key);
    expect(isLegacySealed(old)).toBe(true);
    expect(isLegacySealed(sealSecret(PLAINTEXT, key, ROW))).toBe(false);
    expect(openSecret(old, key, ROW)).toBe(PLAINTEXT);
    expect(openError(old, randomBytes(32)).message).toMatch(/sealed with another key/);
  });

  it.each([
    ['the IV', 0],
    ['the tag', 12],
    ['the ciphertext', 30],
  ])('detects a flipped byte in %s', (_part, index) => {
    const error = openError(flipByte(sealSecret(PLAINTEXT, key, ROW), index), key);
    expect(error).toBeInstanceOf(SecretBoxError);
    expect(error.message).toMatch(/altered, sealed with another key/);
    expect(error.message).not.toContain('s3cret');
  });

  it('refuses the wrong key, other formats and truncated values', () => {
    const sealed = sealSecret(PLAINTEXT, key, ROW);
    expect(openError(sealed, randomBytes(32)).message).toMatch(/altered, sealed with another key/);
    expect(openError(`v9.${sealed.slice(3)}`, key).message).toMatch(/no known format/);
    // A bound value relabelled v1 (to skip the binding) does not open either.
    expect(openError(`v1.${sealed.slice(3)}`, key)).toBeInstanceOf(SecretBoxError);
    expect(openError(sealed.slice(0, 20), key).message).toMatch(/truncated/);
    expect(() => sealSecret(PLAINTEXT, randomBytes(16), ROW)).toThrow(SecretBoxError);
  });
});

describe('loadSecretsKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-secrets-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes LINKS_SECRETS_KEY as base64 or hex, over a key file', () => {
    const bytes = randomBytes(32);
    const dataDir = tempDir();
    expect(loadSecretsKey({ secretsKey: bytes.toString('base64'), dataDir }).equals(bytes)).toBe(true);
    expect(loadSecretsKey({ secretsKey: bytes.toString('hex'), dataDir: undefined }).equals(bytes)).toBe(true);
    expect(loadSecretsKey({ secretsKey: bytes.toString('hex').toUpperCase(), dataDir: undefined }).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'secrets.key'))).toBe(false);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['63 hex digits', randomBytes(32).toString('hex').slice(1)],
    ['not base64', `${'!'.repeat(43)}=`],
  ])('refuses a LINKS_SECRETS_KEY that is %s, without echoing it', (_case, value) => {
    for (const load of [() => loadSecretsKey({ secretsKey: value, dataDir: undefined }), () => loadConfig({ LINKS_SECRETS_KEY: value })]) {
      try {
        load();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).toMatch(/^LINKS_SECRETS_KEY must be 32 bytes/);
        expect((error as Error).message).not.toContain(value);
      }
    }
  });

  it('creates <dataDir>/secrets.key with mode 0600 and reuses it', () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const key = loadSecretsKey({ secretsKey: undefined, dataDir });
    const file = path.join(dataDir, 'secrets.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
    expect(loadSecretsKey({ secretsKey: undefined, dataDir }).equals(key)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual(['secrets.key']);
  });

  it('refuses a key file that holds no key', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'secrets.key'), 'garbage\n');
    expect(() => loadSecretsKey({ secretsKey: undefined, dataDir })).toThrow(/secrets\.key does not hold a 32-byte base64 key/);
  });

  it('asks for LINKS_SECRETS_KEY when there is neither a key nor a data directory', () => {
    expect(() => loadSecretsKey({ secretsKey: undefined, dataDir: undefined })).toThrow(ConfigError);
    expect(() => loadSecretsKey({ secretsKey: undefined, dataDir: undefined })).toThrow(/set LINKS_SECRETS_KEY/);
  });

  it('takes the key of a process that created the file first', () => {
    const dataDir = tempDir();
    const theirs = randomBytes(32);
    const link = fs.linkSync;
    // The other process wins between our look for the file and our creating it.
    const spy = vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      fs.writeFileSync(to, theirs.toString('base64'), { mode: 0o600 });
      link(from, to);
    });
    try {
      expect(loadSecretsKey({ secretsKey: undefined, dataDir }).equals(theirs)).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dataDir)).toEqual(['secrets.key']);
  });

  it('gives processes starting at the same moment the same key', async () => {
    const dataDir = tempDir();
    const startAt = Date.now() + 1500;
    const script = `
      import { loadSecretsKey } from ${JSON.stringify(SECRET_BOX)};
      while (Date.now() < ${startAt});
      process.stdout.write(loadSecretsKey({ secretsKey: undefined, dataDir: ${JSON.stringify(dataDir)} }).toString('hex'));
    `;
    const run = promisify(execFile);
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])),
    );
    const keys = outputs.map((o) => o.stdout);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(keys).size).toBe(1);
    expect(loadSecretsKey({ secretsKey: undefined, dataDir }).toString('hex')).toBe(keys[0]);
  });
});

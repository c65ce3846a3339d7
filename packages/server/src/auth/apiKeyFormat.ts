/**
 * API key format (docs/SECURITY.md, keys and tokens): `lk_<environment>_<43 base62 chars: 256 random bits><6 base62 chars:
 * CRC-32 checksum>`. The checksum lets a mistyped or truncated key be refused without a database
 * lookup; only the SHA-256 of the whole key is ever stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Environment } from '../domain/tenancy.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_BYTES = 32;
const SECRET_CHARS = 43; // 62^43 > 2^256
const CHECKSUM_CHARS = 6; // 62^6 > 2^32
const KEY_PATTERN = /^lk_(production|sandbox)_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;
const ADMIN_TOKEN_PATTERN = /^lk_admin_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;

function base62(value: bigint, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0n) {
    out = ALPHABET[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  return out.padStart(width, '0');
}

function checksum(prefixAndSecret: string): string {
  return base62(BigInt(crc32(prefixAndSecret)), CHECKSUM_CHARS);
}

function randomSecret(): string {
  return base62(BigInt(`0x${randomBytes(SECRET_BYTES).toString('hex')}`), SECRET_CHARS);
}

function withChecksum(prefix: string): string {
  const head = prefix + randomSecret();
  return head + checksum(head);
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time equality of two hashes. */
export function hashesEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface GeneratedApiKey {
  plaintext: string;
  secretHash: Buffer;
  last4: string;
}

export function generateApiKey(environment: Environment): GeneratedApiKey {
  const plaintext = withChecksum(`lk_${environment}_`);
  return { plaintext, secretHash: sha256(plaintext), last4: plaintext.slice(-4) };
}

export interface ParsedApiKey {
  environment: Environment;
  secretHash: Buffer;
}

/** Null for anything that is not a well-formed key with a correct checksum. */
export function parseApiKey(candidate: string): ParsedApiKey | null {
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return null;
  const [, environment, secret, sum] = match as unknown as [string, Environment, string, string];
  if (checksum(`lk_${environment}_${secret}`) !== sum) return null;
  return { environment, secretHash: sha256(candidate) };
}

export function generateAdminToken(): string {
  return withChecksum('lk_admin_');
}

export function isWellFormedAdminToken(candidate: string): boolean {
  const match = ADMIN_TOKEN_PATTERN.exec(candidate);
  return match !== null && checksum(`lk_admin_${match[1]}`) === match[2];
}

/** A short public identifier such as `key_3hT9…`, safe to log and show. */
export function publicId(prefix: string, chars = 16): string {
  let body = '';
  while (body.length < chars) {
    for (const byte of randomBytes(chars * 2)) {
      if (byte < 248 && body.length < chars) body += ALPHABET[byte % 62]; // 248 = 4 × 62: no modulo bias
    }
  }
  return `${prefix}_${body}`;
}

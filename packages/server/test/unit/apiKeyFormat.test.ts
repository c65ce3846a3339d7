/** Key format properties: every generated key parses, and any typo or truncation is caught offline. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateAdminToken, generateApiKey, isWellFormedAdminToken, parseApiKey, publicId, sha256 } from '../../src/auth/apiKeyFormat.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('API key format', () => {
  it('generates lk_<environment>_ keys with 256 random bits that parse back to their environment and hash', () => {
    for (const environment of ['sandbox', 'production'] as const) {
      const key = generateApiKey(environment);
      expect(key.plaintext).toMatch(new RegExp(`^lk_${environment}_[0-9A-Za-z]{49}$`));
      expect(key.last4).toBe(key.plaintext.slice(-4));
      expect(key.secretHash.equals(sha256(key.plaintext))).toBe(true);
      expect(parseApiKey(key.plaintext)).toEqual({ environment, secretHash: key.secretHash });
    }
  });

  it('never repeats a key', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateApiKey('sandbox').plaintext));
    expect(seen.size).toBe(2000);
  });

  it('rejects any single-character change (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('sandbox' as const, 'production' as const), fc.nat(), fc.nat(), (environment, position, replacement) => {
        const key = generateApiKey(environment).plaintext;
        const bodyStart = `lk_${environment}_`.length;
        const index = bodyStart + (position % (key.length - bodyStart));
        const char = ALPHABET[replacement % 62]!;
        fc.pre(char !== key[index]);
        expect(parseApiKey(key.slice(0, index) + char + key.slice(index + 1))).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects truncation, extension, a swapped environment prefix and junk (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (cut) => {
        const key = generateApiKey('production').plaintext;
        expect(parseApiKey(key.slice(0, -cut))).toBeNull();
        expect(parseApiKey(`${key}${'A'.repeat(cut)}`)).toBeNull();
        expect(parseApiKey(key.replace('lk_production_', 'lk_sandbox_'))).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.string(), (junk) => {
        expect(parseApiKey(junk)).toBeNull();
      }),
    );
  });

  it('admin tokens carry their own checksum and are not API keys', () => {
    const token = generateAdminToken();
    expect(isWellFormedAdminToken(token)).toBe(true);
    expect(parseApiKey(token)).toBeNull();
    expect(isWellFormedAdminToken(`${token.slice(0, -1)}${token.at(-1) === 'A' ? 'B' : 'A'}`)).toBe(false);
  });

  it('public ids are short, prefixed and unbiased base62', () => {
    const ids = Array.from({ length: 500 }, () => publicId('key'));
    for (const id of ids) expect(id).toMatch(/^key_[0-9A-Za-z]{16}$/);
    expect(new Set(ids).size).toBe(500);
    const firstChars = new Set(ids.map((id) => id[4]));
    expect(firstChars.size).toBeGreaterThan(40);
  });
});

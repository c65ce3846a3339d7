/**
 * The key says where it belongs: `lk_sandbox_…` or `lk_production_…`. A CRC-32 checksum in the last
 * six characters catches a mistyped or truncated key before any request is sent.
 */
export type Environment = 'sandbox' | 'production';

const KEY = /^lk_(sandbox|production)_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = ALPHABET[rest % 62] + out;
  return out.padStart(width, '0');
}

export class InvalidApiKeyError extends Error {
  override name = 'InvalidApiKeyError';
}

/** The key's environment, or an error that says what is wrong with it (never the key itself). */
export function environmentOfKey(apiKey: unknown): Environment {
  if (typeof apiKey !== 'string' || apiKey.length === 0) {
    throw new InvalidApiKeyError('Links: no API key. Pass { apiKey } (for example process.env.LINKS_SANDBOX_API_KEY); keys start with lk_sandbox_ or lk_production_.');
  }
  const match = KEY.exec(apiKey.trim());
  if (!match) {
    throw new InvalidApiKeyError(
      `Links: that is not an API key (keys are lk_sandbox_ or lk_production_ followed by 49 letters and digits; got ${apiKey.length} characters starting "${apiKey.slice(0, 11)}").`,
    );
  }
  const [, environment, secret, sum] = match as unknown as [string, Environment, string, string];
  if (base62(crc32(`lk_${environment}_${secret}`), 6) !== sum) {
    throw new InvalidApiKeyError(`Links: the ${environment} API key fails its checksum: it was mistyped or cut short.`);
  }
  return environment;
}

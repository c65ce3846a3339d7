/**
 * Webhook signatures: `Links-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
 * one `v1=` per valid secret (two while a rotation's grace period runs). `verifyLinksSignature` is the
 * receiver's side, exactly as docs/gl.md shows it; the tests verify deliveries with it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signatureHeader(secrets: string[], body: string, unixSeconds: number): string {
  const signed = `${unixSeconds}.${body}`;
  return [`t=${unixSeconds}`, ...secrets.map((s) => `v1=${createHmac('sha256', s).update(signed).digest('hex')}`)].join(',');
}

/** True when one `v1` matches the secret and `t` is within `toleranceSeconds` of now. */
export function verifyLinksSignature(header: string, body: string, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = header.split(',').map((p) => p.split('=', 2) as [string, string]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts.some(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v) && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}

/**
 * Application-level encryption (AES-256-GCM) for secrets at rest, e.g. TOTP seeds: a database dump alone does
 * not give away second factors (security-notes §1.7 item 5). Keys are derived from PASSEND_SECRET with HKDF.
 */
import crypto from 'node:crypto';

function key(secret: string, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'passend', purpose, 32));
}

/** Encrypts `plain` for `purpose`; output `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function seal(secret: string, purpose: string, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(secret, purpose), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** Decrypts a value made by `seal`; throws when tampered with or sealed with another secret. */
export function unseal(secret: string, purpose: string, sealed: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('onbekend formaat');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(secret, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** SHA-256 hex of a token: we store only this, never the token itself (sessions, invitations, codes). */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A random URL-safe token of `bytes` bytes (default 32 = 256 bits; ASVS 7.2.3 asks ≥ 128). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** HMAC-SHA256 in base64url, for tokens derived from a secret (anonymous CSRF). */
export function hmac(secret: string, purpose: string, value: string): string {
  return crypto.createHmac('sha256', key(secret, purpose)).update(value).digest('base64url');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}

/**
 * Password hashing with node:crypto scrypt (no native addon; ASVS 11.4.2) and the password policy
 * (ASVS 5.0 6.2.1: at least 8, we ask 12; 6.2.9: long passwords allowed; 6.2.4: refuse the most common ones).
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/** Hashes a password: `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Verifies a password against a stored hash in constant time. Malformed hashes verify as false. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Still spend the time, so a missing account is not faster than a wrong password.
    await scrypt(password, Buffer.alloc(16), KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM,
  });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

const COMMON = new Set([
  'welkom01welkom', 'wachtwoord123', 'wachtwoord1234', 'password1234', '123456789012', 'qwertyuiop12',
  'welkomwelkom', 'passwordpassword', 'wachtwoordwachtwoord', 'administrator', 'letmein12345', 'iloveyou1234',
  'voetbal12345', 'zomer2024!!!', 'zomer2025!!!', 'winter2025!!', 'passend12345', 'passendonderwijs',
]);

/** Dutch problem with a new password, or null when acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 12) return 'Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden werkt goed.';
  if (password.length > 256) return 'Kies een wachtwoord van hoogstens 256 tekens.';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'Dit wachtwoord wordt te vaak gebruikt. Kies een ander.';
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000')) {
    return 'Gebruik uw e-mailadres niet in uw wachtwoord.';
  }
  return null;
}

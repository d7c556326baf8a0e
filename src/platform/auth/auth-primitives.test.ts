import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base32Decode, base32Encode, totpCode, verifyTotp, totpStep } from './totp.js';
import { hashPassword, verifyPassword, passwordProblem } from './password.js';
import { seal, unseal, tokenHash, randomToken } from './secrets.js';
import { needsSecondFactor, type AuthContext } from './service.js';
import { ROLES, vereistTotp } from './roles.js';
import { safeReturnPath } from './routes.js';

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; codes truncated to 6 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [[59, '287082'], [1111111109, '081804'], [1111111111, '050471'], [1234567890, '005924'], [2000000000, '279037']];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors', () => {
    for (const [t, code] of RFC_VECTORS) assert.equal(totpCode(RFC_SECRET, Math.floor(t / 30)), code, `T=${t}`);
  });
  it('base32 round-trips (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      assert.deepEqual(base32Decode(base32Encode(Buffer.from(bytes))), Buffer.from(bytes));
    }));
  });
  it('accepts ±1 step of clock drift, refuses older steps and replays', () => {
    const at = new Date('2026-11-24T10:00:00Z');
    const step = totpStep(at);
    assert.equal(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), at, null), step - 1);
    assert.equal(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), at, null), step + 1);
    assert.equal(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), at, null), null);
    assert.equal(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step), at, step), null, 'replay of the used step');
    assert.equal(verifyTotp(RFC_SECRET, '12345', at, null), null);
    assert.equal(verifyTotp(RFC_SECRET, 'abcdef', at, null), null);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and verifies; a wrong password or malformed hash fails', async () => {
    const h = await hashPassword('correct paard batterij nietje');
    assert.match(h, /^scrypt\$/);
    assert.equal(await verifyPassword('correct paard batterij nietje', h), true);
    assert.equal(await verifyPassword('correct paard batterij nietjE', h), false);
    assert.equal(await verifyPassword('x', 'kapot'), false);
    assert.equal(await verifyPassword('x', null), false);
  });
  it('asks for 12+ characters, refuses common ones and the mailbox name, allows long ones', () => {
    assert.match(passwordProblem('kort')!, /12 tekens/);
    assert.match(passwordProblem('wachtwoord123')!, /te vaak/);
    assert.match(passwordProblem('aaaaaaaaaaaaaaa')!, /te vaak/);
    assert.match(passwordProblem('ilse.de.boer-2026', 'ilse.de.boer@school.nl')!, /e-mailadres/);
    assert.equal(passwordProblem('x'.repeat(10) + 'lange zin met spaties '.repeat(5)), null);
  });
});

describe('secrets', () => {
  it('sealed values open only with the same secret and purpose', () => {
    const s = 'a'.repeat(40);
    const sealed = seal(s, 'totp', 'GEHEIM');
    assert.equal(unseal(s, 'totp', sealed), 'GEHEIM');
    assert.throws(() => unseal('b'.repeat(40), 'totp', sealed));
    assert.throws(() => unseal(s, 'ander-doel', sealed));
    assert.notEqual(seal(s, 'totp', 'GEHEIM'), sealed, 'random IV');
  });
  it('tokens are 256-bit and stored only as hashes', () => {
    const t = randomToken();
    assert.equal(Buffer.from(t, 'base64url').length, 32);
    assert.match(tokenHash(t), /^[0-9a-f]{64}$/);
  });
});

describe('second factor policy', () => {
  const base: AuthContext = { sessionIdHash: 'x', gebruiker: { id: 'u', email: 'e', naam: 'n' }, isMfaGeldig: false, factor: null, heeftTotp: true, heeftWachtwoord: true, csrfToken: 'c', rollen: [], actief: null };
  it('every staff role needs TOTP; parents and pupils use the e-mailed code', () => {
    for (const r of ROLES) assert.equal(vereistTotp(r), r !== 'ouder' && r !== 'leerling', r);
  });
  it('a password session without a second factor is not enough, whatever the role', () => {
    for (const r of ROLES) {
      const grant = { id: 'g', gebruikerId: 'u', rol: r, swvId: 'PO0001', vestigingCode: null, bestuurNummer: null, leerlingId: null, swvNaam: null, vestigingNaam: null };
      assert.equal(needsSecondFactor({ ...base, rollen: [grant], actief: grant }), true, r);
      assert.equal(needsSecondFactor({ ...base, isMfaGeldig: true, factor: 'totp', rollen: [grant], actief: grant }), false, r);
    }
  });
  it('an e-mailed code is enough for parents and pupils, never for a staff role', () => {
    for (const r of ROLES) {
      const grant = { id: 'g', gebruikerId: 'u', rol: r, swvId: 'PO0001', vestigingCode: null, bestuurNummer: null, leerlingId: null, swvNaam: null, vestigingNaam: null };
      const viaMail = { ...base, isMfaGeldig: true, factor: 'email' as const, heeftWachtwoord: false, heeftTotp: false, rollen: [grant], actief: grant };
      assert.equal(needsSecondFactor(viaMail), vereistTotp(r), r);
    }
  });
});

describe('return paths after login', () => {
  it('only local paths (no open redirect)', () => {
    assert.equal(safeReturnPath('/leerlingen'), '/leerlingen');
    assert.equal(safeReturnPath('//evil.example/x'), '/');
    assert.equal(safeReturnPath('https://evil.example'), '/');
    assert.equal(safeReturnPath('/\\evil.example'), '/');
    assert.equal(safeReturnPath(undefined), '/');
  });
});

/**
 * Use cases of logging in: staff with password + TOTP, parents and pupils with an e-mailed one-time code,
 * choosing a role, logging out, and reading the session of a request.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { recordAudit, recordAuditSeparately } from '../audit/audit.js';
import { queueMail } from '../mail/outbox.js';
import { hashPassword, verifyPassword } from './password.js';
import { randomToken, seal, tokenHash, unseal, safeEqual } from './secrets.js';
import { newTotpSecret, verifyTotp } from './totp.js';
import { ROL_INFO, vereistTotp, type Rol } from './roles.js';
import * as store from './store.js';

export interface AuthDeps {
  db: Database;
  clock: Clock;
  secret: string;
  idleMinutes: number;
  maxHours: number;
  publicUrl: string;
  /** Called after a mail was queued, so the worker sends it now rather than at its next poll. */
  onMailQueued?: () => void;
}

/** What a request knows about its user once the session cookie is read. */
export interface AuthContext {
  sessionIdHash: string;
  gebruiker: { id: string; email: string; naam: string };
  isMfaGeldig: boolean;
  /** The second factor this session gave: staff roles need 'totp'. */
  factor: 'totp' | 'email' | null;
  heeftTotp: boolean;
  heeftWachtwoord: boolean;
  csrfToken: string;
  rollen: store.RolToekenningRow[];
  /** The role this session acts in; null until chosen. */
  actief: store.RolToekenningRow | null;
}

const TOTP_PURPOSE = 'totp';

/** Rate-limit windows (ASVS 6.3.1): per address and per account, fixed 15-minute windows. */
export const LOGIN_LIMITS = { perEmail: 10, perIp: 50, windowMinutes: 15 };

function windowStart(at: Date, minutes: number): Date {
  const ms = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

/** Counts an attempt; throws rate_limited (Dutch, with Retry-After) when over the limit. */
export async function checkRateLimit(deps: AuthDeps, sleutel: string, max: number, windowMinutes: number) {
  const start = windowStart(deps.clock.now(), windowMinutes);
  const count = await deps.db.withTenant({ swvId: null, userId: null }, (tx) => store.bumpRateLimit(tx, sleutel, start));
  if (count > max) {
    const retryAfter = Math.ceil((start.getTime() + windowMinutes * 60_000 - deps.clock.now().getTime()) / 1000);
    throw new AppError('rate_limited', {
      detail: `U heeft het te vaak geprobeerd. Wacht ${Math.ceil(retryAfter / 60)} minuten en probeer het dan opnieuw.`,
      retryAfter,
    });
  }
}

async function createSession(deps: AuthDeps, gebruikerId: string, factor: 'email' | null): Promise<string> {
  const token = randomToken(32);
  await deps.db.withTenant({ swvId: null, userId: gebruikerId }, async (tx) => {
    await store.insertSessie(tx, {
      idHash: tokenHash(token),
      gebruikerId,
      csrfToken: randomToken(24),
      verlooptOp: new Date(deps.clock.now().getTime() + deps.maxHours * 3_600_000),
      factor,
    });
    // One role: act in it straight away. Several: the user chooses (/rol-kiezen).
    const rollen = await store.listRolToekenningen(tx, gebruikerId);
    if (rollen.length === 1) await store.updateSessie(tx, tokenHash(token), { rolToekenningId: rollen[0]!.id });
    await store.markLoggedIn(tx, gebruikerId);
  });
  return token;
}

/**
 * Staff login, step 1: e-mail and password. Returns a new session token (a fresh token at every login:
 * ASVS 7.2.4); the session is not yet MFA-valid.
 */
export async function loginWithPassword(
  deps: AuthDeps,
  input: { email: string; wachtwoord: string; ip: string; requestId?: string },
): Promise<{ token: string; next: string }> {
  const email = input.email.trim().toLowerCase();
  await checkRateLimit(deps, `login:ip:${input.ip}`, LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowMinutes);
  await checkRateLimit(deps, `login:email:${email}`, LOGIN_LIMITS.perEmail, LOGIN_LIMITS.windowMinutes);
  const g = await deps.db.withTenant({ swvId: null, userId: null }, (tx) => store.findGebruikerByEmail(tx, email));
  const ok = await verifyPassword(input.wachtwoord, g?.wachtwoordHash);
  if (!g || !ok || !g.isActief) {
    await recordAuditSeparately(deps.db, {
      swvId: null, actorGebruikerId: g?.id ?? null, actorRol: null, actie: 'inloggen-mislukt',
      resultaat: 'geweigerd', requestId: input.requestId,
    });
    throw new AppError('validation_failed', {
      detail: 'Het e-mailadres of het wachtwoord klopt niet.',
      fields: { wachtwoord: 'Het e-mailadres of het wachtwoord klopt niet.' },
    });
  }
  const token = await createSession(deps, g.id, null);
  return { token, next: g.totpBevestigdOp ? '/mfa' : '/mfa/instellen' };
}

/**
 * Starts TOTP set-up: a new secret, stored sealed as *pending*. A confirmed factor stays valid until the new one
 * is confirmed, so this can never switch the second factor off; replacing a confirmed factor needs the current
 * one first (step-up, ASVS 5.0 7.5.1).
 */
export async function beginTotpSetup(deps: AuthDeps, auth: AuthContext): Promise<string> {
  // Only password accounts (staff) set up an app; a session from an e-mailed code can never enrol one.
  if (!auth.heeftWachtwoord) throw new AppError('forbidden', { detail: 'Alleen medewerkers met een wachtwoord stellen een app voor inlogcodes in.' });
  if (auth.heeftTotp && auth.factor !== 'totp') throw new AppError('mfa_required');
  const secret = newTotpSecret();
  await deps.db.withTenant({ swvId: null, userId: auth.gebruiker.id }, (tx) =>
    store.setPendingTotp(tx, auth.gebruiker.id, seal(deps.secret, TOTP_PURPOSE, secret)),
  );
  return secret;
}

/** The pending secret, to show again when the user mistyped the first code; null when none is pending. */
export async function pendingTotpSecret(deps: AuthDeps, auth: AuthContext): Promise<string | null> {
  const row = await deps.db.withTenant({ swvId: null, userId: auth.gebruiker.id }, (tx) => store.findPendingTotp(tx, auth.gebruiker.id));
  return row?.sealed ? unseal(deps.secret, TOTP_PURPOSE, row.sealed) : null;
}

/**
 * Checks a TOTP code for the session's user: against the confirmed secret (login), or with `setup` against the
 * pending one, which then becomes the confirmed factor. On success the session becomes MFA-valid. Wrong codes
 * count towards the rate limit and are logged.
 */
export async function verifySecondFactor(
  deps: AuthDeps,
  auth: AuthContext,
  code: string,
  requestId?: string,
  opts: { setup?: boolean } = {},
): Promise<void> {
  await checkRateLimit(deps, `mfa:${auth.gebruiker.id}`, LOGIN_LIMITS.perEmail, LOGIN_LIMITS.windowMinutes);
  const wrong = () =>
    new AppError('validation_failed', {
      detail: 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw app.',
      fields: { code: 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw app.' },
    });
  await deps.db.withTenant({ swvId: null, userId: auth.gebruiker.id }, async (tx) => {
    const g = await store.findGebruiker(tx, auth.gebruiker.id);
    if (!g) throw new AppError('unauthenticated');
    if (opts.setup) {
      // Replacing a confirmed factor: the session must already have passed the current one.
      if (!g.wachtwoordHash) throw new AppError('forbidden');
      if (g.totpBevestigdOp && auth.factor !== 'totp') throw new AppError('mfa_required');
      const pending = await store.findPendingTotp(tx, g.id);
      if (!pending?.sealed) throw new AppError('bad_request', { detail: 'Begin opnieuw met het instellen van uw app.' });
      const step = verifyTotp(unseal(deps.secret, TOTP_PURPOSE, pending.sealed), code, deps.clock.now(), null);
      if (step === null) throw wrong();
      await store.confirmPendingTotp(tx, g.id, step);
      // A new factor ends every other session of this user (ASVS 7.4.2): whoever had a session on the old
      // factor must log in again.
      await store.deleteSessiesVan(tx, g.id, auth.sessionIdHash);
    } else {
      if (!g.totpSecret || !g.totpBevestigdOp) throw new AppError('bad_request', { detail: 'Stel eerst uw app voor inlogcodes in.' });
      const step = verifyTotp(unseal(deps.secret, TOTP_PURPOSE, g.totpSecret), code, deps.clock.now(), g.totpLaatsteStap);
      if (step === null || !(await store.useTotpStep(tx, g.id, step))) throw wrong();
    }
    await store.updateSessie(tx, auth.sessionIdHash, { totpGegeven: true, touch: true });
    await recordAudit(tx, {
      swvId: null, actorGebruikerId: g.id, actorRol: auth.actief?.rol ?? null,
      actie: opts.setup ? 'mfa-ingesteld' : 'inloggen', resultaat: 'ok', requestId,
    });
  }).catch(async (err) => {
    if (err instanceof AppError && err.code === 'validation_failed') {
      await recordAuditSeparately(deps.db, {
        swvId: null, actorGebruikerId: auth.gebruiker.id, actorRol: null, actie: 'inloggen-mislukt',
        resultaat: 'geweigerd', velden: ['totp'], requestId,
      });
    }
    throw err;
  });
}

const CODE_MINUTES = 15;
const CODE_MAX_POGINGEN = 5;

/**
 * Parents and pupils: send a one-time login code by e-mail. Answers the same whether or not the address is
 * known, so the form cannot be used to find out who has a child in Passend.
 */
export async function requestEmailCode(deps: AuthDeps, input: { email: string; ip: string }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  await checkRateLimit(deps, `code:ip:${input.ip}`, LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowMinutes);
  await checkRateLimit(deps, `code:email:${email}`, 5, LOGIN_LIMITS.windowMinutes);
  await deps.db.withTenant({ swvId: null, userId: null }, async (tx) => {
    const g = await store.findGebruikerByEmail(tx, email);
    if (!g || !g.isActief || g.wachtwoordHash) return; // staff use their password
    await tx.execute(sql`select set_config('app.user_id', ${g.id}, true)`);
    if (await store.heeftMedewerkersrol(tx, g.id)) return; // a staff role needs password + TOTP, never a mailed code
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await store.insertEenmaligeCode(tx, g.id, tokenHash(`${g.id}:${code}`), new Date(deps.clock.now().getTime() + CODE_MINUTES * 60_000));
    await queueMail(tx, {
      aan: g.email,
      onderwerp: `Uw inlogcode voor Passend: ${code}`,
      tekst:
        `Beste ${g.naam},\n\nUw inlogcode voor Passend is: ${code}\n\nDe code werkt ${CODE_MINUTES} minuten en één keer.\n` +
        `Heeft u niet om deze code gevraagd? Dan kunt u deze mail negeren.\n\n${deps.publicUrl}/inloggen/code/invoeren\n`,
    });
  });
  deps.onMailQueued?.();
}

/** Parents and pupils: log in with the e-mailed code. The code is their second factor. */
export async function loginWithEmailCode(
  deps: AuthDeps,
  input: { email: string; code: string; ip: string; requestId?: string },
): Promise<{ token: string }> {
  const email = input.email.trim().toLowerCase();
  await checkRateLimit(deps, `login:ip:${input.ip}`, LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowMinutes);
  await checkRateLimit(deps, `code-check:email:${email}`, LOGIN_LIMITS.perEmail, LOGIN_LIMITS.windowMinutes);
  const wrong = new AppError('validation_failed', {
    detail: 'Deze code klopt niet of is verlopen. Vraag een nieuwe code aan.',
    fields: { code: 'Deze code klopt niet of is verlopen. Vraag een nieuwe code aan.' },
  });
  const gebruikerId = await deps.db.withTenant({ swvId: null, userId: null }, async (tx) => {
    const g = await store.findGebruikerByEmail(tx, email);
    if (!g || !g.isActief || g.wachtwoordHash) return null;
    await tx.execute(sql`select set_config('app.user_id', ${g.id}, true)`);
    if (await store.heeftMedewerkersrol(tx, g.id)) return null;
    // Count the attempt and read the code in one statement: parallel guesses cannot outrun the limit.
    const open = await store.takeCodeAttempt(tx, g.id, CODE_MAX_POGINGEN, deps.clock.now());
    if (!open) return null;
    const ok = safeEqual(open.codeHash, tokenHash(`${g.id}:${input.code.replace(/\s/g, '')}`));
    if (ok) await store.markCodeUsed(tx, open.id);
    return ok ? g.id : null;
  });
  if (!gebruikerId) {
    await recordAuditSeparately(deps.db, {
      swvId: null, actorGebruikerId: null, actorRol: null, actie: 'inloggen-mislukt', resultaat: 'geweigerd',
      velden: ['eenmalige-code'], requestId: input.requestId,
    });
    throw wrong;
  }
  const token = await createSession(deps, gebruikerId, 'email');
  await deps.db.withTenant({ swvId: null, userId: gebruikerId }, (tx) =>
    recordAudit(tx, { swvId: null, actorGebruikerId: gebruikerId, actorRol: null, actie: 'inloggen', resultaat: 'ok', requestId: input.requestId }),
  );
  return { token };
}

/** Reads the session for a cookie token; null when absent, expired or idle too long (then it is deleted). */
export async function loadSession(deps: AuthDeps, token: string | undefined): Promise<AuthContext | null> {
  if (!token || token.length > 100) return null;
  const idHash = tokenHash(token);
  return deps.db.withTenant({ swvId: null, userId: null }, async (tx) => {
    // Two statements on the hot path of every logged-in request: session + user (which also sets app.user_id),
    // then the user's role grants (RLS lets a user read their own).
    const s = await store.findSessieMetGebruiker(tx, idHash);
    if (!s) return null;
    const now = deps.clock.now().getTime();
    const idleMs = deps.idleMinutes * 60_000;
    if (new Date(s.verlooptOp).getTime() < now || new Date(s.laatstGezienOp).getTime() + idleMs < now) {
      await store.deleteSessie(tx, idHash);
      return null;
    }
    if (!s.isActief) return null;
    const rollen = await store.listRolToekenningen(tx, s.gebruikerId);
    // Touch at most once a minute: saves a write on most requests, idle timeout stays accurate to a minute.
    if (now - new Date(s.laatstGezienOp).getTime() > 60_000) await store.updateSessie(tx, idHash, { touch: true });
    return {
      sessionIdHash: idHash,
      gebruiker: { id: s.gebruikerId, email: s.email, naam: s.naam },
      isMfaGeldig: s.isMfaGeldig,
      factor: s.factor,
      heeftTotp: s.heeftTotp,
      heeftWachtwoord: s.heeftWachtwoord,
      csrfToken: s.csrfToken,
      rollen,
      actief: rollen.find((r) => r.id === s.rolToekenningId) ?? null,
    };
  });
}

/** Switches the session to one of the user's roles. */
export async function chooseRole(deps: AuthDeps, auth: AuthContext, rolToekenningId: string): Promise<void> {
  const rol = auth.rollen.find((r) => r.id === rolToekenningId);
  if (!rol) {
    throw new AppError('validation_failed', { fields: { rol: 'Kies een van uw eigen rollen.' } });
  }
  await deps.db.withTenant({ swvId: null, userId: auth.gebruiker.id }, (tx) =>
    store.updateSessie(tx, auth.sessionIdHash, { rolToekenningId: rol.id }),
  );
}

/** Logs out: the session is deleted server-side (ASVS 7.4.1). */
export async function logout(deps: AuthDeps, auth: AuthContext, requestId?: string): Promise<void> {
  await deps.db.withTenant({ swvId: auth.actief?.swvId ?? null, userId: auth.gebruiker.id }, async (tx) => {
    await store.deleteSessie(tx, auth.sessionIdHash);
    await recordAudit(tx, {
      swvId: auth.actief?.swvId ?? null, actorGebruikerId: auth.gebruiker.id, actorRol: auth.actief?.rol ?? null,
      actie: 'uitloggen', resultaat: 'ok', requestId,
    });
  });
}

/**
 * True when this session still has to give a second factor: always when none was given, and for staff roles when
 * the factor was not TOTP (an e-mailed code is the parents' and pupils' factor, never the staff's).
 */
export function needsSecondFactor(auth: AuthContext): boolean {
  if (!auth.isMfaGeldig) return true;
  const rollen = auth.actief ? [auth.actief] : auth.rollen;
  const staff = auth.heeftWachtwoord || rollen.some((r) => vereistTotp(r.rol));
  return staff && auth.factor !== 'totp';
}

/** Creates an account (CLI, seed, invitations). Staff get a password; gezin accounts none. */
export async function createAccount(
  deps: Pick<AuthDeps, 'db'>,
  input: { email: string; naam: string; wachtwoord?: string; rol: Rol; swvId: string | null; vestigingCode?: string | null; bestuurNummer?: string | null; leerlingId?: string | null },
): Promise<string> {
  const info = ROL_INFO[input.rol];
  if (!info.isGezin && !input.wachtwoord) throw new AppError('validation_failed', { fields: { wachtwoord: 'Medewerkers hebben een wachtwoord nodig.' } });
  if (info.isSwvGebonden && !input.swvId) throw new AppError('validation_failed', { fields: { swv: 'Deze rol hoort bij een samenwerkingsverband.' } });
  if (info.isSchoolgebonden && !input.vestigingCode) throw new AppError('validation_failed', { fields: { vestiging: 'Deze rol hoort bij een schoolvestiging.' } });
  const hash = input.wachtwoord ? await hashPassword(input.wachtwoord) : null;
  const run = async (tx: Parameters<Parameters<Database['withSystem']>[0]>[0]) => {
    const existing = await store.findGebruikerByEmail(tx, input.email);
    const id = existing?.id ?? (await store.insertGebruiker(tx, { email: input.email, naam: input.naam, wachtwoordHash: hash }));
    // A staff role on an account that so far logged in with mailed codes: it now needs a password (and TOTP).
    if (existing && !existing.wachtwoordHash && hash) await store.setWachtwoordHash(tx, id, hash);
    await store.insertRolToekenning(tx, {
      gebruikerId: id, rol: input.rol, swvId: input.swvId, vestigingCode: input.vestigingCode,
      bestuurNummer: input.bestuurNummer, leerlingId: input.leerlingId,
    });
    return id;
  };
  // National roles (no SWV) may only be granted in the systeem scope (RLS policy on rol_toekenning).
  return input.swvId ? deps.db.withTenant({ swvId: input.swvId, userId: null }, run) : deps.db.withSystem(run);
}

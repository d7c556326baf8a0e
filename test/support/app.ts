/**
 * HTTP test harness: an app on a test database, builders for tenants, schools, users and pupils (each test makes
 * its own), and a small browser-like client with a cookie jar that logs in through the real forms.
 */
import crypto from 'node:crypto';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/platform/db/client.js';
import { createApp } from '../../src/app.js';
import type { App, AppDeps } from '../../src/platform/http/env.js';
import { loadConfig } from '../../src/platform/config.js';
import { manualClock } from '../../src/platform/clock.js';
import { createAccount } from '../../src/platform/auth/service.js';
import { seal } from '../../src/platform/auth/secrets.js';
import { newTotpSecret, totpCode, totpStep } from '../../src/platform/auth/totp.js';
import type { Rol } from '../../src/platform/auth/roles.js';
import { insertInschrijving, insertLeerling, insertOuder } from '../../src/modules/leerlingen/store.js';
import { openTestDatabase, uniqueSwvCode, type DatabaseKind, type TestDatabase } from './db.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';
export const TEST_PASSWORD = 'een-lang-test-wachtwoord';

export interface TestContext {
  db: TestDatabase;
  app: App;
  deps: AppDeps;
  clock: ReturnType<typeof manualClock>;
}

/** An app on a fresh test database of the given kind. */
export async function makeTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestContext> {
  const db = await openTestDatabase(kind);
  const clock = manualClock(new Date());
  // TRUST_PROXY: every test Client sends its own X-Forwarded-For, so the per-IP login limit counts per client. On
  // a shared PostgreSQL database all test processes would otherwise share one address and one limit.
  const config = loadConfig({ PASSEND_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', TRUST_PROXY: 'true', ...env });
  const deps: AppDeps = {
    db, clock, config, secret: TEST_SECRET, isDemo: false, publicUrl: 'http://localhost:3000',
    logger: pino({ level: 'silent' }), nudgeWorker: () => {},
  };
  return { db, app: createApp(deps), deps, clock };
}

export interface TestTenant {
  swvId: string;
  vestigingCode: string;
  andereVestigingCode: string;
  bestuurNummer: string;
}

let seq = 0;
function uniqueCode(len: number): string {
  seq += 1;
  return crypto.randomBytes(8).toString('hex').toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, len);
}

/** A tenant (SWV) with two school locations of one board, all with unique codes. */
export async function buildTenant(db: TestDatabase): Promise<TestTenant> {
  const swvId = uniqueSwvCode('po');
  const bestuurNummer = `T${uniqueCode(6)}`;
  await db.owner.execute(sql`insert into swv (code, sector, naam) values (${swvId}, 'po', ${`Test-SWV ${swvId}`})`);
  await db.owner.execute(sql`insert into bestuur (nummer, naam) values (${bestuurNummer}, 'Testbestuur') on conflict do nothing`);
  const codes: string[] = [];
  for (const naam of ['Testschool De Linde', 'Testschool Het Anker']) {
    // A random code can be a real DUO code (a shared database may hold the register) or another test's: retry.
    for (;;) {
      const brin = uniqueCode(4);
      const r = await rows(db.owner, sql`insert into vestiging (code, instellingscode, naam, soort, bestuur_nummer, plaats, swv_po)
          values (${`${brin}00`}, ${brin}, ${naam}, 'bao', ${bestuurNummer}, 'Teststad', ${swvId})
          on conflict (code) do nothing returning code`);
      if (r.length === 1) {
        codes.push(`${brin}00`);
        break;
      }
    }
  }
  return { swvId, vestigingCode: codes[0]!, andereVestigingCode: codes[1]!, bestuurNummer };
}

export interface TestUser {
  id: string;
  email: string;
  password: string | null;
  totpSecret: string | null;
  rol: Rol;
}

/** A user with a role; staff get a password and a confirmed TOTP secret. */
export async function buildUser(db: TestDatabase, t: TestTenant | null, rol: Rol, opts: { leerlingId?: string; vestigingCode?: string } = {}): Promise<TestUser> {
  const email = `${rol}-${crypto.randomBytes(6).toString('hex')}@test.passend.test`;
  const isGezin = rol === 'ouder' || rol === 'leerling';
  const national = rol === 'inspectie' || rol === 'beheerder';
  const school = rol === 'intern-begeleider' || rol === 'schoolleider';
  const id = await createAccount({ db }, {
    email, naam: `Test ${rol}`, wachtwoord: isGezin ? undefined : TEST_PASSWORD, rol,
    swvId: national ? null : t!.swvId, vestigingCode: school ? (opts.vestigingCode ?? t!.vestigingCode) : null,
    bestuurNummer: rol === 'bestuur' ? t!.bestuurNummer : null, leerlingId: opts.leerlingId ?? null,
  });
  let totpSecret: string | null = null;
  if (!isGezin) {
    totpSecret = newTotpSecret();
    await db.withSystem((tx) => tx.execute(sql`update gebruiker set totp_secret = ${seal(TEST_SECRET, 'totp', totpSecret!)}, totp_bevestigd_op = now() where id = ${id}`));
  }
  return { id, email, password: isGezin ? null : TEST_PASSWORD, totpSecret, rol };
}

/** A pupil enrolled at a school of the tenant (default: the first location). */
export async function buildLeerling(db: TestDatabase, t: TestTenant, opts: { vestigingCode?: string; achternaam?: string; today?: string } = {}): Promise<string> {
  return db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
    const id = await insertLeerling(tx, { swvId: t.swvId, voornaam: 'Test', achternaam: opts.achternaam ?? `Leerling${crypto.randomInt(1e6)}`, geboortedatum: '2016-05-04', woonPc4: '3701' });
    await insertInschrijving(tx, { swvId: t.swvId, leerlingId: id, vestigingCode: opts.vestigingCode ?? t.vestigingCode, startdatum: '2020-08-20' });
    return id;
  });
}

/** Links a parent account to a pupil. */
export async function linkOuder(db: TestDatabase, t: TestTenant, leerlingId: string, ouder: TestUser, heeftGezag = true) {
  await db.withTenant({ swvId: t.swvId, userId: null }, (tx) =>
    insertOuder(tx, { swvId: t.swvId, leerlingId, naam: 'Test Ouder', email: ouder.email, relatie: 'ouder', heeftGezag, gebruikerId: ouder.id }),
  );
}

/** A minimal browser: keeps cookies, sends same-origin headers, finds the CSRF token in the last page. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  /** A documentation-range address (RFC 5737/3849 style) of its own: rate limits count per client. */
  readonly ip = `198.51.${crypto.randomInt(0, 256)}.${crypto.randomInt(1, 255)}`;
  constructor(private app: App) {}

  async request(method: string, path: string, init: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string>; body?: BodyInit; csrf?: boolean } = {}) {
    const headers: Record<string, string> = { host: 'localhost:3000', 'x-forwarded-for': this.ip, ...(init.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: BodyInit | undefined = init.body;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ ...(init.csrf === false ? {} : { _csrf: this.csrf }), ...init.form }).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      if (init.csrf !== false) headers['x-csrf-token'] = this.csrf;
      body = JSON.stringify(init.json);
    }
    if (method !== 'GET' && !headers.origin) headers.origin = 'http://localhost:3000';
    const res = await this.app.request(path, { method, headers, body });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const m = /name="_csrf" value="([^"]*)"/.exec(text);
    if (m) this.csrf = m[1]!;
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }

  post(path: string, form: Record<string, string>) {
    return this.request('POST', path, { form });
  }
}

/** Current TOTP code for a secret, at a fresh step (tests log in several times a minute: use the next step). */
export function codeFor(secret: string, offset = 0): string {
  return totpCode(secret, totpStep(new Date()) + offset);
}

/** Logs a user in through the real forms (password + TOTP, or e-mail code for gezin roles). */
export async function login(ctx: TestContext, user: TestUser): Promise<Client> {
  const client = new Client(ctx.app);
  if (user.password) {
    await client.get('/inloggen');
    const r = await client.post('/inloggen', { email: user.email, wachtwoord: user.password });
    if (r.status !== 303) throw new Error(`login failed ${r.status}`);
    await client.get('/mfa');
    // A code is accepted once per step; tests that log the same user in twice use the next step.
    for (const offset of [0, 1, -1]) {
      const m = await client.post('/mfa', { code: codeFor(user.totpSecret!, offset) });
      if (m.status === 303) return client;
    }
    throw new Error('mfa failed');
  }
  await client.get('/inloggen/code');
  await client.post('/inloggen/code', { email: user.email });
  const mail = await ctx.db.withSystem((tx) =>
    tx.execute(sql`select onderwerp from mail_bericht where aan = ${user.email} order by created_at desc limit 1`),
  ) as unknown as { rows: { onderwerp: string }[] };
  const code = /(\d{6})/.exec(mail.rows[0]!.onderwerp)![1]!;
  const r = await client.post('/inloggen/code/invoeren', { email: user.email, code });
  if (r.status !== 303) throw new Error(`code login failed ${r.status}`);
  return client;
}

/**
 * Logs a user in and then sets the test clock to `datum`. Logging in checks a TOTP code against the clock, so it
 * runs on the real time; tests whose rules need a fixed "today" (legal deadlines, dates in the future) move the
 * clock there only afterwards.
 */
export async function loginOpDatum(ctx: TestContext, user: TestUser, datum: Date): Promise<Client> {
  ctx.clock.set(new Date());
  const client = await login(ctx, user);
  ctx.clock.set(datum);
  return client;
}

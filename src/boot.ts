/**
 * Starting Passend: configuration, database (migrations, tenancy self-test), register snapshot, demo seed, the
 * job worker and the HTTP server, and a clean shutdown on SIGTERM/SIGINT.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from './platform/config.js';
import { openDatabase } from './platform/db/open.js';
import { runMigrations } from './platform/db/migrate.js';
import { tenancyProblems } from './platform/db/selftest.js';
import { first, type Database } from './platform/db/client.js';
import { fixedDateClock, systemClock, type Clock } from './platform/clock.js';
import { startWorker } from './platform/jobs/queue.js';
import { mailJobHandler } from './platform/mail/outbox.js';
import { planZorgplichtTaken, zorgplichtJobHandlers } from './modules/zorgplicht/taken.js';
import { createApp } from './app.js';
import { importRegisterSnapshot } from './modules/register/commands.js';
import { isDemoDatabase, seedDemo } from './demo/seed.js';
import { seedDemoOpp } from './demo/opp.js';
import { oppJobHandlers, planOppTaken } from './modules/opp/taken.js';
import { seedDemoAanmeldingen } from './demo/aanmeldingen.js';
import { seedDemoAanbod } from './demo/aanbod.js';
import { DEMO_LOGINS } from './demo/logins.js';
import { totpCode, totpStep } from './platform/auth/totp.js';
import { ROL_INFO } from './platform/auth/roles.js';

/** The PGlite directory inside PASSEND_DATA_DIR. */
export function pgliteDir(config: Config): string {
  return path.join(config.PASSEND_DATA_DIR, 'pglite');
}

/**
 * The app secret: PASSEND_SECRET, or for an embedded install one generated once into <data>/secret (mode 0600).
 * With PostgreSQL it is required: several processes must share it.
 */
/**
 * The data folder holds the embedded database (health data of pupils) and the secret: only the owner of the
 * process may enter it. PGlite writes its files world-readable, so the folder's mode is what protects them.
 */
export function ensureDataDir(config: Config): void {
  fs.mkdirSync(config.PASSEND_DATA_DIR, { recursive: true, mode: 0o700 });
  fs.chmodSync(config.PASSEND_DATA_DIR, 0o700);
}

export function resolveSecret(config: Config): string {
  if (config.PASSEND_SECRET) return config.PASSEND_SECRET;
  if (config.DATABASE_URL) throw new Error('Stel PASSEND_SECRET in (minstens 32 tekens) als u PostgreSQL gebruikt.');
  ensureDataDir(config);
  const file = path.join(config.PASSEND_DATA_DIR, 'secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function clockFor(config: Config): Clock {
  return config.PASSEND_TODAY ? fixedDateClock(config.PASSEND_TODAY) : systemClock;
}

/** Opens the database, runs migrations and refuses to go on when tenant isolation is not safe. */
export async function openAndCheck(config: Config, log: (line: string) => void = () => {}) {
  if (!config.DATABASE_URL) ensureDataDir(config);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: pgliteDir(config), poolMax: config.DATABASE_POOL_MAX });
  try {
    log(`Database: ${db.kind === 'pglite' ? `PGlite in ${pgliteDir(config)}` : 'PostgreSQL'}`);
    await runMigrations(db);
    const problems = await tenancyProblems(db);
    if (problems.length) {
      throw new Error(`Passend start niet: de scheiding tussen samenwerkingsverbanden is niet veilig.\n- ${problems.join('\n- ')}`);
    }
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

async function registerIsEmpty(db: Database): Promise<boolean> {
  const row = await first<{ n: number }>(db.owner, sql`select count(*)::int as n from vestiging`);
  return (row?.n ?? 0) === 0;
}

async function hasUsers(db: Database): Promise<boolean> {
  const row = await db.withSystem((tx) => first<{ n: number }>(tx, sql`select count(*)::int as n from gebruiker`));
  return (row?.n ?? 0) > 0;
}

/** Prints the demo logins with the current TOTP code, for a newcomer clicking through. */
export function demoLoginText(publicUrl: string): string {
  const step = totpStep(new Date());
  const lines = DEMO_LOGINS.map((d) =>
    `  ${ROL_INFO[d.rol].label.padEnd(48)} ${d.email.padEnd(36)} ${d.wachtwoord ? `wachtwoord: ${d.wachtwoord}  app-sleutel: ${d.totpSecret} (code nu: ${totpCode(d.totpSecret!, step)})` : 'code per e-mail (zie demo-mailbox)'}`,
  );
  return `Demo-accounts (ook op ${publicUrl}/):\n${lines.join('\n')}`;
}

/** Starts the server; resolves once listening. Returns a stop function for tests and signal handlers. */
export async function start(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
  const config = loadConfig(env);
  const secret = resolveSecret(config);
  const clock = clockFor(config);
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const logger = pino({ level: config.LOG_LEVEL, base: { app: 'passend' } });
  const db = await openAndCheck(config, out);
  try {
    if (config.PASSEND_REGISTER_IMPORT && (await registerIsEmpty(db))) {
      out('Register wordt geïmporteerd uit data/register (eenmalig)…');
      const report = await importRegisterSnapshot(db, {
        onProgress: (p) => out(`  ${p.stap}: ${p.gedaan}/${p.totaal}`),
      });
      out(`Register geïmporteerd: ${report.ingevoegd} rijen.`);
    }
    if (config.PASSEND_DEMO && config.NODE_ENV === 'production') {
      throw new Error('PASSEND_DEMO=true kan niet samen met NODE_ENV=production: de demo heeft openbare wachtwoorden en een openbare mailbox.');
    }
    const wantDemo = (config.PASSEND_DEMO ?? (!config.DATABASE_URL && config.NODE_ENV !== 'production')) && !(await registerIsEmpty(db));
    if (wantDemo && !(await hasUsers(db))) {
      const r = await seedDemo(db, clock, secret);
      if (r) out(`Demo-samenwerkingsverband ${r.swv} aangemaakt met ${r.leerlingen} fictieve leerlingen.`);
    }
    const isDemo = await isDemoDatabase(db);
    // Its own mark, not the demo seed's: a demo install made before the aanbod existed gets it on this start.
    if (isDemo) {
      const a = await seedDemoAanbod(db, clock);
      if (a) out(`Demo-ondersteuningsaanbod: ${a.versies} versies.`);
      const m = await seedDemoAanmeldingen(db, clock);
      if (m) out(`Demo-aanmeldingen: ${m.aanmeldingen}.`);
      const o = await seedDemoOpp(db, clock);
      if (o) out(`Demo-ontwikkelingsperspectieven: ${o.opps}.`);
    }
    let nudge = () => {};
    // The zorgplicht clock's daily and weekly runs (once-only keys: a restart does not run a finished run again).
    if (config.JOBS_WORKER) {
      await db.withSystem((tx) => planZorgplichtTaken(tx, clock.now()));
      await db.withSystem((tx) => planOppTaken(tx, clock.now()));
    }
    const worker = config.JOBS_WORKER
      ? startWorker(db, {
          mail: mailJobHandler(db, { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
          ...zorgplichtJobHandlers({ db, clock, publicUrl, logger }),
          ...oppJobHandlers({ db, clock, publicUrl, logger }),
        }, {
          workerId: `${process.pid}`,
          onError: (err) => logger.error({ err }, 'fout in achtergrondtaak'),
        })
      : null;
    if (worker) nudge = () => worker.nudge();
    const app = createApp({ db, clock, config, secret, isDemo, publicUrl, logger, nudgeWorker: () => nudge() });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
      s.once('error', reject);
    });
    out(`Passend draait op ${publicUrl} (stoppen: Ctrl+C)`);
    if (isDemo) out(demoLoginText(publicUrl));
    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker?.stop();
        await db.close();
      })();
      return stopping;
    };
    return { stop, app, db, config, port: config.PORT };
  } catch (err) {
    await db.close();
    throw err;
  }
}

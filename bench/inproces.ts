/**
 * Bench-only: Passend booted IN the bench process (like `passend start` minus register, demo and worker: openAndCheck
 * → migrations + tenancy self-test, then createApp served on loopback by @hono/node-server), on a database of its
 * own (PGlite in `dataDir`, or the PostgreSQL database at `databaseUrl`). Scenarios that compare a page against its
 * raw queries use it, because both must run in the same process to be comparable. `seed` fills the database before
 * the app starts listening.
 */
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { clockFor, openAndCheck } from '../src/boot.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/client.js';
import type { Clock } from '../src/platform/clock.js';
import type { AuthDeps } from '../src/platform/auth/service.js';
import { TEST_SECRET } from '../test/support/app.js';

export interface InProcesOpties {
  databaseUrl?: string;
  dataDir: string;
  host: string;
  port: number;
  logFile: string;
}

export interface InProces<T> {
  kind: Database['kind'];
  /** http://host:port of the app. */
  base: string;
  db: Database;
  clock: Clock;
  authDeps: AuthDeps;
  data: T;
  stop(): Promise<void>;
}

export async function startInProces<T>(opts: InProcesOpties, seed: (db: Database, clock: Clock) => Promise<T>): Promise<InProces<T>> {
  const config = loadConfig({
    PASSEND_SECRET: TEST_SECRET, DATABASE_URL: opts.databaseUrl ?? '', PASSEND_DATA_DIR: opts.dataDir, PORT: String(opts.port), HOST: opts.host,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', PASSEND_TODAY: process.env.PASSEND_TODAY ?? '', JOBS_WORKER: 'false',
  });
  const clock = clockFor(config);
  const db = await openAndCheck(config);
  try {
    const base = `http://${opts.host}:${opts.port}`;
    // One log line per request at info, to a file (as `passend start` writes to its stdout).
    const logger = pino({ level: config.LOG_LEVEL, base: { app: 'passend' } }, pino.destination({ dest: opts.logFile, sync: true }));
    const data = await seed(db, clock);
    const app = createApp({ db, clock, config, secret: TEST_SECRET, isDemo: false, publicUrl: base, logger, nudgeWorker: () => {} });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
      s.once('error', reject);
    });
    const authDeps: AuthDeps = {
      db, clock, secret: TEST_SECRET, idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS, publicUrl: base,
    };
    let stopped: Promise<void> | null = null;
    const stop = () => {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
      })();
      return stopped;
    };
    return { kind: db.kind, base, db, clock, authDeps, data, stop };
  } catch (err) {
    await db.close();
    throw err;
  }
}

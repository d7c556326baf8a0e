/**
 * The shared dependencies of the web app and the per-request variables every handler can read from `c.var`.
 */
import type { Context, Hono } from 'hono';
import type { Database } from '../db/client.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { AuthContext, AuthDeps } from '../auth/service.js';
import type { Logger } from 'pino';

export interface AppDeps {
  db: Database;
  clock: Clock;
  config: Config;
  /** The effective secret (from PASSEND_SECRET or generated for a PGlite install). */
  secret: string;
  /** This installation holds the demo SWV with fictitious pupils. */
  isDemo: boolean;
  publicUrl: string;
  logger: Logger;
  /** Asks the job worker to look at the queue now (mail just queued). */
  nudgeWorker: () => void;
}

export interface AppVariables {
  deps: AppDeps;
  auth: AuthContext | null;
  requestId: string;
  /** The CSRF token this request's forms must carry (session token, or the anonymous one). */
  csrfToken: string;
  /** The client's address for rate limits (never logged with pupil data). */
  clientIp: string;
}

export type AppEnv = { Variables: AppVariables };
export type AppContext = Context<AppEnv>;
export type App = Hono<AppEnv>;

/** AuthDeps derived from the app's dependencies. */
export function authDeps(deps: AppDeps): AuthDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    secret: deps.secret,
    idleMinutes: deps.config.SESSION_IDLE_MINUTES,
    maxHours: deps.config.SESSION_MAX_HOURS,
    publicUrl: deps.publicUrl,
    onMailQueued: deps.nudgeWorker,
  };
}

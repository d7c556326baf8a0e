/**
 * All configuration comes from environment variables, validated once at boot. A bad value stops the start with a
 * readable Dutch list instead of failing later. README.md documents every variable; keep them in sync.
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'ja', 'nee']).transform((v) => v === 'true' || v === '1' || v === 'ja');

const ZConfig = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Public base URL, used in mails and invitation links. */
  PUBLIC_URL: z.string().url().optional(),
  /** PostgreSQL connection string; when absent Passend uses embedded PGlite in PASSEND_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://').optional(),
  /**
   * Connection for `passend backup` on PostgreSQL: a role that may read every row (BYPASSRLS, e.g. with
   * pg_read_all_data). The app's own roles cannot: FORCE ROW LEVEL SECURITY binds even the table owner.
   * Defaults to DATABASE_URL, which only works when that role is a superuser.
   */
  BACKUP_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://').optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PASSEND_DATA_DIR: z.string().min(1).default('./data'),
  /** Secret for encrypting TOTP secrets and signing tokens; at least 32 characters. Generated for PGlite installs. */
  PASSEND_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
  /** Seed the demo samenwerkingsverband on an empty database (default: on for PGlite, off for PostgreSQL). */
  PASSEND_DEMO: bool.optional(),
  /** Import the shipped DUO register snapshot when the register is empty (off for some tests). */
  PASSEND_REGISTER_IMPORT: bool.default(true),
  /** Fixed "today" (YYYY-MM-DD, Europe/Amsterdam) for demos and tests; normally unset. */
  PASSEND_TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'gebruik JJJJ-MM-DD').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Passend <noreply@passend.localhost>'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Set to false only behind plain-HTTP development proxies; the session cookie is then not __Host-/Secure. */
  COOKIE_SECURE: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Behind a reverse proxy: take the client address from the last X-Forwarded-For entry (the one the proxy added),
   * so rate limits count per client and not per proxy. Only set this when a proxy always sets that header.
   */
  TRUST_PROXY: bool.default(false),
  /** Run the background job worker in this process. */
  JOBS_WORKER: bool.default(true),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof ZConfig>;

/** Parses configuration; throws an Error whose message lists every problem in Dutch. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ZConfig.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ZConfig.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new Error(`De configuratie klopt niet:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Opening the database: PGlite (with a lock file, safe first initdb, checkpoint on close) or PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { tenantHelpers, type Database, type Db } from './client.js';
import { AppError } from '../errors.js';

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `undefined` or 'memory://' for an in-memory database (tests). */
  dataDir?: string;
  /** Load an existing PGlite dump (tar.gz) instead of running initdb: tests use a migrated template. */
  loadDataDir?: Blob;
  poolMax?: number;
}

/** Opens the configured database. Throws AppError('database_locked') when another process owns the PGlite dir. */
export async function openDatabase(opts: OpenOptions): Promise<Database & { pglite?: PGlite; pool?: pg.Pool }> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolMax ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPostgres(url: string, max: number) {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'passend' });
  // A broken idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  const owner = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres' as const,
    owner,
    pool,
    ...tenantHelpers(owner),
    async close() {
      await pool.end();
    },
  };
}

/** Path of the lock file for a PGlite data dir: beside the dir, not inside it (PGlite owns the inside). */
export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** True when a process with this pid exists (also when it belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock for a PGlite dir: O_EXCL create with our pid. A live owner → refuse; a dead owner's
 * stale lock is taken over. No time-based stealing (that corrupted data elsewhere: security-notes §4).
 */
export function acquireLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new AppError('database_locked', {
          detail:
            `De database in ${path.resolve(dataDir)} is al in gebruik door een ander Passend-proces (pid ${pid}). ` +
            'Stop dat proces eerst, of gebruik een andere map met PASSEND_DATA_DIR.',
        });
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new AppError('database_locked', { detail: `Kon het slot ${lockPath} niet nemen.` });
}

/**
 * PGlite keeps the whole database in WebAssembly memory. Its default shared_buffers (128 MB) roughly doubles the
 * resident memory for no gain at the size of one SWV (measured: RSS 401 → 267 MB on the demo data); file reads
 * still go through the OS page cache.
 */
const PGLITE_OPTIONS = {
  startParams: [...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams, '-c', 'shared_buffers=32MB'],
};

function isInitialised(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'PG_VERSION')) && fs.existsSync(path.join(dir, 'global', 'pg_control'));
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob) {
  let release: () => void = () => {};
  let pglite: PGlite;
  if (!dataDir || dataDir.startsWith('memory://')) {
    pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir });
  } else {
    const dir = path.resolve(dataDir);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    release = acquireLock(dir);
    try {
      if (fs.existsSync(dir) && !isInitialised(dir)) {
        // A kill during the first initdb leaves a half-made dir; it holds no user data, so start over.
        fs.rmSync(dir, { recursive: true, force: true });
      }
      if (!fs.existsSync(dir)) {
        // initdb into a temporary dir and rename it into place, so an interrupted first start is harmless.
        const tmp = `${dir}.init-${process.pid}`;
        fs.rmSync(tmp, { recursive: true, force: true });
        const init = await PGlite.create(tmp, PGLITE_OPTIONS);
        await init.close();
        fs.renameSync(tmp, dir);
      }
      pglite = await PGlite.create(dir, PGLITE_OPTIONS);
    } catch (err) {
      release();
      if (err instanceof AppError) throw err;
      throw new AppError('database_unreadable', {
        detail:
          `De database in ${dir} kan niet worden geopend (${(err as Error).message}). ` +
          'Zet een back-up terug met "passend restore <bestand>".',
        cause: err,
      });
    }
  }
  const owner = drizzlePglite(pglite) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite' as const,
    owner,
    pglite,
    ...tenantHelpers(owner),
    async close() {
      if (closed) return;
      closed = true;
      try {
        // Checkpoint so the next start needs no WAL replay (PGlite issues #327, #884).
        if (dataDir && !dataDir.startsWith('memory://')) await pglite.exec('CHECKPOINT');
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

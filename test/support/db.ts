/**
 * Test databases. Integration tests run on PGlite always and on PostgreSQL too when DATABASE_URL is set; under
 * CI=true a missing DATABASE_URL is a failure, not a silent skip (the brief: both databases in CI).
 *
 * PGlite: migrating a fresh in-memory database takes seconds, so the first test process dumps a migrated
 * template into tmp/ (keyed by a hash of migrations/) and later ones load it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/platform/db/open.js';
import { runMigrations, MIGRATIONS_DIR } from '../../src/platform/db/migrate.js';
import type { Database } from '../../src/platform/db/client.js';
import type { PGlite } from '@electric-sql/pglite';

export type DatabaseKind = 'pglite' | 'postgres';
export type TestDatabase = Database & { pglite?: PGlite };

/** The database kinds this run must cover. */
export function databaseKinds(): DatabaseKind[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error('CI=true maar DATABASE_URL ontbreekt: de integratietests moeten ook op PostgreSQL draaien.');
  }
  return ['pglite'];
}

function migrationsHash(): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) {
    h.update(f).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  }
  return h.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<Blob | undefined> {
  const file = path.resolve('tmp', `test-template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const db = await openDatabase({});
  await runMigrations(db);
  const dump = await (db as TestDatabase).pglite!.dumpDataDir('gzip');
  await db.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmpFile = `${file}.${process.pid}`;
  fs.writeFileSync(tmpFile, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmpFile, file); // atomic: parallel test processes never read a half-written template
  return new Blob([fs.readFileSync(file)]);
}

/** Opens a migrated database of the given kind. Each test creates its own tenant (unique SWV code). */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolMax: 5 });
    await runMigrations(db);
    return db;
  }
  const db = await openDatabase({ loadDataDir: await pgliteTemplate() });
  await runMigrations(db); // no-op on the template; keeps a stale template honest
  return db;
}

/**
 * A unique SWV code for a test tenant. It deliberately does not look like a DUO code (PO/VO + 4 digits), so test
 * tenants can never collide with the real register or with each other on a shared PostgreSQL database.
 */
export function uniqueSwvCode(sector: 'po' | 'vo' = 'po'): string {
  return `${sector.toUpperCase()}T${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
}

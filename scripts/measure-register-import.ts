/**
 * Measures loading the register snapshot: a fresh migrated database, the first import and a re-import.
 *
 *   npx tsx scripts/measure-register-import.ts            # PGlite (in memory)
 *   DATABASE_URL=postgres://… npx tsx scripts/measure-register-import.ts
 *
 * On PostgreSQL the first import is only "fresh" when the register is still empty there.
 */
import { openDatabase } from '../src/platform/db/open.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { importRegisterSnapshot, formatImportReport } from '../src/modules/register/commands.js';

const db = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {});
try {
  await runMigrations(db);
  for (const ronde of ['eerste import', 'herhaalde import']) {
    const r = await importRegisterSnapshot(db);
    console.log(`${db.kind} ${ronde}: ${r.duurMs} ms`);
    console.log(formatImportReport(r));
  }
} finally {
  await db.close();
}

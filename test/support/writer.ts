/**
 * Child process for the kill -9 test: opens a PGlite data dir and inserts pupils as fast as it can, printing
 * "ack <id>" after each committed transaction. The parent kills it at a random moment.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/platform/db/open.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { first } from '../../src/platform/db/client.js';

const dir = process.argv[2]!;
const swv = 'POTKILL9';
const db = await openDatabase({ dataDir: dir });
await runMigrations(db);
await db.owner.execute(sql`insert into swv (code, sector, naam) values (${swv}, 'po', 'kill -9') on conflict do nothing`);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const row = await db.withTenant({ swvId: swv, userId: null }, (tx) =>
    first<{ id: string }>(tx, sql`insert into leerling (swv_id, voornaam, achternaam, geboortedatum)
      values (${swv}, 'Kill', ${`Nr${i}`}, '2015-01-01') returning id`),
  );
  process.stdout.write(`ack ${row!.id}\n`);
}

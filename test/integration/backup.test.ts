/**
 * Backup → restore gives equal row counts in every table, on both databases; backups are encrypted (unreadable
 * without the secret, no plain database dump inside).
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.js';
import { buildTenant, buildLeerling, buildUser, TEST_SECRET } from '../support/app.js';
import { openDatabase } from '../../src/platform/db/open.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { rows, type Database } from '../../src/platform/db/client.js';
import { recordAudit, verifyAuditChain } from '../../src/platform/audit/audit.js';
import { backupPglite, backupPostgres, openBackup, restorePglite, restorePostgres } from '../../src/platform/backup/backup.js';

const tmpDirs: string[] = [];
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * Row counts per table. Tenant tables are counted per tenant as the app role (FORCE RLS hides them from the owner
 * on PostgreSQL), global tables in the systeem scope or as the owner.
 */
async function counts(db: Database): Promise<Record<string, number>> {
  const tables = await rows<{ t: string; tenant: boolean }>(db.owner, sql`
    select c.relname as t, exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'swv_id') as tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`);
  const swvs = (await rows<{ code: string }>(db.owner, sql`select code from swv`)).map((r) => r.code);
  const out: Record<string, number> = {};
  for (const { t, tenant } of tables) {
    const T = sql.raw(`"${t}"`);
    if (!tenant) {
      const ok = await db.withSystem((tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from ${T}`)).catch(() => null);
      out[t] = ok ? ok[0]!.n : (await rows<{ n: number }>(db.owner, sql`select count(*)::int as n from ${T}`))[0]!.n;
      continue;
    }
    let n = 0;
    for (const swv of swvs) {
      n += (await db.withTenant({ swvId: swv, userId: null }, (tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from ${T} where swv_id = ${swv}`)))[0]!.n;
    }
    out[t] = n;
  }
  return out;
}

async function seed(db: TestDatabase) {
  const t = await buildTenant(db);
  await buildUser(db, t, 'intern-begeleider');
  for (let i = 0; i < 5; i++) await buildLeerling(db, t, { achternaam: 'Backupkind' });
  await db.withTenant({ swvId: t.swvId, userId: null }, (tx) => recordAudit(tx, { swvId: t.swvId, actorGebruikerId: null, actorRol: 'test', actie: 'lezen', resultaat: 'ok' }));
}

for (const kind of databaseKinds()) {
  describe(`backup and restore [${kind}]`, () => {
    it('restore gives equal row counts in every table, a valid audit chain, and the backup is encrypted', async () => {
      if (kind === 'pglite') {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-backup-'));
        tmpDirs.push(dir);
        const src = await openDatabase({ dataDir: path.join(dir, 'bron') });
        await runMigrations(src);
        await seed(src as TestDatabase);
        const before = await counts(src);
        const file = await backupPglite((src as TestDatabase).pglite!, TEST_SECRET);
        await src.close();
        assert.equal(file.includes(Buffer.from('Backupkind')), false);
        assert.throws(() => openBackup('een-ander-geheim-van-minstens-32-tekens!!', file), /geheim/);
        const { payload } = openBackup(TEST_SECRET, file);
        await restorePglite(path.join(dir, 'terug'), payload);
        const restored = await openDatabase({ dataDir: path.join(dir, 'terug') });
        try {
          assert.deepEqual(await counts(restored), before);
          assert.ok((await verifyAuditChain(restored)).ok);
        } finally {
          await restored.close();
        }
        return;
      }
      const url = new URL(process.env.DATABASE_URL!);
      // pg_dump needs a role that reads every row (BYPASSRLS); .ci/run creates one. Without it, the owner is
      // (rightly) refused by FORCE ROW LEVEL SECURITY.
      const backupUrl = process.env.BACKUP_DATABASE_URL;
      if (!backupUrl) {
        assert.notEqual(process.env.CI, 'true', 'CI must set BACKUP_DATABASE_URL');
        return;
      }
      const src = await openTestDatabase('postgres');
      await seed(src);
      const before = await counts(src);
      const file = backupPostgres(backupUrl, TEST_SECRET);
      assert.equal(file.includes(Buffer.from('PGDMP')), false, 'no plain pg_dump inside');
      const target = `passend_herstel_${crypto.randomBytes(4).toString('hex')}`;
      await src.owner.execute(sql.raw(`create database ${target}`));
      try {
        const targetUrl = new URL(url.toString());
        targetUrl.pathname = `/${target}`;
        await restorePostgres(targetUrl.toString(), openBackup(TEST_SECRET, file).payload);
        const restored = await openDatabase({ databaseUrl: targetUrl.toString(), poolMax: 2 });
        try {
          assert.deepEqual(await counts(restored), before);
          assert.ok((await verifyAuditChain(restored)).ok);
        } finally {
          await restored.close();
        }
      } finally {
        await src.owner.execute(sql.raw(`drop database if exists ${target}`));
        await src.close();
      }
    });
  });
}

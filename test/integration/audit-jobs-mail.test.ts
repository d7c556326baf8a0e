/**
 * The audit chain (append-only, verifiable, tamper-evident, ordered under concurrency), the job queue (no job
 * runs twice with two workers on one PostgreSQL) and mail over a real SMTP server.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.js';
import { buildTenant } from '../support/app.js';
import { startSmtpServer } from '../support/smtp.js';
import { recordAudit, verifyAuditChain } from '../../src/platform/audit/audit.js';
import { enqueueJob, runDueJobs, claimJob } from '../../src/platform/jobs/queue.js';
import { queueMail, mailJobHandler } from '../../src/platform/mail/outbox.js';
import { rows } from '../../src/platform/db/client.js';

for (const kind of databaseKinds()) {
  describe(`audit chain [${kind}]`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await openTestDatabase(kind);
    });
    after(async () => db.close());

    it('1,000 events from concurrent transactions form one valid chain in commit order', async () => {
      const t = await buildTenant(db);
      const batches = Array.from({ length: 20 }, (_, b) =>
        db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
          for (let i = 0; i < 50; i++) {
            await recordAudit(tx, { swvId: t.swvId, actorGebruikerId: null, actorRol: 'test', actie: 'lezen', resultaat: 'ok', objectId: `${b}-${i}` });
          }
        }),
      );
      await Promise.all(batches);
      const r = await verifyAuditChain(db);
      assert.ok(r.ok, `chain broken at ${r.brokenAt}: ${r.reason}`);
      assert.ok(r.events >= 1000);
    });

    it('the app role cannot change or remove events, and neither can the owner through the triggers', async () => {
      const t = await buildTenant(db);
      await db.withTenant({ swvId: t.swvId, userId: null }, (tx) => recordAudit(tx, { swvId: t.swvId, actorGebruikerId: null, actorRol: 'test', actie: 'lezen', resultaat: 'ok' }));
      await assert.rejects(db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update audit_event set actie = 'x' where swv_id = ${t.swvId}`)));
      await assert.rejects(db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`delete from audit_event where swv_id = ${t.swvId}`)));
      await assert.rejects(db.withSystem((tx) => tx.execute(sql`truncate audit_event`)));
      if (kind === 'pglite') {
        // The owner (superuser on PGlite) is stopped by the trigger too.
        await assert.rejects(db.owner.execute(sql`update audit_event set actie = 'x' where swv_id = ${t.swvId}`), (err: Error) =>
          /append-only/.test(String((err.cause as Error | undefined)?.message ?? err.message)));
      }
    });

    if (kind === 'pglite') {
      it('verification finds a tampered event (private database only)', async () => {
        const t = await buildTenant(db);
        await db.withTenant({ swvId: t.swvId, userId: null }, (tx) => recordAudit(tx, { swvId: t.swvId, actorGebruikerId: null, actorRol: 'test', actie: 'lezen', resultaat: 'ok' }));
        assert.ok((await verifyAuditChain(db)).ok);
        // An attacker with owner rights switches the trigger off and edits history.
        await db.owner.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
        await db.owner.execute(sql`update audit_event set actie = 'wijzigen' where seq = (select max(seq) from audit_event)`);
        await db.owner.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
        const r = await verifyAuditChain(db);
        assert.equal(r.ok, false);
        assert.equal(r.reason, 'hash klopt niet');
      });

      it('verification finds events removed from the end of the chain (private database only)', async () => {
        const fresh = await openTestDatabase('pglite');
        try {
          const t = await buildTenant(fresh);
          for (let i = 0; i < 3; i++) {
            await fresh.withTenant({ swvId: t.swvId, userId: null }, (tx) => recordAudit(tx, { swvId: t.swvId, actorGebruikerId: null, actorRol: 'test', actie: 'lezen', resultaat: 'ok' }));
          }
          assert.ok((await verifyAuditChain(fresh)).ok);
          await fresh.owner.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
          await fresh.owner.execute(sql`delete from audit_event where seq = (select max(seq) from audit_event)`);
          await fresh.owner.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
          const r = await verifyAuditChain(fresh);
          assert.equal(r.ok, false);
          assert.match(r.reason!, /ontbreken/);
        } finally {
          await fresh.close();
        }
      });
    }
  });

  describe(`jobs and mail [${kind}]`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await openTestDatabase(kind);
    });
    after(async () => db.close());

    it('a due job runs once; a failing job is retried later and then marked mislukt', async () => {
      const soort = `test-${Date.now()}-${Math.random()}`;
      await db.withSystem((tx) => enqueueJob(tx, soort, { n: 1 }));
      let runs = 0;
      assert.equal(await runDueJobs(db, { [soort]: async () => { runs += 1; } }, 'w1'), 1);
      assert.equal(await runDueJobs(db, { [soort]: async () => { runs += 1; } }, 'w1'), 0);
      assert.equal(runs, 1);
      const bad = `${soort}-bad`;
      await db.withSystem((tx) => enqueueJob(tx, bad, {}));
      await runDueJobs(db, { [bad]: async () => { throw new Error('kapot'); } }, 'w1');
      const [row] = await db.withSystem((tx) => rows<{ status: string; pogingen: number; laatste_fout: string }>(tx, sql`select status, pogingen, laatste_fout from job where soort = ${bad}`));
      assert.equal(row!.status, 'wachtend', 'retried later, not at once');
      assert.equal(row!.laatste_fout, 'kapot');
    });

    it('a job with a key is scheduled once and moved, not duplicated', async () => {
      const sleutel = `herinnering-${Date.now()}-${Math.random()}`;
      await db.withSystem((tx) => enqueueJob(tx, 'herinnering', {}, { sleutel, uitvoerenOp: new Date(Date.now() + 86_400_000) }));
      await db.withSystem((tx) => enqueueJob(tx, 'herinnering', {}, { sleutel, uitvoerenOp: new Date(Date.now() + 2 * 86_400_000) }));
      const r = await db.withSystem((tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from job where sleutel = ${sleutel}`));
      assert.equal(r[0]!.n, 1);
    });

    if (kind === 'postgres') {
      it('two app processes (two connection pools) on one PostgreSQL never run a job twice', async () => {
        const other = await openTestDatabase('postgres');
        try {
          const soort = `race-${Date.now()}-${Math.random()}`;
          await db.withSystem(async (tx) => {
            for (let i = 0; i < 60; i++) await enqueueJob(tx, soort, { i });
          });
          const seen: number[] = [];
          const handler = { [soort]: async (p: Record<string, unknown>) => { seen.push(Number(p.i)); await new Promise((r) => setTimeout(r, 2)); } };
          const [a, b] = await Promise.all([runDueJobs(db, handler, 'proces-a'), runDueJobs(other, handler, 'proces-b')]);
          assert.equal(a + b, 60);
          assert.ok(a > 0 && b > 0, `both workers took work (${a}/${b})`);
          assert.equal(new Set(seen).size, 60);
          assert.equal(seen.length, 60, 'no job ran twice');
        } finally {
          await other.close();
        }
      });
    }

    it('claiming skips a job that another transaction holds (FOR UPDATE SKIP LOCKED)', async () => {
      const soort = `claim-${Date.now()}-${Math.random()}`;
      await db.withSystem((tx) => enqueueJob(tx, soort, {}));
      const first = await claimJob(db, 'w1', [soort]);
      const second = await claimJob(db, 'w2', [soort]);
      assert.ok(first);
      assert.equal(second, undefined, 'a claimed job is not handed out again');
    });

    it('mail is delivered over SMTP to a real SMTP server', async () => {
      const smtp = await startSmtpServer();
      try {
        const aan = `smtp-${Date.now()}@test.passend.test`;
        await db.withSystem((tx) => queueMail(tx, { aan, onderwerp: 'Test van Passend', tekst: 'Hallo vanuit de test.' }));
        const handler = mailJobHandler(db, { smtpUrl: smtp.url, from: 'Passend <noreply@passend.test>' });
        await runDueJobs(db, { mail: handler }, 'mailer');
        const got = smtp.received.find((r) => r.to === aan);
        assert.ok(got, 'the SMTP server received the mail');
        assert.match(got!.data, /Subject: Test van Passend/);
        assert.match(got!.data, /Hallo vanuit de test/);
        const [row] = await db.withSystem((tx) => rows<{ status: string }>(tx, sql`select status from mail_bericht where aan = ${aan}`));
        assert.equal(row!.status, 'verzonden');
      } finally {
        await smtp.close();
      }
    });
  });
}
